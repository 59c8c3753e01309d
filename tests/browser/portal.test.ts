/*
 * The Portal de áreas (/areas/) as an area's staff use it: only through its pages, in Chromium.
 * The office's steps (asking for missing data, sending proposals, answering) are taken through the
 * plugin's and the content manager's routes, as staff would in the admin. The portal needs no admin
 * build: run this file with TESTS_SKIP_ADMIN_BUILD=1.
 */
import fs from 'node:fs';
import type { UID } from '@strapi/strapi';
import type { Download, Locator, Page } from 'playwright-core';
import { PDFParse } from 'pdf-parse';
import { ROLE_LABELS, type Role } from '../../src/domain/workflows';
import { uploadBuffer } from '../../src/utils/upload-buffer';
import { runAs } from '../harness/runtime';
import { loginAsAdmin, loginAsApiUser, TEST_PASSWORD, type Session } from '../harness/auth';
import { actorFor, areaId, OFICIO_UID, stateOf } from '../harness/workflow-fixtures';
import { pageErrors, screenshot, useBrowserApp, waitForAppIdle } from './harness';
import { blockingAxeViolations, docsScreenshot, PHONE, scrollsSideways } from './page-checks';

const DESIGN = 'api::design.design';
const NEW_PASSWORD = 'Portal-Areas-Clave-2027';

/** A calendar day in Mexico City, `days` from today, as YYYY-MM-DD. */
const officeDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(
    new Date(Date.now() + days * 86_400_000)
  );

/** A small valid PDF (the signed, scanned oficio). */
const SCAN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n'
);

/** The text of a PDF, whitespace collapsed. */
const pdfText = async (bytes: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
};

const bytesOf = async (download: Download) => fs.readFileSync((await download.path())!);

// One story from filing to the answer, on two screens: longer than the harness's default.
jest.setTimeout(300_000);

describe('Portal de áreas en /areas/', () => {
  // Every log-in of this file comes from one address: the log-in limits stay out of the way.
  const ctx = useBrowserApp({
    env: { RATE_LIMIT_MAX: '1000', RATE_LIMIT_ACCOUNT_MAX: '1000' },
  });
  const staff = {} as Record<Role, Session>;
  let cultura: Session;
  let opdapas: Session;
  /** CSP refusals Chromium logged, per page. */
  const refusals = new WeakMap<Page, string[]>();
  /** The oficio the main story files, for the other tests. */
  let filed: { documentId: string; folio: string; fileIds: number[] } | null = null;

  beforeAll(async () => {
    const { app } = ctx;
    for (const role of [
      'coordinador_comunicacion',
      'disenador_senior',
      'community_manager',
    ] as const)
      staff[role] = await loginAsAdmin(app, ROLE_LABELS[role]);
    cultura = await loginAsApiUser(app, 'Área solicitante', {
      email: 'enlace.cultura@calimaya.local',
      data: { area: await areaId(app, 'DC') },
    });
    opdapas = await loginAsApiUser(app, 'Área solicitante', {
      email: 'enlace.opdapas@calimaya.local',
      data: { area: await areaId(app, 'OPDAPAS') },
    });
  });

  const newPage = async (viewport?: { width: number; height: number }) => {
    const page = await ctx.newPage({ viewport });
    const seen: string[] = [];
    refusals.set(page, seen);
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
    });
    return page;
  };

  /** Scrolls at once (the site's smooth scrolling would still be moving in a picture). */
  const showAtStart = (target: Locator) =>
    target.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  const showAtEnd = (target: Locator) =>
    target.evaluate((el) => el.scrollIntoView({ block: 'end', behavior: 'instant' }));

  const settle = async (page: Page) => {
    await waitForAppIdle(page);
  };

  /** No script error, no CSP refusal, no serious axe violation, no sideways scroll on a phone. */
  const checkPage = async (page: Page, label: string) => {
    await settle(page);
    expect(pageErrors(page)).toEqual([]);
    expect(refusals.get(page)).toEqual([]);
    expect(await blockingAxeViolations(page, label)).toEqual([]);
    if (page.viewportSize()!.width <= PHONE.width) expect(await scrollsSideways(page)).toBe(false);
  };

  const logIn = async (page: Page, email: string, password = TEST_PASSWORD) => {
    await page.goto('/areas/');
    await page.getByLabel('Correo electrónico o usuario').fill(email);
    await page.getByLabel('Contraseña').fill(password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(/\/areas\/oficios\.html/);
    await page.getByRole('heading', { name: 'Mis oficios', level: 1 }).waitFor();
    await settle(page);
  };

  const oficioRow = async (documentId: string) =>
    (await ctx.app.strapi.db
      .query(OFICIO_UID as UID.ContentType)
      .findOne({ where: { documentId } })) as { workflowStatus: string; folio: string };

  const transition = (role: Role, uid: string, documentId: string, to: string, comment = '') =>
    ctx.app.http().post('/comunicacion/transitions').set(staff[role].auth).send({
      uid,
      documentId,
      to,
      comment,
    });

  /** A PNG drawn by the browser itself: a poster with `text`. */
  const poster = async (text: string, width = 480, height = 480) => {
    const drawing = await ctx.browser.newPage({ viewport: { width, height } });
    try {
      await drawing.setContent(
        '<body style="margin:0;height:100vh;display:grid;place-items:center;' +
          'background:linear-gradient(135deg,#7a1f3d,#d9a441);color:#fff;' +
          `font:700 40px sans-serif;text-align:center">${text}</body>`
      );
      return await drawing.screenshot();
    } finally {
      await drawing.close();
    }
  };

  /** The designer stores proposal `version` (a real PNG) and sends it to the area. */
  const sendProposal = async (designId: string, version: number) => {
    const png = await poster(`Festival de Invierno<br>versión ${version}`);
    const file = await uploadBuffer(ctx.app.strapi, png, {
      name: `cartel-v${version}.png`,
      mimetype: 'image/png',
    });
    const row = (await ctx.app.strapi.db.query(DESIGN).findOne({
      where: { documentId: designId },
      populate: { proposals: { populate: { file: true } } },
    })) as { proposals: Record<string, unknown>[] };
    await runAs(actorFor('disenador_senior', staff.disenador_senior), () =>
      ctx.app.strapi.documents(DESIGN).update({
        documentId: designId,
        data: {
          proposals: [
            ...row.proposals.map((p) => ({
              id: p.id,
              version: p.version,
              sentAt: p.sentAt,
              file: (p.file as { id: number } | null)?.id ?? null,
              decision: p.decision,
              feedback: p.feedback,
              decidedAt: p.decidedAt,
              decidedBy: p.decidedBy,
            })),
            { version, file: file.id, sentAt: null },
          ],
        } as never,
      })
    );
    const sent = await transition(
      'disenador_senior',
      DESIGN,
      designId,
      'en_revision',
      'Propuesta lista'
    );
    expect(sent.status).toBe(200);
  };

  it('un área presenta su oficio, completa lo que le piden, revisa la propuesta y descarga la respuesta, todo en el portal', async () => {
    const desk = await newPage();
    const phone = await newPage(PHONE);

    // Given: without a session, the portal asks to log in, and comes back where it was.
    await desk.goto('/areas/nuevo.html');
    await desk.waitForURL(/\/areas\/index\.html\?volver=nuevo\.html/);
    await checkPage(desk, 'Iniciar sesión');
    // A wrong password is refused with the server's Spanish message, next to nothing else.
    await desk.getByLabel('Correo electrónico o usuario').fill(cultura.user.email);
    await desk.getByLabel('Contraseña').fill('no-es-la-clave');
    await desk.getByRole('button', { name: 'Entrar' }).click();
    const refused = desk.locator('.resumen-errores');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toMatch(/\S/);
    await expect(desk.evaluate(() => document.activeElement?.className)).resolves.toBe(
      'resumen-errores'
    );
    await desk.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await desk.getByRole('button', { name: 'Entrar' }).click();
    await desk.waitForURL(/\/areas\/nuevo\.html$/);

    // When: the area fills «Nuevo oficio»: its data, digital art with logos in order, the files.
    await desk.getByLabel(/^Asunto/).fill('Festival de Invierno: arte digital para redes');
    await desk.getByLabel('Número de tu oficio').fill('DC/0789/2026');
    await desk
      .getByLabel('Resumen de lo que pides')
      .fill('Post e historia para difundir el festival.');
    await desk.getByLabel('Nombre', { exact: true }).fill('Lic. Ana Martínez');
    await desk.getByLabel('Teléfono', { exact: true }).fill('722 555 0101');
    await desk.getByRole('checkbox', { name: /^Diseño/ }).check();
    const design = desk.getByRole('region', { name: /^Diseño/ });
    await design.getByLabel(/^Título/).fill('Post del Festival de Invierno');
    await design.getByLabel(/^Tipo de material/).selectOption('digital');
    await design.getByLabel(/^Nombre del evento/).fill('Festival de Invierno');
    const eventDate = officeDay(30);
    await design.getByLabel(/^Fecha del evento/).fill(eventDate);
    await design.getByLabel(/^Hora del evento/).fill('18:00');
    await design.getByLabel(/^Lugar/).fill('Jardín municipal');
    await design.getByLabel(/^Especificaciones/).fill('Post 1080×1080 e historia 1080×1920');
    await design.getByLabel(/^Responsable del evento/).fill('Coordinación de eventos culturales');
    const logo = design.getByLabel('Logotipo del catálogo');
    await logo.selectOption({ label: 'IMCUFIDEC' });
    await design.getByRole('button', { name: 'Añadir', exact: true }).click();
    await logo.selectOption({ label: 'Ayuntamiento de Calimaya' });
    await design.getByRole('button', { name: 'Añadir', exact: true }).click();
    await design.getByRole('button', { name: 'Subir Ayuntamiento de Calimaya' }).click();
    await expect(design.locator('.logos__nombre').allTextContents()).resolves.toEqual([
      'Ayuntamiento de Calimaya',
      'IMCUFIDEC',
    ]);
    // The lead time is judged while typing, before anything is sent.
    await design.locator('.plazo').filter({ hasText: 'Cumple el plazo' }).waitFor();
    await desk.getByLabel(/^Oficio firmado y escaneado/).setInputFiles({
      name: 'oficio-DC-0789-2026.pdf',
      mimeType: 'application/pdf',
      buffer: SCAN_PDF,
    });
    const photo = await poster('Festival 2025', 320, 200);
    await desk.getByLabel(/^Anexos/).setInputFiles({
      name: 'foto-festival-2025.png',
      mimeType: 'image/png',
      buffer: photo,
    });
    await checkPage(desk, 'Nuevo oficio lleno');
    await screenshot(desk, 'nuevo-oficio');
    await desk.mouse.move(0, 0);
    await showAtEnd(design.locator('.plazo'));
    await docsScreenshot(desk, 'portal-nuevo-oficio');
    await desk.getByRole('button', { name: 'Enviar oficio' }).click();

    // Then: the folio, and the acuse de recibo carries it.
    await desk.getByRole('heading', { name: 'Oficio presentado' }).waitFor();
    const folio = (await desk.locator('[data-folio]').textContent())!.trim();
    expect(folio).toMatch(/^DCSGD\/\d{4}\/\d{4}$/);
    await checkPage(desk, 'Oficio presentado');
    const [acuse] = await Promise.all([
      desk.waitForEvent('download'),
      desk.getByRole('button', { name: /acuse de recibo/ }).click(),
    ]);
    const acuseBytes = await bytesOf(acuse);
    expect(acuseBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(acuseBytes)).toContain(folio);

    await desk.getByRole('link', { name: 'Ver el oficio' }).click();
    await desk.waitForURL(/\/areas\/oficio\.html\?id=/);
    const documentId = new URL(desk.url()).searchParams.get('id')!;
    await desk.getByRole('heading', { name: `Oficio ${folio}` }).waitFor();
    const oficioUrl = `/areas/oficio.html?id=${encodeURIComponent(documentId)}`;
    const designId = (
      (await ctx.app.strapi.db.query(DESIGN).findOne({
        where: { oficio: { documentId } },
        select: ['documentId'],
      })) as { documentId: string }
    ).documentId;

    // The coordinator asks for missing data.
    const asked = await transition(
      'coordinador_comunicacion',
      OFICIO_UID,
      documentId,
      'informacion_incompleta',
      'Confirmen el lugar exacto dentro del jardín y envíen el programa del festival.'
    );
    expect(asked.status).toBe(200);

    // The area reads the request plainly, sends the programme and corrects the place.
    await desk.reload();
    const incomplete = desk.getByRole('region', { name: 'Información incompleta' });
    await incomplete.waitFor();
    await expect(incomplete.textContent()).resolves.toContain(
      'Confirmen el lugar exacto dentro del jardín y envíen el programa del festival.'
    );
    await logIn(phone, cultura.user.email);
    // «Mis oficios» puts it first, marked.
    const first = phone.locator('.oficio-ficha').first();
    await expect(first.textContent()).resolves.toContain('Requiere tu atención');
    await expect(first.textContent()).resolves.toContain(folio);
    await showAtStart(phone.getByRole('heading', { name: 'Requieren tu atención' }));
    await docsScreenshot(phone, 'portal-mis-oficios');
    await phone.goto(oficioUrl);
    await phone.getByRole('region', { name: 'Información incompleta' }).waitFor();
    await checkPage(phone, 'Información incompleta (teléfono)');
    await checkPage(desk, 'Información incompleta');
    await screenshot(phone, 'informacion-incompleta-telefono');

    await incomplete.getByLabel('Archivos', { exact: true }).setInputFiles({
      name: 'programa-festival.pdf',
      mimeType: 'application/pdf',
      buffer: SCAN_PDF,
    });
    await incomplete.getByRole('button', { name: 'Enviar los archivos' }).click();
    await desk.getByRole('status').filter({ hasText: 'Se envió 1 archivo' }).waitFor();
    // No service lacks data: what the office asked for arrived, and the oficio resumes.
    expect((await oficioRow(documentId)).workflowStatus).toBe('recibido');
    // Until the work starts the area may still correct its data: it confirms the place.
    const completion = desk.getByRole('region', { name: 'Completar o corregir datos' });
    await completion.getByLabel(/^Lugar/).fill('Jardín municipal, escenario norte');
    await completion.getByRole('button', { name: 'Guardar los datos' }).click();
    await desk.getByRole('status').filter({ hasText: 'Se guardaron los datos' }).waitFor();
    expect((await oficioRow(documentId)).workflowStatus).toBe('recibido');

    // The designer starts and sends version 1; the area sees it inline and sends observations.
    expect((await transition('disenador_senior', DESIGN, designId, 'en_diseno')).status).toBe(200);
    await sendProposal(designId, 1);
    await desk.reload();
    const review = desk.getByRole('region', { name: 'Revisar propuesta' });
    await review.waitFor();
    const preview = review.locator('img.vista-previa');
    await preview.waitFor();
    await expect(preview.getAttribute('src')).resolves.toMatch(/^blob:/);
    await expect(
      preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
    ).resolves.toBe(true);
    await checkPage(desk, 'Revisar propuesta');
    await showAtEnd(review);
    await docsScreenshot(desk, 'portal-revisar-propuesta');
    // Observations need words.
    await review.getByRole('button', { name: 'Enviar observaciones' }).click();
    await review.locator('.resumen-errores').waitFor();
    await review
      .getByLabel('Observaciones')
      .fill('Aumentar el tamaño de la fecha y usar el logotipo a color.');
    await review.getByRole('button', { name: 'Enviar observaciones' }).click();
    await desk.getByRole('status').filter({ hasText: 'llegaron al diseñador' }).waitFor();
    expect(await stateOf(ctx.app, 'design', designId)).toBe('con_observaciones');

    // Version 2 comes back; the area approves it.
    expect((await transition('disenador_senior', DESIGN, designId, 'en_diseno')).status).toBe(200);
    await sendProposal(designId, 2);
    await desk.reload();
    await desk.getByRole('heading', { name: /versión 2/ }).waitFor();
    await phone.reload();
    await phone.getByRole('heading', { name: /versión 2/ }).waitFor();
    await checkPage(phone, 'Revisar propuesta (teléfono)');
    // Approving is final: the page asks once more; «No todavía» leaves it under review.
    const reviewV2 = desk.getByRole('region', { name: 'Revisar propuesta' });
    await reviewV2.getByRole('button', { name: 'Aprobar esta versión' }).click();
    const confirmation = reviewV2.getByRole('group', { name: 'Confirmar la aprobación' });
    await confirmation.waitFor();
    await checkPage(desk, 'Confirmar la aprobación');
    await confirmation.getByRole('button', { name: 'No todavía' }).click();
    await expect(confirmation.isVisible()).resolves.toBe(false);
    expect(await stateOf(ctx.app, 'design', designId)).toBe('en_revision');
    await reviewV2.getByRole('button', { name: 'Aprobar esta versión' }).click();
    await confirmation.getByRole('button', { name: 'Sí, aprobar esta versión' }).click();
    await desk.getByRole('status').filter({ hasText: 'Aprobaste la versión 2' }).waitFor();
    expect(await stateOf(ctx.app, 'design', designId)).toBe('aprobado');

    // The community manager publishes it and the office answers with its oficio.
    expect((await transition('community_manager', DESIGN, designId, 'publicado')).status).toBe(200);
    const answerPdf = Buffer.concat([SCAN_PDF, Buffer.from('% Respuesta DCSGD/R/0042\n')]);
    const answer = await uploadBuffer(ctx.app.strapi, answerPdf, {
      name: 'respuesta-festival.pdf',
      mimetype: 'application/pdf',
    });
    await ctx.app
      .http()
      .put(`/content-manager/collection-types/${OFICIO_UID}/${documentId}`)
      .set(staff.coordinador_comunicacion.auth)
      .send({
        responseFolio: 'DCSGD/R/0042/2026',
        responseDate: officeDay(0),
        responseDocument: answer.id,
      })
      .expect(200);
    expect((await oficioRow(documentId)).workflowStatus).toBe('atendido');

    // The area downloads the answer from «Descargas».
    await desk.reload();
    const downloads = desk.getByRole('region', { name: 'Descargas' });
    await downloads.waitFor();
    await expect(desk.locator('.ficha').textContent()).resolves.toContain('DCSGD/R/0042/2026');
    const [answered] = await Promise.all([
      desk.waitForEvent('download'),
      downloads.locator('[data-archivo="answer"] button').click(),
    ]);
    expect((await bytesOf(answered)).equals(answerPdf)).toBe(true);
    await checkPage(desk, 'Oficio atendido');
    await screenshot(desk, 'oficio-atendido');

    // «Mis oficios» shows it answered, on both screens.
    await desk.goto('/areas/oficios.html');
    await desk.getByRole('link', { name: folio }).waitFor();
    await checkPage(desk, 'Mis oficios');
    await phone.goto('/areas/oficios.html');
    await phone.getByRole('link', { name: folio }).waitFor();
    await checkPage(phone, 'Mis oficios (teléfono)');
    await screenshot(phone, 'mis-oficios-telefono');
    // Filtered by state and searched by folio, through the filter form.
    await desk.getByLabel('Estado').selectOption('cancelado');
    await desk.getByRole('button', { name: 'Filtrar' }).click();
    await desk.getByText('Ningún oficio coincide con el filtro.').waitFor();
    await desk.getByLabel('Estado').selectOption('atendido');
    await desk.getByLabel('Buscar por folio o asunto').fill(folio);
    await desk.getByRole('button', { name: 'Filtrar' }).click();
    await desk.waitForURL(/estado=atendido/);
    await desk.getByRole('link', { name: folio }).waitFor();

    const files = (await ctx.app.strapi.db.query(OFICIO_UID as UID.ContentType).findOne({
      where: { documentId },
      populate: { scan: true, attachments: true },
    })) as { scan: { id: number } | null; attachments: { id: number }[] | null };
    filed = {
      documentId,
      folio,
      fileIds: [files.scan?.id, ...(files.attachments ?? []).map((f) => f.id), answer.id].filter(
        (id): id is number => typeof id === 'number'
      ),
    };
    expect(files.attachments).toHaveLength(2);

    // Logging out closes every session: the phone's page goes back to the log-in with the reason.
    await desk.goto('/areas/cuenta.html');
    await checkPage(desk, 'Mi cuenta');
    await desk.getByRole('button', { name: 'Cerrar sesión' }).click();
    await desk.waitForURL(/\/areas\/index\.html/);
    await expect(
      desk.evaluate(() => sessionStorage.getItem('portal-areas.token'))
    ).resolves.toBeNull();
    await phone.goto('/areas/oficios.html');
    await phone.waitForURL(/\/areas\/index\.html\?volver=oficios\.html/);
    await expect(phone.getByRole('status').first().textContent()).resolves.toMatch(
      /sesión se cerró/
    );
  });

  it('otra área no ve nada de ese oficio: ni en su portal ni por la API', async () => {
    expect(filed).not.toBeNull();
    const { documentId, folio, fileIds } = filed!;
    const page = await newPage();
    await logIn(page, opdapas.user.email);
    await page.getByText('Tu área aún no ha presentado oficios en el portal.').waitFor();
    await expect(page.getByRole('link', { name: folio }).count()).resolves.toBe(0);
    await page.goto(`/areas/oficio.html?id=${encodeURIComponent(documentId)}`);
    await page.getByRole('heading', { name: 'Oficio no encontrado' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.not.toContain(folio);
    await checkPage(page, 'Oficio de otra área');

    const api = (path: string) => ctx.app.http().get(path).set(opdapas.auth);
    expect((await api(`/api/portal/oficios/${documentId}`)).status).toBe(404);
    expect((await api(`/api/portal/oficios/${documentId}/acuse`)).status).toBe(404);
    for (const id of fileIds) expect((await api(`/api/portal/files/${id}`)).status).toBe(404);
    const list = await api(`/api/portal/oficios?q=${encodeURIComponent(folio)}`).expect(200);
    expect(list.body.data).toEqual([]);
  });

  it('presentar un oficio solo con el teclado (Tab, Espacio, Enter y escribir)', async () => {
    const page = await newPage();
    const keys = page.keyboard;
    /** Tab until the focused element matches `selector`. */
    const tabTo = async (selector: string, limit = 120) => {
      for (let i = 0; i < limit; i += 1) {
        await keys.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector))
          return;
      }
      throw new Error(`El tabulador nunca llegó a ${selector}`);
    };

    await page.goto('/areas/');
    await tabTo('#identificador');
    await keys.type(opdapas.user.email);
    await keys.press('Tab');
    await keys.type(TEST_PASSWORD);
    await keys.press('Enter');
    await page.waitForURL(/\/areas\/oficios\.html/);
    await settle(page);
    await tabTo('a[href="nuevo.html"]');
    await keys.press('Enter');
    await page.waitForURL(/\/areas\/nuevo\.html/);
    await page.getByLabel(/^Asunto/).waitFor();

    await tabTo('#asunto');
    await keys.type('Campaña de cuidado del agua');
    await tabTo('input[id^="servicio-design"]');
    await keys.press('Space');
    await tabTo('[id$="-title"]');
    await keys.type('Post de cuidado del agua');
    await tabTo('[id$="-medium"]');
    // A closed list answers to typing its option's first letters.
    await keys.type('Arte');
    await expect(page.locator('[id$="-medium"]').inputValue()).resolves.toBe('digital');
    await tabTo('[id$="-eventName"]');
    await keys.type('Semana del agua');
    await tabTo('[id$="-eventDate"]');
    // The date field's segments follow the browser's language: month first (en-US) or day first.
    const eventDate = officeDay(40);
    const [year, month, day] = eventDate.split('-');
    const dateInput = page.locator('[id$="-eventDate"]');
    await keys.type(`${month}${day}${year}`);
    if ((await dateInput.inputValue()) !== eventDate) {
      await keys.press('Shift+Tab');
      await keys.press('Shift+Tab');
      await keys.type(`${day}${month}${year}`);
    }
    await expect(dateInput.inputValue()).resolves.toBe(eventDate);
    await tabTo('[id$="-place"]');
    await keys.type('Plaza principal');
    await tabTo('[id$="-logos"]');
    await keys.type('OPDAPAS');
    await tabTo('.logos__agregar button');
    await keys.press('Enter');
    await page.locator('.logos__nombre', { hasText: 'OPDAPAS Calimaya' }).waitFor();
    await page.locator('.plazo').filter({ hasText: /plazo/i }).waitFor();

    await tabTo('#escaneo');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), keys.press('Space')]);
    await chooser.setFiles({
      name: 'oficio-OPDAPAS.pdf',
      mimeType: 'application/pdf',
      buffer: SCAN_PDF,
    });
    await tabTo('button[type="submit"]');
    await keys.press('Enter');

    const done = page.getByRole('heading', { name: 'Oficio presentado' });
    await done.waitFor();
    // The result takes the focus, so a screen reader reads it first.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'titulo-presentado'
    );
    await checkPage(page, 'Presentado con el teclado');
  });

  it('cada página del portal pasa axe en escritorio y teléfono, sin desplazamiento lateral', async () => {
    for (const viewport of [undefined, PHONE]) {
      const page = await newPage(viewport);
      const tag = viewport ? 'teléfono' : 'escritorio';
      // Pages without a session.
      for (const [path, heading] of [
        ['/areas', 'Iniciar sesión'],
        ['/areas/olvide.html', 'Olvidé mi contraseña'],
        ['/areas/restablecer.html?code=x', 'Elegir una contraseña nueva'],
      ]) {
        await page.goto(path);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await checkPage(page, `${heading} (${tag})`);
      }
      // The neutral answer of «Olvidé mi contraseña».
      await page.goto('/areas/olvide.html');
      await page.getByLabel('Correo electrónico', { exact: true }).fill('nadie@calimaya.local');
      await page.getByRole('button', { name: 'Enviar el enlace' }).click();
      await page.getByText(/Si el correo pertenece a una cuenta del portal/).waitFor();
      await checkPage(page, `Olvidé mi contraseña, enviado (${tag})`);

      await logIn(page, opdapas.user.email);
      await checkPage(page, `Mis oficios (${tag})`);
      await page.goto('/areas/nuevo.html');
      await page.getByRole('checkbox', { name: /^Diseño/ }).check();
      // A service can be asked for twice, each with its own data.
      await page.getByRole('button', { name: /^Añadir otra solicitud de «Diseño/ }).click();
      await page.getByRole('region', { name: /^Diseño .*\(2\)$/ }).waitFor();
      await expect(page.getByRole('region', { name: /^Diseño/ }).count()).resolves.toBe(2);
      // A file the office does not take is refused before anything is sent.
      await page.getByLabel(/^Anexos/).setInputFiles({
        name: 'programa.exe',
        mimeType: 'application/x-msdownload',
        buffer: Buffer.from('MZ\x90\x00'),
      });
      await page.getByRole('button', { name: 'Enviar oficio' }).click();
      const summary = page.locator('.resumen-errores');
      await summary.waitFor();
      await expect(summary.textContent()).resolves.toContain(
        '«programa.exe» no es de un tipo admitido'
      );
      await checkPage(page, `Nuevo oficio con errores (${tag})`);
      if (viewport) {
        // An executable dressed as a PDF passes the page's check; the server reads its content
        // and refuses it, and the page says so next to the attachments.
        await page.getByLabel(/^Asunto/).fill('Oficio con un anexo disfrazado');
        await page.getByLabel(/^Oficio firmado y escaneado/).setInputFiles({
          name: 'oficio.pdf',
          mimeType: 'application/pdf',
          buffer: SCAN_PDF,
        });
        await page.getByLabel(/^Anexos/).setInputFiles({
          name: 'programa.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256, 0x90)]),
        });
        await page.getByRole('button', { name: 'Enviar oficio' }).click();
        await summary.filter({ hasText: '«programa.pdf» no es un PDF' }).waitFor();
        await expect(page.getByLabel(/^Anexos/).getAttribute('aria-invalid')).resolves.toBe('true');
        await checkPage(page, 'Nuevo oficio rechazado por el servidor (teléfono)');
      }
      if (viewport) await screenshot(page, 'nuevo-oficio-errores-telefono');
      const first = page.locator('.oficio-ficha a').first();
      await page.goto('/areas/oficios.html');
      await first.click();
      await page.waitForURL(/oficio\.html\?id=/);
      await page.getByRole('region', { name: 'Historial' }).waitFor();
      await checkPage(page, `Oficio (${tag})`);
      await page.goto('/areas/cuenta.html');
      await page.getByRole('heading', { name: 'Cambiar la contraseña' }).waitFor();
      await checkPage(page, `Mi cuenta (${tag})`);
    }
  });

  it('pedir material de imprenta propone dirigir el oficio a Presidencia con copia a la Dirección', async () => {
    const page = await newPage();
    await logIn(page, opdapas.user.email);
    await page.goto('/areas/nuevo.html');
    const addressee = page.getByLabel('Dirigido a');
    const copy = page.getByRole('checkbox', {
      name: 'Dirección de Comunicación Social y Gobierno Digital',
    });
    const note = page.getByRole('note').filter({ hasText: 'El material de imprenta se pide' });
    await page.getByRole('checkbox', { name: /^Diseño/ }).check();
    const design = page.getByRole('region', { name: /^Diseño/ });
    await design.getByLabel(/^Tipo de material/).selectOption('digital');
    await expect(note.isVisible()).resolves.toBe(false);
    await expect(addressee.inputValue()).resolves.not.toBe('presidencia');

    await design.getByLabel(/^Tipo de material/).selectOption('impreso');
    await note.waitFor();
    await expect(addressee.inputValue()).resolves.toBe('presidencia');
    await expect(copy.isChecked()).resolves.toBe(true);
    await checkPage(page, 'Nuevo oficio con material de imprenta');

    // The area's own choice is kept: the note stays, the page no longer overrides it.
    await addressee.selectOption('direccion');
    await design.getByLabel(/^Tipo de material/).selectOption('digital');
    await design.getByLabel(/^Tipo de material/).selectOption('impreso');
    await expect(addressee.inputValue()).resolves.toBe('direccion');
    await note.waitFor();
    await page.close();
  });

  it('cancelar pide el motivo y una confirmación; el oficio queda cancelado', async () => {
    const page = await newPage(PHONE);
    await logIn(page, opdapas.user.email);
    await page.locator('.oficio-ficha a').first().click();
    await page.waitForURL(/oficio\.html\?id=/);
    const documentId = new URL(page.url()).searchParams.get('id')!;
    const services = page.getByRole('region', { name: 'Servicios' });

    // A service: the confirmation opens with its reason, «No cancelar» closes it untouched.
    await services.getByRole('button', { name: 'Cancelar este servicio' }).click();
    const confirmService = services.getByRole('button', {
      name: 'Confirmar la cancelación del servicio',
    });
    await confirmService.click();
    await services.getByText('Escribe por qué cancelas.').first().waitFor();
    await checkPage(page, 'Cancelar un servicio (teléfono)');
    await services.getByRole('button', { name: 'No cancelar' }).click();
    await expect(confirmService.isVisible()).resolves.toBe(false);

    // The whole oficio, with its reason.
    const cancel = page.getByRole('region', { name: 'Cancelar el oficio' });
    await cancel.getByRole('button', { name: 'Cancelar el oficio' }).click();
    await cancel
      .getByLabel(/^Motivo de la cancelación/)
      .fill('La campaña se pospone al próximo año.');
    await cancel.getByRole('button', { name: 'Confirmar la cancelación del oficio' }).click();
    await page.getByRole('status').filter({ hasText: 'Se canceló el oficio' }).waitFor();
    expect((await oficioRow(documentId)).workflowStatus).toBe('cancelado');
    await expect(page.locator('.ficha').textContent()).resolves.toContain('Cancelado');
    await expect(page.getByRole('region', { name: 'Cancelar el oficio' }).count()).resolves.toBe(0);
    await expect(page.getByRole('region', { name: 'Historial' }).textContent()).resolves.toContain(
      'La campaña se pospone al próximo año.'
    );
    // Its services were cancelled with it: each says so, and no longer shows a due date.
    const cancelled = page.getByRole('region', { name: 'Servicios' }).locator('.solicitud');
    expect(await cancelled.count()).toBeGreaterThan(0);
    for (const text of await cancelled.allTextContents()) {
      expect(text).toMatch(/Cancelad[oa]/);
      expect(text).not.toContain('Entrega');
    }
    await checkPage(page, 'Oficio cancelado (teléfono)');
  });

  it('cambiar la contraseña cierra la sesión: se entra de nuevo con la nueva', async () => {
    const page = await newPage(PHONE);
    // A reset link that is not valid: the server's Spanish message, on the page.
    await page.goto('/areas/restablecer.html?code=no-es-un-codigo');
    await page.getByLabel('Contraseña nueva', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repite la contraseña nueva').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Guardar la contraseña' }).click();
    await page.locator('.resumen-errores h2').waitFor();
    await expect(page.locator('.resumen-errores h2').textContent()).resolves.toMatch(/\S/);

    await logIn(page, opdapas.user.email);
    await page.goto('/areas/cuenta.html');
    await page.getByLabel('Contraseña actual').fill(TEST_PASSWORD);
    await page.getByLabel('Contraseña nueva', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repite la contraseña nueva').fill('otra-distinta');
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.getByText('Las dos contraseñas no coinciden.').first().waitFor();
    await page.getByLabel('Repite la contraseña nueva').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.waitForURL(/\/areas\/index\.html/);
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(
      /contraseña cambió/
    );
    await logIn(page, opdapas.user.email, NEW_PASSWORD);
    // The token of before the change no longer works.
    expect((await ctx.app.http().get('/api/users/me').set(opdapas.auth)).status).toBe(401);
  });
});
