import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { STATUS_FIELD } from '../../src/api/workflow/services/workflow';
import { runAs, runInternal } from '../harness/runtime';
import {
  actorFor,
  completeData,
  createOficio,
  dataFor,
  logsOf,
  stateOf,
} from '../harness/workflow-fixtures';
import {
  loginInBrowser,
  openAdmin,
  pageErrors,
  screenshot,
  useBrowserApp,
  waitForAppIdle,
  waitForHeading,
} from './harness';
import { blockingAxeViolations, docsScreenshot, PHONE, scrollsSideways } from './page-checks';

const DESIGN = 'api::design.design';

const tabs = (page: Page) => page.getByRole('tablist', { name: 'Bandejas' }).getByRole('tab');
const tab = (page: Page, label: string) =>
  page.getByRole('tab', { name: new RegExp(`^${label}\\b`) });
/** Table rows are named by the item's title. */
const row = (page: Page, title: string) => page.getByRole('row', { name: title, exact: true });

describe('Bandejas en el navegador: la diseñadora senior envía una propuesta a revisión', () => {
  const ctx = useBrowserApp();

  it('ve solo las bandejas de diseño y la propuesta pasa de Diseño senior a Revisión del área con su comentario', async () => {
    const { app } = ctx;
    const page = await ctx.newPage();
    const designer = await loginInBrowser(page, 'disenador_senior');

    // Given: a design in «En diseño» whose first proposal version is uploaded and not yet sent.
    const title = 'Cartel de la Feria del Elote 2027';
    const oficio = await createOficio(app, { subject: 'Cartel de la feria' });
    const folio = String(oficio.folio);
    const design = await app.strapi.documents(DESIGN).create({
      data: {
        ...completeData('design', designer.user.id),
        title,
        oficio: oficio.documentId,
      } as never,
    });
    const ready = await dataFor(app, 'design', 'en_diseno', 'en_revision');
    await runInternal(() =>
      app.strapi.documents(DESIGN).update({
        documentId: design.documentId,
        data: { ...ready, [STATUS_FIELD]: 'en_diseno' } as never,
      })
    );

    // When: she opens the Bandejas page.
    await openAdmin(page, '/plugins/comunicacion/bandejas');
    await waitForHeading(page, 'Bandejas');
    await page.waitForURL(/\/bandejas\/diseno_senior/);
    await waitForAppIdle(page);
    await screenshot(page, 'disenadora-bandeja-diseno-senior');

    // Then: only the design queues, Diseño senior first, holding the design.
    const names = (await tabs(page).allTextContents()).map((text) => text.trim());
    expect(names).toHaveLength(3);
    expect(names[0]).toMatch(/^Diseño senior/);
    expect(names[1]).toMatch(/^Revisión del área/);
    expect(names[2]).toMatch(/^Imprenta/);
    for (const hidden of ['Cobertura', 'Redes sociales', 'Recepción', 'Gobierno Digital']) {
      await expect(tab(page, hidden).count()).resolves.toBe(0);
    }
    await expect(tab(page, 'Diseño senior').getAttribute('aria-selected')).resolves.toBe('true');
    await row(page, title).waitFor();
    await expect(row(page, title).getByText('En diseño', { exact: true }).count()).resolves.toBe(1);

    // The text search filters on the server and lives in the URL.
    const search = page.getByRole('searchbox', { name: 'Buscar por folio o título' });
    await search.fill('sin coincidencias xyz');
    await page.waitForURL(/[?&]q=sin/);
    await page.getByText('Ningún trabajo coincide con los filtros.').waitFor();
    await screenshot(page, 'disenadora-busqueda-sin-resultados');
    await page.getByRole('button', { name: 'Limpiar filtros' }).click();
    await row(page, title).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();

    // When: she opens the row's actions and sends the proposal for review with a comment.
    await row(page, title)
      .getByRole('button', { name: `Acciones de «${title}»` })
      .click();
    const send = page.getByRole('menuitem', { name: /Enviar propuesta a revisión/ });
    await send.waitFor();
    await expect(send.getAttribute('aria-disabled')).resolves.not.toBe('true');
    await screenshot(page, 'disenadora-acciones');
    await docsScreenshot(page, 'disenar');
    await send.click();

    const dialog = page.getByRole('dialog', { name: 'Enviar propuesta a revisión' });
    await dialog.waitFor();
    const comment = 'Versión 1 con los logotipos en el orden solicitado.';
    await dialog.getByRole('textbox').fill(comment);
    await screenshot(page, 'disenadora-dialogo-comentario');
    await dialog.getByRole('button', { name: 'Enviar propuesta a revisión' }).click();

    // Then: the area's single-use approval link is shown to pass on.
    await dialog.getByText('Enlace de aprobación para el área').waitFor();
    const link = await dialog.getByRole('link').first().getAttribute('href');
    expect(link).toMatch(/^https?:\/\//);
    // «Copiar enlace» puts it on the clipboard; the long address wraps inside its box.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await dialog.getByRole('button', { name: 'Copiar enlace' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Enlace copiado' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(link);
    const box = dialog.getByTestId('approval-link-url');
    await expect(
      box.evaluate((element) => element.scrollWidth <= element.clientWidth)
    ).resolves.toBe(true);
    const [inner, outer] = await Promise.all([box.boundingBox(), dialog.boundingBox()]);
    expect((inner?.x ?? 0) + (inner?.width ?? 0)).toBeLessThanOrEqual(
      (outer?.x ?? 0) + (outer?.width ?? 0)
    );
    await screenshot(page, 'disenadora-enlace-de-aprobacion');
    await dialog.getByRole('button', { name: 'Listo' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForAppIdle(page);

    // The design left Diseño senior…
    await row(page, title).waitFor({ state: 'detached' });
    await screenshot(page, 'disenadora-diseno-senior-despues');

    // …and waits in Revisión del área.
    await tab(page, 'Revisión del área').click();
    await page.waitForURL(/\/bandejas\/revision_area/);
    await waitForAppIdle(page);
    await row(page, title).waitFor();
    await expect(row(page, title).getByText('En revisión', { exact: true }).count()).resolves.toBe(
      1
    );
    await screenshot(page, 'disenadora-revision-del-area');

    expect(await stateOf(app, 'design', design.documentId)).toBe('en_revision');
    const logs = await logsOf(app, design.documentId);
    expect(logs[logs.length - 1]).toMatchObject({
      fromStatus: 'en_diseno',
      toStatus: 'en_revision',
      actorKind: 'admin',
      comment,
    });

    // The oficio's history shows who moved it and the comment.
    await row(page, title).getByRole('link', { name: folio }).click();
    await page.waitForURL(new RegExp(`/oficios/${oficio.documentId}`));
    await waitForHeading(page, folio);
    await waitForAppIdle(page);
    const history = page.getByRole('region', { name: 'Historial' });
    await expect(history.getByText(`«${comment}»`).count()).resolves.toBe(1);
    await expect(history.getByText(/En diseño → En revisión/).count()).resolves.toBe(1);
    await screenshot(page, 'disenadora-oficio');

    expect(pageErrors(page)).toEqual([]);
  });

  it('si otra persona cambió el estado mientras tanto, el diálogo lo dice y la bandeja se actualiza', async () => {
    const { app } = ctx;
    const page = await ctx.newPage();
    const designer = await loginInBrowser(page, 'disenador_senior');

    const title = 'Lona para la Carrera del Día del Padre';
    const oficio = await createOficio(app, { subject: 'Lona de la carrera' });
    const design = await app.strapi.documents(DESIGN).create({
      data: {
        ...completeData('design', designer.user.id),
        title,
        oficio: oficio.documentId,
      } as never,
    });
    const ready = await dataFor(app, 'design', 'en_diseno', 'en_revision');
    await runInternal(() =>
      app.strapi.documents(DESIGN).update({
        documentId: design.documentId,
        data: { ...ready, [STATUS_FIELD]: 'en_diseno' } as never,
      })
    );

    await openAdmin(page, '/plugins/comunicacion/bandejas/diseno_senior');
    await waitForHeading(page, 'Bandejas');
    await waitForAppIdle(page);
    await row(page, title)
      .getByRole('button', { name: `Acciones de «${title}»` })
      .click();
    await page.getByRole('menuitem', { name: /Enviar propuesta a revisión/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Enviar propuesta a revisión' });
    await dialog.waitFor();

    // Meanwhile the coordination cancels the design from another screen.
    await runAs(
      actorFor('coordinador_comunicacion'),
      () =>
        app.strapi.documents(DESIGN).update({
          documentId: design.documentId,
          data: { [STATUS_FIELD]: 'cancelado' } as never,
        }),
      'El área canceló la carrera.'
    );

    await dialog.getByRole('button', { name: 'Enviar propuesta a revisión' }).click();
    const refusal = dialog.getByRole('alert').first();
    await refusal.getByText(/Mientras tanto otro cambio movió este registro/).waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/«En diseño» a «Cancelado»/);
    await screenshot(page, 'disenadora-cambio-simultaneo');
    expect(await stateOf(app, 'design', design.documentId)).toBe('cancelado');

    // Behind the dialog the queue already shows it as it is: gone from Diseño senior.
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row(page, title).waitFor({ state: 'detached' });
    await screenshot(page, 'disenadora-bandeja-actualizada');
    expect(pageErrors(page)).toEqual([]);
  });

  it('la coordinación exporta su bandeja y en un teléfono la ve en tarjetas, con «Filtros» plegados y sin desplazarse de lado', async () => {
    const { app } = ctx;
    const page = await ctx.newPage();
    await loginInBrowser(page, 'coordinador_comunicacion');

    // Given: an oficio waiting in Recepción.
    const subject = 'Invitación al Desfile del 16 de Septiembre en la cabecera municipal';
    const oficio = await createOficio(app, { subject });
    const folio = String(oficio.folio);

    // On a desktop: the table, and tabs whose selected tab controls a panel that exists.
    await openAdmin(page, '/plugins/comunicacion/bandejas/recepcion');
    await waitForHeading(page, 'Bandejas');
    await waitForAppIdle(page);
    const selected = tab(page, 'Recepción');
    await expect(selected.getAttribute('aria-selected')).resolves.toBe('true');
    const panelId = await selected.getAttribute('aria-controls');
    expect(panelId).toBeTruthy();
    await expect(page.locator(`[id="${panelId}"]`).getAttribute('role')).resolves.toBe('tabpanel');
    await page.getByRole('row').filter({ hasText: folio }).first().waitFor();
    await screenshot(page, 'coordinacion-bandeja-recepcion');
    expect(await blockingAxeViolations(page, 'Bandejas')).toEqual([]);

    // When: the same page is seen on a phone.
    await page.setViewportSize(PHONE);
    await waitForAppIdle(page);

    // Then: the filters wait behind «Filtros», the rows are cards and nothing scrolls sideways.
    const toggle = page.getByRole('button', { name: /^Filtros/ });
    await toggle.waitFor();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(
      page.getByRole('searchbox', { name: 'Buscar por folio o título' }).count()
    ).resolves.toBe(0);
    const card = page.getByRole('article', { name: subject });
    await card.waitFor();
    await expect(card.getByRole('link', { name: folio }).count()).resolves.toBe(1);
    await expect(
      card.getByRole('button', { name: `Acciones de «${subject}»` }).count()
    ).resolves.toBe(1);
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    // The plugin's navigation is hidden on a phone: its search box is at the top of the page.
    await expect(
      page.getByRole('searchbox', { name: 'Buscar oficios por folio, asunto o referencia' }).count()
    ).resolves.toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    // The tabs stay on one line and scroll inside their own strip.
    const tops = await tabs(page).evaluateAll((elements) =>
      elements.map((element) => Math.round(element.getBoundingClientRect().top))
    );
    expect(new Set(tops).size).toBe(1);
    await screenshot(page, 'coordinacion-bandeja-telefono');
    await docsScreenshot(page, 'bandejas-telefono');
    expect(await blockingAxeViolations(page, 'Bandejas en teléfono')).toEqual([]);

    // «Filtros» opens them in one column.
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const search = page.getByRole('searchbox', { name: 'Buscar por folio o título' });
    await search.waitFor();
    const lefts = await page
      .locator('#queue-filters label')
      .evaluateAll((elements) =>
        elements.map((element) => Math.round(element.getBoundingClientRect().left))
      );
    expect(lefts.length).toBeGreaterThan(1);
    expect(new Set(lefts).size).toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'coordinacion-filtros-telefono');

    // The oficio's page fits the phone too.
    await card.getByRole('link', { name: folio }).click();
    await page.waitForURL(new RegExp(`/oficios/${oficio.documentId}`));
    await waitForAppIdle(page);
    expect(await scrollsSideways(page)).toBe(false);
    // It opens at its top, with the folio in sight, not where the list was scrolled to.
    const heading = await waitForHeading(page, folio);
    const box = await heading.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= PHONE.height).toBe(true);
    await screenshot(page, 'coordinacion-oficio-telefono');
    expect(await blockingAxeViolations(page, 'Oficio en teléfono')).toEqual([]);

    // The plugin's menu is hidden on a phone: «Ir a» opens its other pages.
    await page.getByRole('combobox', { name: 'Ir a' }).click();
    await page.getByRole('option', { name: 'Calendario de coberturas' }).click();
    await page.waitForURL(/\/calendario/);
    await waitForAppIdle(page);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'coordinacion-ir-a-telefono');
    await page.goBack();
    await page.waitForURL(new RegExp(`/oficios/${oficio.documentId}`));

    // Back on a desktop, when she exports the queue as CSV.
    await page.setViewportSize({ width: 1440, height: 900 });
    // The phone's «Ir a» gives way to the side menu.
    await expect(page.getByRole('combobox', { name: 'Ir a' }).count()).resolves.toBe(0);
    await page.goBack();
    await page.waitForURL(/\/bandejas\/recepcion/);
    await waitForAppIdle(page);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    // Then: the file is the queue, with Spanish headers and the oficio's folio.
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = fs.readFileSync(String(await csv.path()), 'utf8').replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/)[0]).toMatch(/Folio/);
    expect(text).toContain(folio);

    expect(pageErrors(page)).toEqual([]);
  });
});
