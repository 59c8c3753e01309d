import type { UID } from '@strapi/strapi';
import type { TestApp } from '../harness/app';
import { picker, prng } from '../harness/random';
import type { Session } from '../harness/auth';
import { runAs, runInternal } from '../harness/runtime';
import {
  OFICIO_UID,
  actorFor,
  areaId,
  completeData,
  createOficio,
  dataFor,
  fire,
  stateOf,
  useStaffApp,
} from '../harness/workflow-fixtures';
import { QUEUES, queuesForRoles, type QueueDefinition } from '../../src/domain/queues';
import { addCalendarDays, mexicoCityParts } from '../../src/domain/calendar';
import {
  WORKFLOWS,
  WORKFLOW_UIDS,
  WORK_ITEM_KEYS,
  type Role,
  type WorkflowKey,
} from '../../src/domain/workflows';
import type { DashboardService } from '../../src/plugins/comunicacion/server/src/services/dashboard';
import type { QueuesService } from '../../src/plugins/comunicacion/server/src/services/queues';
import type { CountersService } from '../../src/plugins/comunicacion/server/src/services/counters';
import type { GetDashboard } from '../../src/plugins/comunicacion/shared/contracts/dashboard';

type ItemKey = (typeof WORK_ITEM_KEYS)[number];
const DAY = 86_400_000;
const COMMENT = 'Prueba de los contadores de las bandejas';
const CM = '/content-manager/collection-types';
const COUNTER_TABLES = [
  'counted_items',
  'queue_counters',
  'delivered_counters',
  'design_round_counters',
];

/** The staff views compared: every queue, and the sets some roles see (overlapping or not). */
const VIEWS: readonly (readonly QueueDefinition[])[] = [
  QUEUES,
  queuesForRoles(['coordinador_comunicacion']),
  queuesForRoles(['coordinador_organismos']),
  queuesForRoles(['disenador_junior', 'disenador_senior']),
  queuesForRoles(['coordinador_gobierno_digital']),
];

describe('contadores del tablero y de las bandejas, mantenidos en cada escritura', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  const dashboard = () =>
    app.strapi.plugin('comunicacion').service('dashboard') as unknown as DashboardService;
  const queues = () =>
    app.strapi.plugin('comunicacion').service('queues') as unknown as QueuesService;
  const counters = () =>
    app.strapi.plugin('comunicacion').service('counters') as unknown as CountersService;

  /** Every counter row, in a stable order: what «the counters did not change» means. */
  const counterRows = async () => {
    const knex = app.strapi.db.connection;
    const rows: Record<string, unknown[]> = {};
    for (const table of COUNTER_TABLES) {
      rows[table] = (await knex(table).select('*')).map((row: Record<string, unknown>) =>
        JSON.stringify(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)]))
      );
      rows[table].sort();
    }
    return rows;
  };

  /**
   * The counters' figures and a full recount with the live SQL, equal field by field, for
   * several views and several «todays» (overdue and due this week move with the day).
   */
  const expectCountersEqualRecount = async (step: string) => {
    const nows = [new Date(), new Date(Date.now() + 3 * DAY), new Date(Date.now() - 9 * DAY)];
    for (const now of nows) {
      for (const view of VIEWS) {
        const [counted, recounted] = await Promise.all([
          dashboard().summary(view, 12, now),
          dashboard().recount(view, 12, now),
        ]);
        expect({ step, dashboard: counted }).toEqual({ step, dashboard: recounted });
        const [listed, relisted] = await Promise.all([
          queues().summaries(view, now),
          queues().recountSummaries(view, now),
        ]);
        expect({ step, queues: listed }).toEqual({ step, queues: relisted });
      }
    }
  };

  const director = () => staff.director;
  const asDirector = <T>(fn: () => Promise<T>, comment = COMMENT) =>
    runAs(actorFor('director', director()), fn, comment);

  const oficios: string[] = [];
  const items: { workflow: ItemKey; documentId: string }[] = [];

  const newOficio = async (area: string) => {
    const oficio = await createOficio(app, { area, receivedAt: new Date().toISOString() });
    oficios.push(oficio.documentId);
    return oficio.documentId;
  };
  const newItem = async (workflow: ItemKey, oficio: string) => {
    const created = await app.strapi.documents(WORKFLOW_UIDS[workflow] as UID.ContentType).create({
      data: {
        ...completeData(workflow, 0),
        ...(workflow === 'coverage-event' ? { crew: [] } : {}),
        oficio,
      } as never,
    });
    items.push({ workflow, documentId: created.documentId });
    return created.documentId;
  };

  /** The next state along a listed transition, with the data it needs written first. */
  const advance = async (
    workflow: WorkflowKey,
    documentId: string,
    choose: (options: string[]) => string,
    door: 'plugin' | 'content-manager' = 'plugin'
  ) => {
    const from = await stateOf(app, workflow, documentId);
    const options = WORKFLOWS[workflow].transitions
      .filter((transition) => transition.from.includes(from))
      .map((transition) => transition.to);
    if (options.length === 0) return `${workflow} ${from}: sin salida`;
    const to = choose(options);
    const data = await dataFor(app, workflow, from, to);
    if (Object.keys(data).length > 0) {
      await runInternal(() =>
        app.strapi
          .documents(WORKFLOW_UIDS[workflow] as UID.ContentType)
          .update({ documentId, data: data as never })
      );
    }
    const { status } = await fire(app, door, {
      workflow,
      documentId,
      to,
      comment: COMMENT,
      role: 'director',
      session: director(),
    });
    return `${workflow} ${from} → ${to} por ${door}: ${status}`;
  };

  it('tras una secuencia aleatoria de escrituras por puertas reales, los contadores igualan un recuento completo', async () => {
    const random = prng(19);
    const pick = picker(random);
    const today = mexicoCityParts(new Date()).date;
    const steps: string[] = [];
    const attempt = async (label: string, write: () => Promise<unknown>) => {
      try {
        const outcome = await write();
        steps.push(typeof outcome === 'string' ? outcome : label);
      } catch (error) {
        steps.push(`${label}: rechazada (${(error as Error).message.slice(0, 80)})`);
      }
    };

    // Given work of every kind, for dependencias and organismos auxiliares.
    for (const area of ['DC', 'SMDIF', 'DE', 'OPDAPAS']) await newOficio(area);
    for (const workflow of WORK_ITEM_KEYS) {
      await newItem(workflow, oficios[0]);
      await newItem(workflow, oficios[1]);
    }
    await expectCountersEqualRecount('inicio');

    // A draft & publish item taken to «lista», published and withdrawn through the content manager.
    const web = await newItem('web-publication', oficios[2]);
    for (const to of ['en_analisis', 'lista']) await advance('web-publication', web, () => to);
    const publish = await app
      .http()
      .post(`${CM}/${WORKFLOW_UIDS['web-publication']}/${web}/actions/publish`)
      .set(director().auth)
      .send({});
    expect(publish.status).toBe(200);
    await expectCountersEqualRecount('publicación publicada');
    await runInternal(() =>
      app.strapi.documents(WORKFLOW_UIDS['web-publication'] as UID.ContentType).update({
        documentId: web,
        data: { withdrawalReason: 'La información del evento cambió' } as never,
      })
    );
    const unpublish = await app
      .http()
      .post(`${CM}/${WORKFLOW_UIDS['web-publication']}/${web}/actions/unpublish`)
      .set(director().auth)
      .send({});
    expect(unpublish.status).toBe(200);
    await expectCountersEqualRecount('publicación retirada');

    // A published one whose draft is edited, then discarded: the draft is the published copy again.
    const page = await newItem('web-publication', oficios[3]);
    for (const to of ['en_analisis', 'lista']) await advance('web-publication', page, () => to);
    await app
      .http()
      .post(`${CM}/${WORKFLOW_UIDS['web-publication']}/${page}/actions/publish`)
      .set(director().auth)
      .send({})
      .expect(200);
    await runInternal(() =>
      app.strapi
        .documents(WORKFLOW_UIDS['web-publication'] as UID.ContentType)
        .update({ documentId: page, data: { dueAt: addCalendarDays(today, -3) } as never })
    );
    await expectCountersEqualRecount('borrador editado');
    await app
      .http()
      .post(`${CM}/${WORKFLOW_UIDS['web-publication']}/${page}/actions/discard`)
      .set(director().auth)
      .send({})
      .expect(200);
    await expectCountersEqualRecount('borrador descartado');

    // An oficio of a dependencia corrected to an organismo auxiliar: its designs change queue.
    const smdif = await areaId(app, 'SMDIF');
    await asDirector(
      () =>
        app.strapi
          .documents(OFICIO_UID)
          .update({ documentId: oficios[0], data: { area: smdif } as never }),
      'El oficio lo firmó el SMDIF: se corrige el área'
    );
    await expectCountersEqualRecount('oficio corregido a organismo auxiliar');

    // Cloning is refused through the content manager; the engine's own clone still counts.
    const design = items.find((item) => item.workflow === 'design')!;
    await app
      .http()
      .post(`${CM}/${WORKFLOW_UIDS.design}/clone/${design.documentId}`)
      .set(director().auth)
      .send({})
      .expect(400);
    const clone = (await runInternal(() =>
      app.strapi
        .documents(WORKFLOW_UIDS.design as UID.ContentType)
        .clone({ documentId: design.documentId, data: {} as never })
    )) as { documentId: string };
    items.push({ workflow: 'design', documentId: clone.documentId });
    await expectCountersEqualRecount('diseño clonado');

    // When: a seeded random sequence of writes through the doors staff and scripts use.
    const operations: (() => Promise<void>)[] = [
      () => {
        const area = pick(['DC', 'SMDIF', 'PM', 'OPDAPAS']);
        return attempt(`oficio nuevo de ${area}`, async () => {
          await newOficio(area);
        });
      },
      () => {
        const workflow = pick(WORK_ITEM_KEYS);
        return attempt(`${workflow} nuevo`, async () => {
          await newItem(workflow, pick(oficios));
        });
      },
      () => {
        const item = pick(items);
        return attempt('transición', () =>
          advance(
            item.workflow,
            item.documentId,
            pick,
            pick(['plugin', 'content-manager'] as const)
          )
        );
      },
      () => attempt('transición de oficio', () => advance('oficio', pick(oficios), pick)),
      () => {
        const item = pick(items);
        const due = addCalendarDays(today, Math.floor(random() * 16) - 6);
        return attempt(`vencimiento ${due}`, () =>
          runInternal(() =>
            app.strapi
              .documents(WORKFLOW_UIDS[item.workflow] as UID.ContentType)
              .update({ documentId: item.documentId, data: { dueAt: due } as never })
          )
        );
      },
      () => {
        const design = pick(items.filter((item) => item.workflow === 'design'));
        const medium = pick(['impreso', 'digital']);
        return attempt(`medio ${medium}`, () =>
          asDirector(() =>
            app.strapi
              .documents(WORKFLOW_UIDS.design as UID.ContentType)
              .update({ documentId: design.documentId, data: { medium } as never })
          )
        );
      },
      async () => {
        const shortName = pick(['SMDIF', 'IMCUFIDEC', 'DC']);
        const area = await areaId(app, shortName);
        await attempt(`oficio al área ${shortName}`, () =>
          asDirector(
            () =>
              app.strapi
                .documents(OFICIO_UID)
                .update({ documentId: pick(oficios), data: { area } as never }),
            'El oficio lo firmó otra área: se corrige'
          )
        );
      },
      () => {
        const item = pick(items);
        return attempt(`borrar ${item.workflow}`, async () => {
          const res = await app
            .http()
            .delete(`${CM}/${WORKFLOW_UIDS[item.workflow]}/${item.documentId}`)
            .set(director().auth);
          if (res.status === 200) items.splice(items.indexOf(item), 1);
          return `borrar ${item.workflow}: ${res.status}`;
        });
      },
      () => {
        const item = pick(items);
        return attempt(`clonar ${item.workflow}`, async () => {
          const res = await app
            .http()
            .post(`${CM}/${WORKFLOW_UIDS[item.workflow]}/clone/${item.documentId}`)
            .set(director().auth)
            .send({});
          const documentId = (res.body as { data?: { documentId?: string } }).data?.documentId;
          if (documentId) items.push({ workflow: item.workflow, documentId });
          return `clonar ${item.workflow}: ${res.status}`;
        });
      },
    ];
    for (let step = 0; step < 60; step += 1) {
      await pick(operations)();
      if (step % 5 === 4) await expectCountersEqualRecount(steps.join('\n'));
    }

    // Then: equal after the last write too, and the routes answer with the counters' figures.
    await expectCountersEqualRecount(steps.join('\n'));
    const res = await app.http().get('/comunicacion/dashboard').set(director().auth).expect(200);
    const { data } = res.body as GetDashboard.Response;
    expect(data).toEqual(await dashboard().recount(QUEUES, 12));
    const list = await app.http().get('/comunicacion/queues').set(director().auth).expect(200);
    expect((list.body as { data: unknown }).data).toEqual(await queues().recountSummaries(QUEUES));
    // The sequence did reach every kind of figure (it is not a comparison of zeros).
    expect(data.totals.open).toBeGreaterThan(0);
    expect(data.throughput.some((week) => week.closed > 0)).toBe(true);
    expect(steps.some((step) => / 200$/.test(step))).toBe(true);
  });

  it('una escritura rechazada dentro de una transacción deja los contadores como estaban', async () => {
    const oficio = await newOficio('DC');
    const design = await newItem('design', oficio);
    const before = await counterRows();

    // A valid write and then a refused transition, in one transaction: both roll back.
    await expect(
      app.strapi.db.transaction(async () => {
        await asDirector(() =>
          app.strapi
            .documents(WORKFLOW_UIDS.design as UID.ContentType)
            .update({ documentId: design, data: { medium: 'impreso' } as never })
        );
        await runInternal(() =>
          app.strapi
            .documents(WORKFLOW_UIDS.design as UID.ContentType)
            .update({ documentId: design, data: { dueAt: '2020-01-06' } as never })
        );
        // «entregado» is not reachable from «pendiente»: the engine refuses.
        await asDirector(() =>
          app.strapi
            .documents(WORKFLOW_UIDS.design as UID.ContentType)
            .update({ documentId: design, data: { workflowStatus: 'entregado' } as never })
        );
      })
    ).rejects.toMatchObject({ details: { code: expect.any(String) } });
    expect(await counterRows()).toEqual(before);

    // The same refusal through the plugin's route.
    const { status } = await fire(app, 'plugin', {
      workflow: 'design',
      documentId: design,
      to: 'entregado',
      comment: COMMENT,
      role: 'director',
      session: director(),
    });
    expect(status).toBe(400);
    expect(await counterRows()).toEqual(before);
    await expectCountersEqualRecount('tras las escrituras rechazadas');
  });

  it('escrituras simultáneas sobre un mismo oficio dejan los contadores exactos', async () => {
    // Given an oficio of a dependencia with open work.
    const oficio = await newOficio('DC');
    const designs = [await newItem('design', oficio), await newItem('design', oficio)];
    const smdif = await areaId(app, 'SMDIF');

    // When its area is corrected while services are added and moved at the same time (separate
    // transactions: on PostgreSQL they run side by side).
    const outcomes = await Promise.allSettled([
      asDirector(
        () =>
          app.strapi
            .documents(OFICIO_UID)
            .update({ documentId: oficio, data: { area: smdif } as never }),
        'El oficio lo firmó el SMDIF: se corrige el área'
      ),
      newItem('design', oficio),
      newItem('coverage-event', oficio),
      newItem('social-post', oficio),
      ...designs.map((documentId) => advance('design', documentId, () => 'en_diseno')),
      ...designs.map((documentId) =>
        runInternal(() =>
          app.strapi
            .documents(WORKFLOW_UIDS.design as UID.ContentType)
            .update({ documentId, data: { dueAt: '2026-12-01' } as never })
        )
      ),
    ]);

    // Then: every write went through (the counters are taken before any row, so no write waits
    // on one that waits on it) and the counters equal a recount.
    expect(
      outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [String((outcome.reason as Error).message)] : []
      )
    ).toEqual([]);
    await expectCountersEqualRecount('escrituras simultáneas');
  });

  it('cambiar el tipo de un área mueve sus trabajos de bandeja en los contadores', async () => {
    // Given designs of a dependencia, in the senior designer's queue.
    const oficio = await newOficio('DE');
    await newItem('design', oficio);
    await newItem('coverage-event', oficio);
    const area = (await app.strapi.db
      .query('api::area.area')
      .findOne({ where: { shortName: 'DE' }, select: ['documentId', 'kind'] })) as {
      documentId: string;
      kind: string;
    };
    const junior = async () =>
      (await queues().summaries(queuesForRoles(['disenador_junior']))).find(
        (queue) => queue.key === 'diseno_junior'
      )!.total;
    const before = await junior();

    // When the area becomes an organismo auxiliar (and back).
    await app.strapi
      .documents('api::area.area')
      .update({ documentId: area.documentId, data: { kind: 'organismo_auxiliar' } as never });
    expect(await junior()).toBeGreaterThan(before);
    await expectCountersEqualRecount('área convertida en organismo auxiliar');
    await app.strapi
      .documents('api::area.area')
      .update({ documentId: area.documentId, data: { kind: area.kind } as never });

    // Then: its work is counted where its kind puts it, as a recount does.
    expect(await junior()).toBe(before);
    await expectCountersEqualRecount('área de vuelta a su tipo');
  });

  it('rebuild() tras filas insertadas con SQL da las mismas cifras que un recuento', async () => {
    // Given the counters the writes kept: counting everything again changes nothing.
    await newItem('design', await newOficio('SMDIF'));
    const kept = await counterRows();
    await counters().rebuild();
    expect(await counterRows()).toEqual(kept);

    // When rows arrive with SQL, past every door (as the bench seeds its data).
    const knex = app.strapi.db.connection;
    const design = app.strapi.db.metadata.get(WORKFLOW_UIDS.design as UID.ContentType);
    const [source] = await knex(design.tableName).select('*').orderBy('id').limit(1);
    const link = (
      design.attributes.oficio as unknown as {
        joinTable: {
          name: string;
          joinColumn: { name: string };
          inverseJoinColumn: { name: string };
        };
      }
    ).joinTable;
    const [oficioLink] = await knex(link.name)
      .where(link.joinColumn.name, source.id)
      .select(link.inverseJoinColumn.name);
    const today = mexicoCityParts(new Date()).date;
    for (let n = 0; n < 6; n += 1) {
      const { id: _id, ...row } = source as Record<string, unknown>;
      const inserted = await knex(design.tableName)
        .insert({
          ...row,
          document_id: `sqlrow${n}${Date.now()}`,
          workflow_status: ['pendiente', 'en_diseno', 'aprobado'][n % 3],
          due_at: addCalendarDays(today, n - 3),
        })
        .returning('id');
      const id = typeof inserted[0] === 'object' ? inserted[0].id : inserted[0];
      await knex(link.name).insert({
        [link.joinColumn.name]: id,
        [link.inverseJoinColumn.name]: oficioLink[link.inverseJoinColumn.name],
      });
    }
    const counted = await dashboard().summary(QUEUES, 12);
    const recounted = await dashboard().recount(QUEUES, 12);
    expect(counted.totals.open).toBeLessThan(recounted.totals.open);

    // Then: rebuild() counts them, and every figure equals the recount.
    await counters().rebuild();
    expect(await dashboard().summary(QUEUES, 12)).toEqual(recounted);
    await expectCountersEqualRecount('tras rebuild()');
  });
});
