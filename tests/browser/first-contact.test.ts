import type { Page } from 'playwright-core';
import { loginAsAdmin } from '../harness/auth';
import { loginInBrowser, pageErrors, screenshot, useBrowserApp, waitForAppIdle } from './harness';

const LANGUAGE_KEY = 'strapi-admin-language';

/** English that Strapi shows when the interface falls back to its default language. */
const ENGLISH =
  /Welcome to Strapi|Log in to your Strapi account|\bLogin\b|Remember me|Forgot your password|Add Widget/;

/** The plugin's entry in the main menu (named by its label, the icon inside it). */
const pluginEntry = (page: Page) =>
  page.getByRole('navigation').getByRole('link', { name: 'Comunicación Social', exact: true });

describe('Primer contacto: español desde la primera pantalla y cada quien en su lugar de trabajo', () => {
  const ctx = useBrowserApp();

  beforeAll(async () => {
    // An installation in use: its administrator exists (otherwise Strapi asks to create one).
    await loginAsAdmin(ctx.app);
  });

  it('un navegador nuevo en es-MX ve el inicio de sesión en español y el coordinador llega a sus Bandejas', async () => {
    // Given a browser that never opened the panel (Accept-Language: es-MX, nothing stored)
    const page = await ctx.newPage({ language: null });
    const accepted = page.waitForRequest((request) => request.url().endsWith('/admin'));
    await page.goto('/admin');
    expect((await accepted).headers()['accept-language']).toMatch(/^es-MX/);

    // Then the login page speaks Spanish
    await page.waitForURL((url) => url.pathname.startsWith('/admin/auth/login'));
    await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
    await page.getByRole('heading', { name: 'Comunicación Social y Gobierno Digital' }).waitFor();
    await page.getByRole('textbox', { name: /Correo/ }).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(ENGLISH);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(
      page.evaluate((key) => window.localStorage.getItem(key), LANGUAGE_KEY)
    ).resolves.toBe('es');
    await screenshot(page, 'inicio-de-sesion');

    // When the coordinator logs in
    const session = await loginInBrowser(page, 'coordinador_comunicacion');

    // Then the first page is the plugin's Bandejas, not Strapi's home
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/plugins\/comunicacion\/bandejas/);
    await page
      .getByRole('heading', { name: /Bandejas|Recepción/ })
      .first()
      .waitFor();

    // And the menu shows the plugin's own icon with the unread notices
    const entry = pluginEntry(page);
    await entry.getByTestId('plugin-menu-icon').waitFor();
    await expect(entry.getByTestId('plugin-menu-unread').count()).resolves.toBe(0);
    await ctx.app.strapi.db.getConnection('staff_notifications').insert(
      ['Nuevo oficio DCSGD/0001/2026', 'Vence hoy: lona del informe'].map((title) => ({
        user_id: session.user.id,
        title,
        body: 'Aviso de prueba',
        link: null,
        created_at: new Date(),
      }))
    );
    await page.reload();
    await waitForAppIdle(page);
    await entry.getByTestId('plugin-menu-unread').filter({ hasText: /^2$/ }).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(ENGLISH);
    await screenshot(page, 'bandejas-tras-iniciar-sesion');

    // The content manager's feather is not the plugin's icon.
    const contentManager = page
      .getByRole('navigation')
      .getByRole('link', { name: /^Administrador de Contenido$/i });
    if (await contentManager.count()) {
      expect(await entry.locator('svg').first().innerHTML()).not.toBe(
        await contentManager.locator('svg').first().innerHTML()
      );
    }

    const stored = (await ctx.app.strapi.db
      .query('admin::user')
      .findOne({ where: { id: session.user.id }, select: ['preferedLanguage'] })) as {
      preferedLanguage: string | null;
    };
    expect(stored.preferedLanguage).toBe('es');
    expect(pageErrors(page)).toEqual([]);
  });

  it('quien eligió inglés en su navegador lo conserva, y el administrador conserva la página de inicio', async () => {
    const english = await ctx.newPage({ language: 'en' });
    await english.goto('/admin/auth/login');
    await english.getByRole('button', { name: 'Login' }).waitFor();
    await expect(
      english.evaluate((key) => window.localStorage.getItem(key), LANGUAGE_KEY)
    ).resolves.toBe('en');

    const page = await ctx.newPage({ language: null });
    await loginInBrowser(page, 'strapi-super-admin');
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/?$/);
    await waitForAppIdle(page);
    expect(await page.locator('main').first().innerText()).not.toMatch(ENGLISH);
    await screenshot(page, 'inicio-administrador');
    expect(pageErrors(page)).toEqual([]);
  });
});
