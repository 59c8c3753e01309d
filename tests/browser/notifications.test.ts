import type { Page } from 'playwright-core';
import {
  loginInBrowser,
  openAdmin,
  pageErrors,
  screenshot,
  useBrowserApp,
  waitForAppIdle,
  waitForHeading,
} from './harness';

const navLink = (page: Page) =>
  page.getByRole('navigation').getByRole('link', { name: /^Notificaciones/ });
const badge = (page: Page) => navLink(page).getByTestId('unread-badge');
/** Waits until the menu's badge reads `text`. */
const badgeReads = (page: Page, text: string) =>
  badge(page)
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor();
const notice = (page: Page, title: string) =>
  page.getByRole('listitem', { name: title, exact: true });

describe('Notificaciones en el navegador: el contador de no leídas baja al marcarlas', () => {
  const ctx = useBrowserApp();

  it('una diseñadora con 3 avisos ve «3», marca uno (2) y luego todos (sin contador)', async () => {
    const { app } = ctx;
    const page = await ctx.newPage();
    const session = await loginInBrowser(page, 'disenador_senior');

    // Given: three unread notices for her and one for somebody else.
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const table = () => app.strapi.db.getConnection('staff_notifications');
    await table().insert([
      {
        user_id: session.user.id,
        title: 'Te asignaron el arte de la Feria del Elote',
        body: 'Arte digital · vence el jueves 19 de noviembre',
        link: '/plugins/comunicacion/bandejas',
        created_at: minutesAgo(60 * 3),
      },
      {
        user_id: session.user.id,
        title: 'Observaciones a la propuesta 2',
        body: 'El área pide cambiar el orden de los logotipos.',
        link: null,
        created_at: minutesAgo(5),
      },
      {
        user_id: session.user.id,
        title: 'Vence hoy: lona del informe',
        body: 'Material de imprenta · DCSGD/0042/2026',
        link: null,
        created_at: minutesAgo(60 * 30),
      },
      {
        user_id: session.user.id + 1000,
        title: 'Aviso de otra persona',
        body: 'No debe verse.',
        created_at: minutesAgo(1),
      },
    ]);

    // When she opens the plugin, the menu shows 3 unread.
    await openAdmin(page, '/plugins/comunicacion/bandejas');
    await badgeReads(page, '3');

    // Then Notificaciones lists her three notices, newest first, all highlighted as new.
    await navLink(page).click();
    await waitForHeading(page, 'Notificaciones');
    await waitForAppIdle(page);
    await page.getByText('Tienes 3 notificaciones sin leer.').waitFor();
    const items = page.getByRole('list', { name: 'Lista de notificaciones' }).getByRole('listitem');
    await expect(
      items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')))
    ).resolves.toEqual([
      'Observaciones a la propuesta 2',
      'Te asignaron el arte de la Feria del Elote',
      'Vence hoy: lona del informe',
    ]);
    await expect(
      items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-unread')))
    ).resolves.toEqual(['true', 'true', 'true']);
    // When each arrived, in words; the exact time (Mexico City) is beside it.
    const when = (title: string) => notice(page, title).locator('time').textContent();
    await expect(when('Observaciones a la propuesta 2')).resolves.toBe('hace 5 minutos');
    await expect(when('Te asignaron el arte de la Feria del Elote')).resolves.toBe('hace 3 horas');
    await expect(when('Vence hoy: lona del informe')).resolves.toBe('ayer');
    await expect(page.getByText('Aviso de otra persona').count()).resolves.toBe(0);
    await screenshot(page, 'tres-sin-leer');

    // When she marks one read, it loses its highlight and the badge reads 2.
    const observations = notice(page, 'Observaciones a la propuesta 2');
    await observations.getByRole('button', { name: 'Marcar como leída' }).click();
    await badgeReads(page, '2');
    await page.getByText('Tienes 2 notificaciones sin leer.').waitFor();
    await observations
      .getByRole('button', { name: 'Marcar como leída' })
      .waitFor({ state: 'detached' });
    await expect(observations.getAttribute('data-unread')).resolves.toBe('false');

    // The unread filter leaves it out.
    await page.getByRole('tab', { name: 'No leídas' }).click();
    await waitForAppIdle(page);
    await expect(items.count()).resolves.toBe(2);
    await expect(observations.count()).resolves.toBe(0);
    await page.getByRole('tab', { name: 'Todas' }).click();
    await waitForAppIdle(page);
    await expect(items.count()).resolves.toBe(3);

    // When she marks all read, the badge disappears and nothing is highlighted.
    await page.getByRole('button', { name: 'Marcar todas como leídas' }).click();
    await badge(page).waitFor({ state: 'detached' });
    await page.getByText('Estás al día: no tienes notificaciones sin leer.').waitFor();
    await waitForAppIdle(page);
    await expect(
      items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-unread')))
    ).resolves.toEqual(['false', 'false', 'false']);
    await expect(
      page.getByRole('button', { name: 'Marcar todas como leídas' }).isDisabled()
    ).resolves.toBe(true);
    await screenshot(page, 'todas-leidas');

    // The server agrees: none of hers is unread, the other person's notice is untouched.
    const unread = (await table().whereNull('read_at').select('user_id')) as { user_id: number }[];
    expect(unread.map((row) => Number(row.user_id))).toEqual([session.user.id + 1000]);
    expect(pageErrors(page)).toEqual([]);
  });
});
