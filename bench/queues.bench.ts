/*
 * The plugin's queues, queue list, dashboard and oficio search at ten years of work, each next to
 * its floor: the same answer from a plain Node `http` server running the same SQL (bench/harness.ts).
 * 100,000 work items and 30,000 oficios by default (BENCH_ITEMS to change; oficios are 30 % of it),
 * 10 logged-in Directors at once, on SQLite or, with DATABASE_CLIENT=postgres, on PostgreSQL.
 * With BENCH_INSTANCES=2 (PostgreSQL) the queue endpoints run again against two instances on the
 * same database, and the throughput is printed against one.
 * Run: npm run bench -- queues
 *
 * Seeding writes rows with knex in bulk: it is set-up, not a door under test, and going through the
 * Document Service row by row would take longer than the measurement itself. Each bulk row copies
 * every column of a row that the Document Service created, so the rows look exactly like Strapi's
 * own; the dashboard's counters are then rebuilt from them, as after any bulk import.
 */
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import type { UID } from '@strapi/strapi';
import { bootApp, type TestApp } from '../tests/harness/app';
import { loginAsAdmin } from '../tests/harness/auth';
import { createTestDatabase } from '../tests/harness/database';
import { completeData } from '../tests/harness/workflow-fixtures';
import { addCalendarDays, mexicoCityParts } from '../src/domain/calendar';
import { WORKFLOWS, WORKFLOW_UIDS, type WorkflowKey } from '../src/domain/workflows';
import { prng, picker } from '../tests/harness/random';
import {
  DURATION_S,
  INSTANCES,
  WARMUP_S,
  databaseLabel,
  load,
  machine,
  printTable,
  record,
  routeBytes,
  startApp,
  startFloor,
  type FloorRoute,
  type Line,
  type Server,
} from './harness';

const WORK_ITEMS = Number(process.env.BENCH_ITEMS || 100_000);
const OFICIOS = Math.round(WORK_ITEMS * 0.3);
const CLIENTS = 10;
const BATCH = 400;
/** Queues, dashboard and search: p95 within this factor of the floor's. */
const P95_TARGET = 3;

/** Share of the work items per workflow. */
const MIX: [Exclude<WorkflowKey, 'oficio'>, number][] = [
  ['design', 0.4],
  ['coverage-event', 0.15],
  ['social-post', 0.15],
  ['web-publication', 0.1],
  ['transparency-document', 0.07],
  ['email-account-request', 0.07],
  ['advisory', 0.06],
];

const random = prng(20_261_124);
const pick = picker(random);
const documentId = () => crypto.randomBytes(12).toString('hex').slice(0, 24);

const metadata = (app: TestApp, uid: string) =>
  app.strapi.db.metadata.get(uid as never) as unknown as {
    tableName: string;
    attributes: Record<
      string,
      {
        joinTable?: {
          name: string;
          joinColumn: { name: string };
          inverseJoinColumn: { name: string };
          orderColumnName?: string;
        };
      }
    >;
  };

/** A row written by the Document Service, as a template for bulk rows of the same table. */
const templateOf = async (knex: Knex, table: string, id: number) => {
  const row = (await knex(table).where({ id }).first()) as Record<string, unknown>;
  delete row.id;
  return row;
};

const seed = async (app: TestApp, adminIds: number[]) => {
  const knex = app.strapi.db.connection as unknown as Knex;
  const today = mexicoCityParts(new Date()).date;
  const now = Date.now();
  const areas = (await app.strapi.db
    .query('api::area.area')
    .findMany({ select: ['id', 'kind'] })) as { id: number; kind: string }[];
  const organisms = areas.filter((area) => area.kind === 'organismo_auxiliar');

  // One oficio and one item of each workflow through the Document Service: the templates.
  const sampleOficio = await app.strapi.documents('api::oficio.oficio').create({
    data: {
      subject: 'Plantilla',
      receivedAt: '2027-01-04T16:00:00Z',
      channel: 'digital',
      area: areas[0].id,
    } as never,
  });
  const oficioMeta = metadata(app, 'api::oficio.oficio');
  const oficioRow = (await knex(oficioMeta.tableName)
    .where({ document_id: sampleOficio.documentId })
    .first()) as { id: number };
  const oficioTemplate = await templateOf(knex, oficioMeta.tableName, oficioRow.id);

  for (let start = 0; start < OFICIOS; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, OFICIOS - start) }, (_, i) => {
      const n = start + i;
      const received = new Date(now - Math.floor(random() * 120) * 86_400_000);
      const isLate = random() < 0.1;
      return {
        ...oficioTemplate,
        document_id: documentId(),
        folio: `B/${String(n).padStart(5, '0')}/2026`,
        subject: `Solicitud ${n} de difusión`,
        received_at: received,
        workflow_status: pick(['recibido', 'recibido', 'informacion_incompleta', 'en_atencion']),
        is_late: isLate,
        late_accepted_at: isLate && random() < 0.5 ? received : null,
      };
    });
    await knex.batchInsert(oficioMeta.tableName, rows, Math.floor(BATCH / 2));
  }
  const allOficios = (await knex(oficioMeta.tableName).select('id').orderBy('id')) as {
    id: number;
  }[];
  const areaLink = oficioMeta.attributes.area.joinTable!;
  const oficioAreaRows = allOficios
    .filter((row) => row.id !== oficioRow.id)
    .map((row) => ({
      [areaLink.joinColumn.name]: row.id,
      [areaLink.inverseJoinColumn.name]: pick(areas).id,
      ...(areaLink.orderColumnName ? { [areaLink.orderColumnName]: 1 } : {}),
    }));
  await knex.batchInsert(areaLink.name, oficioAreaRows, BATCH);
  const oficioPool = allOficios.map((row) => row.id);

  let inserted = 0;
  for (const [workflow, share] of MIX) {
    const uid = WORKFLOW_UIDS[workflow];
    const meta = metadata(app, uid);
    const definition = WORKFLOWS[workflow];
    const sample = await app.strapi.documents(uid as UID.ContentType).create({
      data: {
        ...completeData(workflow, adminIds[0]),
        ...(workflow === 'coverage-event' ? { crew: [] } : {}),
        ...(workflow === 'advisory' ? { organism: organisms[0].id } : {}),
        oficio: sampleOficio.documentId,
      } as never,
    });
    const sampleRows = (await knex(meta.tableName)
      .where({ document_id: sample.documentId })
      .select('id')) as { id: number }[];
    const template = await templateOf(knex, meta.tableName, sampleRows[0].id);
    const count = Math.round(WORK_ITEMS * share);
    const states = Object.keys(definition.states);
    const open = states.filter((state) => !definition.closed.includes(state));
    const firstId = (((await knex(meta.tableName).max({ max: 'id' }).first()) as { max: number })
      .max ?? 0) as number;

    const rows = Array.from({ length: count }, (_, i) => {
      // Four in five are open work; the rest closed in the last twelve weeks.
      const closed = random() < 0.2;
      const state = closed ? pick(definition.closed) : pick(open);
      const row: Record<string, unknown> = {
        ...template,
        document_id: documentId(),
        title: `${workflow} ${i} para el evento ${Math.floor(random() * 500)}`,
        workflow_status: state,
        due_at: random() < 0.1 ? null : addCalendarDays(today, Math.floor(random() * 120) - 60),
        closed_at: closed ? new Date(now - Math.floor(random() * 84 * 86_400_000)) : null,
      };
      if (workflow === 'design') {
        row.medium = random() < 0.5 ? 'impreso' : 'digital';
        row.revision_rounds = Math.floor(random() * 4);
      }
      return row;
    });
    await knex.batchInsert(meta.tableName, rows, Math.floor(BATCH / 2));
    const ids = (
      (await knex(meta.tableName).where('id', '>', firstId).select('id').orderBy('id')) as {
        id: number;
      }[]
    ).map((row) => row.id);

    const oficioLink = meta.attributes.oficio.joinTable!;
    await knex.batchInsert(
      oficioLink.name,
      ids.map((id) => ({
        [oficioLink.joinColumn.name]: id,
        [oficioLink.inverseJoinColumn.name]: pick(oficioPool),
        ...(oficioLink.orderColumnName ? { [oficioLink.orderColumnName]: 1 } : {}),
      })),
      BATCH
    );
    // An advisory is always for an organismo auxiliar.
    const organismLink = meta.attributes.organism?.joinTable;
    if (organismLink) {
      await knex.batchInsert(
        organismLink.name,
        ids.map((id) => ({
          [organismLink.joinColumn.name]: id,
          [organismLink.inverseJoinColumn.name]: pick(organisms).id,
          ...(organismLink.orderColumnName ? { [organismLink.orderColumnName]: 1 } : {}),
        })),
        BATCH
      );
    }
    const assignees = meta.attributes.assignees?.joinTable;
    if (assignees) {
      await knex.batchInsert(
        assignees.name,
        ids
          .filter(() => random() < 0.6)
          .map((id) => ({
            [assignees.joinColumn.name]: id,
            [assignees.inverseJoinColumn.name]: pick(adminIds),
            ...(assignees.orderColumnName ? { [assignees.orderColumnName]: 1 } : {}),
          })),
        BATCH
      );
    }
    inserted += ids.length;
  }
  return inserted;
};

/** BENCH_EXPLAIN=1: each query an endpoint runs, its time and SQLite's plan, instead of timing. */
const explain = async (app: TestApp, base: string, token: string, paths: string[]) => {
  const knex = app.strapi.db.connection as unknown as Knex;
  for (const path of paths) {
    const queries: {
      uid: string;
      sql: string;
      bindings: unknown[];
      started: number;
      ms?: number;
    }[] = [];
    const onQuery = (q: { __knexQueryUid: string; sql: string; bindings: unknown[] }) =>
      queries.push({
        uid: q.__knexQueryUid,
        sql: q.sql,
        bindings: q.bindings,
        started: Date.now(),
      });
    const onResponse = (_: unknown, q: { __knexQueryUid: string }) => {
      const entry = queries.find((e) => e.uid === q.__knexQueryUid);
      if (entry) entry.ms = Date.now() - entry.started;
    };
    knex.on('query', onQuery).on('query-response', onResponse);
    await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    knex.off('query', onQuery).off('query-response', onResponse);
    console.log(`\n### ${path}`);
    for (const q of queries.filter((e) => /union all|sum\(|count\(/i.test(e.sql))) {
      console.log(`-- ${q.ms} ms: ${q.sql.slice(0, 300)}…`);
      const plan = (await knex.raw(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as never)) as {
        detail: string;
      }[];
      plan.forEach((row) => console.log(`   ${row.detail}`));
    }
  }
};

async function main() {
  const started = Date.now();
  const db = await createTestDatabase();
  const bootedAt = Date.now();
  const app = await bootApp({ db, env: { LOG_LEVEL: 'error', RATE_LIMIT_MAX: '10000000' } });
  const firstBootSeconds = (Date.now() - bootedAt) / 1000;
  const servers: Server[] = [];
  let appClosed = false;
  try {
    const sessions = [];
    for (let i = 0; i < CLIENTS; i++) sessions.push(await loginAsAdmin(app, 'cs-director'));
    const tokens = sessions.map((session) => session.token);
    const auth = { Authorization: `Bearer ${tokens[0]}` };

    const seedStarted = Date.now();
    const items = await seed(
      app,
      sessions.map((session) => session.user.id)
    );
    const counters = app.strapi.plugin('comunicacion').service('counters') as
      | { rebuild(): Promise<unknown> }
      | undefined;
    await counters?.rebuild();
    // Statistics of the bulk rows, as the database gathers them on its own in service.
    await (app.strapi.db.connection as unknown as Knex).raw('ANALYZE');
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const { port } = app.strapi.server.httpServer.address() as AddressInfo;
    const local = `http://127.0.0.1:${port}`;

    // The biggest queue of work items (Recepción lists oficios, not work items).
    const queues = (await (
      await fetch(`${local}/comunicacion/queues`, { headers: auth })
    ).json()) as {
      data: { key: string; total: number }[];
    };
    const big = queues.data
      .filter((queue) => queue.key !== 'recepcion')
      .sort((a, b) => b.total - a.total)[0];
    const deepPage = Math.max(2, Math.floor(big.total / 25 / 2));
    console.log(
      `queues: ${items.toLocaleString('en-US')} work items and ${OFICIOS.toLocaleString('en-US')} ` +
        `oficios seeded in ${seedSeconds.toFixed(1)} s (${databaseLabel(db.client)}); biggest ` +
        `queue «${big.key}» holds ${big.total.toLocaleString('en-US')} open items`
    );

    const endpoints: { label: string; path: string }[] = [
      { label: `queue ${big.key} page 1`, path: `/comunicacion/queues/${big.key}` },
      {
        label: `queue ${big.key} page ${deepPage}`,
        path: `/comunicacion/queues/${big.key}?page=${deepPage}`,
      },
      { label: 'queue list with counts', path: '/comunicacion/queues' },
      { label: 'dashboard (12 weeks)', path: '/comunicacion/dashboard' },
      {
        label: 'oficio search «difusión 12»',
        path: `/comunicacion/oficios?q=${encodeURIComponent('difusión 12')}`,
      },
      {
        label: 'oficio search by status, page 2',
        path: '/comunicacion/oficios?status=recibido&page=2',
      },
      {
        label: 'oficio export (CSV, one status)',
        path: '/comunicacion/oficios/export?format=csv&status=informacion_incompleta',
      },
    ];

    // BENCH_ONLY=<regular expression>: only the endpoints whose label matches.
    if (process.env.BENCH_ONLY) {
      const only = new RegExp(process.env.BENCH_ONLY, 'i');
      endpoints.splice(0, endpoints.length, ...endpoints.filter((e) => only.test(e.label)));
    }
    if (process.env.BENCH_EXPLAIN) {
      await explain(
        app,
        local,
        tokens[0],
        endpoints.map((e) => e.path)
      );
      return;
    }

    // What each endpoint runs, recorded on a warm request for the floor to replay.
    const routes: Record<string, FloorRoute> = {};
    for (const endpoint of endpoints) {
      await fetch(`${local}${endpoint.path}`, { headers: auth }).then((res) => res.arrayBuffer());
      routes[endpoint.path] = await record(app, local, endpoint.path, auth);
    }
    const reference =
      '/content-manager/collection-types/api::design.design?page=1&pageSize=25&sort=dueAt:ASC';

    // The application in its own process, as in production; the in-process one only seeded.
    await app.close({ keepDatabase: true });
    appClosed = true;
    const single = await startApp();
    servers.push(single);
    const floor = await startFloor(routes, db.env);
    servers.push(floor);

    const lines: Line[] = [];
    for (const endpoint of endpoints) {
      lines.push({
        label: endpoint.label,
        app: await load([single], [endpoint.path], CLIENTS, tokens),
        floor: await load([floor], [endpoint.path], CLIENTS),
        target: { p95: P95_TARGET },
      });
    }
    const contentManager = process.env.BENCH_ONLY
      ? null
      : await load([single], [reference], CLIENTS, tokens);

    console.log(
      `queues: ${CLIENTS} concurrent Directors, ${DURATION_S} s per endpoint after a ${WARMUP_S} s ` +
        `warm-up (${databaseLabel(db.client)}; ${machine()})`
    );
    const ok = printTable('queues', lines);
    if (contentManager) {
      console.log(
        `  for reference, the content manager's own list of designs: p95 ${contentManager.p95.toFixed(0)} ms, ` +
          `${contentManager.rps.toFixed(0)} req/s`
      );
    }
    for (const endpoint of endpoints) {
      console.log(
        `  floor of «${endpoint.label}»: ${routes[endpoint.path].queries.length} SQL statement(s), ` +
          `${routeBytes(routes[endpoint.path]).toLocaleString('en-US')} bytes`
      );
    }
    console.log(
      `  start-up: the application ${(single.bootMs / 1000).toFixed(1)} s on the seeded database ` +
        `(first boot on an empty one ${firstBootSeconds.toFixed(1)} s in-process), the floor ` +
        `${(floor.bootMs / 1000).toFixed(2)} s`
    );

    if (INSTANCES > 1) {
      const count = INSTANCES;
      for (let i = 1; i < count; i++) servers.push(await startApp());
      const cluster = [single, ...servers.slice(2)];
      console.log(`queues: ${count} instances on one ${databaseLabel(db.client)} database`);
      for (const endpoint of endpoints.slice(0, 3)) {
        const one = await load([single], [endpoint.path], CLIENTS, tokens);
        const many = await load(cluster, [endpoint.path], CLIENTS, tokens);
        console.log(
          `  ${endpoint.label.padEnd(38)} one ${one.rps.toFixed(0).padStart(6)} req/s, ` +
            `${count} ${many.rps.toFixed(0).padStart(6)} req/s (${(many.rps / one.rps).toFixed(2)}×), ` +
            `p95 ${one.p95.toFixed(0)} → ${many.p95.toFixed(0)} ms, RSS ${(many.rss / 2 ** 20).toFixed(0)} MB`
        );
      }
    }
    console.log(`queues: whole run took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (!ok) process.exitCode = 1;
  } finally {
    for (const server of servers) await server.stop();
    if (!appClosed) await app.close({ keepDatabase: true });
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
