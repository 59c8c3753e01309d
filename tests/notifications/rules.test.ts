import type { Role } from '../../src/domain/workflows';
import type { TestApp } from '../harness/app';
import { loginAsApiUser, type Session } from '../harness/auth';
import { runAs } from '../harness/runtime';
import {
  OFICIO_UID,
  actorFor,
  areaId,
  completeData,
  createOficio,
  fire,
  itemIn,
  useStaffApp,
} from '../harness/workflow-fixtures';

interface Mail {
  id: number;
  recipient: string;
  recipient_user_id: number | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: string;
}
interface Notice {
  id: number;
  user_id: number;
  title: string;
  body: string;
  link: string | null;
  subject_document_id: string | null;
}

const AREA_CONTACT = 'cultura.contacto@calimaya.gob.mx';
const REQUESTER = 'solicitante.cultura@calimaya.gob.mx';

describe('quién recibe qué: avisos escritos en la misma transacción que el cambio', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  let account: Session;
  useStaffApp((booted) => ({ app, staff } = booted));

  const mails = async (afterId = 0) =>
    (await app.strapi.db
      .connection('notification_outbox')
      .where('id', '>', afterId)
      .orderBy('id')) as Mail[];
  const notices = async (afterId = 0) =>
    (await app.strapi.db
      .connection('staff_notifications')
      .where('id', '>', afterId)
      .orderBy('id')) as Notice[];
  const lastIds = async () => ({
    mail: Number((await app.strapi.db.connection('notification_outbox').max('id as m'))[0].m ?? 0),
    notice: Number(
      (await app.strapi.db.connection('staff_notifications').max('id as m'))[0].m ?? 0
    ),
  });

  /** An item of `area` whose oficio carries the requester's e-mail. */
  const item = async (
    workflow: Parameters<typeof itemIn>[1],
    from: string,
    to: string,
    area = 'DC'
  ) => {
    const created = await itemIn(app, workflow, from, to, {
      crewId: staff.fotografo.user.id,
      area,
    });
    await app.strapi.db.query(OFICIO_UID).update({
      where: { documentId: created.oficioDocumentId },
      data: { requesterEmail: REQUESTER },
    });
    return created;
  };

  beforeAll(async () => {
    const dc = await areaId(app, 'DC');
    await app.strapi.db
      .query('api::area.area')
      .update({ where: { id: dc }, data: { contactEmail: AREA_CONTACT } });
    account = await loginAsApiUser(app, 'area-solicitante', { data: { area: dc } });
  });

  it('propuesta a revisión: el área (contacto, solicitante y sus cuentas) recibe el enlace de aprobación', async () => {
    for (const door of ['plugin', 'content-manager'] as const) {
      const before = await lastIds();
      const design = await item('design', 'en_diseno', 'en_revision');
      const res = await fire(app, door, {
        workflow: 'design',
        documentId: design.documentId,
        to: 'en_revision',
        comment: 'Primera propuesta',
        role: 'disenador_senior',
        session: door === 'plugin' ? staff.disenador_senior : staff.director,
      });
      expect(res.status).toBe(200);

      const sent = await mails(before.mail);
      expect(sent.map((m) => m.recipient.toLowerCase()).sort()).toEqual(
        [AREA_CONTACT, REQUESTER, account.user.email.toLowerCase()].sort()
      );
      for (const mail of sent) {
        expect(mail.subject).toBe('Propuesta de diseño para su revisión: Cartel del festival');
        expect(mail.status).toBe('pending');
        expect(mail.text_body).toMatch(/\/aprobacion\/\?t=[\w%.-]+/);
        expect(mail.text_body).toContain('Comentario de la Dirección: Primera propuesta');
      }
      // The link in the mail is a working approval link for this design.
      const token = decodeURIComponent(/\?t=([^\s"]+)/.exec(sent[0].text_body)![1]);
      const resolved = await app.strapi.service('api::approval-link.approval-link').resolve(token);
      expect(resolved.design.documentId).toBe(design.documentId);
      // The area is no staff: nothing in-app.
      expect(await notices(before.notice)).toEqual([]);
    }
  });

  it('observaciones del área: el diseñador enrutado recibe correo y aviso con el texto del área', async () => {
    const before = await lastIds();
    const design = await item('design', 'en_revision', 'con_observaciones');
    const res = await fire(app, 'documents', {
      workflow: 'design',
      documentId: design.documentId,
      to: 'con_observaciones',
      comment: 'Observaciones del área',
      role: 'area',
    });
    expect(res.status).toBe(200);

    const sent = await mails(before.mail);
    expect(sent.map((m) => m.recipient)).toEqual([staff.disenador_senior.user.email]);
    expect(sent[0].subject).toBe('Observaciones del área: Cartel del festival');
    expect(sent[0].text_body).toContain('Observaciones: Cambiar colores');
    expect(sent[0].text_body).toContain(
      `/admin/plugins/comunicacion/oficios/${design.oficioDocumentId}`
    );
    const inApp = await notices(before.notice);
    expect(inApp).toEqual([
      expect.objectContaining({
        user_id: staff.disenador_senior.user.id,
        title: 'Observaciones del área: Cartel del festival',
        body: 'Cambiar colores',
        link: `/plugins/comunicacion/oficios/${design.oficioDocumentId}`,
        subject_document_id: design.documentId,
      }),
    ]);
  });

  it('observaciones a un diseño de un organismo auxiliar sin responsable: el diseñador junior', async () => {
    const before = await lastIds();
    const design = await item('design', 'en_revision', 'con_observaciones', 'SMDIF');
    await fire(app, 'documents', {
      workflow: 'design',
      documentId: design.documentId,
      to: 'con_observaciones',
      comment: 'Observaciones',
      role: 'area',
    });
    expect((await mails(before.mail)).map((m) => m.recipient)).toEqual([
      staff.disenador_junior.user.email,
    ]);
  });

  it('trabajo entregado o publicado: el área recibe el aviso en español', async () => {
    const cases = [
      {
        workflow: 'social-post',
        from: 'programada',
        to: 'publicada',
        role: 'community_manager',
        subject: 'Publicación en redes sociales publicada: ',
        noun: 'que la publicación en redes sociales «',
        state: ' quedó publicada.',
      },
      {
        workflow: 'design',
        from: 'en_imprenta',
        to: 'entregado',
        role: 'disenador_senior',
        subject: 'Diseño entregado: ',
        noun: 'que el diseño «',
        state: ' quedó entregado.',
      },
      {
        workflow: 'email-account-request',
        from: 'creada',
        to: 'entregada',
        role: 'auxiliar_gobierno_digital',
        subject: 'Solicitud de cuenta de correo institucional entregada: ',
        noun: 'que la solicitud de cuenta de correo institucional «',
        state: ' quedó entregada.',
      },
    ] as const;
    for (const c of cases) {
      const before = await lastIds();
      const work = await item(c.workflow, c.from, c.to);
      const res = await fire(app, 'plugin', {
        workflow: c.workflow,
        documentId: work.documentId,
        to: c.to,
        comment: 'Listo',
        role: c.role,
        session: staff[c.role],
      });
      expect(res.status).toBe(200);
      const sent = await mails(before.mail);
      expect(sent.map((m) => m.recipient.toLowerCase()).sort()).toEqual(
        [AREA_CONTACT, REQUESTER, account.user.email.toLowerCase()].sort()
      );
      // Article, noun and participle agree with the kind of work.
      for (const mail of sent) {
        expect(mail.subject.startsWith(c.subject)).toBe(true);
        expect(mail.text_body).toContain(`Le informamos ${c.noun}`);
        expect(mail.text_body).toContain(c.state);
      }
    }
  });

  it('asignación: cada responsable nuevo recibe correo y aviso; repetir la asignación no avisa de nuevo', async () => {
    const coverage = await item('coverage-event', 'solicitada', 'programada');
    const assign = (ids: number[]) =>
      app
        .http()
        .post('/comunicacion/items/assign')
        .set(staff.coordinador_comunicacion.auth)
        .send({
          uid: 'api::coverage-event.coverage-event',
          documentId: coverage.documentId,
          assigneeIds: ids,
        })
        .expect(200);

    let before = await lastIds();
    await assign([staff.creador_contenido.user.id]);
    let sent = await mails(before.mail);
    expect(sent.map((m) => m.recipient)).toEqual([staff.creador_contenido.user.email]);
    expect(sent[0].subject).toBe('Se te asignó: Cobertura del festival');
    expect(sent[0].text_body).toContain('la cobertura de evento «Cobertura del festival»');
    expect(sent[0].text_body).not.toMatch(/\bel cobertura|\bel Cobertura/);
    expect((await notices(before.notice)).map((n) => [n.user_id, n.title])).toEqual([
      [staff.creador_contenido.user.id, 'Se te asignó: Cobertura del festival'],
    ]);

    before = await lastIds();
    await assign([staff.creador_contenido.user.id]);
    expect(await mails(before.mail)).toEqual([]);

    // A script through the Document Service is a door too.
    await runAs(actorFor('director', staff.director), () =>
      app.strapi.documents('api::coverage-event.coverage-event').update({
        documentId: coverage.documentId,
        data: {
          assignees: [staff.creador_contenido.user.id, staff.community_manager.user.id],
        } as never,
      })
    );
    sent = await mails(before.mail);
    expect(sent.map((m) => m.recipient)).toEqual([staff.community_manager.user.email]);
  });

  it('solicitud extemporánea: las coordinaciones responsables reciben correo y aviso', async () => {
    const before = await lastIds();
    const oficio = await createOficio(app, { receivedAt: new Date().toISOString() });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await app.strapi.documents('api::design.design').create({
      data: {
        ...completeData('design', staff.fotografo.user.id),
        eventDate: tomorrow,
        oficio: oficio.documentId,
      } as never,
    });
    const folio = (await app.strapi.db.query(OFICIO_UID).findOne({
      where: { documentId: oficio.documentId },
      select: ['folio', 'isLate'],
    })) as { folio: string; isLate: boolean };
    expect(folio.isLate).toBeTruthy();
    const sent = await mails(before.mail);
    expect(sent.map((m) => m.recipient)).toEqual([staff.coordinador_comunicacion.user.email]);
    expect(sent[0].subject).toBe(`Solicitud extemporánea por aceptar: oficio ${folio.folio}`);
    expect(sent[0].text_body).toContain(`/admin/plugins/comunicacion/oficios/${oficio.documentId}`);
    expect((await notices(before.notice)).map((n) => n.user_id)).toEqual([
      staff.coordinador_comunicacion.user.id,
    ]);
  });

  it('una transición rechazada no deja correos ni avisos', async () => {
    // A design without any proposal: the guard refuses the move to review.
    const design = await item('design', 'en_diseno', 'cancelado');
    const before = await lastIds();
    const refused = await fire(app, 'plugin', {
      workflow: 'design',
      documentId: design.documentId,
      to: 'en_revision',
      comment: 'Sin propuesta',
      role: 'disenador_senior',
      session: staff.disenador_senior,
    });
    expect(refused.status).toBe(400);
    const forbidden = await fire(app, 'plugin', {
      workflow: 'design',
      documentId: design.documentId,
      to: 'publicado',
      comment: 'Saltarse pasos',
      role: 'disenador_senior',
      session: staff.disenador_senior,
    });
    expect(forbidden.status).toBe(400);
    expect(await mails(before.mail)).toEqual([]);
    expect(await notices(before.notice)).toEqual([]);
  });
});
