import { bootApp, type TestApp } from './harness/app';
import { loginAsAdmin, loginAsApiUser } from './harness/auth';

describe('la aplicación arranca completa', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('responde al chequeo de salud con 204', async () => {
    await app.http().get('/_health').expect(204);
  });

  it('sirve el panel de administración en /admin', async () => {
    const res = await app.http().get('/admin').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/<div id="strapi"/);
  });

  it('permite iniciar sesión a un superadministrador y consultar su perfil', async () => {
    const session = await loginAsAdmin(app);
    const res = await app.http().get('/admin/users/me').set(session.auth).expect(200);
    expect(res.body.data.email).toBe(session.user.email);
    expect(res.body.data.roles.map((r: { code: string }) => r.code)).toContain(
      'strapi-super-admin'
    );
  });

  it('permite iniciar sesión en la API de contenido con users-permissions', async () => {
    const session = await loginAsApiUser(app, 'authenticated');
    const res = await app.http().get('/api/users/me').set(session.auth).expect(200);
    expect(res.body.email).toBe(session.user.email);
    // Without a token the Public role answers, and it may not read users.
    await app.http().get('/api/users/me').expect(403);
  });

  it('usa la base de datos que el arnés le dio a este archivo', () => {
    const client = app.strapi.db.config.connection.client;
    expect(client).toMatch(app.db.client === 'postgres' ? /postgres|pg/ : /sqlite/);
  });
});

describe('carga de archivos', () => {
  let app: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    app = await bootApp({ env: { UPLOAD_SIZE_LIMIT: String(64 * 1024) } });
    ({ auth } = await loginAsAdmin(app));
  });

  afterAll(async () => {
    await app?.close();
  });

  const upload = (name: string, type: string, body: Buffer) =>
    app
      .http()
      .post('/upload')
      .set(auth)
      .attach('files', body, { filename: name, contentType: type });

  it('acepta un PDF', async () => {
    const res = await upload('oficio.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(res.status).toBe(201);
    expect(res.body[0].mime).toBe('application/pdf');
  });

  it('acepta documentos de Office e imágenes', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64'
    );
    expect((await upload('logo.png', 'image/png', png)).status).toBe(201);
  });

  it('rechaza un ejecutable aunque se disfrace de PDF', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256, 1)]);
    const res = await upload('oficio.pdf', 'application/pdf', exe);
    expect(res.status).toBe(400);
  });

  it('rechaza un archivo más grande que el límite configurado', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(128 * 1024, 32)]);
    const res = await upload('grande.pdf', 'application/pdf', big);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('rechaza un ejecutable', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256, 1)]);
    const res = await upload('virus.exe', 'application/x-msdownload', exe);
    expect(res.status).toBe(400);
  });
});
