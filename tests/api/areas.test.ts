import { bootApp, type TestApp } from '../harness/app';
import { loginAsApiUser, type Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import { areaId, createFile, createOficio } from '../harness/workflow-fixtures';

const DESIGN = 'api::design.design';

const designService = {
  type: 'design',
  title: 'Cartel de la feria',
  medium: 'digital',
  eventName: 'Feria del Elote',
  eventDate: '2031-03-20',
  eventTime: '10:00',
  place: 'Jardín principal',
  specification: 'Cartel 60×90',
  responsiblePerson: 'Lic. Responsable',
  contactPhone: '722 123 4567',
};

describe('áreas solicitantes por la API de contenido', () => {
  let app: TestApp;
  let cultura: Session;
  let tesoreria: Session;
  let anonymousDesign: string;

  beforeAll(async () => {
    app = await bootApp();
    cultura = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'DC') },
    });
    tesoreria = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'TM') },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const file = (session: Session, body: Record<string, unknown>) =>
    app.http().post('/api/oficios').set(session.auth).send({ data: body });

  it('presenta un oficio de su área: folio y, por servicio, el plazo y la fecha más pronta', async () => {
    const res = await file(cultura, {
      subject: 'Difusión de la Feria del Elote',
      senderReference: 'DC/300/2031',
      requesterPhone: '722 000 1111',
      services: [
        designService,
        { type: 'web-publication', title: 'Aviso de la feria', section: 'avisos', body: 'Texto' },
      ],
    }).expect(201);

    expect(res.body.data).toMatchObject({
      folio: expect.stringMatching(/^DCSGD\/\d{4}\/\d{4}$/),
      workflowStatus: 'recibido',
      area: { name: 'Dirección de Cultura' },
    });
    expect(res.body.data.services).toHaveLength(2);
    expect(res.body.data.services[0]).toMatchObject({
      type: 'design',
      workflowStatus: 'pendiente',
      leadTimeMet: true,
      earliestAllowedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    // Personal contact data never comes back, not even to its own area.
    expect(JSON.stringify(res.body)).not.toContain('722 000 1111');
  });

  it('el área la toma de la cuenta, nunca del cuerpo', async () => {
    const res = await file(cultura, {
      subject: 'Intento de presentar a nombre de otra área',
      area: await areaId(app, 'TM'),
      services: [designService],
    }).expect(400);
    expect(res.body.error.details.code).toBe('INVALID_REQUEST');
    expect(res.body.error.message).toMatch(/no admitido/);
  });

  it('rechaza un oficio sin servicios o con campos que decide la Dirección', async () => {
    const empty = await file(cultura, { subject: 'Sin servicios', services: [] }).expect(400);
    expect(empty.body.error.message).toMatch(/al menos un servicio/);
    const system = await file(cultura, {
      subject: 'Con campo del sistema',
      services: [{ ...designService, leadTimeMet: true }],
    }).expect(400);
    expect(system.body.error.message).toMatch(/leadTimeMet/);
  });

  it('lista y lee solo lo de su área; lo de otra área responde 404', async () => {
    const mine = await file(cultura, { subject: 'Propio', services: [designService] }).expect(201);
    const theirs = await file(tesoreria, { subject: 'Ajeno', services: [designService] }).expect(
      201
    );
    anonymousDesign = theirs.body.data.services[0].documentId;

    const list = await app.http().get('/api/oficios').set(cultura.auth).expect(200);
    const folios = list.body.data.map((o: { folio: string }) => o.folio);
    expect(folios).toContain(mine.body.data.folio);
    expect(folios).not.toContain(theirs.body.data.folio);

    await app
      .http()
      .get(`/api/oficios/${theirs.body.data.documentId}`)
      .set(cultura.auth)
      .expect(404);
    await app.http().get(`/api/designs/${anonymousDesign}`).set(cultura.auth).expect(404);

    // Filtering by a folio of another area finds nothing.
    const filtered = await app
      .http()
      .get('/api/oficios')
      .query({ filters: { folio: { $eq: theirs.body.data.folio } } })
      .set(cultura.auth)
      .expect(200);
    expect(filtered.body.data).toEqual([]);
    // Nor does reaching it through a relation.
    const viaRelation = await app
      .http()
      .get('/api/designs')
      .query({
        filters: { oficio: { folio: { $eq: theirs.body.data.folio } } },
        populate: { oficio: true },
      })
      .set(cultura.auth)
      .expect(200);
    expect(viaRelation.body.data).toEqual([]);

    const designs = await app
      .http()
      .get('/api/designs')
      .query({ populate: '*' })
      .set(cultura.auth)
      .expect(200);
    expect(designs.body.data.map((d: { documentId: string }) => d.documentId)).not.toContain(
      anonymousDesign
    );
  });

  it('sigue el estado y el vencimiento de sus servicios, sin datos personales ni notas internas', async () => {
    const filed = await file(cultura, { subject: 'Seguimiento', services: [designService] }).expect(
      201
    );
    const res = await app
      .http()
      .get(`/api/oficios/${filed.body.data.documentId}`)
      .query({ populate: { designs: true, area: true } })
      .set(cultura.auth)
      .expect(200);
    expect(res.body.data.designs[0]).toMatchObject({
      workflowStatus: 'pendiente',
      dueAt: expect.any(String),
    });
    for (const key of [
      'requesterPhone',
      'internalNotes',
      'transitionComment',
      'pauses',
      'lateAcceptedBy',
    ]) {
      expect(res.body.data).not.toHaveProperty(key);
    }
    expect(res.body.data.designs[0]).not.toHaveProperty('contactPhone');
  });

  describe('aprobar u observar una propuesta de diseño', () => {
    const designInReview = async (session: Session) => {
      const filed = await file(session, {
        subject: 'Para revisión',
        services: [designService],
      }).expect(201);
      const documentId = filed.body.data.services[0].documentId as string;
      const pdf = await createFile(app);
      await runInternal(() =>
        app.strapi.documents(DESIGN).update({
          documentId,
          data: {
            workflowStatus: 'en_revision',
            proposals: [
              {
                version: 1,
                file: pdf.id,
                sentAt: '2031-01-10T16:00:00Z',
                decision: 'observaciones',
                feedback: 'Más grande',
              },
              { version: 2, file: pdf.id, sentAt: '2031-01-12T16:00:00Z' },
            ],
          } as never,
        })
      );
      return documentId;
    };
    const decide = (session: Session, documentId: string, body: Record<string, unknown>) =>
      app.http().post(`/api/designs/${documentId}/decision`).set(session.auth).send(body);

    it('aprueba la última versión enviada', async () => {
      const documentId = await designInReview(cultura);
      const res = await decide(cultura, documentId, { version: 2, decision: 'aprobada' }).expect(
        200
      );
      expect(res.body.data).toMatchObject({ workflowStatus: 'aprobado', version: 2 });

      const again = await decide(cultura, documentId, { version: 2, decision: 'aprobada' }).expect(
        400
      );
      expect(again.body.error.details.code).toBe('NOT_IN_REVIEW');
    });

    it('las observaciones necesitan texto y devuelven el diseño al diseñador', async () => {
      const documentId = await designInReview(cultura);
      const empty = await decide(cultura, documentId, {
        version: 2,
        decision: 'observaciones',
      }).expect(400);
      expect(empty.body.error.details).toMatchObject({
        code: 'MISSING_DATA',
        fields: ['feedback'],
      });

      const res = await decide(cultura, documentId, {
        version: 2,
        decision: 'observaciones',
        feedback: 'Cambiar la tipografía del título',
      }).expect(200);
      expect(res.body.data.workflowStatus).toBe('con_observaciones');
    });

    it('una versión anterior, o el diseño de otra área, no se deciden', async () => {
      const documentId = await designInReview(cultura);
      const old = await decide(cultura, documentId, { version: 1, decision: 'aprobada' }).expect(
        400
      );
      expect(old.body.error.details).toMatchObject({ code: 'STALE_VERSION', latestVersion: 2 });
      await decide(tesoreria, documentId, { version: 2, decision: 'aprobada' }).expect(404);
    });
  });
});

describe('Secretaría Técnica y visitantes', () => {
  let app: TestApp;
  let secretaria: Session;
  let area: Session;

  beforeAll(async () => {
    app = await bootApp();
    secretaria = await loginAsApiUser(app, 'Secretaría Técnica');
    area = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'DT') },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('la Secretaría Técnica ve las solicitudes de correo y las autoriza con su oficio', async () => {
    const filed = await app
      .http()
      .post('/api/oficios')
      .set(area.auth)
      .send({
        data: {
          subject: 'Correo para Turismo',
          services: [
            {
              type: 'email-account-request',
              title: 'Correo de Turismo',
              kind: 'alta',
              personName: 'Persona Privada',
            },
          ],
        },
      })
      .expect(201);
    const documentId = filed.body.data.services[0].documentId;

    const list = await app
      .http()
      .get('/api/email-account-requests')
      .set(secretaria.auth)
      .expect(200);
    const mine = list.body.data.find((r: { documentId: string }) => r.documentId === documentId);
    // It reads for whom it authorizes: the person (private to everyone else) and the area.
    expect(mine).toMatchObject({
      workflowStatus: 'solicitada',
      kind: 'alta',
      personName: 'Persona Privada',
      area: { name: 'Dirección de Turismo' },
    });
    const own = await app.http().get(`/api/email-account-requests/${documentId}`).set(area.auth);
    expect(own.body.data).not.toHaveProperty('personName');

    const missing = await app
      .http()
      .post(`/api/email-account-requests/${documentId}/authorization`)
      .set(secretaria.auth)
      .send({ decision: 'autorizada' })
      .expect(400);
    expect(missing.body.error.details.code).toBe('MISSING_DATA');

    const ok = await app
      .http()
      .post(`/api/email-account-requests/${documentId}/authorization`)
      .set(secretaria.auth)
      .send({
        decision: 'autorizada',
        authorizationReference: 'ST/045/2031',
        authorizationDate: '2031-02-03',
      })
      .expect(200);
    expect(ok.body.data).toMatchObject({
      workflowStatus: 'autorizada',
      authorizationReference: 'ST/045/2031',
    });

    // An area cannot authorize its own request.
    await app
      .http()
      .post(`/api/email-account-requests/${documentId}/authorization`)
      .set(area.auth)
      .send({
        decision: 'autorizada',
        authorizationReference: 'X',
        authorizationDate: '2031-02-03',
      })
      .expect(403);
    // Secretaría Técnica files no oficios and reads no designs.
    await app.http().get('/api/oficios').set(secretaria.auth).expect(403);
    await app.http().get('/api/designs').set(secretaria.auth).expect(403);
  });

  it('la Secretaría Técnica rechaza con su motivo, y sin motivo no se rechaza', async () => {
    const filed = await app
      .http()
      .post('/api/oficios')
      .set(area.auth)
      .send({
        data: {
          subject: 'Otra cuenta de correo',
          services: [{ type: 'email-account-request', title: 'Correo duplicado', kind: 'alta' }],
        },
      })
      .expect(201);
    const documentId = filed.body.data.services[0].documentId;
    const reject = (body: Record<string, unknown>) =>
      app
        .http()
        .post(`/api/email-account-requests/${documentId}/authorization`)
        .set(secretaria.auth)
        .send(body);

    const noReason = await reject({ decision: 'rechazada' }).expect(400);
    expect(noReason.body.error.details.code).toBe('COMMENT_REQUIRED');
    const res = await reject({
      decision: 'rechazada',
      comment: 'El área ya tiene una cuenta activa.',
    }).expect(200);
    expect(res.body.data).toMatchObject({
      workflowStatus: 'rechazada',
      rejectionReason: 'El área ya tiene una cuenta activa.',
    });
  });

  it('el público solo ve lo publicado, el calendario y el aviso de privacidad', async () => {
    await app.http().get('/api/oficios').expect(403);
    await app
      .http()
      .post('/api/oficios')
      .send({ data: { subject: 'x' } })
      .expect(403);
    await app.http().get('/api/designs').expect(403);
    await app.http().get('/api/email-account-requests').expect(403);
    await app.http().get('/api/areas').expect(403);
    await app
      .http()
      .post('/api/auth/local/register')
      .send({ username: 'x', email: 'x@x.mx', password: 'Secreta123' })
      .expect((res) => {
        expect([400, 403]).toContain(res.status);
      });

    const notice = await app.http().get('/api/privacy-notice').expect(200);
    expect(notice.body.data.title).toMatch(/Aviso de privacidad/);
    await app.http().get('/api/web-publications').expect(200);
    await app.http().get('/api/business-calendar/check?date=2031-01-01').expect(200);
  });

  it('una publicación web aparece al público solo publicada y sin datos internos', async () => {
    const oficio = await createOficio(app);
    const created = await app.strapi.documents('api::web-publication.web-publication').create({
      data: {
        title: 'Convocatoria pública',
        section: 'convocatorias',
        body: 'Bases de la convocatoria',
        oficio: oficio.documentId,
        internalNotes: 'Nota interna que nadie de fuera debe ver',
      } as never,
    });
    const list = async () =>
      (
        await app
          .http()
          .get('/api/web-publications')
          .query({ status: 'draft', populate: '*' })
          .expect(200)
      ).body.data;
    expect((await list()).map((p: { documentId: string }) => p.documentId)).not.toContain(
      created.documentId
    );

    await runInternal(() =>
      app.strapi.documents('api::web-publication.web-publication').update({
        documentId: created.documentId,
        data: { workflowStatus: 'lista' } as never,
      })
    );
    await app.strapi
      .documents('api::web-publication.web-publication')
      .publish({ documentId: created.documentId });
    const published = (await list()).find(
      (p: { documentId: string }) => p.documentId === created.documentId
    );
    expect(published).toMatchObject({ title: 'Convocatoria pública', section: 'convocatorias' });
    for (const key of [
      'workflowStatus',
      'dueAt',
      'leadTimeMet',
      'internalNotes',
      'oficio',
      'mentionsPublicServant',
    ]) {
      expect(published).not.toHaveProperty(key);
    }
  });
});
