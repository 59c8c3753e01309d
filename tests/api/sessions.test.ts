import { bootApp, type TestApp } from '../harness/app';
import { loginAsApiUser, TEST_PASSWORD, type Session } from '../harness/auth';
import { areaId } from '../harness/workflow-fixtures';

const USER_UID = 'plugin::users-permissions.user';
const NEW_PASSWORD = 'Otra-Clave-Segura-2027';

describe('sesiones de las cuentas de área y de Secretaría Técnica', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const me = (token: string) => app.http().get('/api/users/me').set(bearer(token));
  const login = (identifier: string, password = TEST_PASSWORD) =>
    app.http().post('/api/auth/local').send({ identifier, password });
  const areaAccount = async (email: string) =>
    loginAsApiUser(app, 'Área solicitante', { data: { area: await areaId(app, 'DC') }, email });

  const expectRevoked = async (token: string) => {
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.body.error.details.code).toBe('SESSION_REVOKED');
    expect(res.body.error.message).toMatch(/sesión se cerró/);
  };

  it('cambiar la contraseña cierra las sesiones anteriores; la nueva funciona', async () => {
    // Given an area logged in on two devices
    const first = await areaAccount('cambio.sesion@calimaya.local');
    const second = (await login(first.user.email).expect(200)).body.jwt as string;
    await me(second).expect(200);

    // When it changes its password from the first one
    const changed = await app
      .http()
      .post('/api/auth/change-password')
      .set(first.auth)
      .send({
        currentPassword: TEST_PASSWORD,
        password: NEW_PASSWORD,
        passwordConfirmation: NEW_PASSWORD,
      })
      .expect(200);

    // Then both earlier tokens are refused, the one handed back and a new log-in work
    await expectRevoked(first.token);
    await expectRevoked(second);
    expect((await me(changed.body.jwt).expect(200)).body.email).toBe(first.user.email);
    const again = await login(first.user.email, NEW_PASSWORD).expect(200);
    await me(again.body.jwt).expect(200);
    expect(Object.keys((await me(again.body.jwt)).body)).not.toContain('sessionsValidFrom');
  });

  it('restablecer la contraseña con el enlace del correo también cierra las sesiones', async () => {
    const session = await areaAccount('restablece.sesion@calimaya.local');
    await app.strapi.db
      .query(USER_UID)
      .update({ where: { id: session.user.id }, data: { resetPasswordToken: 'codigo-prueba' } });
    await app
      .http()
      .post('/api/auth/reset-password')
      .send({ code: 'codigo-prueba', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
      .expect(200);
    await expectRevoked(session.token);
    await login(session.user.email, NEW_PASSWORD).expect(200);
  });

  it('cerrar sesión en POST /api/auth/logout revoca los tokens del área y no los de otras cuentas', async () => {
    const area = await areaAccount('salida.area@calimaya.local');
    const otherDevice = (await login(area.user.email).expect(200)).body.jwt as string;
    const neighbour = await areaAccount('vecina.area@calimaya.local');

    const res = await app.http().post('/api/auth/logout').set(area.auth).expect(200);
    expect(res.body).toEqual({ ok: true });

    await expectRevoked(area.token);
    await expectRevoked(otherDevice);
    await me(neighbour.token).expect(200);
    // Logging in again opens a new session.
    await me((await login(area.user.email).expect(200)).body.jwt).expect(200);
  });

  it('Secretaría Técnica también cierra su sesión', async () => {
    const st: Session = await loginAsApiUser(app, 'Secretaría Técnica', {
      email: 'salida.st@calimaya.local',
    });
    await app.http().post('/api/auth/logout').set(st.auth).expect(200);
    await expectRevoked(st.token);
  });

  it('una cuenta bloqueada no entra ni con su token ni con su contraseña', async () => {
    const session = await areaAccount('bloqueada.sesion@calimaya.local');
    await app.strapi
      .documents(USER_UID)
      .update({ documentId: session.user.documentId!, data: { blocked: true } } as never);

    const res = await me(session.token);
    expect(res.status).toBe(401);
    expect(res.body.error.details.code).toBe('INVALID_SESSION');
    expect(res.body.error.message).toMatch(/bloqueada/);
    expect((await login(session.user.email)).status).toBe(400);
  });
});
