import type { UID } from '@strapi/strapi';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import {
  OFICIO_UID,
  actorFor,
  createFile,
  createOficio,
  fire,
  logsOf,
  stateOf,
  useStaffApp,
} from '../harness/workflow-fixtures';
import { runAs, runInternal } from '../harness/runtime';
import type { Role } from '../../src/domain/workflows';

const DESIGN = 'api::design.design';
const WEB = 'api::web-publication.web-publication';
const cm = (uid: string, documentId = '') =>
  `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

const row = async (app: TestApp, uid: string, documentId: string) =>
  (await app.strapi.db.query(uid as UID.ContentType).findOne({
    where: { documentId, ...(uid === WEB ? { publishedAt: null } : {}) },
  })) as Record<string, unknown>;

const designData = (eventDate: string) => ({
  title: 'Arte para redes',
  medium: 'digital',
  eventName: 'Feria del Elote',
  eventDate,
  eventTime: '10:00',
  place: 'Jardín principal',
  specification: 'Post 1080×1080',
  responsiblePerson: 'Mtra. Responsable',
  // The first institutional logo seeded on bootstrap.
  logos: [{ logo: 1 }],
});

describe('plazos al recibir y solicitudes extemporáneas', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  it('el ejemplo de la especificación: viernes 13/11/2026 10:00, evento el 18 → extemporáneo; lo más pronto era el 19', async () => {
    const oficio = await createOficio(app, { receivedAt: '2026-11-13T16:00:00Z' });
    const late = await app.strapi.documents(DESIGN).create({
      data: { ...designData('2026-11-18'), oficio: oficio.documentId } as never,
    });
    const onTime = await app.strapi.documents(DESIGN).create({
      data: { ...designData('2026-11-19'), oficio: oficio.documentId } as never,
    });

    expect(await row(app, DESIGN, late.documentId)).toMatchObject({
      leadTimeMet: false,
      earliestAllowedDate: '2026-11-19',
      workflowStatus: 'pendiente',
    });
    expect(await row(app, DESIGN, onTime.documentId)).toMatchObject({
      leadTimeMet: true,
      earliestAllowedDate: '2026-11-19',
    });
    const flagged = await row(app, OFICIO_UID, oficio.documentId);
    expect(flagged).toMatchObject({ isLate: true, receptionDay: '2026-11-13' });
    expect(String(flagged.lateReasons)).toContain('2026-11-19');
  });

  it('un trabajo extemporáneo no empieza hasta que la coordinación lo acepta con una justificación', async () => {
    const oficio = await createOficio(app, { receivedAt: '2026-11-13T16:00:00Z' });
    const design = await app.strapi.documents(DESIGN).create({
      data: { ...designData('2026-11-18'), oficio: oficio.documentId } as never,
    });
    const start = () =>
      fire(app, 'plugin', {
        workflow: 'design',
        documentId: design.documentId,
        to: 'en_diseno',
        role: 'disenador_senior',
        session: staff.disenador_senior,
        comment: 'Inicio',
      });

    const blocked = await start();
    expect(blocked.status).toBe(400);
    expect(blocked.body.error?.details.code).toBe('LATE_NOT_ACCEPTED');
    expect(await stateOf(app, 'design', design.documentId)).toBe('pendiente');

    // A designer cannot accept it, whatever the door.
    await expect(
      runAs(actorFor('disenador_senior'), () =>
        app.strapi.documents(OFICIO_UID).update({
          documentId: oficio.documentId,
          data: { lateJustification: 'Lo acepto yo aunque no me corresponde.' } as never,
        })
      )
    ).rejects.toMatchObject({ details: { code: 'TRANSITION_FORBIDDEN' } });
    expect((await row(app, OFICIO_UID, oficio.documentId)).lateAcceptedAt).toBeNull();

    const tooShort = await app
      .http()
      .put(cm(OFICIO_UID, oficio.documentId))
      .set(staff.coordinador_comunicacion.auth)
      .send({ lateJustification: 'Urge' })
      .expect(400);
    expect(tooShort.body.error.details).toMatchObject({
      code: 'COMMENT_REQUIRED',
      fields: ['lateJustification'],
    });

    await app
      .http()
      .put(cm(OFICIO_UID, oficio.documentId))
      .set(staff.coordinador_comunicacion.auth)
      .send({
        lateJustification: 'Evento prioritario de Presidencia; se atiende con recursos propios.',
      })
      .expect(200);
    const accepted = await row(app, OFICIO_UID, oficio.documentId);
    expect(accepted.lateAcceptedAt).toBeTruthy();
    expect(accepted.lateAcceptedBy).toBe('Persona De Prueba');

    const started = await start();
    expect(started.status).toBe(200);
    expect(await stateOf(app, 'design', design.documentId)).toBe('en_diseno');
    // Work started: the oficio moves to en_atencion, logged as the system's act.
    expect(await stateOf(app, 'oficio', oficio.documentId)).toBe('en_atencion');
    const oficioLogs = await logsOf(app, oficio.documentId);
    expect(oficioLogs[oficioLogs.length - 1]).toMatchObject({
      fromStatus: 'recibido',
      toStatus: 'en_atencion',
      actorKind: 'system',
    });

    // The acceptance is history: it cannot be rewritten.
    const rewrite = await app
      .http()
      .put(cm(OFICIO_UID, oficio.documentId))
      .set(staff.coordinador_comunicacion.auth)
      .send({ lateJustification: 'Otra justificación distinta y más larga.' })
      .expect(400);
    expect(rewrite.body.error.details.code).toBe('READONLY_FIELD');
  });

  it('los campos que calcula el sistema no se editan por ninguna puerta', async () => {
    const oficio = await createOficio(app, { receivedAt: '2026-11-13T16:00:00Z' });
    const design = await app.strapi.documents(DESIGN).create({
      data: { ...designData('2026-11-18'), oficio: oficio.documentId } as never,
    });
    const res = await app
      .http()
      .put(cm(DESIGN, design.documentId))
      .set(staff.disenador_senior.auth)
      .send({ leadTimeMet: true, dueAt: '2030-01-01' })
      .expect(400);
    expect(res.body.error.details).toMatchObject({ code: 'READONLY_FIELD' });
    expect(res.body.error.details.fields).toEqual(expect.arrayContaining(['leadTimeMet', 'dueAt']));
    expect(await row(app, DESIGN, design.documentId)).toMatchObject({ leadTimeMet: false });
  });

  it('el diseño de un organismo auxiliar lo atiende el diseñador junior', async () => {
    const oficio = await createOficio(app, { area: 'SMDIF', receivedAt: '2027-01-04T16:00:00Z' });
    const design = await app.strapi.documents(DESIGN).create({
      data: { ...designData('2027-03-19'), oficio: oficio.documentId } as never,
    });
    const senior = await fire(app, 'plugin', {
      workflow: 'design',
      documentId: design.documentId,
      to: 'en_diseno',
      role: 'disenador_senior',
      session: staff.disenador_senior,
      comment: 'x',
    });
    expect(senior.status).toBe(403);
    expect(senior.body.error?.details.code).toBe('TRANSITION_FORBIDDEN');
    const junior = await fire(app, 'plugin', {
      workflow: 'design',
      documentId: design.documentId,
      to: 'en_diseno',
      role: 'disenador_junior',
      session: staff.disenador_junior,
      comment: 'x',
    });
    expect(junior.status).toBe(200);
  });

  it('la impresión vence 5 días hábiles después de la aprobación y la revisión pausa el reloj', async () => {
    const oficio = await createOficio(app, { receivedAt: '2027-01-04T16:00:00Z' });
    // Print material is requested to the Presidencia with a copy to the Dirección (manual 1.1).
    await app.strapi.documents(OFICIO_UID).update({
      documentId: oficio.documentId,
      data: { addressedTo: 'presidencia', copiedTo: ['direccion'] } as never,
    });
    const design = await app.strapi.documents(DESIGN).create({
      data: { ...designData('2027-03-19'), medium: 'impreso', oficio: oficio.documentId } as never,
    });
    const file = await createFile(app);
    const as = (role: Role, to: string) =>
      fire(app, 'plugin', {
        workflow: 'design',
        documentId: design.documentId,
        to,
        role,
        session: staff[role],
        comment: 'Avance',
      });

    expect((await as('disenador_senior', 'en_diseno')).status).toBe(200);
    await app.strapi.documents(DESIGN).update({
      documentId: design.documentId,
      data: { proposals: [{ version: 1, file: file.id }] } as never,
    });
    expect((await as('disenador_senior', 'en_revision')).status).toBe(200);
    const inReview = await row(app, DESIGN, design.documentId);
    expect(inReview.revisionRounds).toBe(1);
    expect(inReview.pauses).toEqual([{ from: expect.any(String), to: null }]);

    const notYet = await as('coordinador_comunicacion', 'aprobado');
    expect(notYet.body.error?.details.code).toBe('NOT_APPROVED');

    const withProposal = (await app.strapi.db.query(DESIGN).findOne({
      where: { documentId: design.documentId },
      populate: { proposals: { populate: { file: true } } },
    })) as { proposals: { id: number; version: number; sentAt: string }[] };
    // The area's decision, written as the area (only its doors may).
    await runAs(actorFor('area'), () =>
      app.strapi.documents(DESIGN).update({
        documentId: design.documentId,
        data: {
          proposals: withProposal.proposals.map((p) => ({
            id: p.id,
            version: p.version,
            sentAt: p.sentAt,
            file: file.id,
            decision: 'aprobada',
          })),
        } as never,
      })
    );
    expect((await as('coordinador_comunicacion', 'aprobado')).status).toBe(200);

    const approved = await row(app, DESIGN, design.documentId);
    const calendar = await app.strapi
      .service('api::business-calendar.business-calendar')
      .getCalendar();
    const approvalDay = calendar.receptionDay(new Date(String(approved.approvedAt)));
    expect(approved.dueAt).toBe(calendar.addBusinessDays(approvalDay, 5));
    expect((approved.pauses as { to: string | null }[])[0].to).toEqual(expect.any(String));

    const printing = await as('disenador_senior', 'en_imprenta');
    expect(printing.status).toBe(200);
  });
});

describe('los cambios al calendario mueven las fechas de vencimiento abiertas', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  it('un día inhábil nuevo recorre el vencimiento y al borrarlo vuelve', async () => {
    // Monday 1 March 2027, 10:00: 3 business days → Thursday 4 March.
    const oficio = await createOficio(app, { receivedAt: '2027-03-01T16:00:00Z' });
    const web = await app.strapi.documents(WEB).create({
      data: {
        title: 'Aviso',
        section: 'avisos',
        body: 'Texto',
        oficio: oficio.documentId,
      } as never,
    });
    expect((await row(app, WEB, web.documentId)).dueAt).toBe('2027-03-04');

    const holiday = await app
      .http()
      .post(cm('api::holiday.holiday'))
      .set(staff.director.auth)
      .send({ date: '2027-03-03', name: 'Día municipal de prueba', source: 'municipal' })
      .expect(201);
    expect((await row(app, WEB, web.documentId)).dueAt).toBe('2027-03-05');

    await app
      .http()
      .delete(cm('api::holiday.holiday', holiday.body.data.documentId))
      .set(staff.director.auth)
      .expect(200);
    expect((await row(app, WEB, web.documentId)).dueAt).toBe('2027-03-04');
  });

  it('una entrega cerrada no se mueve', async () => {
    const oficio = await createOficio(app, { receivedAt: '2027-03-01T16:00:00Z' });
    const web = await app.strapi.documents(WEB).create({
      data: {
        title: 'Aviso cerrado',
        section: 'avisos',
        body: 'Texto',
        oficio: oficio.documentId,
      } as never,
    });
    await runInternal(() =>
      app.strapi.documents(WEB).update({
        documentId: web.documentId,
        data: { workflowStatus: 'retirada' } as never,
      })
    );
    await app
      .http()
      .post(cm('api::holiday.holiday'))
      .set(staff.director.auth)
      .send({ date: '2027-03-02', name: 'Otro día', source: 'municipal' })
      .expect(201);
    expect((await row(app, WEB, web.documentId)).dueAt).toBe('2027-03-04');
  });
});
