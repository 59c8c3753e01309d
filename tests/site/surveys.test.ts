import { bootApp, type TestApp } from '../harness/app';

const SURVEY = 'api::survey.survey';
const RESPONSE = 'api::survey-response.survey-response';
const HOUR = 3_600_000;

/** The questions of a satisfaction survey: one of each kind, the first key left blank. */
const QUESTIONS = [
  {
    prompt: '¿Qué trámite realizó?',
    kind: 'opcion_unica',
    options: 'Licencia de funcionamiento\nPago de predial\nActa de nacimiento',
    required: true,
  },
  {
    key: 'canales',
    prompt: '¿Por qué medios se enteró del trámite?',
    kind: 'opcion_multiple',
    options: '["Sitio web", "Redes sociales", "En la oficina"]',
  },
  { key: 'satisfaccion', prompt: '¿Qué tan satisfecho quedó?', kind: 'escala', required: true },
  { key: 'comentarios', prompt: 'Comentarios', kind: 'texto' },
];

const VALID = {
  que_tramite_realizo: 'Pago de predial',
  canales: ['Redes sociales', 'Sitio web'],
  satisfaccion: 4,
  comentarios: '  Me atendieron rápido.  ',
};

interface SurveyOptions {
  title: string;
  slug: string;
  publish?: boolean;
  opensAt?: string | null;
  closesAt?: string | null;
  questions?: Record<string, unknown>[];
}

const createSurvey = async (
  app: TestApp,
  { publish = true, questions = QUESTIONS, ...fields }: SurveyOptions
) => {
  const area = await app.strapi.db.query('api::area.area').findOne({ where: { shortName: 'TM' } });
  const survey = await app.strapi.documents(SURVEY).create({
    data: {
      description: 'Ayúdanos a mejorar la atención.',
      area: area.id,
      ...fields,
      questions,
    } as never,
  });
  if (publish) await app.strapi.documents(SURVEY).publish({ documentId: survey.documentId });
  return survey;
};

const responsesOf = async (app: TestApp, documentId: string) =>
  (await app.strapi.db.query(RESPONSE).findMany({
    where: { survey: { documentId } },
    orderBy: { id: 'asc' },
  })) as {
    id: number;
    answers: Record<string, unknown>;
    submittedAt: unknown;
    clientHash: string;
  }[];

describe('encuestas públicas del sitio', () => {
  let app: TestApp;
  const answer = (slug: string, answers: unknown) =>
    app.http().post(`/api/surveys/${slug}/responses`).send({ answers });

  beforeAll(async () => {
    app = await bootApp();
    await createSurvey(app, {
      title: 'Encuesta de satisfacción de trámites',
      slug: 'satisfaccion-tramites',
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
    });
    await createSurvey(app, { title: 'Encuesta en preparación', slug: 'borrador', publish: false });
    await createSurvey(app, {
      title: 'Encuesta del año pasado',
      slug: 'cerrada',
      opensAt: new Date(Date.now() - 48 * HOUR).toISOString(),
      closesAt: new Date(Date.now() - HOUR).toISOString(),
    });
    await createSurvey(app, {
      title: 'Encuesta de la próxima semana',
      slug: 'proxima',
      opensAt: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lista solo las encuestas publicadas y abiertas, sin datos internos', async () => {
    const res = await app.http().get('/api/surveys').expect(200);
    expect(res.body.data).toEqual([
      {
        slug: 'satisfaccion-tramites',
        title: 'Encuesta de satisfacción de trámites',
        description: 'Ayúdanos a mejorar la atención.',
        opensAt: expect.any(String),
        closesAt: expect.any(String),
      },
    ]);
    expect(res.headers['cache-control']).toBe(
      'public, max-age=60, s-maxage=300, stale-while-revalidate=60'
    );
  });

  it('muestra las preguntas con su clave, opciones y escala, y responde 304 si no cambiaron', async () => {
    const res = await app.http().get('/api/surveys/satisfaccion-tramites').expect(200);
    expect(res.body.data).toMatchObject({
      slug: 'satisfaccion-tramites',
      title: 'Encuesta de satisfacción de trámites',
    });
    expect(res.body.data.documentId).toBeUndefined();
    expect(res.body.data.description).toBe('Ayúdanos a mejorar la atención.');
    expect(res.body.data.descriptionHtml).toBe('<p>Ayúdanos a mejorar la atención.</p>');
    expect(res.body.data.questions).toEqual([
      {
        key: 'que_tramite_realizo',
        prompt: '¿Qué trámite realizó?',
        kind: 'opcion_unica',
        options: ['Licencia de funcionamiento', 'Pago de predial', 'Acta de nacimiento'],
        required: true,
      },
      {
        key: 'canales',
        prompt: '¿Por qué medios se enteró del trámite?',
        kind: 'opcion_multiple',
        options: ['Sitio web', 'Redes sociales', 'En la oficina'],
        required: false,
      },
      {
        key: 'satisfaccion',
        prompt: '¿Qué tan satisfecho quedó?',
        kind: 'escala',
        options: [],
        required: true,
        scaleMin: 1,
        scaleMax: 5,
      },
      { key: 'comentarios', prompt: 'Comentarios', kind: 'texto', options: [], required: false },
    ]);
    const etag = res.headers.etag;
    expect(etag).toMatch(/^"[^"]+"$/);
    await app
      .http()
      .get('/api/surveys/satisfaccion-tramites')
      .set('If-None-Match', etag)
      .expect(304);
  });

  it('acepta una respuesta sin cuenta y la guarda sin la dirección de quien responde', async () => {
    const survey = await app.strapi
      .documents(SURVEY)
      .findFirst({ filters: { slug: 'satisfaccion-tramites' } as never });
    const before = Date.now();
    const res = await answer('satisfaccion-tramites', VALID).expect(201);
    expect(res.body).toEqual({ data: { received: true } });

    const [stored] = await responsesOf(app, survey!.documentId);
    expect(stored.answers).toEqual({
      que_tramite_realizo: 'Pago de predial',
      canales: ['Sitio web', 'Redes sociales'],
      satisfaccion: 4,
      comentarios: 'Me atendieron rápido.',
    });
    expect(new Date(stored.submittedAt as string).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(stored.clientHash).toMatch(/^[a-f0-9]{64}$/);
    const raw = JSON.stringify(
      await app.strapi.db.connection('survey_responses').where({ id: stored.id }).first()
    );
    expect(raw).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
  });

  it('rechaza respuestas inválidas señalando cada pregunta, por la API y por el Document Service', async () => {
    const survey = await app.strapi
      .documents(SURVEY)
      .findFirst({ filters: { slug: 'satisfaccion-tramites' } as never });
    const count = (await responsesOf(app, survey!.documentId)).length;

    const wrong = await answer('satisfaccion-tramites', {
      que_tramite_realizo: 'Pago de agua',
      canales: ['Sitio web', 'Periódico'],
      satisfaccion: 7,
      comentarios: 'x'.repeat(2001),
      edad: 30,
    }).expect(400);
    expect(wrong.body.error.details.code).toBe('INVALID_ANSWER');
    expect([...wrong.body.error.details.fields].sort()).toEqual(
      ['canales', 'comentarios', 'edad', 'que_tramite_realizo', 'satisfaccion'].sort()
    );
    expect(wrong.body.error.message).toMatch(/Revisa tus respuestas/);
    expect(wrong.body.error.details.messages.satisfaccion).toBe('Elige un valor entero de 1 a 5.');

    const missing = await answer('satisfaccion-tramites', { comentarios: 'Sin más' }).expect(400);
    expect(missing.body.error.details).toMatchObject({
      code: 'INVALID_ANSWER',
      fields: ['que_tramite_realizo', 'satisfaccion'],
    });
    expect(missing.body.error.message).toMatch(
      /«¿Qué trámite realizó\?»: Esta pregunta es obligatoria/
    );

    const notAnObject = await app
      .http()
      .post('/api/surveys/satisfaccion-tramites/responses')
      .send({ respuestas: VALID })
      .expect(400);
    expect(notAnObject.body.error.details.code).toBe('INVALID_ANSWER');

    // Another door: a script writing through the Document Service meets the same rule.
    await expect(
      app.strapi.documents(RESPONSE).create({
        data: {
          survey: survey!.documentId,
          answers: { ...VALID, satisfaccion: 0 },
        } as never,
      })
    ).rejects.toMatchObject({ details: { code: 'INVALID_ANSWER', fields: ['satisfaccion'] } });

    expect(await responsesOf(app, survey!.documentId)).toHaveLength(count);
  });

  it('una encuesta sin publicar, cerrada o por abrir responde 404 y no recibe respuestas', async () => {
    for (const slug of ['borrador', 'cerrada', 'proxima', 'no-existe']) {
      const read = await app.http().get(`/api/surveys/${slug}`).expect(404);
      expect(read.body.error.details.code).toBe('NOT_FOUND');
      expect(read.body.error.message).toMatch(/no existe, no está publicada o ya cerró/);
      const post = await answer(slug, VALID).expect(404);
      expect(post.body.error.details.code).toBe('NOT_FOUND');
    }
    const closed = await app.strapi
      .documents(SURVEY)
      .findFirst({ filters: { slug: 'cerrada' } as never });
    await expect(
      app.strapi.documents(RESPONSE).create({
        data: { survey: closed!.documentId, answers: VALID } as never,
      })
    ).rejects.toMatchObject({ details: { code: 'SURVEY_CLOSED' } });
    expect(await responsesOf(app, closed!.documentId)).toHaveLength(0);
  });

  it('la sexta respuesta del mismo cliente a una encuesta recibe 429; otra encuesta la sigue aceptando', async () => {
    await createSurvey(app, { title: 'Encuesta de alumbrado', slug: 'alumbrado' });
    await createSurvey(app, { title: 'Encuesta de bacheo', slug: 'bacheo' });

    // A mistake corrected does not use up a turn.
    await answer('alumbrado', { comentarios: 'sin lo obligatorio' }).expect(400);
    for (let i = 0; i < 5; i += 1) await answer('alumbrado', VALID).expect(201);
    const blocked = await answer('alumbrado', VALID).expect(429);
    expect(blocked.body.error.details.code).toBe('RATE_LIMITED');
    expect(blocked.body.error.message).toMatch(/Ya recibimos tus respuestas a esta encuesta/);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(55 * 60);
    expect(retryAfter).toBeLessThanOrEqual(60 * 60);

    await answer('bacheo', VALID).expect(201);
    const alumbrado = await app.strapi
      .documents(SURVEY)
      .findFirst({ filters: { slug: 'alumbrado' } as never });
    expect(await responsesOf(app, alumbrado!.documentId)).toHaveLength(5);
  });

  it('las respuestas no se editan', async () => {
    const [row] = (await app.strapi.db.query(RESPONSE).findMany({ limit: 1 })) as {
      documentId: string;
    }[];
    await expect(
      app.strapi.documents(RESPONSE).update({
        documentId: row.documentId,
        data: { answers: { satisfaccion: 1 } } as never,
      })
    ).rejects.toMatchObject({ details: { code: 'RESPONSE_READ_ONLY' } });
  });

  it('valida la definición de las encuestas: claves únicas, opciones, escala y al menos una pregunta', async () => {
    const refused = (questions: Record<string, unknown>[]) =>
      app.strapi.documents(SURVEY).create({
        data: {
          title: 'Encuesta inválida',
          slug: `invalida-${Math.random()}`.replace('.', ''),
          questions,
        } as never,
      });

    await expect(
      refused([
        { key: 'tramite', prompt: 'Uno', kind: 'texto' },
        { key: 'tramite', prompt: 'Dos', kind: 'texto' },
      ])
    ).rejects.toMatchObject({
      details: { code: 'INVALID_DATA', fields: ['questions.1.key'] },
      message: expect.stringMatching(/se repite/),
    });
    await expect(
      refused([{ prompt: '¿Cuál prefiere?', kind: 'opcion_unica', options: 'Solo una' }])
    ).rejects.toMatchObject({
      details: { code: 'INVALID_DATA', fields: ['questions.0.options'] },
      message: expect.stringMatching(/al menos dos opciones/),
    });
    await expect(
      refused([{ prompt: 'Califique', kind: 'escala', scaleMin: 5, scaleMax: 1 }])
    ).rejects.toMatchObject({
      details: { code: 'INVALID_DATA', fields: ['questions.0.scaleMin'] },
      message: expect.stringMatching(/debe ser menor que el máximo/),
    });
    await expect(
      app.strapi.documents(SURVEY).create({
        data: {
          title: 'Fechas al revés',
          slug: 'fechas-al-reves',
          opensAt: '2027-02-01T00:00:00Z',
          closesAt: '2027-01-01T00:00:00Z',
        } as never,
      })
    ).rejects.toMatchObject({ details: { code: 'INVALID_DATA', fields: ['closesAt'] } });

    // Blank keys are generated from the prompt, unique within the survey.
    const generated = await createSurvey(app, {
      title: 'Claves generadas',
      slug: 'claves-generadas',
      publish: false,
      questions: [
        { prompt: '¿Volvería a usar el servicio?', kind: 'texto' },
        { prompt: '¿Volvería a usar el servicio?', kind: 'texto' },
      ],
    });
    const draft = (await app.strapi.documents(SURVEY).findOne({
      documentId: generated.documentId,
      populate: { questions: true },
    } as never)) as unknown as { questions: { key: string }[] };
    expect(draft.questions.map((q) => q.key)).toEqual([
      'volveria_a_usar_el_servicio',
      'volveria_a_usar_el_servicio_2',
    ]);

    const empty = await createSurvey(app, {
      title: 'Sin preguntas',
      slug: 'sin-preguntas',
      publish: false,
      questions: [],
    });
    await expect(
      app.strapi.documents(SURVEY).publish({ documentId: empty.documentId })
    ).rejects.toMatchObject({
      details: { code: 'INVALID_DATA', fields: ['questions'] },
      message: expect.stringMatching(/al menos una pregunta/),
    });
  });
});
