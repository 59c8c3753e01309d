import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin, type Session } from '../harness/auth';
import type {
  GetSurveyResults,
  ListSurveys,
} from '../../src/plugins/comunicacion/shared/contracts/surveys';

const SURVEY = 'api::survey.survey';

const QUESTIONS = [
  {
    key: 'tramite',
    prompt: '¿Qué trámite realizó?',
    kind: 'opcion_unica',
    options: 'Licencia de funcionamiento\nPago de predial\nActa de nacimiento',
    required: true,
  },
  {
    key: 'canales',
    prompt: '¿Por qué medios se enteró?',
    kind: 'opcion_multiple',
    options: 'Sitio web\nRedes sociales\nEn la oficina',
  },
  { key: 'satisfaccion', prompt: '¿Qué tan satisfecho quedó?', kind: 'escala', required: true },
  { key: 'comentarios', prompt: 'Comentarios', kind: 'texto' },
];

/** What citizens send, in order. */
const POSTED = [
  { tramite: 'Pago de predial', canales: ['Sitio web'], satisfaccion: 5, comentarios: 'Excelente' },
  { tramite: 'Pago de predial', canales: ['Sitio web', 'Redes sociales'], satisfaccion: 4 },
  { tramite: 'Acta de nacimiento', satisfaccion: 2, comentarios: 'Mucha fila, "lento"' },
  { tramite: 'Pago de predial', canales: ['En la oficina'], satisfaccion: 4, comentarios: '=1+1' },
  { tramite: 'Licencia de funcionamiento', satisfaccion: 3, comentarios: 'Bien' },
];

describe('resultados de las encuestas en el complemento', () => {
  let app: TestApp;
  let coordinator: Session;
  let designer: Session;
  let documentId: string;

  beforeAll(async () => {
    app = await bootApp({ env: { SURVEY_RATE_LIMIT_MAX: '50' } });
    coordinator = await loginAsAdmin(app, 'Coordinador(a) de Gobierno Digital');
    designer = await loginAsAdmin(app, 'Diseñador(a) Senior');

    const survey = await app.strapi.documents(SURVEY).create({
      data: {
        title: 'Satisfacción con los trámites',
        slug: 'satisfaccion',
        questions: QUESTIONS,
        area: (await app.strapi.db.query('api::area.area').findOne({ where: { shortName: 'TM' } }))
          .id,
      } as never,
    });
    documentId = survey.documentId;
    await app.strapi.documents(SURVEY).publish({ documentId });
    await app.strapi.documents(SURVEY).create({
      data: { title: 'Encuesta sin publicar', slug: 'sin-publicar', questions: QUESTIONS } as never,
    });
    for (const answers of POSTED) {
      await app.http().post('/api/surveys/satisfaccion/responses').send({ answers }).expect(201);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lista las encuestas con el número de respuestas recibidas', async () => {
    const res = await app.http().get('/comunicacion/surveys').set(coordinator.auth).expect(200);
    const { data } = res.body as ListSurveys.Response;
    expect(data.find((s) => s.slug === 'satisfaccion')).toMatchObject({
      documentId,
      title: 'Satisfacción con los trámites',
      published: true,
      open: true,
      questionCount: 4,
      responseCount: 5,
      lastResponseAt: expect.any(String),
    });
    expect(data.find((s) => s.slug === 'sin-publicar')).toMatchObject({
      published: false,
      open: false,
      responseCount: 0,
      lastResponseAt: null,
    });
  });

  it('cuenta por opción y por valor de la escala exactamente lo que se envió', async () => {
    const res = await app
      .http()
      .get(`/comunicacion/surveys/${documentId}/results`)
      .set(coordinator.auth)
      .expect(200);
    const { data } = res.body as GetSurveyResults.Response;
    expect(data.total).toBe(5);
    const byKey = Object.fromEntries(data.questions.map((q) => [q.key, q]));

    expect(byKey.tramite.answered).toBe(5);
    expect(byKey.tramite.options).toEqual([
      { value: 'Licencia de funcionamiento', count: 1, percentage: 20 },
      { value: 'Pago de predial', count: 3, percentage: 60 },
      { value: 'Acta de nacimiento', count: 1, percentage: 20 },
    ]);
    // Three people answered; one chose two media.
    expect(byKey.canales.answered).toBe(3);
    expect(byKey.canales.options).toEqual([
      { value: 'Sitio web', count: 2, percentage: 66.7 },
      { value: 'Redes sociales', count: 1, percentage: 33.3 },
      { value: 'En la oficina', count: 1, percentage: 33.3 },
    ]);
    expect(byKey.satisfaccion.scale).toEqual({
      min: 1,
      max: 5,
      mean: 3.6,
      distribution: [
        { value: '1', count: 0, percentage: 0 },
        { value: '2', count: 1, percentage: 20 },
        { value: '3', count: 1, percentage: 20 },
        { value: '4', count: 2, percentage: 40 },
        { value: '5', count: 1, percentage: 20 },
      ],
    });
    expect(byKey.comentarios.answered).toBe(4);
    expect(byKey.comentarios.texts!.items.map((t) => t.text)).toEqual([
      'Bien',
      '=1+1',
      'Mucha fila, "lento"',
      'Excelente',
    ]);
  });

  it('pagina las respuestas abiertas, las más recientes primero', async () => {
    const res = await app
      .http()
      .get(`/comunicacion/surveys/${documentId}/results`)
      .query({ 'textPage[comentarios]': '2', textPageSize: '3' })
      .set(coordinator.auth)
      .expect(200);
    const comentarios = (res.body as GetSurveyResults.Response).data.questions.find(
      (q) => q.key === 'comentarios'
    )!;
    expect(comentarios.texts).toEqual({
      items: [{ text: 'Excelente', submittedAt: expect.any(String) }],
      pagination: { page: 2, pageSize: 3, pageCount: 2, total: 4 },
    });

    const bad = await app
      .http()
      .get(`/comunicacion/surveys/${documentId}/results?textPageSize=500`)
      .set(coordinator.auth)
      .expect(400);
    expect(bad.body.error.details.code).toBe('INVALID_QUERY');
  });

  it('descarga las respuestas en CSV sin nada que identifique a quien respondió', async () => {
    const res = await app
      .http()
      .get(`/comunicacion/surveys/${documentId}/responses.csv`)
      .set(coordinator.auth)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="encuesta-satisfaccion-respuestas.csv"'
    );
    const text = res.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Fecha de envío (hora de la Ciudad de México),¿Qué trámite realizó?,¿Por qué medios se enteró?,¿Qué tan satisfecho quedó?,Comentarios'
    );
    expect(lines).toHaveLength(POSTED.length + 2); // header, rows, trailing CRLF
    expect(lines[1]).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2},Pago de predial,Sitio web,5,Excelente$/
    );
    expect(lines[2]).toMatch(/,Pago de predial,Sitio web; Redes sociales,4,$/);
    expect(lines[3]).toMatch(/,Acta de nacimiento,,2,"Mucha fila, ""lento"""$/);
    // A formula is written as text, never evaluated by a spreadsheet.
    expect(lines[4]).toMatch(/,'=1\+1$/);
    expect(text).not.toMatch(/[a-f0-9]{64}|127\.0\.0\.1/);
  });

  it('las respuestas siguen contando después de editar y volver a publicar la encuesta', async () => {
    await app.strapi.documents(SURVEY).update({
      documentId,
      data: { title: 'Satisfacción con los trámites 2027' } as never,
    });
    await app.strapi.documents(SURVEY).publish({ documentId });
    await app
      .http()
      .post('/api/surveys/satisfaccion/responses')
      .send({ answers: { tramite: 'Pago de predial', satisfaccion: 1 } })
      .expect(201);

    const res = await app.http().get('/comunicacion/surveys').set(coordinator.auth).expect(200);
    const summary = (res.body as ListSurveys.Response).data.find(
      (s) => s.documentId === documentId
    );
    expect(summary).toMatchObject({
      title: 'Satisfacción con los trámites 2027',
      responseCount: 6,
    });
    const results = await app
      .http()
      .get(`/comunicacion/surveys/${documentId}/results`)
      .set(coordinator.auth)
      .expect(200);
    expect((results.body as GetSurveyResults.Response).data.total).toBe(6);
  });

  it('sin el permiso de encuestas responde 403; una encuesta desconocida, 404', async () => {
    for (const path of [
      '/comunicacion/surveys',
      `/comunicacion/surveys/${documentId}/results`,
      `/comunicacion/surveys/${documentId}/responses.csv`,
    ]) {
      await app.http().get(path).set(designer.auth).expect(403);
      await app.http().get(path).expect(401);
    }
    const missing = await app
      .http()
      .get('/comunicacion/surveys/no-existe/results')
      .set(coordinator.auth)
      .expect(404);
    expect(missing.body.error.details.code).toBe('NOT_FOUND');
  });
});
