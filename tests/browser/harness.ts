import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { ROLE_LABELS, type Role } from '../../src/domain/workflows';
import { bootApp, type BootOptions, type TestApp } from '../harness/app';
import { loginAsAdmin, TEST_PASSWORD, type Session } from '../harness/auth';

/** Debian's Chromium; a browser is never downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where screenshots go: a test artefact, never committed. */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

/** The admin panel's own key for the interface language. */
const LANGUAGE_KEY = 'strapi-admin-language';

// A browser test boots Strapi, starts Chromium and renders the admin: slower than an HTTP test.
jest.setTimeout(120_000);

export interface BrowserApp {
  /** The running application (Strapi, its database, supertest). */
  readonly app: TestApp;
  /** e.g. `http://127.0.0.1:41234`; pages resolve relative URLs against it. */
  readonly baseUrl: string;
  readonly browser: Browser;
  /**
   * A page in a context of its own (own cookies and storage), in Spanish, 1440×900. `language`
   * is the interface language already stored in the browser (`null`: none, a first visit);
   * `viewport` another screen size (a phone: 390×844).
   */
  newPage(options?: NewPageOptions): Promise<Page>;
}

export interface NewPageOptions {
  language?: string | null;
  viewport?: { width: number; height: number };
}

interface PageState {
  owner: BrowserApp;
  inFlight: number;
  lastActivity: number;
  errors: string[];
}

const pages = new WeakMap<Page, PageState>();

const stateOf = (page: Page): PageState => {
  const state = pages.get(page);
  if (!state) throw new Error('La página no se abrió con newPage() de useBrowserApp()');
  return state;
};

const isAppRequest = (resourceType: string) => resourceType === 'fetch' || resourceType === 'xhr';

/**
 * Boots the real application and one Chromium for a describe block (once per test file), and
 * closes every page, the browser and the application after it. Read the fields inside tests or
 * hooks: they exist once `beforeAll` has run.
 *
 * ```ts
 * const ctx = useBrowserApp();
 * it('…', async () => {
 *   const page = await ctx.newPage();
 *   await loginInBrowser(page, 'director');
 * });
 * ```
 */
export const useBrowserApp = (options: BootOptions = {}): BrowserApp => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let baseUrl: string | undefined;
  const contexts: BrowserContext[] = [];

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useBrowserApp(): ${name} aún no está listo`);
    return value;
  };

  const handle: BrowserApp = {
    get app() {
      return ready(app, 'app');
    },
    get baseUrl() {
      return ready(baseUrl, 'baseUrl');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    async newPage({ language = 'es', viewport = { width: 1440, height: 900 } } = {}) {
      const context = await ready(browser, 'browser').newContext({
        baseURL: handle.baseUrl,
        viewport,
        locale: 'es-MX',
        timezoneId: 'America/Mexico_City',
      });
      contexts.push(context);
      context.setDefaultTimeout(30_000);
      context.setDefaultNavigationTimeout(60_000);
      // The language a returning browser has stored; a user's later choice is kept.
      if (language) {
        await context.addInitScript(
          ([key, value]: [string, string]) => {
            if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, value);
          },
          [LANGUAGE_KEY, language] as [string, string]
        );
      }

      const page = await context.newPage();
      const state: PageState = { owner: handle, inFlight: 0, lastActivity: Date.now(), errors: [] };
      pages.set(page, state);
      const settled = (request: { resourceType(): string }) => {
        if (!isAppRequest(request.resourceType())) return;
        state.inFlight = Math.max(0, state.inFlight - 1);
        state.lastActivity = Date.now();
      };
      page.on('request', (request) => {
        if (!isAppRequest(request.resourceType())) return;
        state.inFlight += 1;
        state.lastActivity = Date.now();
      });
      page.on('requestfinished', settled);
      page.on('requestfailed', settled);
      page.on('pageerror', (error) => state.errors.push(error.message));
      return page;
    },
  };

  beforeAll(async () => {
    app = await bootApp(options);
    const { port } = app.strapi.server.httpServer.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
    await browser?.close();
    if (app) await app.close();
    // A boot that failed half-way leaves an instance with open handles: stop it so Jest exits.
    else
      await (global as { strapi?: { destroy(): Promise<void> } }).strapi
        ?.destroy()
        .catch(() => undefined);
  });

  return handle;
};

/** Admin users already created in this file, per role, so a role logs in as the same person. */
const usersByRole = new WeakMap<TestApp, Map<string, Session>>();

const roleName = (role: Role | string) => (role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role);

/**
 * Opens `/admin`, logs in through the login form as an admin user of the seeded role and waits for
 * the home page. `role` is a role key (`'director'`, `'disenador_senior'`), a role name
 * (`'Fotógrafo(a)'`) or a role code (`'strapi-super-admin'`). The user is created on first use and
 * reused afterwards; the returned session also works for API calls (`.set(session.auth)`).
 */
export const loginInBrowser = async (page: Page, role: Role | string): Promise<Session> => {
  const { owner } = stateOf(page);
  const name = roleName(role);
  const known = usersByRole.get(owner.app) ?? new Map<string, Session>();
  usersByRole.set(owner.app, known);
  const session = known.get(name) ?? (await loginAsAdmin(owner.app, name));
  known.set(name, session);

  const response = await page.goto('/admin/auth/login');
  if (!response?.ok()) {
    throw new Error(
      `GET /admin/auth/login respondió ${response?.status()}: ¿está construido el panel (dist/build)?`
    );
  }
  await page.locator('input[name="email"]').fill(session.user.email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page
    .waitForURL((url) => !url.pathname.startsWith('/admin/auth'))
    .catch(async (error: Error) => {
      const alerts = await page.getByRole('alert').allInnerTexts();
      throw new Error(
        `${session.user.email} (${name}) no pasó del formulario de inicio de sesión` +
          `${alerts.length ? `: ${alerts.join(' / ')}` : ''}. ${error.message}`
      );
    });
  await page.getByRole('navigation').first().waitFor();
  await waitForAppIdle(page);
  return session;
};

/**
 * Waits until the admin has no request to the server in flight and none started for `quietMs`:
 * the page has loaded its data. Fails after `timeout` ms.
 */
export const waitForAppIdle = async (
  page: Page,
  { quietMs = 400, timeout = 30_000 }: { quietMs?: number; timeout?: number } = {}
): Promise<void> => {
  const state = stateOf(page);
  const deadline = Date.now() + timeout;
  await page.waitForLoadState('load', { timeout });
  while (state.inFlight > 0 || Date.now() - state.lastActivity < quietMs) {
    if (Date.now() > deadline) {
      throw new Error(
        `La página siguió con ${state.inFlight} petición(es) en curso tras ${timeout} ms`
      );
    }
    await page.waitForTimeout(50);
  }
};

/** Waits for a visible heading with this text (exact string or pattern) and returns it. */
export const waitForHeading = async (
  page: Page,
  name: string | RegExp,
  { timeout = 30_000 }: { timeout?: number } = {}
): Promise<Locator> => {
  const heading = page.getByRole('heading', { name, exact: typeof name === 'string' }).first();
  await heading.waitFor({ state: 'visible', timeout });
  return heading;
};

/** Navigates inside the admin (`adminPath` like `/plugins/comunicacion/bandejas`) and waits. */
export const openAdmin = async (page: Page, adminPath: string): Promise<void> => {
  await page.goto(`/admin${adminPath.startsWith('/') ? '' : '/'}${adminPath}`);
  await waitForAppIdle(page);
};

/** Uncaught errors the page has thrown so far (React crashes, failed scripts). */
export const pageErrors = (page: Page): readonly string[] => stateOf(page).errors;

const cleared = new Set<string>();

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Saves a full-page PNG as `test-artifacts/screenshots/<test file>--<name>.png` and returns its
 * path. The file's earlier screenshots are removed on its first call in a run.
 */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  const testPath = expect.getState().testPath ?? 'browser';
  const prefix = slug(path.basename(testPath).replace(/\.test\.[jt]sx?$/, ''));
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  if (!cleared.has(prefix)) {
    cleared.add(prefix);
    for (const file of fs.readdirSync(SCREENSHOT_DIR)) {
      if (file.startsWith(`${prefix}--`))
        fs.rmSync(path.join(SCREENSHOT_DIR, file), { force: true });
    }
  }
  const file = path.join(SCREENSHOT_DIR, `${prefix}--${slug(name)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};
