import { bootApp, type TestApp } from '../harness/app';
import type {
  GetPublicationResponse,
  GetTransparencyDocumentResponse,
  GetTransparencyFacetsResponse,
  ListPublicationsResponse,
  ListSectionsResponse,
  ListTransparencyResponse,
} from '../../src/api/public-site/types';
import { mediaFile, publishedItem, readyItem, STATE_LAW, token } from './site-fixtures';

const SUMMARY_KEYS = [
  'cover',
  'documentId',
  'isNews',
  'publishedAt',
  'section',
  'slug',
  'summary',
  'title',
  'updatedAt',
];
const TRANSPARENCY_KEYS = [
  'article',
  'documentId',
  'ejercicio',
  'file',
  'fraccion',
  'law',
  'lawVersion',
  'note',
  'periodEnd',
  'periodStart',
  'publishedAt',
  'responsibleArea',
  'title',
  'updatedOn',
  'validatedOn',
];

describe('API pública del sitio municipal', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (path: string) => app.http().get(path);

  describe('publicaciones web', () => {
    it('lista solo lo publicado, lo más reciente primero, sin datos del flujo ni de personas', async () => {
      const section = `Cultura ${token()}`;
      const first = await publishedItem(app, 'web-publication', {
        title: 'Festival de la Primavera en Calimaya',
        slug: `festival-${token()}`,
        section,
        summary: 'Música, danza y gastronomía en la explanada.',
        body: 'El **festival** reúne a artesanos de San Andrés Ocotlán.',
        internalNotes: 'Nota interna que nadie de fuera debe leer',
      });
      const second = await publishedItem(app, 'web-publication', {
        title: 'Concierto de la Banda Sinfónica',
        slug: `concierto-${token()}`,
        section,
        isNews: true,
      });
      // Ready but not published: stays off the site.
      await readyItem(app, 'web-publication', { title: 'Borrador pendiente', section });

      const res = await get(`/api/site/publications?section=${encodeURIComponent(section)}`).expect(
        200
      );
      const body = res.body as ListPublicationsResponse;
      expect(body.data.map((item) => item.documentId)).toEqual([second, first]);
      expect(body.meta.pagination).toEqual({ page: 1, pageSize: 12, pageCount: 1, total: 2 });
      for (const item of body.data) expect(Object.keys(item).sort()).toEqual(SUMMARY_KEYS);
      expect(body.data[1]).toMatchObject({
        title: 'Festival de la Primavera en Calimaya',
        section,
        summary: 'Música, danza y gastronomía en la explanada.',
        isNews: false,
        cover: null,
      });
      expect(body.data[0].isNews).toBe(true);
      expect(Date.parse(body.data[0].publishedAt!)).toBeGreaterThanOrEqual(
        Date.parse(body.data[1].publishedAt!)
      );
      const raw = JSON.stringify(res.body);
      for (const secret of ['Nota interna', 'workflowStatus', 'oficio', 'assignees']) {
        expect(raw).not.toContain(secret);
      }
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    });

    it('filtra por noticias, busca en título, resumen y cuerpo sin distinguir mayúsculas, y pagina', async () => {
      const section = `Obras ${token()}`;
      const word = token();
      const inTitle = await publishedItem(app, 'web-publication', {
        title: `Repavimentación ${word.toUpperCase()} de la calle Hidalgo`,
        section,
        isNews: true,
      });
      const inSummary = await publishedItem(app, 'web-publication', {
        title: 'Alumbrado público',
        summary: `Luminarias nuevas (${word}) en la cabecera`,
        section,
      });
      const inBody = await publishedItem(app, 'web-publication', {
        title: 'Drenaje en Zaragoza de Guadalupe',
        body: `Obra con folio ${word}.`,
        section,
      });
      const literal = await publishedItem(app, 'web-publication', {
        title: `Avance al 100%_${word}`,
        section,
      });

      const ids = async (query: string) =>
        (
          (await get(`/api/site/publications?${query}`).expect(200))
            .body as ListPublicationsResponse
        ).data
          .map((item) => item.documentId)
          .sort();
      const s = `section=${encodeURIComponent(section)}`;

      expect(await ids(`q=${word}`)).toEqual([inTitle, inSummary, inBody, literal].sort());
      expect(await ids(`${s}&news=true`)).toEqual([inTitle]);
      expect(await ids(`${s}&news=false`)).toEqual([inSummary, inBody, literal].sort());
      // % and _ are searched as themselves, not as wildcards.
      expect(await ids(`${s}&q=${encodeURIComponent('100%_')}`)).toEqual([literal]);
      expect(await ids(`${s}&q=${encodeURIComponent('1_0')}`)).toEqual([]);

      const pageTwo = (await get(`/api/site/publications?${s}&page=2&pageSize=3`).expect(200))
        .body as ListPublicationsResponse;
      expect(pageTwo.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });
      expect(pageTwo.data.map((item) => item.documentId)).toEqual([inTitle]);
    });

    it('una publicación por su dirección, con cuerpo, portada y anexos; 404 si no está publicada', async () => {
      const cover = await mediaFile(app, 'portada.jpg', {
        mime: 'image/jpeg',
        width: 1200,
        height: 630,
        alternativeText: 'Explanada del Palacio Municipal',
      });
      const agenda = await mediaFile(app, 'programa-feria.pdf');
      const map = await mediaFile(app, 'mapa de la feria.pdf', { size: 98.4 });
      const slug = `feria-${token()}`;
      const documentId = await publishedItem(app, 'web-publication', {
        title: 'Feria del Elote 2026',
        slug,
        section: 'Noticias',
        summary: 'Del 15 al 18 de agosto.',
        body: '# Feria del Elote\n\nConsulta el programa.',
        cover: cover.id,
        attachments: [agenda.id, map.id],
      });

      const res = await get(`/api/site/publications/${slug}`).expect(200);
      const { data } = res.body as GetPublicationResponse;
      expect(data).toMatchObject({
        documentId,
        slug,
        title: 'Feria del Elote 2026',
        body: '# Feria del Elote\n\nConsulta el programa.',
        bodyHtml: '<h2>Feria del Elote</h2>\n<p>Consulta el programa.</p>',
        cover: {
          url: cover.url,
          alternativeText: 'Explanada del Palacio Municipal',
          width: 1200,
          height: 630,
        },
      });
      expect(data.attachments).toEqual([
        { url: agenda.url, name: 'programa-feria.pdf', mime: 'application/pdf', size: 12.5 },
        { url: map.url, name: 'mapa de la feria.pdf', mime: 'application/pdf', size: 98.4 },
      ]);

      // The listing shows the same cover.
      const listing = (
        await get('/api/site/publications?section=Noticias&pageSize=100').expect(200)
      ).body as ListPublicationsResponse;
      expect(listing.data.find((item) => item.documentId === documentId)?.cover?.url).toBe(
        cover.url
      );

      const draftSlug = `borrador-${token()}`;
      await readyItem(app, 'web-publication', { title: 'Aún no', slug: draftSlug });
      for (const path of [
        `/api/site/publications/${draftSlug}`,
        '/api/site/publications/no-existe',
      ]) {
        const missing = await get(path).expect(404);
        expect(missing.body).toMatchObject({
          data: null,
          error: { status: 404, details: { code: 'NOT_FOUND' } },
        });
        expect(missing.body.error.message).toMatch(/No existe una publicación/);
      }
    });

    it('el cuerpo llega también como HTML saneado: el HTML escrito es texto y no hay enlaces peligrosos', async () => {
      // Given a publication whose body mixes Markdown with markup an attacker would try
      const slug = `hostil-${token()}`;
      const body = [
        '## Aviso',
        '',
        'Texto con **énfasis** y [la Gaceta](https://legislacion.edomex.gob.mx/gaceta).',
        '',
        '<script>alert(1)</script>',
        '',
        '<img src=x onerror="alert(1)">',
        '',
        '[premio](javascript:alert(1)) y [archivo](data:text/html;base64,PHNjcmlwdD4=)',
      ].join('\n');
      await publishedItem(app, 'web-publication', { title: 'Aviso', slug, body });

      // When the site asks for it
      const { data } = (await get(`/api/site/publications/${slug}`).expect(200))
        .body as GetPublicationResponse;

      // Then the Markdown is kept as written and the HTML holds only harmless markup
      expect(data.body).toBe(body);
      expect(data.bodyHtml).toContain('<h3>Aviso</h3>');
      expect(data.bodyHtml).toContain(
        '<p>Texto con <strong>énfasis</strong> y <a href="https://legislacion.edomex.gob.mx/gaceta" rel="noopener noreferrer">la Gaceta</a>.</p>'
      );
      expect(data.bodyHtml).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
      expect(data.bodyHtml).toContain('<p>&lt;img src=x onerror="alert(1)"&gt;</p>');
      expect(data.bodyHtml).not.toMatch(/<(script|img)\b/);
      expect(data.bodyHtml).not.toMatch(/href="(javascript|data):/);
      expect(data.bodyHtml.match(/<a /g)).toHaveLength(1);
    });

    it('las secciones con contenido publicado, por nombre, con cuántas hay y la más reciente', async () => {
      const a = `Áreas ${token()}`;
      const b = `Trámites ${token()}`;
      await publishedItem(app, 'web-publication', { title: 'Uno', section: b });
      await publishedItem(app, 'web-publication', { title: 'Dos', section: a });
      const latest = await publishedItem(app, 'web-publication', { title: 'Tres', section: a });
      await readyItem(app, 'web-publication', {
        title: 'Sin publicar',
        section: `Vacía ${token()}`,
      });

      const { data } = (await get('/api/site/sections').expect(200)).body as ListSectionsResponse;
      const names = data.map((row) => row.section);
      expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'es')));
      expect(names.some((name) => name.startsWith('Vacía'))).toBe(false);
      const detail = (
        (await get(`/api/site/publications?section=${encodeURIComponent(a)}`).expect(200))
          .body as ListPublicationsResponse
      ).data.find((item) => item.documentId === latest)!;
      expect(data.find((row) => row.section === a)).toEqual({
        section: a,
        count: 2,
        latestAt: detail.publishedAt,
      });
      expect(data.find((row) => row.section === b)?.count).toBe(1);
    });
  });

  describe('documentos de transparencia', () => {
    const doc = (data: Record<string, unknown>) =>
      publishedItem(app, 'transparency-document', {
        law: STATE_LAW,
        lawVersion: 'Reforma 2025',
        article: '92',
        responsibleArea: 'Dirección de Administración',
        ...data,
      });
    let word: string;
    let structureQ1: string;
    let structureQ3: string;
    let directory2025: string;
    let draft: string;
    beforeAll(async () => {
      word = token();
      const file = await mediaFile(app, 'estructura-organica-2026.pdf');
      structureQ1 = await doc({
        title: `Estructura orgánica ${word} primer trimestre`,
        fraccion: 'II',
        ejercicio: 2026,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        updatedOn: '2026-04-10',
        validatedOn: '2026-04-12',
        note: 'Sin cambios respecto del periodo anterior',
        file: file.id,
      });
      structureQ3 = await doc({
        title: `Estructura orgánica ${word} tercer trimestre`,
        fraccion: 'II',
        ejercicio: 2026,
        periodStart: '2026-07-01',
        periodEnd: '2026-09-30',
        body: 'Organigrama con la nueva Coordinación de Gobierno Digital',
      });
      directory2025 = await doc({
        title: `Directorio ${word} 2025`,
        fraccion: 'VII',
        ejercicio: 2025,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
      });
      draft = await readyItem(app, 'transparency-document', {
        title: `Marco normativo ${word}`,
        law: STATE_LAW,
        article: '92',
        fraccion: 'I',
        ejercicio: 2026,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
      });
    });

    const ids = async (query: string) =>
      (
        (await get(`/api/site/transparency?q=${word}&${query}`).expect(200))
          .body as ListTransparencyResponse
      ).data.map((item) => item.documentId);

    it('lista lo publicado por ejercicio y periodo, del más reciente al más antiguo', async () => {
      const res = await get(`/api/site/transparency?q=${word}`).expect(200);
      const body = res.body as ListTransparencyResponse;
      expect(body.data.map((item) => item.documentId)).toEqual([
        structureQ3,
        structureQ1,
        directory2025,
      ]);
      expect(body.data.map((item) => item.documentId)).not.toContain(draft);
      for (const item of body.data) expect(Object.keys(item).sort()).toEqual(TRANSPARENCY_KEYS);
      expect(body.data[1]).toMatchObject({
        law: STATE_LAW,
        lawVersion: 'Reforma 2025',
        article: '92',
        fraccion: 'II',
        ejercicio: 2026,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        responsibleArea: 'Dirección de Administración',
        updatedOn: '2026-04-10',
        validatedOn: '2026-04-12',
        note: 'Sin cambios respecto del periodo anterior',
        file: { name: 'estructura-organica-2026.pdf', mime: 'application/pdf', size: 12.5 },
      });
      expect(body.data[1].file!.url).toMatch(/^\/uploads\/estructura_organica_2026_pdf_/);
      expect(body.data[0].file).toBeNull();
      expect(body.meta.pagination.total).toBe(3);
    });

    it('filtra por fracción, artículo, ejercicio y trimestre (los periodos que se traslapan)', async () => {
      expect(await ids('fraccion=II')).toEqual([structureQ3, structureQ1]);
      expect(await ids('fraccion=VII&article=92')).toEqual([directory2025]);
      expect(await ids('article=93')).toEqual([]);
      expect(await ids('ejercicio=2025')).toEqual([directory2025]);
      expect(await ids('period=2026-T1')).toEqual([structureQ1]);
      expect(await ids('period=2026-T3')).toEqual([structureQ3]);
      expect(await ids('period=2026-T2')).toEqual([]);
      // A yearly period overlaps each of its quarters.
      expect(await ids('period=2025-T4')).toEqual([directory2025]);
      expect(await ids('fraccion=II&ejercicio=2026&period=2026-T3')).toEqual([structureQ3]);
    });

    it('un documento con su cuerpo; 404 si no está publicado o no existe', async () => {
      const { data } = (await get(`/api/site/transparency/${structureQ3}`).expect(200))
        .body as GetTransparencyDocumentResponse;
      expect(data).toMatchObject({
        documentId: structureQ3,
        fraccion: 'II',
        body: 'Organigrama con la nueva Coordinación de Gobierno Digital',
        bodyHtml: '<p>Organigrama con la nueva Coordinación de Gobierno Digital</p>',
      });
      for (const id of [draft, 'no-existe']) {
        const res = await get(`/api/site/transparency/${id}`).expect(404);
        expect(res.body.error.details.code).toBe('NOT_FOUND');
      }
    });

    it('las facetas: fracciones con su artículo y cuántos documentos, y los ejercicios', async () => {
      const { data } = (await get('/api/site/transparency/facets').expect(200))
        .body as GetTransparencyFacetsResponse;
      const fraccion = (name: string) =>
        data.fracciones.find((row) => row.article === '92' && row.fraccion === name);
      expect(fraccion('II')?.count).toBeGreaterThanOrEqual(2);
      expect(fraccion('VII')?.count).toBeGreaterThanOrEqual(1);
      expect(fraccion('I')).toBeUndefined();
      const order = data.fracciones.map((row) => row.fraccion);
      expect(order.indexOf('II')).toBeLessThan(order.indexOf('VII'));
      expect(data.ejercicios).toEqual(expect.arrayContaining([2026, 2025]));
      expect(data.ejercicios).toEqual([...data.ejercicios].sort((x, y) => y - x));
    });
  });

  describe('consultas inválidas', () => {
    it.each([
      ['/api/site/publications?pageSize=101', 'pageSize'],
      ['/api/site/publications?page=0', 'page'],
      ['/api/site/publications?page=dos', 'page'],
      ['/api/site/publications?news=quizas', 'news'],
      ['/api/site/publications?seccion=Cultura', 'seccion'],
      ['/api/site/publications?section=a&section=b', 'section'],
      ['/api/site/transparency?period=2026-T5', 'period'],
      ['/api/site/transparency?ejercicio=veinte', 'ejercicio'],
      ['/api/site/transparency?ejercicio=1990', 'ejercicio'],
      ['/api/site/sections?orden=nombre', 'orden'],
      ['/api/open-data/transparency.csv?period=2026', 'period'],
    ])('%s → 400 INVALID_QUERY que nombra «%s»', async (path, parameter) => {
      const res = await get(path).expect(400);
      expect(res.body).toMatchObject({
        data: null,
        error: { status: 400, details: { code: 'INVALID_QUERY', parameter } },
      });
      expect(res.body.error.message).toContain(`«${parameter}»`);
    });
  });

  describe('caché HTTP', () => {
    it('ETag fuerte, Cache-Control para navegadores y CDN, y 304 con If-None-Match', async () => {
      for (const path of [
        '/api/site/publications',
        '/api/site/sections',
        '/api/site/transparency',
        '/api/site/transparency/facets',
        '/api/open-data/transparency.json',
        '/api/open-data/transparency.csv',
      ]) {
        const first = await get(path).expect(200);
        const etag = first.headers.etag as string;
        expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
        expect(first.headers['cache-control']).toBe(
          'public, max-age=60, s-maxage=300, stale-while-revalidate=60'
        );
        expect(first.headers.vary).toMatch(/Accept-Encoding/);
        const again = await get(path).set('If-None-Match', etag).expect(304);
        expect(again.text ?? '').toBe('');
        expect(again.headers.etag).toBe(etag);
        await get(path).set('If-None-Match', '"otro"').expect(200);
      }
      // The site on another origin: CORS answers per origin, so a CDN keys on both.
      const cors = await get('/api/site/sections')
        .set('Origin', 'http://localhost:1337')
        .expect(200);
      expect(cors.headers['access-control-allow-origin']).toBe('http://localhost:1337');
      expect(cors.headers.vary).toMatch(/Origin/);
      expect(cors.headers.vary).toMatch(/Accept-Encoding/);
    });
  });
});
