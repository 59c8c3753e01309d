import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin, TEST_PASSWORD, type Session } from '../harness/auth';

const ADMIN_USER_UID = 'admin::user';

describe('las cuentas del personal empiezan en español', () => {
  let app: TestApp;
  let admin: Session;

  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const languageOf = async (email: string) =>
    (
      (await app.strapi.db
        .query(ADMIN_USER_UID)
        .findOne({ where: { email }, select: ['preferedLanguage'] })) as {
        preferedLanguage: string | null;
      }
    ).preferedLanguage;

  const roleId = async (name: string) =>
    ((await app.strapi.db.query('admin::role').findOne({ where: { name } })) as { id: number }).id;

  it('el primer administrador de una instalación nueva queda en español', async () => {
    await app.strapi.service('admin::user').createFirstAdmin({
      email: 'direccion.sistemas@calimaya.local',
      firstname: 'Primera',
      lastname: 'Administradora',
      password: TEST_PASSWORD,
    });
    expect(await languageOf('direccion.sistemas@calimaya.local')).toBe('es');
  });

  it('una persona invitada desde el panel queda en español, al invitarla y al registrarse', async () => {
    admin = await loginAsAdmin(app);
    expect(await languageOf(admin.user.email)).toBe('es');

    // Given the coordinator invites a designer through the admin API
    const invited = await app
      .http()
      .post('/admin/users')
      .set(admin.auth)
      .send({
        email: 'disenadora.nueva@calimaya.local',
        firstname: 'Diseñadora',
        lastname: 'Nueva',
        roles: [await roleId('Diseñador(a) Senior')],
      });
    expect(invited.status).toBe(201);
    expect(await languageOf('disenadora.nueva@calimaya.local')).toBe('es');

    // When she completes the registration with the invitation's token
    const token = (invited.body.data as { registrationToken: string }).registrationToken;
    expect(token).toEqual(expect.any(String));
    const registered = await app
      .http()
      .post('/admin/register')
      .send({
        registrationToken: token,
        userInfo: { firstname: 'Diseñadora', lastname: 'Nueva', password: TEST_PASSWORD },
      });
    expect(registered.status).toBe(200);

    // Then her account is active and in Spanish; the panel switches to it after login
    expect(registered.body.data.user).toMatchObject({ isActive: true, preferedLanguage: 'es' });
    const login = await app
      .http()
      .post('/admin/login')
      .send({ email: 'disenadora.nueva@calimaya.local', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.data.user.preferedLanguage).toBe('es');
  });

  it('una invitación anterior sin idioma recibe el español al registrarse', async () => {
    const invited = await app
      .http()
      .post('/admin/users')
      .set(admin.auth)
      .send({
        email: 'fotografo.antiguo@calimaya.local',
        firstname: 'Fotógrafo',
        lastname: 'Antiguo',
        roles: [await roleId('Fotógrafo(a)')],
      });
    expect(invited.status).toBe(201);
    // As invitations made before this default were stored.
    await app.strapi.db.query(ADMIN_USER_UID).update({
      where: { email: 'fotografo.antiguo@calimaya.local' },
      data: { preferedLanguage: null },
    });
    expect(await languageOf('fotografo.antiguo@calimaya.local')).toBeNull();

    const registered = await app
      .http()
      .post('/admin/register')
      .send({
        registrationToken: (invited.body.data as { registrationToken: string }).registrationToken,
        userInfo: { firstname: 'Fotógrafo', lastname: 'Antiguo', password: TEST_PASSWORD },
      });
    expect(registered.status).toBe(200);
    expect(await languageOf('fotografo.antiguo@calimaya.local')).toBe('es');
  });

  it('quien elige inglés en su perfil lo conserva, y un idioma dado al crear la cuenta se respeta', async () => {
    const person = await loginAsAdmin(app, 'Community Manager');
    const chosen = await app
      .http()
      .put('/admin/users/me')
      .set(person.auth)
      .send({ preferedLanguage: 'en' });
    expect(chosen.status).toBe(200);
    expect(await languageOf(person.user.email)).toBe('en');

    // Later writes (a new name) leave the choice alone.
    await app
      .http()
      .put('/admin/users/me')
      .set(person.auth)
      .send({ firstname: 'Otra' })
      .expect(200);
    expect(await languageOf(person.user.email)).toBe('en');

    await app.strapi.service('admin::user').create({
      email: 'script.ingles@calimaya.local',
      firstname: 'Cuenta',
      lastname: 'De Script',
      preferedLanguage: 'en',
      isActive: true,
      registrationToken: null,
      roles: [await roleId('Fotógrafo(a)')],
    });
    expect(await languageOf('script.ingles@calimaya.local')).toBe('en');
  });
});
