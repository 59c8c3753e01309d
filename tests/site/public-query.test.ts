import { bootApp, type TestApp } from '../harness/app';
import { publishedItem, STATE_LAW, token } from './site-fixtures';

interface Refusal {
  error: { status: number; message: string; details: { code: string; parameter: string } };
}

describe('consultas públicas del contenido: solo campos públicos en filters, sort, fields y populate', () => {
  let app: TestApp;
  let word: string;
  let page: string;
  let doc: string;

  beforeAll(async () => {
    app = await bootApp();
    word = token();
    page = await publishedItem(app, 'web-publication', {
      title: `Feria del elote ${word}`,
      slug: `feria-del-elote-${word}`,
      section: 'Cultura',
      summary: 'Tres días de feria en la cabecera municipal.',
      body: 'Programa completo.',
      wantedDate: '2031-03-01',
      blackoutExceptionReference: `REF-${word}`,
    });
    doc = await publishedItem(app, 'transparency-document', {
      title: `Directorio ${word}`,
      law: STATE_LAW,
      article: '92',
      fraccion: 'VII',
      ejercicio: 2026,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      responsibleArea: 'Dirección de Administración',
      wantedDate: '2031-03-01',
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (path: string) => app.http().get(path);
  const expectRefused = async (path: string, parameter: string) => {
    const res = await get(path).expect(400);
    const body = res.body as Refusal;
    expect(body.error.details.code).toBe('INVALID_QUERY');
    expect(body.error.details.parameter).toBe(parameter);
    expect(body.error.message).toContain(`«${parameter}»`);
    return body;
  };

  it.each([
    ['filters[wantedDate][$eq]=2031-03-01', 'filters'],
    ['filters[workflowStatus][$eq]=publicada', 'filters'],
    ['filters[dueAt][$lt]=2040-01-01', 'filters'],
    ['filters[leadTimeMet]=true', 'filters'],
    ['filters[blackoutExceptionReference][$startsWith]=REF', 'filters'],
    [
      'filters[$or][0][title][$contains]=Feria&filters[$or][1][wantedDate][$eq]=2031-03-01',
      'filters',
    ],
    ['filters[$and][0][$not][wantedDate][$null]=true', 'filters'],
    ['filters[$not][internalNotes][$notNull]=true', 'filters'],
    ['filters[oficio][requesterName][$contains]=a', 'filters'],
    ['filters[title][$foo]=x', 'filters'],
    ['sort=wantedDate:desc', 'sort'],
    ['sort[0]=title:asc&sort[1]=dueAt:desc', 'sort'],
    ['sort[wantedDate]=asc', 'sort'],
    ['sort=title:sideways', 'sort'],
    ['fields[0]=title&fields[1]=workflowStatus', 'fields'],
    ['fields=title,wantedDate', 'fields'],
    ['populate=oficio', 'populate'],
    ['populate[assignees]=true', 'populate'],
    ['_q=Feria', '_q'],
    ['buscar=Feria', 'buscar'],
  ])('publicaciones: %s → 400 INVALID_QUERY en «%s»', async (query, parameter) => {
    await expectRefused(`/api/web-publications?${query}`, parameter);
  });

  it('el mensaje dice en español qué campo no es público y cuáles se admiten', async () => {
    const body = await expectRefused(
      '/api/web-publications?filters[wantedDate][$eq]=2031-03-01',
      'filters'
    );
    expect(body.error.message).toContain('«wantedDate» no lo es');
    expect(body.error.message).toContain('title');
  });

  it.each([
    ['filters[wantedDate][$eq]=2031-03-01', 'filters'],
    ['filters[workflowStatus]=publicada', 'filters'],
    ['sort=dueAt', 'sort'],
    ['fields[0]=leadTimeMet', 'fields'],
    ['populate=*&populate[oficio]=true', 'populate'],
  ])('documentos de transparencia: %s → 400 INVALID_QUERY', async (query, parameter) => {
    await expectRefused(`/api/transparency-documents?${query}`, parameter);
  });

  it('también en la consulta de un solo registro', async () => {
    await expectRefused(`/api/web-publications/${page}?fields[0]=wantedDate`, 'fields');
    await expectRefused(`/api/transparency-documents/${doc}?populate=oficio`, 'populate');
  });

  it('los campos públicos se filtran, ordenan, eligen y pueblan como siempre', async () => {
    const found = await get(
      `/api/web-publications?filters[$or][0][title][$containsi]=${word}&filters[$or][1][slug][$eq]=x&filters[section][$in][0]=Cultura&sort[0]=publishedAt:desc&sort[1]=title&fields[0]=title&fields[1]=slug&populate=cover`
    ).expect(200);
    expect(found.body.data).toHaveLength(1);
    expect(found.body.data[0]).toMatchObject({
      documentId: page,
      title: `Feria del elote ${word}`,
      slug: `feria-del-elote-${word}`,
    });
    // Only the fields asked for, never the workflow's
    expect(found.body.data[0].summary).toBeUndefined();
    expect(found.body.data[0].wantedDate).toBeUndefined();

    const docs = await get(
      `/api/transparency-documents?filters[title][$contains]=${word}&filters[$not][fraccion][$eq]=I&sort=ejercicio:desc,title:asc&populate[file]=true`
    ).expect(200);
    expect(docs.body.data.map((item: { documentId: string }) => item.documentId)).toEqual([doc]);
    expect(docs.body.data[0]).toMatchObject({
      fraccion: 'VII',
      responsibleArea: 'Dirección de Administración',
    });
    expect(docs.body.data[0].workflowStatus).toBeUndefined();

    // Asking for drafts still answers the published version only
    const drafts = await get(
      `/api/web-publications?status=draft&filters[slug]=feria-del-elote-${word}`
    ).expect(200);
    expect(drafts.body.data.map((item: { documentId: string }) => item.documentId)).toEqual([page]);
    expect(drafts.body.data[0].publishedAt).not.toBeNull();

    const one = await get(`/api/web-publications/${page}`).expect(200);
    expect(one.body.data).toMatchObject({ title: `Feria del elote ${word}`, section: 'Cultura' });
    expect(one.body.data.wantedDate).toBeUndefined();
  });
});
