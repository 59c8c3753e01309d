import type { UID } from '@strapi/strapi';
import type { Page } from 'playwright-core';
import { createOficio, OFICIO_UID } from '../harness/workflow-fixtures';
import {
  loginInBrowser,
  openAdmin,
  pageErrors,
  screenshot,
  useBrowserApp,
  waitForAppIdle,
  waitForHeading,
} from './harness';

const DESIGN = 'api::design.design';

const tab = (page: Page, label: string) =>
  page.getByRole('tab', { name: new RegExp(`^${label}\\b`) });
/** Table rows are named by the item's title. */
const row = (page: Page, title: string) => page.getByRole('row', { name: title, exact: true });

const oficioRow = async (ctx: ReturnType<typeof useBrowserApp>, documentId: string) =>
  (await ctx.app.strapi.db
    .query(OFICIO_UID as UID.ContentType)
    .findOne({ where: { documentId } })) as {
    isLate: boolean;
    lateAcceptedAt: string | null;
    lateAcceptedBy: string | null;
    lateJustification: string | null;
  };

describe('Solicitud extemporánea en el navegador: la coordinación la acepta con una justificación', () => {
  const ctx = useBrowserApp();

  it('acepta el oficio desde Recepción; quedan quién y cuándo, y el aviso cambia', async () => {
    const { app } = ctx;
    const page = await ctx.newPage();
    await loginInBrowser(page, 'coordinador_comunicacion');

    // Given: an oficio received Friday 13/11/2026 for digital art on Wednesday the 18th, when the
    // earliest allowed date was the 19th: it is late and waits for acceptance.
    const subject = 'Arte para la Feria del Elote';
    const oficio = await createOficio(app, { receivedAt: '2026-11-13T16:00:00Z', subject });
    const folio = String(oficio.folio);
    await app.strapi.documents(DESIGN).create({
      data: {
        title: 'Arte para redes de la Feria del Elote',
        medium: 'digital',
        eventName: 'Feria del Elote',
        eventDate: '2026-11-18',
        eventTime: '10:00',
        place: 'Jardín principal',
        specification: 'Post 1080×1080',
        responsiblePerson: 'Mtra. Responsable',
        oficio: oficio.documentId,
      } as never,
    });
    expect(await oficioRow(ctx, oficio.documentId)).toMatchObject({
      isLate: true,
      lateAcceptedAt: null,
    });

    // When: the coordinator opens Recepción, where the oficio is flagged.
    await openAdmin(page, '/plugins/comunicacion/bandejas/recepcion');
    await waitForHeading(page, 'Bandejas');
    await expect(tab(page, 'Recepción').getAttribute('aria-selected')).resolves.toBe('true');
    await row(page, subject).waitFor();
    await row(page, subject).getByText('Extemporáneo · por aceptar').waitFor();
    await screenshot(page, 'coordinacion-recepcion');

    // …and accepts it from the row's actions with a justification.
    await row(page, subject)
      .getByRole('button', { name: `Acciones de «${subject}»` })
      .click();
    await page.getByRole('menuitem', { name: 'Aceptar solicitud extemporánea' }).click();
    const dialog = page.getByRole('dialog', { name: `Aceptar solicitud extemporánea ${folio}` });
    await dialog.waitFor();

    // A justification that says nothing is refused before it reaches the server.
    await dialog.getByRole('textbox', { name: /Justificación/ }).fill('Urge');
    await dialog.getByRole('button', { name: 'Aceptar solicitud' }).click();
    await dialog.getByText(/^Escribe una justificación de al menos \d+ caracteres\.$/).waitFor();
    expect((await oficioRow(ctx, oficio.documentId)).lateAcceptedAt).toBeNull();

    const justification = 'Evento prioritario de Presidencia; se atiende con recursos propios.';
    await dialog.getByRole('textbox', { name: /Justificación/ }).fill(justification);
    await screenshot(page, 'coordinacion-dialogo-justificacion');
    await dialog.getByRole('button', { name: 'Aceptar solicitud' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForAppIdle(page);

    // Then: who and when are recorded…
    const accepted = await oficioRow(ctx, oficio.documentId);
    expect(accepted.lateAcceptedAt).toBeTruthy();
    expect(accepted.lateAcceptedBy).toBe('Persona De Prueba');
    expect(accepted.lateJustification).toBe(justification);

    // …and the badge now says «Extemporáneo», no longer waiting for acceptance.
    await row(page, subject).getByText('Extemporáneo', { exact: true }).waitFor();
    await expect(row(page, subject).getByText('Extemporáneo · por aceptar').count()).resolves.toBe(
      0
    );
    await screenshot(page, 'coordinacion-recepcion-despues');

    // The oficio page shows the acceptance and no longer offers it.
    await row(page, subject).getByRole('link', { name: folio }).click();
    await page.waitForURL(new RegExp(`/oficios/${oficio.documentId}`));
    await waitForHeading(page, folio);
    await waitForAppIdle(page);
    const data = page.getByRole('region', { name: 'Datos del oficio' });
    await expect(data.getByText(justification, { exact: true }).count()).resolves.toBe(1);
    await expect(data.getByText('Persona De Prueba', { exact: true }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('button', { name: 'Aceptar solicitud extemporánea' }).count()
    ).resolves.toBe(0);
    await screenshot(page, 'coordinacion-oficio');

    // The Historial tells the acceptance as an entry of its own: who, through which door and why.
    const history = page.getByRole('region', { name: 'Historial' });
    await history.scrollIntoViewIfNeeded();
    const entry = history
      .getByRole('listitem')
      .filter({ hasText: 'Aceptación de la solicitud extemporánea' });
    await expect(entry.count()).resolves.toBe(1);
    await expect(entry.innerText()).resolves.toContain('por Panel Comunicación Social');
    await expect(entry.innerText()).resolves.toContain('Persona De Prueba');
    await expect(entry.innerText()).resolves.toContain(`«${justification}»`);
    await screenshot(page, 'coordinacion-historial');

    expect(pageErrors(page)).toEqual([]);
  });
});
