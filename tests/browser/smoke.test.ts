import type { Page } from 'playwright-core';
import {
  loginInBrowser,
  pageErrors,
  screenshot,
  useBrowserApp,
  waitForAppIdle,
  waitForHeading,
} from './harness';

const PAGES = [
  'Tablero',
  'Bandejas',
  'Calendario de coberturas',
  'Días inhábiles',
  'Configuración',
  'Cuentas de áreas',
] as const;

/** The plugin's own side navigation, beside the admin's main menu. */
const subNav = (page: Page) => page.getByRole('navigation', { name: 'Comunicación Social' });

const openPlugin = async (page: Page) => {
  await page.getByRole('link', { name: 'Comunicación Social' }).click();
  await page.waitForURL(/\/admin\/plugins\/comunicacion/);
  await subNav(page).waitFor();
  await waitForAppIdle(page);
};

describe('Panel en el navegador: entrada y navegación de Comunicación Social', () => {
  const ctx = useBrowserApp();

  it('el Director inicia sesión con el formulario, en español, y ve todas las páginas', async () => {
    // Given: the Director has an account; a visitor without a session is sent to the login form
    await loginInBrowser(await ctx.newPage(), 'director');
    const page = await ctx.newPage();
    await page.goto('/admin');
    await page.waitForURL(/\/admin\/auth\/login/);
    await waitForHeading(page, 'Comunicación Social y Gobierno Digital');
    await screenshot(page, 'inicio-de-sesion');

    // When: the Director logs in through the form
    await loginInBrowser(page, 'director');
    expect(new URL(page.url()).pathname).not.toContain('/auth/');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await screenshot(page, 'inicio-director');

    // Then: the menu entry opens the plugin with every page in its navigation
    await openPlugin(page);
    for (const label of PAGES) {
      await expect(
        subNav(page).getByRole('link', { name: label, exact: true }).count()
      ).resolves.toBe(1);
    }
    await screenshot(page, 'comunicacion-director');
    expect(pageErrors(page)).toEqual([]);
  });

  it('un Fotógrafo(a) ve su trabajo pero no los días inhábiles, la configuración ni las cuentas de áreas', async () => {
    const page = await ctx.newPage();
    await loginInBrowser(page, 'fotografo');
    await openPlugin(page);

    const nav = subNav(page);
    await expect(nav.getByRole('link', { name: 'Bandejas', exact: true }).count()).resolves.toBe(1);
    await expect(
      nav.getByRole('link', { name: 'Calendario de coberturas', exact: true }).count()
    ).resolves.toBe(1);
    await expect(
      nav.getByRole('link', { name: 'Días inhábiles', exact: true }).count()
    ).resolves.toBe(0);
    await expect(
      nav.getByRole('link', { name: 'Configuración', exact: true }).count()
    ).resolves.toBe(0);
    await expect(
      nav.getByRole('link', { name: 'Cuentas de áreas', exact: true }).count()
    ).resolves.toBe(0);
    await screenshot(page, 'comunicacion-fotografo');
    expect(pageErrors(page)).toEqual([]);
  });
});
