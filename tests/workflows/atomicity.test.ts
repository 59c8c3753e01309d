import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { runAs } from '../harness/runtime';
import {
  OFICIO_UID,
  actorFor,
  completeData,
  createOficio,
  fire,
  itemIn,
  useStaffApp,
} from '../harness/workflow-fixtures';
import type { Role } from '../../src/domain/workflows';

const DESIGN = 'api::design.design';

/** Row count of every table, plus the folio counters: what "nothing changed" means. */
const snapshot = async (app: TestApp) => {
  const knex = app.strapi.db.connection;
  const tables: string[] =
    app.db.client === 'postgres'
      ? (
          await knex.raw(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
          )
        ).rows.map((r: { name: string }) => r.name)
      : (
          await knex.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
          )
        ).map((r: { name: string }) => r.name);
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) {
    const [{ count }] = await knex(table).count({ count: '*' });
    counts[table] = Number(count);
  }
  const folios = await knex('folio_counters').select('year', 'last').orderBy('year');
  return {
    counts,
    folios: folios.map((f: { year: number; last: number }) => `${f.year}:${f.last}`),
  };
};

describe('una escritura rechazada no deja nada escrito', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));
  beforeAll(async () => {
    // Warm up every year the cases touch so the calendar writes nothing during them.
    await createOficio(app, { receivedAt: '2027-01-04T16:00:00Z' });
  });

  const expectUnchanged = async (write: () => Promise<unknown>) => {
    const before = await snapshot(app);
    await write();
    expect(await snapshot(app)).toEqual(before);
  };

  it('un oficio con un servicio inválido, creado en una transacción, no consume folio ni deja filas', async () => {
    await expectUnchanged(() =>
      expect(
        app.strapi.db.transaction(async () => {
          const oficio = await app.strapi.documents(OFICIO_UID).create({
            data: {
              subject: 'Con error',
              receivedAt: '2027-01-04T16:00:00Z',
              channel: 'digital',
            } as never,
          });
          await app.strapi.documents(DESIGN).create({
            data: { title: 'Arte', oficio: oficio.documentId, workflowStatus: 'aprobado' } as never,
          });
        })
      ).rejects.toMatchObject({ details: { code: 'INVALID_TRANSITION' } })
    );
  });

  it('un servicio que nace en un estado que no es el inicial', async () => {
    const oficio = await createOficio(app);
    await expectUnchanged(async () => {
      const res = await app
        .http()
        .post('/content-manager/collection-types/api::design.design')
        .set(staff.coordinador_comunicacion.auth)
        .send({
          ...completeData('design', 0),
          oficio: oficio.documentId,
          workflowStatus: 'aprobado',
        });
      expect(res.status).toBe(400);
      expect(res.body.error.details.code).toBe('INVALID_TRANSITION');
    });
  });

  it('un servicio sin oficio, o para un oficio cerrado', async () => {
    await expectUnchanged(() =>
      expect(
        app.strapi.documents(DESIGN).create({ data: completeData('design', 0) as never })
      ).rejects.toMatchObject({ details: { code: 'MISSING_DATA', fields: ['oficio'] } })
    );
    const closed = await itemIn(app, 'oficio', 'cancelado', 'cancelado', { crewId: 0 });
    await expectUnchanged(() =>
      expect(
        app.strapi.documents(DESIGN).create({
          data: { ...completeData('design', 0), oficio: closed.documentId } as never,
        })
      ).rejects.toMatchObject({ details: { code: 'OFICIO_CLOSED' } })
    );
  });

  it('una transición cuya condición falla, por la ruta del complemento y por el administrador', async () => {
    const design = await itemIn(app, 'design', 'en_diseno', 'aprobado', { crewId: 0 });
    await expectUnchanged(async () => {
      const viaPlugin = await fire(app, 'plugin', {
        workflow: 'design',
        documentId: design.documentId,
        to: 'en_revision',
        role: 'disenador_senior',
        session: staff.disenador_senior,
        comment: 'Sin propuesta',
      });
      expect(viaPlugin.body.error?.details.code).toBe('MISSING_DATA');
      const viaAdmin = await fire(app, 'content-manager', {
        workflow: 'design',
        documentId: design.documentId,
        to: 'en_revision',
        role: 'disenador_senior',
        session: staff.disenador_senior,
        comment: 'Sin propuesta',
      });
      expect(viaAdmin.body.error?.details.code).toBe('MISSING_DATA');
    });
  });

  it('los cambios que acompañan una transición rechazada tampoco se guardan', async () => {
    const design = await itemIn(app, 'design', 'pendiente', 'en_diseno', { crewId: 0 });
    await expectUnchanged(async () => {
      const res = await app
        .http()
        .put(`/content-manager/collection-types/api::design.design/${design.documentId}`)
        .set(staff.disenador_senior.auth)
        .send({ place: null, workflowStatus: 'en_diseno' });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toMatchObject({ code: 'MISSING_DATA', fields: ['place'] });
    });
    const row = (await app.strapi.db
      .query(DESIGN)
      .findOne({ where: { documentId: design.documentId } })) as { place: string };
    expect(row.place).toBe('Explanada municipal');
  });

  it('borrar un oficio o un servicio en curso', async () => {
    const oficio = await createOficio(app);
    const design = await itemIn(app, 'design', 'en_diseno', 'en_revision', { crewId: 0 });
    await expectUnchanged(async () => {
      await expect(
        app.strapi.documents(OFICIO_UID).delete({ documentId: oficio.documentId })
      ).rejects.toMatchObject({
        details: { code: 'DELETE_NOT_ALLOWED' },
      });
      await expect(
        runAs(actorFor('coordinador_comunicacion'), () =>
          app.strapi.documents(DESIGN).delete({ documentId: design.documentId })
        )
      ).rejects.toMatchObject({ details: { code: 'DELETE_NOT_ALLOWED' } });
    });
  });
});
