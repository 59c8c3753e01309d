import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin, loginAsApiUser, type Session } from '../harness/auth';
import { startSmtpPeer, type ReceivedMail, type SmtpPeer } from '../harness/smtp-peer';
import { getService } from '../../src/utils/get-service';
import { RESET_PASSWORD_MESSAGE, seedPasswordEmails } from '../../src/bootstrap/password-emails';
import type {
  AreaAccountDto,
  ListAreaAccounts,
} from '../../src/plugins/comunicacion/shared/contracts/area-accounts';

const USER_UID = 'plugin::users-permissions.user';
const PUBLIC_URL = 'https://comunicacion.calimaya.test';
const RESET_PAGE = `${PUBLIC_URL}/areas/restablecer.html`;
const NEW_PASSWORD = 'Portal-Cultura-2027';
const FROM = 'Comunicación Social de Calimaya <avisos@calimaya.test>';

/** The reset code of the portal link a message carries (text or HTML part). */
const codeIn = (mail: ReceivedMail) => {
  const match = /\/areas\/restablecer\.html\?code=([0-9a-f]+)/.exec(`${mail.text}\n${mail.html}`);
  if (!match) throw new Error(`El correo no trae el enlace del portal:\n${mail.text}`);
  return match[1];
};

describe('Cuentas de áreas: el personal las crea, invita, desactiva y reactiva; el área restablece su contraseña por correo', () => {
  let peer: SmtpPeer;
  let app: TestApp;
  let coordinator: Session;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await bootApp({ env: { ...peer.env, SMTP_FROM: FROM, PUBLIC_URL } });
    coordinator = await loginAsAdmin(app, 'Coordinador(a) de Comunicación Social');
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
    delete process.env.PUBLIC_URL;
  });
  beforeEach(() => {
    peer.messages.length = 0;
  });

  const documentIdOfArea = async (shortName: string) =>
    (
      (await app.strapi.db.query('api::area.area').findOne({ where: { shortName } })) as {
        documentId: string;
      }
    ).documentId;

  const create = (body: Record<string, unknown>, session = coordinator) =>
    app.http().post('/comunicacion/area-accounts').set(session.auth).send(body);

  /** Sends what the outbox holds, as the scheduled worker would, and waits for it at the peer. */
  const deliver = async (count = 1) => {
    await getService('outbox', app.strapi).deliverDue();
    return peer.waitFor(count, 10_000);
  };

  const resetPassword = (code: string, password = NEW_PASSWORD) =>
    app
      .http()
      .post('/api/auth/reset-password')
      .send({ code, password, passwordConfirmation: password });
  const login = (identifier: string, password = NEW_PASSWORD) =>
    app.http().post('/api/auth/local').send({ identifier, password });
  const me = (token: string) =>
    app
      .http()
      .get('/api/users/me')
      .set({ Authorization: `Bearer ${token}` });

  it('solo quien tiene «Cuentas de áreas» las ve o crea: un diseñador recibe 403', async () => {
    const designer = await loginAsAdmin(app, 'Diseñador(a) Senior');
    await app.http().get('/comunicacion/area-accounts').set(designer.auth).expect(403);
    const refused = await create(
      { email: 'intruso@calimaya.test', area: await documentIdOfArea('DC') },
      designer
    );
    expect(refused.status).toBe(403);
    expect(
      await app.strapi.db.query(USER_UID).count({ where: { email: 'intruso@calimaya.test' } })
    ).toBe(0);

    for (const role of [
      'Director(a)',
      'Coordinador(a) de Gobierno Digital',
      'Coordinador(a) de Atención a Organismos Auxiliares',
    ]) {
      const session = await loginAsAdmin(app, role);
      await app.http().get('/comunicacion/area-accounts').set(session.auth).expect(200);
    }
  });

  it('crear la cuenta envía la invitación con un enlace que deja al área elegir su contraseña', async () => {
    // Given a coordinator opens an account for the Dirección de Cultura
    const res = await create({
      email: 'Cultura.Enlace@Calimaya.test',
      username: 'Cultura enlace',
      area: await documentIdOfArea('DC'),
    }).expect(201);
    const account = res.body.data as AreaAccountDto;
    expect(account).toMatchObject({
      email: 'cultura.enlace@calimaya.test',
      username: 'Cultura enlace',
      active: true,
      area: { name: 'Dirección de Cultura', shortName: 'DC', kind: 'dependencia' },
    });
    // Nobody knows its password yet: the staff chose none.
    expect((await login('cultura.enlace@calimaya.test', 'Prueba-Segura-2026')).status).toBe(400);

    // Then the area receives the invitation, in Spanish, with the portal's link
    const [mail] = await deliver();
    expect(mail.to).toEqual(['cultura.enlace@calimaya.test']);
    expect(mail.headers.from).toContain('avisos@calimaya.test');
    expect(mail.subject).toBe('Tu cuenta del Portal de áreas: Dirección de Cultura');
    expect(mail.text).toContain('abrió una cuenta del Portal de áreas para Dirección de Cultura');
    expect(mail.text).toContain(`Elegir mi contraseña: ${RESET_PAGE}?code=`);
    expect(mail.text).toContain('Cultura enlace');

    // When it chooses its password with the link's code, it logs in with it (e-mail or name)
    const code = codeIn(mail);
    await resetPassword(code).expect(200);
    const session = await login('cultura.enlace@calimaya.test').expect(200);
    await me(session.body.jwt).expect(200);
    await login('Cultura enlace').expect(200);
    // The link serves once.
    const again = await resetPassword(code, 'Otra-Clave-Segura-2028');
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/código|enlace/i);
  });

  it('un correo repetido (sin importar mayúsculas), un nombre repetido o un área desconocida se rechazan sin crear nada', async () => {
    const area = await documentIdOfArea('DE');
    await create({ email: 'educacion@calimaya.test', area }).expect(201);
    await deliver();
    const before = await app.strapi.db.query(USER_UID).count();
    const outboxBefore = await app.strapi.db.connection('notification_outbox').count({ n: '*' });

    const duplicate = await create({ email: 'EDUCACION@calimaya.test', area });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.details.code).toBe('EMAIL_TAKEN');
    expect(duplicate.body.error.message).toBe(
      'Ya existe una cuenta con el correo educacion@calimaya.test.'
    );

    const sameName = await create({
      email: 'otra.educacion@calimaya.test',
      username: 'educacion@calimaya.test',
      area,
    });
    expect(sameName.body.error.details.code).toBe('USERNAME_TAKEN');

    const unknown = await create({ email: 'nadie@calimaya.test', area: 'no-existe' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.code).toBe('UNKNOWN_AREA');

    const invalidEmail = await create({ email: 'sin-arroba', area });
    expect(invalidEmail.status).toBe(400);
    expect(invalidEmail.body.error.details.code).toBe('INVALID_REQUEST');
    expect(invalidEmail.body.error.message).toMatch(/correo válido/);

    const withPassword = await create({ email: 'clave@calimaya.test', area, password: 'x' });
    expect(withPassword.body.error.message).toMatch(/Campo no admitido: password/);

    expect(await app.strapi.db.query(USER_UID).count()).toBe(before);
    expect(await app.strapi.db.connection('notification_outbox').count({ n: '*' })).toEqual(
      outboxBefore
    );
  });

  it('un área inactiva no recibe cuentas nuevas ni aparece entre las opciones', async () => {
    const area = await app.strapi.db
      .query('api::area.area')
      .update({ where: { shortName: 'DT' }, data: { active: false } });
    const list = await app
      .http()
      .get('/comunicacion/area-accounts')
      .set(coordinator.auth)
      .expect(200);
    const areas = (list.body as ListAreaAccounts.Response).meta.areas.map((a) => a.shortName);
    expect(areas).toContain('DC');
    expect(areas).not.toContain('DT');
    const res = await create({ email: 'turismo@calimaya.test', area: area.documentId });
    expect(res.body.error.details.code).toBe('UNKNOWN_AREA');
  });

  it('desactivar cierra al instante las sesiones del área; reactivar no revive los tokens viejos', async () => {
    // Given an area account logged in on two devices
    const session = await loginAsApiUser(app, 'Área solicitante', {
      email: 'obras@calimaya.test',
      data: {
        area: (await app.strapi.db.query('api::area.area').findOne({ where: { shortName: 'DOP' } }))
          .id,
      },
    });
    const other = (await login('obras@calimaya.test', 'Prueba-Segura-2026').expect(200)).body.jwt;
    await me(session.token).expect(200);

    // When a coordinator deactivates it
    const res = await app
      .http()
      .post(`/comunicacion/area-accounts/${session.user.documentId}/deactivate`)
      .set(coordinator.auth)
      .expect(200);
    expect(res.body.data).toMatchObject({ email: 'obras@calimaya.test', active: false });

    // Then neither token works, nor its password, nor a reset e-mail
    for (const token of [session.token, other]) {
      const refused = await me(token);
      expect(refused.status).toBe(401);
      expect(['INVALID_SESSION', 'SESSION_REVOKED']).toContain(refused.body.error.details.code);
    }
    expect((await login('obras@calimaya.test', 'Prueba-Segura-2026')).status).toBe(400);
    await app
      .http()
      .post('/api/auth/forgot-password')
      .send({ email: 'obras@calimaya.test' })
      .expect(200);
    const resend = await app
      .http()
      .post(`/comunicacion/area-accounts/${session.user.documentId}/invitation`)
      .set(coordinator.auth);
    expect(resend.status).toBe(400);
    expect(resend.body.error.details.code).toBe('ACCOUNT_DEACTIVATED');
    await getService('outbox', app.strapi).deliverDue();
    expect(peer.messages).toEqual([]);

    // The list shows it deactivated, with the state filter
    const deactivated = await app
      .http()
      .get('/comunicacion/area-accounts?state=desactivada')
      .set(coordinator.auth)
      .expect(200);
    expect((deactivated.body as ListAreaAccounts.Response).data.map((a) => a.email)).toEqual([
      'obras@calimaya.test',
    ]);

    // When it is reactivated, the old tokens stay closed and its password works again
    const back = await app
      .http()
      .post(`/comunicacion/area-accounts/${session.user.documentId}/reactivate`)
      .set(coordinator.auth)
      .expect(200);
    expect(back.body.data.active).toBe(true);
    const stale = await me(session.token);
    expect(stale.status).toBe(401);
    expect(stale.body.error.details.code).toBe('SESSION_REVOKED');
    const fresh = await login('obras@calimaya.test', 'Prueba-Segura-2026').expect(200);
    await me(fresh.body.jwt).expect(200);
  });

  it('reenviar la invitación manda un enlace nuevo y el anterior deja de servir', async () => {
    const created = await create({
      email: 'smdif@calimaya.test',
      area: await documentIdOfArea('SMDIF'),
    }).expect(201);
    const [first] = await deliver();
    peer.messages.length = 0;

    await app
      .http()
      .post(`/comunicacion/area-accounts/${created.body.data.documentId}/invitation`)
      .set(coordinator.auth)
      .expect(200);
    const [second] = await deliver();
    expect(second.to).toEqual(['smdif@calimaya.test']);
    expect(codeIn(second)).not.toBe(codeIn(first));

    expect((await resetPassword(codeIn(first))).status).toBe(400);
    await resetPassword(codeIn(second)).expect(200);
    await login('smdif@calimaya.test').expect(200);
  });

  it('la lista muestra solo cuentas de áreas y se filtra por área y estado', async () => {
    await loginAsApiUser(app, 'Secretaría Técnica', { email: 'st.lista@calimaya.test' });
    const all = await app
      .http()
      .get('/comunicacion/area-accounts')
      .set(coordinator.auth)
      .expect(200);
    const emails = (all.body as ListAreaAccounts.Response).data.map((a) => a.email);
    expect(emails).toEqual(
      expect.arrayContaining(['cultura.enlace@calimaya.test', 'obras@calimaya.test'])
    );
    expect(emails).not.toContain('st.lista@calimaya.test');

    const culture = await app
      .http()
      .get(`/comunicacion/area-accounts?area=${await documentIdOfArea('DC')}&state=activa`)
      .set(coordinator.auth)
      .expect(200);
    expect((culture.body as ListAreaAccounts.Response).data.map((a) => a.email)).toEqual([
      'cultura.enlace@calimaya.test',
    ]);

    const bad = await app
      .http()
      .get('/comunicacion/area-accounts?state=borrada')
      .set(coordinator.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.code).toBe('INVALID_REQUEST');

    // Secretaría Técnica's account is not managed here.
    const st = await app.strapi.db
      .query(USER_UID)
      .findOne({ where: { email: 'st.lista@calimaya.test' } });
    const notHere = await app
      .http()
      .post(`/comunicacion/area-accounts/${st.documentId}/deactivate`)
      .set(coordinator.auth);
    expect(notHere.status).toBe(404);
    expect(notHere.body.error.details.code).toBe('NOT_FOUND');
  });

  it('pedir el restablecimiento, abrir el enlace del correo, elegir otra contraseña y entrar; el token anterior queda cerrado', async () => {
    // Given an area logged in
    const session = await loginAsApiUser(app, 'Área solicitante', {
      email: 'economico.olvido@calimaya.test',
      data: {
        area: (await app.strapi.db.query('api::area.area').findOne({ where: { shortName: 'DDE' } }))
          .id,
      },
    });

    // When it asks for a new password
    await app
      .http()
      .post('/api/auth/forgot-password')
      .send({ email: 'economico.olvido@calimaya.test' })
      .expect(200);

    // Then the e-mail, in Spanish and from the office's sender, points to the portal's page
    const [mail] = await peer.waitFor(1, 10_000);
    expect(mail.to).toEqual(['economico.olvido@calimaya.test']);
    expect(mail.subject).toBe('Restablece tu contraseña del Portal de áreas');
    expect(mail.headers.from).toContain('avisos@calimaya.test');
    expect(mail.html).toContain('Para elegir una contraseña nueva, abre este enlace');
    expect(mail.html).toContain(`href="${RESET_PAGE}?code=`);

    // And the code of its link sets the new password: it logs in, the old token is refused
    await app
      .http()
      .post('/api/auth/reset-password')
      .send({ code: codeIn(mail), password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
      .expect(200);
    const fresh = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: 'economico.olvido@calimaya.test', password: NEW_PASSWORD })
      .expect(200);
    await app
      .http()
      .get('/api/users/me')
      .set({ Authorization: `Bearer ${fresh.body.jwt}` })
      .expect(200);
    const old = await app.http().get('/api/users/me').set(session.auth);
    expect(old.status).toBe(401);
    expect(old.body.error.details.code).toBe('SESSION_REVOKED');
  });

  it('si el servidor de correo no responde, pedir el restablecimiento responde 503 en español y se puede pedir de nuevo', async () => {
    await loginAsApiUser(app, 'Área solicitante', { email: 'sin.correo@calimaya.test' });
    await peer.stop();
    try {
      const res = await app
        .http()
        .post('/api/auth/forgot-password')
        .send({ email: 'sin.correo@calimaya.test' });
      expect(res.status).toBe(503);
      expect(res.body.error.details.code).toBe('MAIL_UNAVAILABLE');
      expect(res.body.error.message).toBe(
        'No se pudo enviar el correo en este momento. Intenta de nuevo en unos minutos.'
      );
    } finally {
      await peer.start();
    }
    await app
      .http()
      .post('/api/auth/forgot-password')
      .send({ email: 'sin.correo@calimaya.test' })
      .expect(200);
    const [mail] = await peer.waitFor(1, 10_000);
    expect(mail.to).toEqual(['sin.correo@calimaya.test']);
    await resetPassword(codeIn(mail)).expect(200);
  });

  it('lo que el personal cambie después en la plantilla o en el enlace se conserva al arrancar de nuevo', async () => {
    const pluginStore = (key: string) =>
      app.strapi.store({ type: 'plugin', name: 'users-permissions', key });
    const advanced = (await pluginStore('advanced').get({})) as Record<string, unknown>;
    expect(advanced.email_reset_password).toBe(RESET_PAGE);
    const emails = (await pluginStore('email').get({})) as {
      reset_password: { options: { message: string; object: string } };
    };
    expect(emails.reset_password.options.message).toBe(RESET_PASSWORD_MESSAGE);

    // While staff leave the link as seeded, it follows the server's public URL.
    process.env.PUBLIC_URL = 'https://portal.calimaya.gob.mx';
    await seedPasswordEmails({ strapi: app.strapi });
    expect(
      ((await pluginStore('advanced').get({})) as Record<string, unknown>).email_reset_password
    ).toBe('https://portal.calimaya.gob.mx/areas/restablecer.html');

    // Staff edit both in Users & Permissions; the next boot keeps their words.
    await pluginStore('advanced').set({
      value: { ...advanced, email_reset_password: 'https://areas.calimaya.gob.mx/restablecer' },
    });
    const edited = {
      ...emails,
      reset_password: {
        ...emails.reset_password,
        options: { ...emails.reset_password.options, object: 'Nueva contraseña' },
      },
    };
    await pluginStore('email').set({ value: edited });
    process.env.PUBLIC_URL = 'https://otro.calimaya.gob.mx';
    await seedPasswordEmails({ strapi: app.strapi });
    expect(
      ((await pluginStore('advanced').get({})) as Record<string, unknown>).email_reset_password
    ).toBe('https://areas.calimaya.gob.mx/restablecer');
    expect(
      ((await pluginStore('email').get({})) as typeof emails).reset_password.options.object
    ).toBe('Nueva contraseña');
  });
});
