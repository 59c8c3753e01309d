import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pageErrors, screenshot, useBrowserApp, waitForAppIdle } from './harness';
import { blockingAxeViolations } from './page-checks';
import type { TestApp } from '../harness/app';
import { STATE_LAW, WEB, publishedItem } from '../site/site-fixtures';

const SURVEY = 'api::survey.survey';
const SURVEY_RESPONSE = 'api::survey-response.survey-response';

interface UploadedFile {
  id: number;
  url: string;
  name: string;
  formats?: Record<string, { url: string }> | null;
}

/** A file uploaded through Strapi's media library, as staff would attach it. */
const upload = async (
  app: TestApp,
  name: string,
  mimetype: string,
  buffer: Buffer
): Promise<UploadedFile> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitio-'));
  const filepath = path.join(dir, name);
  try {
    fs.writeFileSync(filepath, buffer);
    const [file] = (await app.strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name, alternativeText: 'Estudiantes de Calimaya en un aula' } },
        files: { filepath, originalFilename: name, mimetype, size: buffer.length },
      })) as UploadedFile[];
    return file;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n'
);

const BODY = [
  '# Requisitos',
  '',
  'Podrán participar estudiantes **inscritos** en escuelas públicas del municipio, con un',
  'promedio mínimo de *ocho*.',
  '',
  '- Acta de nacimiento',
  '- Constancia de estudios',
  '',
  'Consulta las bases en [el portal del Estado](https://edomex.gob.mx/becas).',
  '',
  '<script>document.title = "inyectado"</script>',
].join('\n');

/** Every message Chromium logged about the Content Security Policy refusing something. */
const cspViolations = new WeakMap<Page, string[]>();

const open = async (page: Page, url: string, status = 200) => {
  if (!cspViolations.has(page)) {
    const seen: string[] = [];
    cspViolations.set(page, seen);
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
    });
  }
  const response = await page.goto(url);
  expect(response?.status()).toBe(status);
  await waitForAppIdle(page);
};

const expectCleanPage = (page: Page) => {
  expect(pageErrors(page)).toEqual([]);
  expect(cspViolations.get(page) ?? []).toEqual([]);
};

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('es-MX', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'America/Mexico_City',
  }).format(new Date(iso));

describe('Sitio municipal de referencia en /sitio/', () => {
  // One accepted answer per person and survey, so the second one shows the limit's message.
  const ctx = useBrowserApp({ env: { SURVEY_RATE_LIMIT_MAX: '1' } });
  const uploads: UploadedFile[] = [];
  let becas: { documentId: string; slug: string; publishedAt: string };
  let estructura: string;
  let facultades: string;
  let pdf: UploadedFile;

  beforeAll(async () => {
    const { app, browser } = ctx;

    // A real cover image, drawn by the browser itself.
    const drawing = await browser.newPage({ viewport: { width: 640, height: 360 } });
    await drawing.setContent(
      '<body style="margin:0;background:linear-gradient(135deg,#7a1f3d,#d9a441)"></body>'
    );
    const cover = await upload(app, 'becas.png', 'image/png', await drawing.screenshot());
    await drawing.close();
    pdf = await upload(app, 'estructura-organica.pdf', 'application/pdf', PDF);
    const bases = await upload(app, 'bases-becas.pdf', 'application/pdf', PDF);
    uploads.push(cover, pdf, bases);

    // Two publications in two sections, brought through the workflow to «publicada».
    const becasId = await publishedItem(app, 'web-publication', {
      title: 'Convocatoria de becas municipales 2027',
      // The content manager fills the slug from the title; the Document Service does not.
      slug: 'convocatoria-de-becas-municipales-2027',
      section: 'convocatorias',
      summary: 'Apoyos económicos para estudiantes de primaria, secundaria y bachillerato.',
      body: BODY,
      cover: cover.id,
      attachments: [bases.id],
    });
    await publishedItem(app, 'web-publication', {
      title: 'Suspensión temporal del servicio de agua potable',
      slug: 'suspension-temporal-del-servicio-de-agua-potable',
      section: 'avisos',
      isNews: true,
      summary: 'Trabajos de mantenimiento en la red de la cabecera municipal.',
      body: 'El servicio se restablecerá el jueves por la tarde.',
    });
    const published = (await app.strapi
      .documents(WEB)
      .findOne({ documentId: becasId, status: 'published' })) as unknown as {
      slug: string;
      publishedAt: string;
    };
    becas = {
      documentId: becasId,
      slug: published.slug,
      publishedAt: String(published.publishedAt),
    };

    // Two transparency documents of different fracciones and ejercicios.
    estructura = await publishedItem(app, 'transparency-document', {
      title: 'Estructura orgánica del Ayuntamiento',
      law: STATE_LAW,
      lawVersion: 'Texto vigente',
      article: '92',
      fraccion: 'II',
      ejercicio: 2027,
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
      responsibleArea: 'Dirección de Administración',
      updatedOn: '2027-04-05',
      validatedOn: '2027-04-06',
      note: 'Organigrama aprobado en sesión de cabildo.',
      body: 'Organigrama **vigente** del Ayuntamiento.',
      file: pdf.id,
    });
    facultades = await publishedItem(app, 'transparency-document', {
      title: 'Facultades de cada área',
      law: STATE_LAW,
      lawVersion: 'Texto vigente',
      article: '92',
      fraccion: 'III',
      ejercicio: 2026,
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      responsibleArea: 'Secretaría del Ayuntamiento',
      updatedOn: '2026-07-10',
      validatedOn: '2026-07-11',
    });

    // An open survey with one question of each kind.
    const survey = await app.strapi.documents(SURVEY).create({
      data: {
        title: 'Satisfacción con la atención ciudadana',
        slug: 'satisfaccion-atencion',
        area: (await app.strapi.db.query('api::area.area').findOne({ where: { shortName: 'SA' } }))
          .id,
        description: 'Ayúdanos a mejorar la atención en las ventanillas del Ayuntamiento.',
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        questions: [
          {
            key: 'tramite',
            prompt: '¿Qué trámite realizaste?',
            kind: 'opcion_unica',
            options: 'Pago de predial\nAgua potable\nRegistro civil',
            required: true,
          },
          {
            key: 'medios',
            prompt: '¿Por qué medios te enteraste?',
            kind: 'opcion_multiple',
            options: 'Sitio web\nRedes sociales\nEn la oficina',
          },
          {
            key: 'atencion',
            prompt: '¿Cómo calificas la atención?',
            kind: 'escala',
            scaleMin: 1,
            scaleMax: 5,
            required: true,
          },
          { key: 'comentarios', prompt: 'Comentarios', kind: 'texto' },
        ],
      } as never,
    });
    await app.strapi.documents(SURVEY).publish({ documentId: survey.documentId });
  });

  afterAll(() => {
    // The app is closed by now: the uploaded files (and the image's smaller formats) go by hand.
    const publicDir = path.resolve(__dirname, '..', '..', 'public');
    for (const file of uploads) {
      const urls = [file.url, ...Object.values(file.formats ?? {}).map((format) => format.url)];
      for (const url of urls) fs.rmSync(path.join(publicDir, url), { force: true });
    }
  });

  it('la portada muestra la publicación nueva con su portada, sección y fecha, y las secciones', async () => {
    const page = await ctx.newPage();
    // Typed without the trailing slash, the address still reaches the home page and its styles.
    await open(page, '/sitio');
    expect(new URL(page.url()).pathname).toBe('/sitio/');
    await expect(
      page.getByRole('banner').evaluate((header) => getComputedStyle(header).backgroundColor)
    ).resolves.toBe('rgb(122, 31, 61)');
    await expect(page.title()).resolves.toBe('Inicio · Municipio de Calimaya');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    for (const landmark of ['banner', 'main', 'contentinfo'] as const) {
      await expect(page.getByRole(landmark).count()).resolves.toBe(1);
    }
    await page.getByRole('navigation', { name: 'Principal' }).waitFor();

    const card = page
      .getByRole('article')
      .filter({ hasText: 'Convocatoria de becas municipales 2027' });
    await card.waitFor();
    await expect(card.getByRole('link', { name: 'Convocatorias' }).count()).resolves.toBe(1);
    await expect(card.locator('time').innerText()).resolves.toBe(longDate(becas.publishedAt));
    await expect(
      card.getByRole('img', { name: 'Estudiantes de Calimaya en un aula' }).count()
    ).resolves.toBe(1);
    const coverLoaded = await card
      .locator('img')
      .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    expect(coverLoaded).toBe(true);
    await page
      .getByRole('article')
      .filter({ hasText: 'Suspensión temporal del servicio de agua potable' })
      .waitFor();

    const sections = page.getByRole('region', { name: 'Secciones' });
    await expect(sections.getByRole('link').allInnerTexts()).resolves.toEqual([
      'Avisos (1)',
      'Convocatorias (1)',
    ]);
    await screenshot(page, 'portada');
    expect(await blockingAxeViolations(page, 'portada')).toEqual([]);
    expectCleanPage(page);
  });

  it('una sección muestra solo sus publicaciones; una sección sin publicaciones lo dice', async () => {
    const page = await ctx.newPage();
    await open(page, '/sitio/');
    await page
      .getByRole('region', { name: 'Secciones' })
      .getByRole('link', { name: 'Convocatorias (1)' })
      .click();
    await page.waitForURL(/\/sitio\/seccion\.html\?nombre=convocatorias$/);
    await waitForAppIdle(page);

    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Convocatorias'
    );
    await expect(page.title()).resolves.toBe('Convocatorias · Municipio de Calimaya');
    const main = page.getByRole('main');
    await expect(
      main.getByRole('heading', { level: 2 }).filter({ hasText: 'Convocatoria de becas' }).count()
    ).resolves.toBe(1);
    await expect(
      main.getByText('Suspensión temporal del servicio de agua potable').count()
    ).resolves.toBe(0);
    await screenshot(page, 'seccion-convocatorias');
    expect(await blockingAxeViolations(page, 'sección')).toEqual([]);

    await open(page, '/sitio/seccion.html?nombre=eventos');
    await main.getByText('No hay publicaciones en esta sección.').waitFor();
    expectCleanPage(page);
  });

  it('la búsqueda encuentra la publicación por una palabra de su texto', async () => {
    const page = await ctx.newPage();
    await open(page, '/sitio/');
    await page.getByRole('searchbox', { name: 'Buscar publicaciones' }).fill('constancia');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.waitForURL(/buscar\.html\?q=constancia/);
    await waitForAppIdle(page);
    const main = page.getByRole('main');
    await main.getByText('1 publicación encontrada').waitFor();
    await expect(
      main.getByRole('link', { name: 'Convocatoria de becas municipales 2027' }).count()
    ).resolves.toBe(1);
    await expect(main.getByText('Suspensión temporal').count()).resolves.toBe(0);
    expect(await blockingAxeViolations(page, 'búsqueda')).toEqual([]);
    expectCleanPage(page);
  });

  it('la página de la publicación muestra su texto con formato y el HTML del texto como texto', async () => {
    const page = await ctx.newPage();
    await open(page, '/sitio/seccion.html?nombre=convocatorias');
    await page.getByRole('link', { name: 'Convocatoria de becas municipales 2027' }).click();
    await page.waitForURL(`**/sitio/publicacion.html?slug=${becas.slug}`);
    await waitForAppIdle(page);

    const article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Convocatoria de becas municipales 2027'
    );
    await expect(page.title()).resolves.toBe(
      'Convocatoria de becas municipales 2027 · Municipio de Calimaya'
    );
    await expect(
      article.getByRole('heading', { level: 2, name: 'Requisitos' }).count()
    ).resolves.toBe(1);
    await expect(article.locator('strong').innerText()).resolves.toBe('inscritos');
    await expect(article.locator('em').innerText()).resolves.toBe('ocho');
    await expect(article.getByRole('listitem').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['Acta de nacimiento', 'Constancia de estudios'])
    );
    await expect(
      article.getByRole('link', { name: 'el portal del Estado' }).getAttribute('href')
    ).resolves.toBe('https://edomex.gob.mx/becas');
    // The body's HTML is shown as text, never run.
    await article.getByText('<script>document.title = "inyectado"</script>').waitFor();
    await expect(article.locator('script').count()).resolves.toBe(0);
    await expect(page.title()).resolves.not.toContain('inyectado');
    await expect(
      article.getByRole('link', { name: 'bases-becas.pdf' }).getAttribute('href')
    ).resolves.toMatch(/^\/uploads\/.+\.pdf$/);
    await screenshot(page, 'publicacion');
    expect(await blockingAxeViolations(page, 'publicación')).toEqual([]);

    await open(page, '/sitio/publicacion.html?slug=no-existe', 404);
    await page.getByRole('heading', { level: 1, name: 'Publicación no encontrada' }).waitFor();
    expectCleanPage(page);
  });

  it('el portal de transparencia lista el documento, lo filtra por fracción y ejercicio y descarga', async () => {
    const page = await ctx.newPage();
    await open(page, '/sitio/transparencia.html');
    const table = page.getByRole('table');
    const estructuraRow = table
      .getByRole('row')
      .filter({ hasText: 'Estructura orgánica del Ayuntamiento' });
    const facultadesRow = table.getByRole('row').filter({ hasText: 'Facultades de cada área' });
    await estructuraRow.waitFor();
    await facultadesRow.waitFor();
    await expect(estructuraRow.innerText()).resolves.toContain('01/01/2027 al 31/03/2027');

    // The download link points to the uploaded file, and the file is there.
    const download = estructuraRow.getByRole('link', { name: /Descargar/ });
    await expect(download.getAttribute('href')).resolves.toBe(pdf.url);
    const file = await page.request.get(pdf.url);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/pdf');
    await screenshot(page, 'transparencia');
    expect(await blockingAxeViolations(page, 'portal de transparencia')).toEqual([]);

    const filter = async (choices: { fraccion?: string; ejercicio?: string }) => {
      if (choices.fraccion)
        await page.getByLabel('Fracción').selectOption({ label: choices.fraccion });
      if (choices.ejercicio) await page.getByLabel('Ejercicio').selectOption(choices.ejercicio);
      await page.getByRole('button', { name: 'Aplicar filtros' }).click();
      await page.waitForLoadState('load');
      await waitForAppIdle(page);
    };

    // Another fracción hides it…
    await filter({ fraccion: 'Art. 92, fracción III (1)' });
    expect(new URL(page.url()).searchParams.get('fraccion')).toBe('III');
    await facultadesRow.waitFor();
    await expect(estructuraRow.count()).resolves.toBe(0);

    // …its own shows it, and the open data links carry the filter.
    await filter({ fraccion: 'Art. 92, fracción II (1)' });
    await estructuraRow.waitFor();
    await expect(facultadesRow.count()).resolves.toBe(0);

    // Another ejercicio hides it, its own shows it again.
    await filter({ ejercicio: '2026' });
    await page.getByText('No hay documentos con estos filtros.').waitFor();
    await expect(estructuraRow.count()).resolves.toBe(0);
    await filter({ ejercicio: '2027' });
    await estructuraRow.waitFor();
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      fraccion: 'II',
      articulo: '92',
      ejercicio: '2027',
    });

    const csvHref = await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href');
    const csvUrl = new URL(csvHref!, ctx.baseUrl);
    expect(csvUrl.pathname).toBe('/api/open-data/transparency.csv');
    expect(csvUrl.searchParams.get('fraccion')).toBe('II');
    expect(csvUrl.searchParams.get('ejercicio')).toBe('2027');
    const csv = await page.request.get(csvUrl.toString());
    expect(csv.status()).toBe(200);
    const csvText = await csv.text();
    expect(csvText).toContain(estructura);
    expect(csvText).not.toContain(facultades);
    const jsonHref = await page
      .getByRole('link', { name: 'JSON', exact: true })
      .getAttribute('href');
    expect(new URL(jsonHref!, ctx.baseUrl).searchParams.get('fraccion')).toBe('II');
    await screenshot(page, 'transparencia-filtrada');

    // A filter the API refuses is explained, naming the parameter.
    await open(page, '/sitio/transparencia.html?ejercicio=dos-mil');
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/ejercicio/);
    expectCleanPage(page);
  });

  it('la página del documento muestra sus metadatos y su archivo', async () => {
    const page = await ctx.newPage();
    await open(page, '/sitio/transparencia.html?fraccion=II');
    await page
      .getByRole('link', { name: 'Estructura orgánica del Ayuntamiento', exact: true })
      .click();
    await page.waitForURL(`**/sitio/documento.html?id=${estructura}`);
    await waitForAppIdle(page);

    await page
      .getByRole('heading', { level: 1, name: 'Estructura orgánica del Ayuntamiento' })
      .waitFor();
    const facts = await page
      .locator('dl')
      .evaluate((dl) =>
        Object.fromEntries(
          Array.from(dl.querySelectorAll('dt')).map((dt) => [
            dt.textContent,
            dt.nextElementSibling?.textContent,
          ])
        )
      );
    expect(facts).toMatchObject({
      Ley: STATE_LAW,
      Artículo: '92',
      Fracción: 'II',
      Ejercicio: '2027',
      Periodo: '01/01/2027 al 31/03/2027',
      'Área responsable': 'Dirección de Administración',
      'Fecha de actualización': '5 de abril de 2027',
      'Fecha de validación': '6 de abril de 2027',
      Nota: 'Organigrama aprobado en sesión de cabildo.',
    });
    await expect(
      page.getByRole('link', { name: 'Descargar el documento' }).getAttribute('href')
    ).resolves.toBe(pdf.url);
    await screenshot(page, 'documento');
    expect(await blockingAxeViolations(page, 'documento')).toEqual([]);
    expectCleanPage(page);
  });

  it('la página de datos abiertos explica las columnas y enlaza las descargas', async () => {
    const page = await ctx.newPage();
    await open(page, '/sitio/datos-abiertos.html');
    await page.getByText('Hoy contiene 2 documentos.').waitFor();
    const columns = await page.getByRole('table').locator('tbody th').allInnerTexts();
    const csv = await page.request.get('/api/open-data/transparency.csv');
    const header = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(columns.join(',')).toBe(header);
    await expect(
      page.getByRole('link', { name: 'Descargar CSV' }).getAttribute('href')
    ).resolves.toBe('/api/open-data/transparency.csv');
    expect(await blockingAxeViolations(page, 'datos abiertos')).toEqual([]);
    expectCleanPage(page);
  });

  it('la encuesta valida en español, envía las respuestas y muestra el límite', async () => {
    const page = await ctx.newPage();
    await open(page, '/sitio/encuestas.html');
    expect(await blockingAxeViolations(page, 'encuestas')).toEqual([]);
    await page.getByRole('link', { name: 'Satisfacción con la atención ciudadana' }).click();
    await page.waitForURL('**/sitio/encuesta.html?slug=satisfaccion-atencion');
    await waitForAppIdle(page);
    await page
      .getByRole('heading', { level: 1, name: 'Satisfacción con la atención ciudadana' })
      .waitFor();
    expect(await blockingAxeViolations(page, 'encuesta')).toEqual([]);

    // Sent empty: each required question says what is missing, tied to its fields.
    await page.getByRole('button', { name: 'Enviar respuestas' }).click();
    const tramite = page.getByRole('group', { name: /¿Qué trámite realizaste\?/ });
    const agua = tramite.getByRole('radio', { name: 'Agua potable' });
    await expect(agua.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await agua.getAttribute('aria-describedby'))!.split(' ');
    const messages = await Promise.all(
      describedBy.map((id) => page.locator(`[id="${id}"]`).innerText())
    );
    expect(messages).toContain('Elige una opción.');
    await page
      .getByRole('group', { name: /¿Cómo calificas la atención\?/ })
      .getByText('Elige un valor de la escala.')
      .waitFor();
    await screenshot(page, 'encuesta-errores');
    expect(await blockingAxeViolations(page, 'encuesta con errores')).toEqual([]);

    // Answered: the office receives it and the page thanks the person.
    await agua.check();
    await page.getByRole('checkbox', { name: 'Sitio web' }).check();
    await page
      .getByRole('group', { name: /¿Cómo calificas la atención\?/ })
      .getByRole('radio', { name: '4' })
      .check();
    await page.getByRole('textbox', { name: 'Comentarios' }).fill('Me atendieron con amabilidad.');
    await page.getByRole('button', { name: 'Enviar respuestas' }).click();
    await page.getByRole('heading', { name: '¡Gracias por participar!' }).waitFor();
    const stored = (await ctx.app.strapi.db.query(SURVEY_RESPONSE).findMany({})) as {
      answers: Record<string, unknown>;
    }[];
    expect(stored.map((row) => row.answers)).toEqual([
      {
        tramite: 'Agua potable',
        medios: ['Sitio web'],
        atencion: 4,
        comentarios: 'Me atendieron con amabilidad.',
      },
    ]);
    await screenshot(page, 'encuesta-enviada');

    // A second answer from the same connection meets the limit, explained in Spanish.
    await open(page, '/sitio/encuesta.html?slug=satisfaccion-atencion');
    await page.getByRole('radio', { name: 'Registro civil' }).check();
    await page
      .getByRole('group', { name: /¿Cómo calificas la atención\?/ })
      .getByRole('radio', { name: '5' })
      .check();
    await page.getByRole('button', { name: 'Enviar respuestas' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/Ya recibimos tus respuestas a esta encuesta/);
    await expect(ctx.app.strapi.db.query(SURVEY_RESPONSE).count({})).resolves.toBe(1);
    await screenshot(page, 'encuesta-limite');
    expectCleanPage(page);
  });

  it('en un teléfono (360 px) no hay desplazamiento horizontal y el menú se usa con el teclado', async () => {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    const pages = [
      '/sitio/',
      '/sitio/seccion.html?nombre=convocatorias',
      `/sitio/publicacion.html?slug=${becas.slug}`,
      '/sitio/transparencia.html',
      `/sitio/documento.html?id=${estructura}`,
      '/sitio/datos-abiertos.html',
      '/sitio/encuesta.html?slug=satisfaccion-atencion',
    ];
    for (const url of pages) {
      await open(page, url);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      );
      expect({ url, overflow }).toEqual({ url, overflow: 0 });
    }
    await open(page, '/sitio/transparencia.html');
    await screenshot(page, 'telefono-transparencia');

    // Keyboard only: the first stop is the skip link, then the main menu.
    await open(page, '/sitio/');
    await screenshot(page, 'telefono-portada');
    expect(await blockingAxeViolations(page, 'portada en teléfono')).toEqual([]);
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('Saltar al contenido principal');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('contenido');

    // From the top again: skip link, the municipality's name, then the menu, with a visible focus.
    await open(page, '/sitio/');
    const stops: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      stops.push(await focused());
    }
    expect(stops[0]).toBe('Saltar al contenido principal');
    expect(stops.slice(2)).toEqual(['Inicio', 'Buscar', 'Transparencia']);
    await expect(
      page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)
    ).resolves.toBe('solid');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sitio/transparencia.html');
    await waitForAppIdle(page);
    await page.getByRole('heading', { level: 1, name: 'Transparencia' }).waitFor();
    expectCleanPage(page);
  });
});
