import type { TestApp } from '../harness/app';
import { loginAsApiUser, type Session } from '../harness/auth';
import {
  areaId,
  createFile,
  fire,
  logsOf,
  stateOf,
  useStaffApp,
} from '../harness/workflow-fixtures';
import type { Role } from '../../src/domain/workflows';
import { widenAddedAttributes, widenStaffAccess } from '../../src/bootstrap/admin-roles';

const EMAIL = 'api::email-account-request.email-account-request';
const ADVISORY = 'api::advisory.advisory';
const SURVEY = 'api::survey.survey';
const CM = '/content-manager/collection-types';

type Row = Record<string, unknown>;

describe('Manual de Gobierno Digital y de Organismos Auxiliares: cuentas de correo, asesorías y encuestas', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  let secretaria: Session;
  useStaffApp((booted) => ({ app, staff } = booted));

  beforeAll(async () => {
    secretaria = await loginAsApiUser(app, 'Secretaría Técnica');
  });

  const areaAccount = async (shortName: string) =>
    loginAsApiUser(app, 'Área solicitante', { data: { area: await areaId(app, shortName) } });

  const areaDocumentId = async (shortName: string) =>
    (
      (await app.strapi.db.query('api::area.area').findOne({ where: { shortName } })) as {
        documentId: string;
      }
    ).documentId;

  /** An area files an oficio asking for one e-mail request through its content-API account. */
  const fileEmailRequest = async (area: Session, service: Row) => {
    const res = await app
      .http()
      .post('/api/oficios')
      .set(area.auth)
      .send({
        data: {
          subject: `Cuenta de correo: ${String(service.title)}`,
          services: [{ type: 'email-account-request', ...service }],
        },
      })
      .expect(201);
    return res.body.data.services[0].documentId as string;
  };

  /** Staff move an item with the panel's action, as the role under test. */
  const act = (
    role: Role,
    workflow: 'email-account-request' | 'advisory',
    id: string,
    to: string
  ) =>
    fire(app, 'plugin', {
      workflow,
      documentId: id,
      to,
      role,
      session: staff[role],
      comment: 'Avance',
    });

  /** Staff edit an item in the content manager. */
  const edit = (role: Role, uid: string, id: string, data: Row) =>
    app.http().put(`${CM}/${uid}/${id}`).set(staff[role].auth).send(data);

  const read = async (role: Role, uid: string, id: string) =>
    (await app.http().get(`${CM}/${uid}/${id}`).set(staff[role].auth).expect(200)).body.data as Row;

  const authorize = (id: string, body: Row) =>
    app
      .http()
      .post(`/api/email-account-requests/${id}/authorization`)
      .set(secretaria.auth)
      .send(body);

  const codeOf = (res: { body: { error?: { details?: { code?: string } } } }) =>
    res.body.error?.details?.code;

  const deliveryOficio = async (number: string) => ({
    number,
    date: '2027-01-08',
    document: (await createFile(app, 'oficio-de-entrega.pdf')).id,
    receivedBy: 'Enlace del área',
  });

  it('GD 2 Cuenta de correo institucional: alta — la Secretaría Técnica autoriza y Gobierno Digital crea, entrega con oficio y verifica con evidencia', async () => {
    // Given the Dirección de Turismo asks for an account for its holder.
    const turismo = await areaAccount('DT');
    const id = await fileEmailRequest(turismo, {
      title: 'Correo de la Dirección de Turismo',
      kind: 'alta',
      personName: 'Laura Méndez',
      personPosition: 'Directora de Turismo',
      requestedAddress: 'turismo',
    });

    // The server suggests the address from the area's name; the alta starts with it.
    const filed = await read('coordinador_gobierno_digital', EMAIL, id);
    expect(filed).toMatchObject({
      workflowStatus: 'solicitada',
      suggestedAddress: 'turismo@calimaya.gob.mx',
      emailAddress: 'turismo@calimaya.gob.mx',
    });
    // Nobody writes the suggestion by hand, and no field takes a password.
    const suggested = await edit('coordinador_gobierno_digital', EMAIL, id, {
      suggestedAddress: 'otra@calimaya.gob.mx',
    });
    expect(suggested.status).toBe(400);
    expect(codeOf(suggested)).toBe('READONLY_FIELD');
    const attributes = Object.keys(
      app.strapi.contentType(EMAIL as 'api::email-account-request.email-account-request').attributes
    );
    expect(attributes.filter((name) => /password|contrase|clave/i.test(name))).toEqual([]);

    // Gobierno Digital cannot authorize: that is Secretaría Técnica's act.
    const early = await act(
      'coordinador_gobierno_digital',
      'email-account-request',
      id,
      'autorizada'
    );
    expect(early.status).toBe(403);
    const skipped = await act('auxiliar_gobierno_digital', 'email-account-request', id, 'creada');
    expect(skipped.status).toBe(400);
    expect(codeOf(skipped)).toBe('INVALID_TRANSITION');

    // Secretaría Técnica sees for whom it authorizes: the area and the person with their position.
    const list = await app
      .http()
      .get('/api/email-account-requests')
      .set(secretaria.auth)
      .expect(200);
    const seen = (list.body.data as Row[]).find((row) => row.documentId === id);
    expect(seen).toMatchObject({
      kind: 'alta',
      personName: 'Laura Méndez',
      personPosition: 'Directora de Turismo',
      area: { name: 'Dirección de Turismo', shortName: 'DT' },
    });
    // The area itself reads its request without the person's private data.
    const own = await app.http().get(`/api/email-account-requests/${id}`).set(turismo.auth);
    expect(own.status).toBe(200);
    expect(own.body.data).not.toHaveProperty('personName');
    expect(own.body.data).not.toHaveProperty('personPosition');

    await authorize(id, {
      decision: 'autorizada',
      authorizationReference: 'ST/0201/2027',
      authorizationDate: '2027-01-06',
    }).expect(200);
    expect(await stateOf(app, 'email-account-request', id)).toBe('autorizada');

    // Once authorized, an alta does not become a baja.
    const kind = await edit('coordinador_gobierno_digital', EMAIL, id, { kind: 'baja' });
    expect(kind.status).toBe(400);
    expect(codeOf(kind)).toBe('READONLY_FIELD');

    // Staff may choose another address, of the institution's domain only.
    const foreign = await edit('auxiliar_gobierno_digital', EMAIL, id, {
      emailAddress: 'turismo.calimaya@gmail.com',
    });
    expect(foreign.status).toBe(400);
    expect(codeOf(foreign)).toBe('INVALID_EMAIL_ADDRESS');
    await edit('auxiliar_gobierno_digital', EMAIL, id, {
      emailAddress: 'direccion.turismo@calimaya.gob.mx',
    }).expect(200);

    // A wrong role is refused; Gobierno Digital creates the account.
    expect((await act('fotografo', 'email-account-request', id, 'creada')).status).toBe(403);
    expect(
      (await act('auxiliar_gobierno_digital', 'email-account-request', id, 'creada')).status
    ).toBe(200);

    // Delivered only with its delivery oficio: number, date and the signed document.
    const undelivered = await act(
      'auxiliar_gobierno_digital',
      'email-account-request',
      id,
      'entregada'
    );
    expect(undelivered.status).toBe(400);
    expect(codeOf(undelivered)).toBe('MISSING_DATA');
    expect(undelivered.body.error?.message).toMatch(/contraseña no se captura: va en papel/);
    await edit('auxiliar_gobierno_digital', EMAIL, id, {
      delivery: await deliveryOficio('DCSGD/0042/2027'),
    }).expect(200);
    expect(
      (await act('auxiliar_gobierno_digital', 'email-account-request', id, 'entregada')).status
    ).toBe(200);

    // Verified only with the installation on the area's computer and the evidence of the check.
    const unverified = await act(
      'coordinador_gobierno_digital',
      'email-account-request',
      id,
      'verificada'
    );
    expect(unverified.status).toBe(400);
    expect(codeOf(unverified)).toBe('MISSING_DATA');
    await edit('auxiliar_gobierno_digital', EMAIL, id, {
      installedAt: '2027-01-08T17:30:00.000Z',
      installedBy: 'Auxiliar de Gobierno Digital',
      installationNote: 'Configurada en el equipo de la Dirección de Turismo.',
    }).expect(200);
    const noEvidence = await act(
      'coordinador_gobierno_digital',
      'email-account-request',
      id,
      'verificada'
    );
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.error?.message).toMatch(/evidencia de la verificación/);
    await edit('auxiliar_gobierno_digital', EMAIL, id, {
      verificationNote: 'El área envió un mensaje de prueba y recibió la respuesta.',
    }).expect(200);
    expect(
      (await act('coordinador_gobierno_digital', 'email-account-request', id, 'verificada')).status
    ).toBe(200);

    const done = await read('coordinador_gobierno_digital', EMAIL, id);
    expect(done).toMatchObject({
      workflowStatus: 'verificada',
      emailAddress: 'direccion.turismo@calimaya.gob.mx',
      delivery: { number: 'DCSGD/0042/2027', date: '2027-01-08' },
      installedBy: 'Auxiliar de Gobierno Digital',
    });
    expect((await logsOf(app, id)).map((log) => log.toStatus)).toEqual([
      'solicitada',
      'autorizada',
      'creada',
      'entregada',
      'verificada',
    ]);
  });

  it('GD 2 Cuenta de correo institucional: soporte — Gobierno Digital lo atiende sin autorización, registra qué hizo y verifica', async () => {
    const tesoreria = await areaAccount('TM');
    const id = await fileEmailRequest(tesoreria, {
      title: 'La Tesorería no recibe mensajes',
      kind: 'soporte',
      personName: 'Enlace de Tesorería',
    });

    // Support needs no authorization: Secretaría Técnica cannot authorize it, nor read the person.
    const refused = await authorize(id, {
      decision: 'autorizada',
      authorizationReference: 'ST/0300/2027',
      authorizationDate: '2027-01-06',
    });
    expect(refused.status).toBe(400);
    expect(codeOf(refused)).toBe('INVALID_TRANSITION');
    expect(refused.body.error.message).toMatch(
      /solicitud de soporte: el soporte no necesita la autorización de la Secretaría Técnica/
    );
    const seen = await app.http().get(`/api/email-account-requests/${id}`).set(secretaria.auth);
    expect(seen.status).toBe(200);
    expect(seen.body.data).not.toHaveProperty('personName');

    // Attended straight by Gobierno Digital, with a record of what was done.
    const bare = await act('auxiliar_gobierno_digital', 'email-account-request', id, 'atendida');
    expect(bare.status).toBe(400);
    expect(codeOf(bare)).toBe('MISSING_DATA');
    await edit('auxiliar_gobierno_digital', EMAIL, id, {
      emailAddress: 'tesoreria@calimaya.gob.mx',
      supportActions: 'Se liberó espacio en el buzón y se restableció el acceso del equipo.',
    }).expect(200);
    expect((await act('community_manager', 'email-account-request', id, 'atendida')).status).toBe(
      403
    );
    expect(
      (await act('auxiliar_gobierno_digital', 'email-account-request', id, 'atendida')).status
    ).toBe(200);
    const attended = await read('coordinador_gobierno_digital', EMAIL, id);
    expect(attended).toMatchObject({ workflowStatus: 'atendida', attendedBy: expect.any(String) });
    expect(attended.attendedAt).toEqual(expect.any(String));

    const unverified = await act(
      'coordinador_gobierno_digital',
      'email-account-request',
      id,
      'verificada'
    );
    expect(codeOf(unverified)).toBe('MISSING_DATA');
    await edit('coordinador_gobierno_digital', EMAIL, id, {
      verificationNote: 'La Tesorería confirmó por teléfono que ya recibe mensajes.',
    }).expect(200);
    expect(
      (await act('coordinador_gobierno_digital', 'email-account-request', id, 'verificada')).status
    ).toBe(200);
    expect((await logsOf(app, id)).map((log) => log.toStatus)).toEqual([
      'solicitada',
      'atendida',
      'verificada',
    ]);
  });

  it('GD 2 Cuenta de correo institucional: baja — autorizada por la Secretaría Técnica, dada de baja con lo que se hizo, entregada por oficio y verificada', async () => {
    const cultura = await areaAccount('DC');
    const id = await fileEmailRequest(cultura, {
      title: 'Baja del correo del exdirector de Cultura',
      kind: 'baja',
      personName: 'Jorge Salas',
      personPosition: 'Exdirector de Cultura',
    });
    const seen = await app.http().get(`/api/email-account-requests/${id}`).set(secretaria.auth);
    expect(seen.body.data).toMatchObject({
      personName: 'Jorge Salas',
      area: { name: 'Dirección de Cultura' },
    });

    // Not before Secretaría Técnica authorizes it.
    const early = await act(
      'auxiliar_gobierno_digital',
      'email-account-request',
      id,
      'dada_de_baja'
    );
    expect(early.status).toBe(400);
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    await authorize(id, {
      decision: 'autorizada',
      authorizationReference: 'ST/0310/2027',
      authorizationDate: '2027-01-07',
    }).expect(200);

    // A baja creates no account; it is removed with the address and what was done.
    const created = await act('auxiliar_gobierno_digital', 'email-account-request', id, 'creada');
    expect(created.status).toBe(400);
    expect(created.body.error?.message).toMatch(/no corresponde a una baja/);
    const bare = await act(
      'auxiliar_gobierno_digital',
      'email-account-request',
      id,
      'dada_de_baja'
    );
    expect(codeOf(bare)).toBe('MISSING_DATA');
    await edit('auxiliar_gobierno_digital', EMAIL, id, {
      emailAddress: 'cultura@calimaya.gob.mx',
      removalActions: 'Se respaldó el buzón para la Dirección y se eliminó la cuenta.',
    }).expect(200);
    expect(
      (await act('disenador_senior', 'email-account-request', id, 'dada_de_baja')).status
    ).toBe(403);
    expect(
      (await act('auxiliar_gobierno_digital', 'email-account-request', id, 'dada_de_baja')).status
    ).toBe(200);
    expect(await read('coordinador_gobierno_digital', EMAIL, id)).toMatchObject({
      removedBy: expect.any(String),
      removedAt: expect.any(String),
    });

    // Informed by oficio, then verified.
    expect(
      codeOf(await act('auxiliar_gobierno_digital', 'email-account-request', id, 'entregada'))
    ).toBe('MISSING_DATA');
    await edit('auxiliar_gobierno_digital', EMAIL, id, {
      delivery: await deliveryOficio('DCSGD/0050/2027'),
    }).expect(200);
    expect(
      (await act('auxiliar_gobierno_digital', 'email-account-request', id, 'entregada')).status
    ).toBe(200);
    await edit('auxiliar_gobierno_digital', EMAIL, id, {
      verificationNote: 'Un mensaje de prueba a la dirección dada de baja fue rechazado.',
    }).expect(200);
    expect(
      (await act('coordinador_gobierno_digital', 'email-account-request', id, 'verificada')).status
    ).toBe(200);
    expect((await logsOf(app, id)).map((log) => log.toStatus)).toEqual([
      'solicitada',
      'autorizada',
      'dada_de_baja',
      'entregada',
      'verificada',
    ]);
  });

  it('3.3 Asesoría a organismos auxiliares: seguimientos como historial por los responsables; concluir exige uno', async () => {
    const create = (organism: string | null) =>
      app
        .http()
        .post(`${CM}/${ADVISORY}`)
        .set(staff.coordinador_organismos.auth)
        .send({
          title: 'Asesoría de imagen del OPDAPAS',
          channel: 'economica',
          receivedAt: '2027-01-11T16:00:00.000Z',
          topic: 'Uso del logotipo en los recibos de agua',
          ...(organism ? { organism: { connect: [{ documentId: organism }] } } : {}),
        });

    // The organism is required, and a dependencia is not one.
    const missing = await create(null);
    expect(missing.status).toBe(400);
    expect(codeOf(missing)).toBe('MISSING_DATA');
    const dependencia = await create(await areaDocumentId('DC'));
    expect(dependencia.status).toBe(400);
    expect(codeOf(dependencia)).toBe('INVALID_ORGANISM');
    expect(dependencia.body.error.message).toMatch(/no es un organismo auxiliar/);

    const created = await create(await areaDocumentId('OPDAPAS'));
    expect(created.status).toBe(201);
    const id = created.body.data.documentId as string;

    // The Community Manager takes it into follow-up; a photographer may not.
    expect((await act('fotografo', 'advisory', id, 'en_seguimiento')).status).toBe(403);
    expect((await act('community_manager', 'advisory', id, 'en_seguimiento')).status).toBe(200);

    // Concluding needs at least one follow-up.
    const early = await act('disenador_junior', 'advisory', id, 'concluida');
    expect(early.status).toBe(400);
    expect(codeOf(early)).toBe('MISSING_DATA');

    // Follow-ups are appended; the next date becomes the advisory's follow-up (due) date.
    const first = {
      date: '2027-01-13',
      by: 'Community Manager',
      notes: 'Se revisaron con el enlace las publicaciones del organismo.',
      nextDate: '2027-01-20',
    };
    await edit('community_manager', ADVISORY, id, { followUps: [first] }).expect(200);
    let stored = await read('coordinador_organismos', ADVISORY, id);
    expect(stored).toMatchObject({ followUpDate: '2027-01-20', dueAt: '2027-01-20' });
    const recorded = stored.followUps as Row[];

    const second = {
      date: '2027-01-20',
      by: 'Diseñador(a) Junior',
      notes: 'Se entregó la plantilla de recibo con el logotipo correcto.',
      nextDate: '2027-02-03',
    };
    await edit('disenador_junior', ADVISORY, id, { followUps: [...recorded, second] }).expect(200);
    stored = await read('coordinador_organismos', ADVISORY, id);
    expect(stored.followUpDate).toBe('2027-02-03');
    expect((stored.followUps as Row[]).map((entry) => entry.by)).toEqual([
      'Community Manager',
      'Diseñador(a) Junior',
    ]);

    // A recorded follow-up is neither rewritten nor removed, whoever tries.
    const entries = stored.followUps as Row[];
    const rewritten = await edit('coordinador_organismos', ADVISORY, id, {
      followUps: [{ ...entries[0], notes: 'Otra versión de lo que pasó.' }, entries[1]],
    });
    expect(rewritten.status).toBe(400);
    expect(codeOf(rewritten)).toBe('FOLLOW_UP_RECORDED');
    const removed = await edit('coordinador_organismos', ADVISORY, id, { followUps: [entries[1]] });
    expect(codeOf(removed)).toBe('FOLLOW_UP_RECORDED');
    expect(((await read('coordinador_organismos', ADVISORY, id)).followUps as Row[]).length).toBe(
      2
    );

    expect((await act('disenador_junior', 'advisory', id, 'concluida')).status).toBe(200);
    expect((await logsOf(app, id)).map((log) => log.toStatus)).toEqual([
      'abierta',
      'en_seguimiento',
      'concluida',
    ]);
  });

  it('Encuestas de los departamentos: Gobierno Digital crea y publica la encuesta de un área; otros roles no', async () => {
    const survey = {
      title: 'Satisfacción con la atención del Registro Civil',
      slug: 'satisfaccion-registro-civil',
      questions: [
        {
          key: 'atencion',
          prompt: '¿Cómo calificas la atención?',
          kind: 'escala',
          required: true,
        },
      ],
    };

    // A photographer may not create a survey.
    const photographer = await app
      .http()
      .post(`${CM}/${SURVEY}`)
      .set(staff.fotografo.auth)
      .send(survey);
    expect(photographer.status).toBe(403);

    // The Auxiliar de Gobierno Digital drafts it; published only with the area it is made for.
    const draft = await app
      .http()
      .post(`${CM}/${SURVEY}`)
      .set(staff.auxiliar_gobierno_digital.auth)
      .send(survey);
    expect(draft.status).toBe(201);
    const id = draft.body.data.documentId as string;
    const orphan = await app
      .http()
      .post(`${CM}/${SURVEY}/${id}/actions/publish`)
      .set(staff.auxiliar_gobierno_digital.auth)
      .send({});
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.message).toMatch(/a nombre de un área/);

    await app
      .http()
      .put(`${CM}/${SURVEY}/${id}`)
      .set(staff.coordinador_gobierno_digital.auth)
      .send({ area: { connect: [{ documentId: await areaDocumentId('RC') }] } })
      .expect(200);
    await app
      .http()
      .post(`${CM}/${SURVEY}/${id}/actions/publish`)
      .set(staff.coordinador_gobierno_digital.auth)
      .send({})
      .expect(200);
    await app.http().get('/api/surveys/satisfaccion-registro-civil').expect(200);

    // The results page shows whose survey it is.
    const results = await app
      .http()
      .get('/comunicacion/surveys')
      .set(staff.auxiliar_gobierno_digital.auth)
      .expect(200);
    const listed = (results.body.data as Row[]).find((row) => row.documentId === id);
    expect(listed).toMatchObject({
      area: { name: 'Oficialía del Registro Civil' },
      published: true,
    });

    // Gobierno Digital may also take it down; the Community Manager may not.
    await app
      .http()
      .post(`${CM}/${SURVEY}/${id}/actions/unpublish`)
      .set(staff.community_manager.auth)
      .send({})
      .expect(403);
    await app
      .http()
      .post(`${CM}/${SURVEY}/${id}/actions/unpublish`)
      .set(staff.auxiliar_gobierno_digital.auth)
      .send({})
      .expect(200);
  });

  it('una instalación sembrada por una versión anterior gana una sola vez estos permisos', async () => {
    const db = app.strapi.db;
    const roleOf = async (name: string) =>
      (await db.query('admin::role').findOne({ where: { name } })) as { id: number; code: string };
    const manager = await roleOf('Community Manager');
    const organismos = await roleOf('Coordinador(a) de Atención a Organismos Auxiliares');
    const update = 'plugin::content-manager.explorer.update';
    const permission = (role: number, action: string) =>
      db
        .query('admin::permission')
        .findOne({ where: { role, action, subject: ADVISORY } }) as Promise<{
        id: number;
        properties: { fields?: string[] };
      } | null>;

    // Given roles as an older version left them: no advisories for the Community Manager, no
    // follow-ups for the coordination.
    await db.query('admin::permission').deleteMany({
      where: { role: manager.id, subject: ADVISORY },
    });
    const before = (await permission(organismos.id, update))!;
    await db.query('admin::permission').update({
      where: { id: before.id },
      data: {
        properties: {
          fields: (before.properties.fields ?? []).filter((path) => !path.startsWith('followUps')),
        },
      },
    });
    // … and a designer's design fields from before the requisitos and the delivery oficio.
    const senior = await roleOf('Diseñador(a) Senior');
    const designUpdate = (await db.query('admin::permission').findOne({
      where: { role: senior.id, action: update, subject: 'api::design.design' },
    })) as { id: number; properties: { fields?: string[] } };
    await db.query('admin::permission').update({
      where: { id: designUpdate.id },
      data: {
        properties: {
          fields: (designUpdate.properties.fields ?? []).filter(
            (path) => path !== 'requirements' && !path.startsWith('delivery')
          ),
        },
      },
    });
    const store = app.strapi.store({ type: 'plugin', name: 'comunicacion' });
    await store.set({ key: 'widened-staff-access', value: {} });
    await store.set({ key: 'widened-staff-fields', value: {} });

    await widenStaffAccess({ strapi: app.strapi });
    await widenAddedAttributes({ strapi: app.strapi });

    expect((await permission(manager.id, update))?.properties.fields).toEqual(
      expect.arrayContaining(['followUps.notes', 'organism', 'topic'])
    );
    expect(await permission(manager.id, 'plugin::content-manager.explorer.read')).not.toBeNull();
    expect((await permission(organismos.id, update))?.properties.fields).toEqual(
      expect.arrayContaining(['followUps.date', 'followUps.notes', 'topic'])
    );
    const designFields = (
      (await db.query('admin::permission').findOne({ where: { id: designUpdate.id } })) as {
        properties: { fields: string[] };
      }
    ).properties.fields;
    expect(designFields).toEqual(
      expect.arrayContaining(['requirements', 'delivery.number', 'delivery.date'])
    );
    // Once: what staff remove afterwards stays removed.
    await db.query('admin::permission').deleteMany({
      where: { role: manager.id, subject: ADVISORY },
    });
    await widenStaffAccess({ strapi: app.strapi });
    await widenAddedAttributes({ strapi: app.strapi });
    expect(await permission(manager.id, update)).toBeNull();
  });
});
