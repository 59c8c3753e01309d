/*
 * The door × rule matrix, generated from the invariants' own examples (src/domain/workflows/
 * invariants.ts): every attempted violation is refused with its code through every door that can
 * carry it (the Document Service as a script would, the content manager's update, clone, publish
 * and bulk publish, the plugin's transition route) and leaves every table exactly as it was; every
 * allowed correction passes and writes exactly one audit record. A new rule with its examples is
 * covered without a new test. Afterwards no record stands in a non-initial state without a
 * transition-log record leading to it.
 */
import crypto from 'node:crypto';
import type { UID } from '@strapi/strapi';
import {
  INVARIANTS,
  type ExampleRefs,
  type InvariantExample,
} from '../../src/domain/workflows/invariants';
import {
  STATUS_FIELD,
  WORKFLOWS,
  WORKFLOW_UIDS,
  isDraftAndPublish,
  type Role,
  type WorkflowKey,
} from '../../src/domain/workflows';
import { ACCESS } from '../../src/bootstrap/admin-roles';
import { toDomainItem, type Row } from '../../src/api/workflow/services/workflow';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { runAs, runInternal } from '../harness/runtime';
import {
  LOG_UID,
  OFICIO_UID,
  actorFor,
  areaId,
  completeData,
  createFile,
  useStaffApp,
} from '../harness/workflow-fixtures';

const AUDIT_UID = 'api::audit-record.audit-record';
type Door = 'documents' | 'content-manager' | 'content-manager-bulk' | 'plugin';

/** Tables that a refused request may touch without it being part of the record. */
// Sessions and users' last activity, the schema's own record and the panel's stored view settings.
const VOLATILE = new Set([
  'strapi_sessions',
  'admin_users',
  'strapi_database_schema',
  'strapi_core_store_settings',
]);

describe('cada regla vale por cada puerta (matriz generada de las reglas)', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  let refs: ExampleRefs;
  useStaffApp((booted) => ({ app, staff } = booted));

  beforeAll(async () => {
    refs = {
      file: (await createFile(app)).id,
      otherOficio: (await createOficio()).documentId,
      people: [Number(staff.fotografo.user.id), Number(staff.creador_contenido.user.id)],
      inactiveLogo: (
        await app.strapi.documents('api::logo.logo').create({
          data: { name: 'Logotipo de la administración anterior', active: false } as never,
        })
      ).documentId,
    };
    await app
      .http()
      .put('/content-manager/single-types/api::setting.setting')
      .set(staff.director.auth)
      .send({ blackoutPeriods: [{ start: '2027-04-01', end: '2027-06-06', note: 'Veda 2027' }] })
      .expect(200);
  });

  function createOficio(receivedAt = '2027-01-04T16:00:00Z') {
    return areaId(app, 'DC').then((area) =>
      app.strapi.documents(OFICIO_UID).create({
        data: { subject: 'Solicitud', receivedAt, channel: 'digital', area } as never,
      })
    );
  }

  const workflowService = () =>
    app.strapi.service('api::workflow.workflow') as unknown as {
      load(workflow: WorkflowKey, documentId: string): Promise<Row>;
      log(entry: Record<string, unknown>): Promise<unknown>;
    };

  /** Test set-up: the record is put in `state` directly, with the log record that leads there. */
  const standIn = async (workflow: WorkflowKey, documentId: string, state: string, data = {}) => {
    const uid = WORKFLOW_UIDS[workflow] as UID.ContentType;
    await runInternal(() =>
      app.strapi
        .documents(uid)
        .update({ documentId, data: { ...data, [STATUS_FIELD]: state } as never })
    );
    if (state === WORKFLOWS[workflow].initial) return;
    const row = await workflowService().load(workflow, documentId);
    await runInternal(() =>
      workflowService().log({
        workflow,
        row,
        from: WORKFLOWS[workflow].initial,
        to: state,
        actor: { kind: 'system', roles: ['system'], name: 'Preparación de la prueba' },
        comment: 'Preparación de la prueba',
      })
    );
  };

  const arrange = async (example: InvariantExample) => {
    const late = example.given?.includes('late-oficio');
    const oficio = await createOficio(late ? '2026-11-13T16:00:00Z' : undefined);
    let documentId = oficio.documentId;
    if (late) {
      await app.strapi.documents(WORKFLOW_UIDS.design as UID.ContentType).create({
        data: {
          ...completeData('design', refs.people[0]),
          eventDate: '2026-11-18',
          oficio: oficio.documentId,
        } as never,
      });
    }
    if (example.workflow !== 'oficio') {
      const created = await app.strapi
        .documents(WORKFLOW_UIDS[example.workflow] as UID.ContentType)
        .create({
          data: {
            ...completeData(example.workflow, refs.people[0]),
            ...(example.workflow === 'advisory' ? { organism: await areaId(app, 'SMDIF') } : {}),
            oficio: oficio.documentId,
          } as never,
        });
      documentId = created.documentId;
    }
    const extra: Record<string, unknown> = { ...(example.with?.(refs) ?? {}) };
    if (example.workflow === 'web-publication' || example.workflow === 'transparency-document') {
      Object.assign(extra, {
        personalDataChecked: true,
        spellingChecked: true,
        plainLanguageChecked: true,
      });
      if (example.workflow === 'transparency-document') {
        delete extra.spellingChecked;
        delete extra.plainLanguageChecked;
      }
    }
    await standIn(example.workflow, documentId, example.state, extra);
    if (example.given?.includes('earlier-coverage-same-slot')) {
      const mine = await workflowService().load('coverage-event', documentId);
      const earlierOficio = await createOficio('2027-01-02T16:00:00Z');
      const other = await app.strapi.documents('api::coverage-event.coverage-event').create({
        data: {
          ...completeData('coverage-event', refs.people[1]),
          startsAt: mine.startsAt,
          endsAt: mine.endsAt,
          oficio: earlierOficio.documentId,
        } as never,
      });
      await standIn('coverage-event', other.documentId, 'programada', { crew: [refs.people[1]] });
    }
    if (example.oficioState) await standIn('oficio', oficio.documentId, example.oficioState);
    return documentId;
  };

  /** Every table's content, so a refusal can be shown to have written nothing at all. */
  const snapshot = async () => {
    const knex = app.strapi.db.connection;
    const tables =
      app.db.client === 'postgres'
        ? ((
            await knex.raw(
              'select tablename as name from pg_tables where schemaname = current_schema()'
            )
          ).rows as { name: string }[])
        : ((await knex.raw("select name from sqlite_master where type = 'table'")) as {
            name: string;
          }[]);
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      if (VOLATILE.has(name) || name.startsWith('sqlite_')) continue;
      const rows = await knex(name).select('*').orderByRaw('1');
      result[name] = crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    }
    return result;
  };

  const doorsOf = (example: InvariantExample): Door[] => {
    const uid = WORKFLOW_UIDS[example.workflow];
    const access = ACCESS[example.as as keyof typeof ACCESS];
    const action = example.action ?? 'update';
    const doors: Door[] = ['documents'];
    if (action === 'clone' && access?.create?.includes(uid)) doors.push('content-manager');
    if (action === 'publish' && access?.publish?.includes(uid)) {
      doors.push('content-manager', 'content-manager-bulk');
    }
    if (action === 'update' && access?.update?.includes(uid)) doors.push('content-manager');
    const data = example.set?.({}, refs) ?? {};
    if (action === 'update' && Object.keys(data).length === 1 && STATUS_FIELD in data) {
      doors.push('plugin');
    }
    return doors;
  };

  const attempt = async (example: InvariantExample, door: Door, documentId: string) => {
    const workflow = example.workflow;
    const uid = WORKFLOW_UIDS[workflow];
    const current = await workflowService().load(workflow, documentId);
    const data = example.set?.(toDomainItem(workflow, current), refs) ?? {};
    const session = staff[example.as];
    const cm = `/content-manager/collection-types/${uid}`;
    const action = example.action ?? 'update';
    if (door === 'documents') {
      try {
        await runAs(
          actorFor(example.as, session),
          () => {
            const service = app.strapi.documents(uid as UID.ContentType) as unknown as Record<
              'clone' | 'publish' | 'update',
              (params: Record<string, unknown>) => Promise<unknown>
            >;
            if (action === 'clone') return service.clone({ documentId, data: {} });
            if (action === 'publish') return service.publish({ documentId });
            return service.update({ documentId, data });
          },
          example.comment ?? null
        );
        return { status: 200, code: null };
      } catch (error) {
        const e = error as { name?: string; details?: { code?: string } };
        return { status: e.name === 'PolicyError' ? 403 : 400, code: e.details?.code ?? e.name };
      }
    }
    let res;
    if (door === 'plugin') {
      res = await app
        .http()
        .post('/comunicacion/transitions')
        .set(session.auth)
        .send({ uid, documentId, to: data[STATUS_FIELD], comment: example.comment ?? '' });
    } else if (door === 'content-manager-bulk') {
      res = await app
        .http()
        .post(`${cm}/actions/bulkPublish`)
        .set(session.auth)
        .send({ documentIds: [documentId] });
    } else if (action === 'clone') {
      res = await app.http().post(`${cm}/clone/${documentId}`).set(session.auth).send({});
    } else if (action === 'publish') {
      res = await app.http().post(`${cm}/${documentId}/actions/publish`).set(session.auth).send({});
    } else {
      res = await app
        .http()
        .put(`${cm}/${documentId}`)
        .set(session.auth)
        .send({ ...data, transitionComment: example.comment ?? null });
    }
    return { status: res.status, code: res.body?.error?.details?.code ?? null };
  };

  const auditCount = async (documentId: string) =>
    app.strapi.db
      .query(AUDIT_UID as UID.ContentType)
      .count({ where: { subjectDocumentId: documentId } });

  const cases = INVARIANTS.flatMap((rule) => rule.examples.map((example) => ({ rule, example })));

  it('cada regla trae al menos un ejemplo de lo que rechaza', () => {
    for (const rule of INVARIANTS) {
      expect(rule.examples.filter((e) => e.expect !== 'allowed').length).toBeGreaterThan(0);
    }
  });

  describe.each(cases.map(({ rule, example }) => [rule.key, example.title, example] as const))(
    '%s: %s',
    (_key, _title, example) => {
      const doors = () => doorsOf(example);
      it(`${example.expect === 'allowed' ? 'se acepta con un registro de auditoría' : `se rechaza con ${example.expect}`} por cada puerta`, async () => {
        for (const door of doors()) {
          const documentId = await arrange(example);
          const before = await snapshot();
          const audits = await auditCount(documentId);
          const result = await attempt(example, door, documentId);
          if (example.expect === 'allowed') {
            expect({ door, ...result }).toMatchObject({ door, status: 200 });
            expect({ door, audits: await auditCount(documentId) }).toEqual({
              door,
              audits: audits + 1,
            });
          } else {
            expect({ door, ...result }).toEqual({
              door,
              status: expect.any(Number),
              code: example.expect,
            });
            expect(result.status === 400 || result.status === 403).toBe(true);
            const after = await snapshot();
            const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
            expect({ door, changed }).toEqual({ door, changed: [] });
          }
        }
      });
    }
  );

  it('ningún registro está en un estado que no sea el inicial sin un registro de bitácora que lleve a él', async () => {
    const orphans: string[] = [];
    for (const workflow of Object.keys(WORKFLOW_UIDS) as WorkflowKey[]) {
      const where: Record<string, unknown> = {};
      if (isDraftAndPublish(workflow)) where.publishedAt = null;
      const rows = (await app.strapi.db
        .query(WORKFLOW_UIDS[workflow] as UID.ContentType)
        .findMany({ where, select: ['documentId', STATUS_FIELD] })) as Record<string, string>[];
      for (const row of rows) {
        const last = (await app.strapi.db.query(LOG_UID).findOne({
          where: { subjectDocumentId: row.documentId },
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
        })) as { toStatus: string } | null;
        if (last?.toStatus !== row[STATUS_FIELD]) {
          orphans.push(
            `${workflow} ${row.documentId} ${row[STATUS_FIELD]} (bitácora: ${last?.toStatus ?? 'nada'})`
          );
        }
      }
    }
    expect(orphans).toEqual([]);
  });
});
