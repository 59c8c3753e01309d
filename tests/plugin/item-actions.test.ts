import type { Role } from '../../src/domain/workflows';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import {
  completeData,
  createFile,
  createOficio,
  fire,
  itemIn,
  stateOf,
  useStaffApp,
} from '../harness/workflow-fixtures';
import type { AvailableTransitionDto } from '../../src/plugins/comunicacion/shared/contracts/items';

const DESIGN = 'api::design.design';
const COVERAGE = 'api::coverage-event.coverage-event';

const rename = async (app: TestApp, session: Session, firstname: string, lastname: string) =>
  app.strapi.db
    .query('admin::user')
    .update({ where: { id: session.user.id }, data: { firstname, lastname } });

const byTarget = (transitions: AvailableTransitionDto[], to: string) =>
  transitions.find((transition) => transition.to === to);

describe('acciones sobre un servicio: transiciones disponibles, asignación y propuestas', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  const transitionsOf = (session: Session, uid: string, documentId: string) =>
    app.http().get('/comunicacion/items/transitions').query({ uid, documentId }).set(session.auth);

  describe('GET /comunicacion/items/transitions', () => {
    it('ofrece al diseñador lo que puede hacer ahora, con etiquetas en español', async () => {
      const design = await itemIn(app, 'design', 'pendiente', 'en_diseno', {
        crewId: staff.fotografo.user.id,
      });

      const res = await transitionsOf(staff.disenador_senior, DESIGN, design.documentId).expect(
        200
      );

      expect(res.body.data).toMatchObject({ status: 'pendiente', statusLabel: 'Pendiente' });
      expect(byTarget(res.body.data.transitions, 'en_diseno')).toEqual({
        from: 'pendiente',
        to: 'en_diseno',
        toLabel: 'En diseño',
        label: 'Iniciar diseño',
        allowed: true,
        reason: null,
        comment: null,
      });
      // Cancelling is the coordinator's: the designer is not offered it.
      expect(byTarget(res.body.data.transitions, 'cancelado')).toBeUndefined();

      const coordinator = await transitionsOf(
        staff.coordinador_comunicacion,
        DESIGN,
        design.documentId
      ).expect(200);
      expect(byTarget(coordinator.body.data.transitions, 'cancelado')).toMatchObject({
        allowed: true,
        comment: { required: true, prompt: 'Indica el motivo de la cancelación.' },
      });

      const photographer = await transitionsOf(staff.fotografo, DESIGN, design.documentId).expect(
        200
      );
      expect(photographer.body.data.transitions).toEqual([]);
    });

    it('dice por qué una transición no pasaría todavía (falta la propuesta)', async () => {
      const design = await itemIn(app, 'design', 'pendiente', 'en_diseno', {
        crewId: staff.fotografo.user.id,
      });
      await fire(app, 'plugin', {
        workflow: 'design',
        documentId: design.documentId,
        to: 'en_diseno',
        comment: 'Empiezo',
        role: 'disenador_senior',
        session: staff.disenador_senior,
      });

      const res = await transitionsOf(staff.disenador_senior, DESIGN, design.documentId).expect(
        200
      );

      expect(res.body.data.status).toBe('en_diseno');
      const send = byTarget(res.body.data.transitions, 'en_revision');
      expect(send).toMatchObject({ label: 'Enviar propuesta a revisión', allowed: false });
      expect(send?.reason?.code).toBe('MISSING_DATA');
      expect(send?.reason?.message).toMatch(/Sube la versión de la propuesta/);
    });

    it('404 para un registro que no existe; 400 para un tipo sin flujo', async () => {
      const missing = await transitionsOf(staff.director, DESIGN, 'no-existe').expect(404);
      expect(missing.body.error.message).toBe('No existe ese registro.');
      const bad = await transitionsOf(staff.director, 'api::area.area', 'x').expect(400);
      expect(bad.body.error.details.code).toBe('INVALID_REQUEST');
    });
  });

  describe('POST /comunicacion/items/assign', () => {
    it('la coordinación reemplaza a los responsables de un servicio', async () => {
      await rename(app, staff.fotografo, 'Fabiola', 'Fotógrafa');
      await rename(app, staff.creador_contenido, 'Carlos', 'Creador');
      const coverage = await itemIn(app, 'coverage-event', 'solicitada', 'programada', {
        crewId: staff.fotografo.user.id,
      });
      const assign = (assigneeIds: number[]) =>
        app
          .http()
          .post('/comunicacion/items/assign')
          .set(staff.coordinador_comunicacion.auth)
          .send({ uid: COVERAGE, documentId: coverage.documentId, assigneeIds });

      const first = await assign([staff.fotografo.user.id, staff.creador_contenido.user.id]).expect(
        200
      );
      expect(first.body.data).toMatchObject({ uid: COVERAGE, documentId: coverage.documentId });
      expect(first.body.data.assignees.map((p: { name: string }) => p.name).sort()).toEqual([
        'Carlos Creador',
        'Fabiola Fotógrafa',
      ]);

      const second = await assign([staff.creador_contenido.user.id]).expect(200);
      expect(second.body.data.assignees).toEqual([
        { id: staff.creador_contenido.user.id, name: 'Carlos Creador' },
      ]);
      const stored = (await app.strapi.db.query(COVERAGE).findOne({
        where: { documentId: coverage.documentId },
        populate: { assignees: { select: ['id'] } },
      })) as { assignees: { id: number }[] };
      expect(stored.assignees.map((p) => p.id)).toEqual([staff.creador_contenido.user.id]);
    });

    it('rechaza ids que no son personas del personal, en español, sin cambiar nada', async () => {
      const design = await itemIn(app, 'design', 'pendiente', 'en_diseno', {
        crewId: staff.fotografo.user.id,
      });
      const res = await app
        .http()
        .post('/comunicacion/items/assign')
        .set(staff.coordinador_comunicacion.auth)
        .send({ uid: DESIGN, documentId: design.documentId, assigneeIds: [999999] })
        .expect(400);
      expect(res.body.error.details).toMatchObject({ code: 'INVALID_DATA', unknown: [999999] });
      expect(res.body.error.message).toBe(
        'No hay ninguna persona activa del personal con el id 999999.'
      );
      const stored = (await app.strapi.db.query(DESIGN).findOne({
        where: { documentId: design.documentId },
        populate: { assignees: true },
      })) as { assignees: unknown[] };
      expect(stored.assignees).toEqual([]);
    });

    it('sin el permiso de asignar responde 403; un servicio inexistente, 404', async () => {
      const design = await itemIn(app, 'design', 'pendiente', 'en_diseno', {
        crewId: staff.fotografo.user.id,
      });
      await app
        .http()
        .post('/comunicacion/items/assign')
        .set(staff.fotografo.auth)
        .send({
          uid: DESIGN,
          documentId: design.documentId,
          assigneeIds: [staff.fotografo.user.id],
        })
        .expect(403);
      await app
        .http()
        .post('/comunicacion/items/assign')
        .set(staff.director.auth)
        .send({ uid: DESIGN, documentId: 'no-existe', assigneeIds: [] })
        .expect(404);
    });
  });

  describe('POST /comunicacion/designs/:documentId/proposals', () => {
    const addProposal = (session: Session, documentId: string, fileId: number) =>
      app
        .http()
        .post(`/comunicacion/designs/${documentId}/proposals`)
        .set(session.auth)
        .send({ fileId });

    it('el diseñador sube la versión 1 y después la envía a revisión por la ruta de transiciones', async () => {
      // Given a design the senior designer has started
      const oficio = await createOficio(app);
      const design = await app.strapi.documents(DESIGN).create({
        data: { ...completeData('design', 0), oficio: oficio.documentId } as never,
      });
      const start = await fire(app, 'plugin', {
        workflow: 'design',
        documentId: design.documentId,
        to: 'en_diseno',
        comment: 'Inicio',
        role: 'disenador_senior',
        session: staff.disenador_senior,
      });
      expect(start.status).toBe(200);

      // When the designer uploads the first version
      const file = await createFile(app, 'cartel-v1.pdf');
      const res = await addProposal(staff.disenador_senior, design.documentId, file.id).expect(200);

      // Then it is version 1, with its file, not sent yet
      expect(res.body.data).toEqual({
        documentId: design.documentId,
        proposals: [
          {
            version: 1,
            file: { id: file.id, name: 'cartel-v1.pdf', url: '/uploads/cartel-v1.pdf' },
            sentAt: null,
            decision: null,
            feedback: null,
          },
        ],
      });

      // And sending it to review now passes the guards
      const send = await app
        .http()
        .post('/comunicacion/transitions')
        .set(staff.disenador_senior.auth)
        .send({
          uid: DESIGN,
          documentId: design.documentId,
          to: 'en_revision',
          comment: 'Primera propuesta',
        })
        .expect(200);
      expect(send.body.data.log).toMatchObject({
        fromStatus: 'en_diseno',
        toStatus: 'en_revision',
        comment: 'Primera propuesta',
      });
      const stored = (await app.strapi.db.query(DESIGN).findOne({
        where: { documentId: design.documentId },
        populate: { proposals: true },
      })) as { revisionRounds: number; proposals: { version: number; sentAt: string | null }[] };
      expect(stored.revisionRounds).toBe(1);
      expect(stored.proposals[0].sentAt).toBeTruthy();

      // Under review the design takes no new version
      const late = await addProposal(
        staff.disenador_senior,
        design.documentId,
        (await createFile(app, 'cartel-v2.pdf')).id
      ).expect(400);
      expect(late.body.error.details.code).toBe('INVALID_TRANSITION');
      expect(late.body.error.message).toMatch(/«En revisión»/);
    });

    it('tras las observaciones del área la siguiente versión es la 2 y conserva la 1', async () => {
      const design = await itemIn(app, 'design', 'con_observaciones', 'en_diseno', {
        crewId: staff.fotografo.user.id,
      });
      // The area observed version 1.
      const first = await createFile(app, 'cartel-v1.pdf');
      await runInternal(() =>
        app.strapi.documents(DESIGN).update({
          documentId: design.documentId,
          data: {
            proposals: [
              {
                version: 1,
                file: first.id,
                sentAt: '2027-01-06T17:00:00.000Z',
                decision: 'observaciones',
                feedback: 'Cambiar colores',
              },
            ],
          } as never,
        })
      );
      await fire(app, 'plugin', {
        workflow: 'design',
        documentId: design.documentId,
        to: 'en_diseno',
        comment: 'Atiendo observaciones',
        role: 'disenador_senior',
        session: staff.disenador_senior,
      });
      const file = await createFile(app, 'cartel-v2.pdf');

      const res = await addProposal(staff.disenador_senior, design.documentId, file.id).expect(200);

      expect(res.body.data.proposals).toHaveLength(2);
      expect(res.body.data.proposals[0]).toMatchObject({
        version: 1,
        decision: 'observaciones',
        feedback: 'Cambiar colores',
      });
      expect(res.body.data.proposals[0].sentAt).toBeTruthy();
      expect(res.body.data.proposals[1]).toMatchObject({
        version: 2,
        file: { id: file.id },
        sentAt: null,
      });
      const send = await fire(app, 'plugin', {
        workflow: 'design',
        documentId: design.documentId,
        to: 'en_revision',
        comment: 'Segunda versión',
        role: 'disenador_senior',
        session: staff.disenador_senior,
      });
      expect(send.status).toBe(200);
      expect(await stateOf(app, 'design', design.documentId)).toBe('en_revision');
    });

    it('un archivo inexistente es MISSING_DATA; quien no diseña recibe 403', async () => {
      const design = await itemIn(app, 'design', 'en_diseno', 'en_revision', {
        crewId: staff.fotografo.user.id,
      });
      await runInternal(() =>
        app.strapi
          .documents(DESIGN)
          .update({ documentId: design.documentId, data: { proposals: [] } as never })
      );
      const missing = await addProposal(staff.disenador_senior, design.documentId, 999999).expect(
        400
      );
      expect(missing.body.error.details.code).toBe('MISSING_DATA');
      expect(missing.body.error.message).toMatch(/archivo de la propuesta/);

      const file = await createFile(app);
      await addProposal(staff.fotografo, design.documentId, file.id).expect(403);
      await addProposal(staff.coordinador_comunicacion, design.documentId, file.id).expect(200);
      await addProposal(staff.disenador_senior, 'no-existe', file.id).expect(404);
    });
  });
});
