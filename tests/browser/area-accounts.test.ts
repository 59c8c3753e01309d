import {
  loginInBrowser,
  openAdmin,
  pageErrors,
  screenshot,
  useBrowserApp,
  waitForAppIdle,
  waitForHeading,
} from './harness';
import { blockingAxeViolations, PHONE, PLUGIN_SCOPE, scrollsSideways } from './page-checks';

const USER_UID = 'plugin::users-permissions.user';
const EMAIL = 'cultura.portal@calimaya.test';

describe('Cuentas de áreas en el panel', () => {
  const ctx = useBrowserApp();

  it('una coordinadora crea la cuenta de un área, la ve en la lista y la desactiva', async () => {
    const page = await ctx.newPage();
    await loginInBrowser(page, 'coordinador_comunicacion');
    await openAdmin(page, '/plugins/comunicacion/cuentas-areas');
    await waitForHeading(page, 'Cuentas de áreas');
    await page.getByText('Todavía no hay cuentas de áreas.').waitFor();

    // When she opens «Nueva cuenta» and fills the e-mail, the name and the area
    await page.getByRole('button', { name: 'Nueva cuenta' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Nueva cuenta' });
    await dialog.getByRole('textbox', { name: /^Correo del área/ }).fill(EMAIL);
    await dialog.getByRole('textbox', { name: /^Nombre de la cuenta/ }).fill('Cultura portal');
    const area = dialog.getByRole('combobox', { name: /^Área/ });
    await area.click();
    await area.pressSequentially('Cultura');
    await page.getByRole('option', { name: /Dirección de Cultura/ }).click();
    expect(await blockingAxeViolations(page, 'nueva cuenta', '[role="dialog"]')).toEqual([]);
    await screenshot(page, 'nueva-cuenta');
    await dialog.getByRole('button', { name: 'Crear y enviar invitación' }).click();

    // Then the account is listed, active, and its invitation waits in the outbox
    await page.getByText(/La invitación para elegir la contraseña va en camino/).waitFor();
    const row = page.getByRole('row', { name: EMAIL });
    await expect(row.innerText()).resolves.toMatch(
      /Cultura portal[\s\S]*Dirección de Cultura[\s\S]*Activa/i
    );
    const outbox = (await ctx.app.strapi.db
      .connection('notification_outbox')
      .where({ recipient: EMAIL })) as { subject: string; text_body: string }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0].text_body).toMatch(/\/areas\/restablecer\.html\?code=[0-9a-f]+/);
    await waitForAppIdle(page);
    expect(await blockingAxeViolations(page, 'cuentas-areas', PLUGIN_SCOPE)).toEqual([]);
    await screenshot(page, 'lista');

    // When she deactivates it and confirms
    await row.getByRole('button', { name: `Desactivar ${EMAIL}` }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(/se cerrarán al instante todas sus sesiones/).waitFor();
    await confirm.getByRole('button', { name: 'Confirmar' }).click();

    // Then it shows deactivated, the server blocked it, and it can be reactivated
    await page.getByText(/Se desactivó .* y se cerraron todas sus sesiones/).waitFor();
    await row.getByText('Desactivada').waitFor();
    await row.getByRole('button', { name: `Reactivar ${EMAIL}` }).waitFor();
    const stored = await ctx.app.strapi.db
      .query(USER_UID)
      .findOne({ where: { email: EMAIL }, select: ['blocked'] });
    expect(stored.blocked).toBe(true);
    await screenshot(page, 'desactivada');

    // The state filter finds it among the deactivated ones only
    await openAdmin(page, '/plugins/comunicacion/cuentas-areas?state=activa');
    await page.getByText('Ninguna cuenta coincide con los filtros.').waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('en un teléfono la lista son tarjetas, sin desplazamiento lateral, y se llega por «Ir a»', async () => {
    const page = await ctx.newPage({ viewport: PHONE });
    await loginInBrowser(page, 'director');
    await openAdmin(page, '/plugins/comunicacion/bandejas');
    await page.getByRole('combobox', { name: 'Ir a' }).click();
    await page.getByRole('option', { name: 'Cuentas de áreas' }).click();
    await waitForHeading(page, 'Cuentas de áreas');
    await waitForAppIdle(page);
    const card = page.getByRole('listitem').filter({ hasText: EMAIL });
    await expect(card.innerText()).resolves.toMatch(/Desactivada/i);
    await card.getByRole('button', { name: `Reactivar ${EMAIL}` }).click();
    await card.getByText('Activa', { exact: true }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    expect(await blockingAxeViolations(page, 'cuentas-areas teléfono', PLUGIN_SCOPE)).toEqual([]);
    await screenshot(page, 'telefono');
    expect(pageErrors(page)).toEqual([]);
  });
});
