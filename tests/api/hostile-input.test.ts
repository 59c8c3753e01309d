import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin, type Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import { createOficio } from '../harness/workflow-fixtures';

/** Every refusal of this server: a JSON error with a Spanish message and a stable code. */
const expectCoded = (
  res: { status: number; body: { error?: { message?: string; details?: { code?: string } } } },
  status: number,
  code?: string
) => {
  expect({ status: res.status, code: res.body?.error?.details?.code }).toEqual({
    status,
    code: code ?? expect.any(String),
  });
  // Spanish: accented letters or Spanish words, never Strapi's English wording.
  expect(res.body.error?.message).toMatch(/[áéíóúñ¿¡«]|\b(la|el|no|de|un|una|falta)\b/i);
};

const deepJson = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('entradas hostiles: ninguna respuesta 500, toda negativa en español y con código', () => {
  let app: TestApp;
  let admin: Session;

  beforeAll(async () => {
    app = await bootApp({ env: { RATE_LIMIT_MAX: '1000' } });
    admin = await loginAsAdmin(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('un formulario multipart sin separador se rechaza con 400 INVALID_BODY, sin sesión y con ella', async () => {
    for (const path of ['/api/oficios', '/admin/login', '/api/auth/local', '/upload']) {
      const res = await app.http().post(path).set('Content-Type', 'multipart/form-data').send('x');
      expectCoded(res, 400, 'INVALID_BODY');
    }
  });

  it('un tipo de contenido que nadie lee se rechaza con 415', async () => {
    const res = await app
      .http()
      .post('/api/auth/local')
      .set('Content-Type', 'application/x-msdownload')
      .send('MZ');
    expectCoded(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('el acceso con cuerpo vacío o incompleto responde 400 en español, nunca 500', async () => {
    for (const send of [undefined, {}, { identifier: 'a@b.mx' }]) {
      const req = app.http().post('/api/auth/local');
      const res = send === undefined ? await req : await req.send(send);
      expectCoded(res, 400);
    }
    for (const path of ['/api/auth/reset-password', '/api/auth/forgot-password']) {
      expectCoded(await app.http().post(path), 400);
    }
    const admin = await app.http().post('/admin/login').send({});
    expectCoded(admin, 400);
  });

  it('JSON mal formado: 400 INVALID_BODY', async () => {
    const res = await app
      .http()
      .post('/api/auth/local')
      .set('Content-Type', 'application/json')
      .send('{bad');
    expectCoded(res, 400, 'INVALID_BODY');
  });

  it('un cuerpo anidado 40 000 niveles se rechaza con 400 BODY_TOO_DEEP', async () => {
    for (const path of ['/api/auth/forgot-password', '/admin/forgot-password']) {
      for (const body of [deepJson(40_000), deepArray(40_000)]) {
        const res = await app.http().post(path).set('Content-Type', 'application/json').send(body);
        expectCoded(res, 400, 'BODY_TOO_DEEP');
        expect(res.headers['content-type']).toMatch(/json/);
      }
    }
  });

  it('las claves __proto__, constructor y prototype se rechazan en el cuerpo y en la consulta', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const res = await app
        .http()
        .post('/api/auth/local')
        .set('Content-Type', 'application/json')
        .send(`{"${key}":{"identifier":"x"},"identifier":"a","password":"b"}`);
      expectCoded(res, 400, 'INVALID_BODY');
    }
    for (const query of ['filters[constructor][$eq]=1', '__proto__[x]=1', 'sort[prototype]=1']) {
      expectCoded(await app.http().get(`/api/web-publications?${query}`), 400, 'INVALID_QUERY');
    }
    const path = await app.http().get('/content-manager/relations/__proto__/x').set(admin.auth);
    expectCoded(path, 404, 'NOT_FOUND');
  });

  it('un carácter nulo en la dirección, la consulta o el cuerpo se rechaza antes de la base de datos', async () => {
    expectCoded(await app.http().get('/api/web-publications/%00'), 400, 'INVALID_REQUEST');
    expectCoded(await app.http().get('/api/web-publications?q=a%00b'), 400, 'INVALID_QUERY');
    const body = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: 'a\u0000b@calimaya.mx', password: 'x' });
    expectCoded(body, 400, 'INVALID_BODY');
  });

  it('los identificadores de la biblioteca de medios son números', async () => {
    const folder = await app
      .http()
      .post('/upload/folders')
      .set(admin.auth)
      .send({ name: 'Carpeta', parent: 'api::oficio.oficio' });
    expectCoded(folder, 400, 'INVALID_REQUEST');
    const move = await app
      .http()
      .post('/upload/actions/bulk-move')
      .set(admin.auth)
      .send({ destinationFolderId: 'x', fileIds: [1], folderIds: [] });
    expectCoded(move, 400, 'INVALID_REQUEST');
  });

  it('rutas y métodos desconocidos: 404 y 405 en JSON con código', async () => {
    expectCoded(await app.http().get('/api/no-existe'), 404, 'NOT_FOUND');
    expectCoded(await app.http().delete('/api/oficios'), 405, 'METHOD_NOT_ALLOWED');
  });

  it('la paginación y los campos de consulta no válidos responden 400 INVALID_QUERY', async () => {
    const page = await app.http().get('/api/web-publications?pagination[page]=x');
    expectCoded(page, 400, 'INVALID_QUERY');
    const documents = await app.http().get('/api/transparency-documents?pagination[page]=x');
    expectCoded(documents, 400, 'INVALID_QUERY');
    const encoding = await app.http().get('/api/web-publications?q=%E0%A4%A');
    expectCoded(encoding, 400, 'INVALID_QUERY');
  });

  it('las rutas del personal con entradas sin sentido responden 4xx con código', async () => {
    const check = await app.http().post('/admin/permissions/check').set(admin.auth).send({});
    expectCoded(check, 400);
    const sort = await app.http().get('/upload/files?sort[0]=x.y:desc').set(admin.auth);
    expectCoded(sort, 400);
    const templates = await app
      .http()
      .put('/users-permissions/email-templates')
      .set(admin.auth)
      .send([{}]);
    expectCoded(templates, 400);
    const bulk = await app
      .http()
      .post('/upload/actions/bulk-delete')
      .set(admin.auth)
      .set('Content-Type', 'application/json')
      .send(`{"fileIds":${deepArray(5_000)}}`);
    expectCoded(bulk, 400, 'BODY_TOO_DEEP');
  });

  it('una relación que el rol no puede leer se niega con 403, no con un error interno', async () => {
    const oficio = await runInternal(() => createOficio(app));
    const res = await app
      .http()
      .get(`/content-manager/relations/api::oficio.oficio/${oficio.documentId}/localizations`)
      .set(admin.auth);
    expectCoded(res, 403, 'FORBIDDEN');
  });

  it('no anuncia el servidor, identifica cada solicitud y limita connect-src', async () => {
    const res = await app.http().get('/api/business-calendar/check?date=2027-01-04').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/connect-src[^;]*https:/);
  });
});
