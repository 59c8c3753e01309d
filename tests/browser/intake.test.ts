import fs from 'node:fs';
import path from 'node:path';
import type { UID } from '@strapi/strapi';
import type { Locator, Page } from 'playwright-core';
import { PDFParse } from 'pdf-parse';
import { COPY_LABELS } from '../../src/domain/workflows/intake-values';
import { uploadBuffer } from '../../src/utils/upload-buffer';
import { runInternal } from '../harness/runtime';
import { OFICIO_UID } from '../harness/workflow-fixtures';
import {
  loginInBrowser,
  openAdmin,
  pageErrors,
  screenshot,
  SCREENSHOT_DIR,
  useBrowserApp,
  waitForAppIdle,
  waitForHeading,
} from './harness';
import { blockingAxeViolations, docsImage, docsScreenshot } from './page-checks';

/** A calendar day in Mexico City, `days` from today, as YYYY-MM-DD. */
const officeDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(
    new Date(Date.now() + days * 86_400_000)
  );
/** YYYY-MM-DD as the es-MX date pickers take it. */
const typed = (day: string) => day.split('-').reverse().join('/');

/** Types a date into a design-system DatePicker and leaves it, so it is taken. */
const fillDate = async (picker: Locator, day: string) => {
  await picker.fill(typed(day));
  await picker.blur();
};
/** Types a time into a design-system TimePicker and leaves it. */
const fillTime = async (picker: Locator, time: string) => {
  await picker.fill(time);
  await picker.blur();
};

/** The text of a PDF (its streams may be compressed), whitespace collapsed. */
const pdfText = async (bytes: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
};

/** The first page of a PDF as a PNG, for people to look at. */
const pdfImage = async (bytes: Buffer, file: string) => {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const shot = await parser.getScreenshot({ scale: 1.5, first: 1 });
    fs.writeFileSync(file, shot.pages[0].data);
  } finally {
    await parser.destroy();
  }
};

/** The fields of one requested service on the registration page. */
const service = (page: Page, label: RegExp) => page.getByRole('region', { name: label }).first();

const oficioStatus = async (ctx: ReturnType<typeof useBrowserApp>, folio: string) =>
  (await ctx.app.strapi.db.query(OFICIO_UID as UID.ContentType).findOne({ where: { folio } })) as {
    workflowStatus: string;
    missingInformation: string | null;
    addressedTo: string | null;
    copiedTo: string[] | null;
  };

// Registering, printing and completing in one story: longer than the harness's default.
jest.setTimeout(300_000);

describe('Registrar oficio en el navegador: la coordinación registra, completa datos e imprime el acuse', () => {
  const ctx = useBrowserApp();

  it('registra un oficio con escaneo y tres servicios, completa el dato faltante desde Bandejas y el acuse lleva folio y hora', async () => {
    const page = await ctx.newPage();
    const coordinator = await loginInBrowser(page, 'coordinador_comunicacion');

    // Given: the coordinator opens «Registrar oficio» from the plugin's menu.
    await openAdmin(page, '/plugins/comunicacion/bandejas');
    await page.getByRole('link', { name: 'Registrar oficio' }).click();
    await page.waitForURL(/\/plugins\/comunicacion\/registrar$/);
    await waitForHeading(page, 'Registrar oficio');
    await waitForAppIdle(page);

    // The reception defaults to now in Mexico City.
    const receivedDay = officeDay(-2);
    const receivedTime = '10:35';
    const dayInput = page.getByRole('combobox', { name: /^Fecha de recepción/ });
    await expect(dayInput.inputValue()).resolves.toBe(typed(officeDay(0)));

    // When: she fills the oficio's data…
    const area = page.getByRole('combobox', { name: /^Área que lo envía/ });
    await area.click();
    await area.pressSequentially('Cultura');
    await page.getByRole('option', { name: /Dirección de Cultura/ }).click();
    await page.getByRole('textbox', { name: /^Número de oficio del área/ }).fill('DC/0456/2026');
    await fillDate(dayInput, receivedDay);
    await fillTime(page.getByRole('combobox', { name: /^Hora de recepción/ }), receivedTime);
    await page.getByRole('radio', { name: /Digital/ }).click();
    const subject = 'Festival de la Primavera: cartel, cobertura y aviso en el sitio';
    await page.getByRole('textbox', { name: /^Asunto/ }).fill(subject);
    await page
      .getByRole('textbox', { name: /^Resumen/ })
      .fill('Cartel impreso, cobertura del festival y aviso en el sitio web.');
    await page.getByRole('textbox', { name: /^Nombre/ }).fill('Lic. Ana Martínez');
    await page.getByRole('textbox', { name: /^Teléfono/ }).fill('722 555 0101');

    // …drops the scanned oficio on the drop zone (uploaded to the media library)…
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page
        .getByRole('region', { name: 'Oficio escaneado' })
        .getByRole('button', { name: 'Elegir archivo' })
        .click(),
    ]);
    await chooser.setFiles({
      name: 'oficio-DC-0456-2026.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% oficio escaneado de prueba\n%%EOF\n'),
    });
    await page.getByText('oficio-DC-0456-2026.pdf', { exact: true }).waitFor();
    await screenshot(page, 'registrar-oficio-datos');

    // …and ticks three services; each reveals exactly its data.
    const eventDay = officeDay(30);
    await page.getByRole('checkbox', { name: /^Diseño/ }).click();
    const design = service(page, /^Diseño/);
    await design
      .getByRole('textbox', { name: /^Título/i })
      .fill('Cartel del Festival de la Primavera');
    await design.getByRole('combobox', { name: /^Tipo de material/i }).click();
    await page.getByRole('option', { name: /imprenta|impreso/i }).click();
    // Print material goes to the Presidencia with a copy to the Dirección: the page proposes it.
    await expect(
      page.getByRole('combobox', { name: /^Dirigido a/ }).textContent()
    ).resolves.toMatch(/Presidencia Municipal/);
    await expect(
      page
        .getByRole('checkbox', { name: COPY_LABELS.direccion, exact: true })
        .getAttribute('aria-checked')
    ).resolves.toBe('true');
    await design
      .getByRole('textbox', { name: /^Nombre del evento/i })
      .fill('Festival de la Primavera');
    await fillDate(design.getByRole('combobox', { name: /^Fecha del evento/i }), eventDay);
    await fillTime(design.getByRole('combobox', { name: /^Hora del evento/i }), '11:00');
    // The place is left blank: the area has not said it yet.
    await design
      .getByRole('textbox', { name: /^Especificaciones/i })
      .fill('Cartel 60×90 cm, colores institucionales');
    await design.getByRole('textbox', { name: /^Responsable/i }).fill('Mtra. Laura Pérez');
    await design.getByRole('combobox', { name: /^Logotipos/ }).click();
    await page.getByRole('option', { name: 'Ayuntamiento de Calimaya' }).click();
    await design.getByRole('combobox', { name: /^Logotipos/ }).click();
    await page.getByRole('option', { name: 'IMCUFIDEC' }).click();
    await design.getByRole('button', { name: 'Subir IMCUFIDEC' }).click();
    await expect(
      design
        .getByRole('list', { name: /logotipos/i })
        .getByRole('listitem')
        .allInnerTexts()
    ).resolves.toEqual([
      expect.stringContaining('IMCUFIDEC'),
      expect.stringContaining('Ayuntamiento de Calimaya'),
    ]);

    await page.getByRole('checkbox', { name: /^Cobertura/ }).click();
    const coverage = service(page, /^Cobertura/);
    await coverage
      .getByRole('textbox', { name: /^Título/i })
      .fill('Cobertura del Festival de la Primavera');
    await fillDate(coverage.getByRole('combobox', { name: /inicio: fecha$/i }), eventDay);
    await fillTime(coverage.getByRole('combobox', { name: /inicio: hora$/i }), '11:00');
    await fillDate(coverage.getByRole('combobox', { name: /término: fecha$/i }), eventDay);
    await fillTime(coverage.getByRole('combobox', { name: /término: hora$/i }), '14:00');
    await coverage.getByRole('textbox', { name: /^Lugar/i }).fill('Jardín principal de Calimaya');
    await coverage.getByRole('checkbox', { name: 'Fotografías' }).click();
    await coverage.getByRole('checkbox', { name: 'Video' }).click();

    await page.getByRole('checkbox', { name: /^Publicación en el sitio/ }).click();
    const web = service(page, /^Publicación en el sitio/);
    await web.getByRole('textbox', { name: /^Título/i }).fill('Aviso del Festival de la Primavera');
    const section = web.getByRole('combobox', { name: /^Sección/i });
    if ((await section.count()) > 0) {
      await section.click();
      await page.getByRole('option').first().click();
    } else {
      await web.getByRole('textbox', { name: /^Sección/i }).fill('Avisos');
    }
    await web
      .getByRole('textbox', { name: /^Texto|^Cuerpo/i })
      .first()
      .fill('El Festival de la Primavera se celebra en el jardín principal.');
    await fillDate(web.getByRole('combobox', { name: /^Fecha deseada/i }), officeDay(20));

    // The lead-time verdict of each dated service shows while typing.
    await coverage.getByText('Cumple el plazo', { exact: true }).waitFor();
    await web.getByText('Cumple el plazo', { exact: true }).waitFor();
    await waitForAppIdle(page);
    await coverage.scrollIntoViewIfNeeded();
    await screenshot(page, 'registrar-oficio');
    await docsScreenshot(page, 'registrar-oficio');
    expect(await blockingAxeViolations(page, 'Registrar oficio', 'main')).toEqual([]);

    // The same page on a phone: one column, nothing cut.
    await page.setViewportSize({ width: 390, height: 844 });
    await waitForAppIdle(page);
    await screenshot(page, 'registrar-oficio-telefono');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await blockingAxeViolations(page, 'Registrar oficio en teléfono', 'main')).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });

    // Then: one submit registers everything; the oficio waits for the missing place.
    await page.getByRole('button', { name: 'Registrar oficio' }).first().click();
    await page.getByRole('heading', { name: 'Oficio registrado' }).waitFor();
    const folio = (await page.locator('[data-folio]').innerText()).trim();
    expect(folio).toMatch(/^DCSGD\/\d{4}\/\d{4}$/);
    const incomplete = page.getByText(/^El oficio quedó en Información incompleta: falta /);
    await incomplete.waitFor();
    await expect(incomplete.innerText()).resolves.toMatch(/lugar/i);
    await expect(incomplete.innerText()).resolves.toContain('Cartel del Festival de la Primavera');
    await waitForAppIdle(page);
    await screenshot(page, 'registrado');
    const stored = await oficioStatus(ctx, folio);
    expect(stored.workflowStatus).toBe('informacion_incompleta');
    expect(stored.missingInformation).toMatch(/lugar/i);
    expect(stored).toMatchObject({ addressedTo: 'presidencia', copiedTo: ['direccion'] });

    // «Imprimir acuse»: the PDF opens and carries the folio and the reception time.
    const [acuse] = await Promise.all([
      page.waitForResponse((response) =>
        /\/comunicacion\/oficios\/[^/]+\/acuse$/.test(response.url())
      ),
      page.getByRole('button', { name: 'Imprimir acuse' }).click(),
    ]);
    expect(acuse.status()).toBe(200);
    expect(acuse.headers()['content-type']).toContain('application/pdf');
    // The same file, fetched here with the coordinator's session to read it.
    const { body: pdf } = (await ctx.app
      .http()
      .get(new URL(acuse.url()).pathname)
      .set(coordinator.auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)) as { body: Buffer };
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain(folio);
    expect(text).toContain(receivedTime);
    expect(text).toContain(subject.slice(0, 30));
    const acuseShot = path.join(SCREENSHOT_DIR, 'intake--acuse.png');
    await pdfImage(pdf, acuseShot);
    docsImage(acuseShot, 'acuse');
    for (const other of page.context().pages()) if (other !== page) await other.close();

    // The oficio page says it waits for information.
    await page.getByRole('link', { name: `Ver oficio ${folio}` }).click();
    await waitForHeading(page, folio);
    await waitForAppIdle(page);
    await page
      .locator('[data-status="informacion_incompleta"]', { hasText: 'Información incompleta' })
      .first()
      .waitFor();
    await expect(
      page.getByRole('button', { name: 'Acuse de recibo', exact: true }).count()
    ).resolves.toBe(1);
    // The design's card names what it still lacks.
    const designCard = page.getByRole('article', { name: 'Cartel del Festival de la Primavera' });
    await expect(designCard.getByText('Falta para iniciar').count()).resolves.toBe(1);
    await expect(designCard.innerText()).resolves.toMatch(/Falta para iniciar\s+lugar/i);
    await screenshot(page, 'oficio-incompleto');

    // When: in Bandejas she opens «Completar datos» from the design's row menu…
    await openAdmin(page, '/plugins/comunicacion/bandejas/diseno_senior');
    await waitForHeading(page, 'Bandejas');
    const title = 'Cartel del Festival de la Primavera';
    const row = page.getByRole('row', { name: title, exact: true });
    await row.waitFor();
    await row.getByRole('button', { name: `Acciones de «${title}»` }).click();
    await page.getByRole('menuitem', { name: 'Completar datos' }).click();
    const dialog = page.getByRole('dialog', { name: `Completar datos: «${title}»` });
    await dialog.waitFor();
    await waitForAppIdle(page);
    // …where the missing place is highlighted and the data typed at registration is there.
    await expect(dialog.locator('[data-field="place"][data-missing]').count()).resolves.toBe(1);
    await expect(
      dialog.getByRole('textbox', { name: /^Nombre del evento/i }).inputValue()
    ).resolves.toBe('Festival de la Primavera');
    await screenshot(page, 'completar-datos');
    await docsScreenshot(page, 'completar-datos');
    expect(await blockingAxeViolations(page, 'Completar datos', '[role="dialog"]')).toEqual([]);

    await dialog.getByRole('textbox', { name: /^Lugar/i }).fill('Jardín principal de Calimaya');
    await dialog.getByRole('button', { name: 'Guardar datos' }).click();
    // Then: the oficio is back in «Recibido».
    await dialog.getByText(`El oficio ${folio} volvió a`).waitFor();
    await dialog.getByText('Recibido', { exact: true }).waitFor();
    await screenshot(page, 'completar-datos-guardado');
    await dialog.getByRole('button', { name: 'Listo' }).click();
    await dialog.waitFor({ state: 'detached' });
    const after = await oficioStatus(ctx, folio);
    expect(after.workflowStatus).toBe('recibido');

    // «Añadir servicio» on the oficio page: the same checklist adds the promotion on social media.
    const documentId = /\/oficios\/([^/]+)\/acuse$/.exec(new URL(acuse.url()).pathname)?.[1];
    await openAdmin(page, `/plugins/comunicacion/oficios/${documentId}`);
    await waitForHeading(page, folio);
    await page.getByRole('button', { name: 'Añadir servicio' }).click();
    const adding = page.getByRole('dialog', { name: `Añadir servicio al oficio ${folio}` });
    await adding.waitFor();
    await adding.getByRole('checkbox', { name: /^Difusión/ }).click();
    const promotion = adding.getByRole('region', { name: /^Difusión/ });
    await promotion
      .getByRole('textbox', { name: /^Título/i })
      .fill('Difusión del Festival de la Primavera');
    await screenshot(page, 'anadir-servicio');
    await adding.getByRole('button', { name: 'Añadir', exact: true }).click();
    await adding.getByText('Se añadió «Difusión del Festival de la Primavera»').waitFor();
    await adding.getByRole('button', { name: 'Listo' }).click();
    await adding.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: 'Trabajos' })
      .getByRole('heading', { name: 'Difusión del Festival de la Primavera' })
      .waitFor();
    await screenshot(page, 'oficio-con-servicio-anadido');

    // Documentos: the scan, a file the area added later, and the acuse are listed, and each one is
    // downloaded with the staff member's session (the area's files are not public).
    const programme = Buffer.from('%PDF-1.4\n% programa del festival\n%%EOF\n');
    const added = await uploadBuffer(ctx.app.strapi, programme, {
      name: 'programa-del-festival.pdf',
      mimetype: 'application/pdf',
    });
    await runInternal(() =>
      ctx.app.strapi.documents(OFICIO_UID).update({
        documentId: String(documentId),
        data: { attachments: [added.id] } as never,
      })
    );
    await page.reload();
    await waitForHeading(page, folio);
    await waitForAppIdle(page);
    const documents = page.getByRole('region', { name: 'Documentos' });
    await documents.scrollIntoViewIfNeeded();
    for (const label of ['Oficio escaneado', 'Anexo del área', 'Acuse de recibo']) {
      await expect(documents.getByText(label, { exact: true }).count()).resolves.toBe(1);
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      documents
        .getByRole('button', { name: 'Descargar Anexo del área: programa-del-festival.pdf' })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('programa-del-festival.pdf');
    expect(fs.readFileSync(await download.path()).equals(programme)).toBe(true);
    await waitForAppIdle(page);
    await screenshot(page, 'oficio-documentos');
    expect(
      await blockingAxeViolations(
        page,
        'Documentos del oficio',
        'section[aria-labelledby="oficio-documents-title"]'
      )
    ).toEqual([]);

    expect(pageErrors(page)).toEqual([]);
  });
});
