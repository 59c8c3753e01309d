import fs from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Where the README's screenshots live. */
export const DOCS_SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

/** A phone in portrait (iPhone 12–15 size). */
export const PHONE = { width: 390, height: 844 };

/**
 * The part of the page axe checks: a CSS selector (`'main'`, `'[role="dialog"]'`) or an axe
 * context with `include`/`exclude` lists. Without one, the whole document.
 */
export type AxeScope = string | { include: string[][]; exclude?: string[][] };

/**
 * What axe checks on a plugin page: the page's main content and the plugin's own side menu.
 * Strapi's chrome around them (main menu, header bar) is Strapi's to fix, not the plugin's.
 */
export const PLUGIN_SCOPE: AxeScope = {
  include: [['main'], ['nav[aria-label="Comunicación Social"]']],
};

/**
 * The critical and serious WCAG 2.1 A/AA violations axe-core finds on the page (or inside
 * `scope`), one readable entry per violation: where, rule, impact, help and each failing node, so
 * `expect(…).toEqual([])` says what to fix. axe's source is evaluated through the DevTools
 * protocol rather than added as a <script>: the public site's Content Security Policy
 * (script-src 'self') would refuse an inline one.
 */
export const blockingAxeViolations = async (
  page: Page,
  label: string,
  scope?: AxeScope
): Promise<string[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const context = typeof scope === 'string' ? { include: [[scope]] } : (scope ?? null);
  const results = await page.evaluate(
    ([ctx, tags]) =>
      (
        window as unknown as {
          axe: { run(context: unknown, options: object): Promise<AxeResults> };
        }
      ).axe.run(ctx ?? document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    [context, WCAG_TAGS] as const
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${label} (${new URL(page.url()).pathname}): ${violation.id} (${violation.impact}) ` +
        `${violation.help}\n` +
        violation.nodes
          .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
          .join('\n')
    );
};

/** Whether the page scrolls sideways (a phone layout must not). */
export const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

const forDocs = () => process.env.SCREENSHOTS_FOR_DOCS === '1';

/**
 * With `SCREENSHOTS_FOR_DOCS=1`, saves what the screen shows as `docs/screenshots/<name>.png` for
 * the README; otherwise does nothing.
 */
export const docsScreenshot = async (page: Page, name: string): Promise<void> => {
  if (!forDocs()) return;
  fs.mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
  // No focus ring on the last field touched: the picture shows the page at rest.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Strapi's own announcement banner (its media library) is not the office's work: left out of
  // the picture only, the page keeps it. An open menu or dialog hides it from assistive
  // technology, not from the screen.
  const closeButtons = page.getByRole('button', { name: 'Cerrar el aviso.', includeHidden: true });
  for (const close of await closeButtons.all()) {
    await close.evaluate((button) => {
      let banner = button.parentElement;
      while (banner && !getComputedStyle(banner).backgroundImage.includes('gradient'))
        banner = banner.parentElement;
      banner?.setAttribute('data-docs-hidden', '');
    });
  }
  // Menus and dialogs still fading in are shown as they end up.
  await page.screenshot({
    path: path.join(DOCS_SCREENSHOT_DIR, `${name}.png`),
    animations: 'disabled',
    style: '[data-docs-hidden] { display: none !important; }',
  });
  await page.evaluate(() =>
    document.querySelectorAll('[data-docs-hidden]').forEach((node) => {
      node.removeAttribute('data-docs-hidden');
    })
  );
};

/**
 * With `SCREENSHOTS_FOR_DOCS=1`, copies a PNG made otherwise (a PDF's first page) into
 * `docs/screenshots/<name>.png`; otherwise does nothing.
 */
export const docsImage = (file: string, name: string): void => {
  if (!forDocs()) return;
  fs.mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
  fs.copyFileSync(file, path.join(DOCS_SCREENSHOT_DIR, `${name}.png`));
};
