/*
 * Latency of the plugin's queue and dashboard endpoints next to the content manager's own list,
 * on the same 20,000 work items, in the same run, with 10 logged-in Directors asking at once.
 * Run: npm run bench -- queues   (or: node -r esbuild-register bench/queues.bench.ts)
 *
 * The app is the real one (compiled and booted as the integration tests do) on a fresh SQLite
 * file. Seeding writes rows with knex in bulk: it is set-up, not a door under test, and going
 * through the Document Service row by row would take longer than the measurement itself. Each
 * bulk row copies every column of a row that the Document Service created, so the rows look
 * exactly like Strapi's own.
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
import { prng, picker } from './random';

const WORK_ITEMS = 20_000;
const OFICIOS = 6_000;
const CLIENTS = 10;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS || 10_000);
const WARMUP_REQUESTS = 30;
const BATCH = 400;

/** Share of the 20,000 items per workflow. */
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
  const areas = (await app.strapi.db.query('api::area.area').findMany({ select: ['id'] })) as {
    id: number;
  }[];

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

interface Measure {
  label: string;
  path: string;
  p50: number;
  p95: number;
  rps: number;
  requests: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** CLIENTS loops, one per logged-in Director, each sending its next request when the last ends. */
const measure = async (
  base: string,
  tokens: string[],
  label: string,
  path: string
): Promise<Measure> => {
  const get = async (token: string) => {
    const started = process.hrtime.bigint();
    const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} respondió ${res.status}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (let i = 0; i < WARMUP_REQUESTS; i++) await get(tokens[i % tokens.length]);

  const latencies: number[] = [];
  const deadline = Date.now() + DURATION_MS;
  const startedAt = Date.now();
  await Promise.all(
    tokens.map(async (token) => {
      while (Date.now() < deadline) latencies.push(await get(token));
    })
  );
  const elapsed = (Date.now() - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    label,
    path,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: latencies.length / elapsed,
    requests: latencies.length,
  };
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
  const db = await createTestDatabase('sqlite');
  const app = await bootApp({ db, env: { LOG_LEVEL: 'error', RATE_LIMIT_MAX: '100000' } });
  try {
    const sessions = [];
    for (let i = 0; i < CLIENTS; i++) sessions.push(await loginAsAdmin(app, 'cs-director'));
    const tokens = sessions.map((session) => session.token);

    const seedStarted = Date.now();
    const items = await seed(
      app,
      sessions.map((session) => session.user.id)
    );
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const { port } = app.strapi.server.httpServer.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;

    // The biggest queue, and a sanity check that the endpoints see the seeded data.
    const queues = (await (
      await fetch(`${base}/comunicacion/queues`, {
        headers: { Authorization: `Bearer ${tokens[0]}` },
      })
    ).json()) as { data: { key: string; total: number }[] };
    // The biggest queue of work items (Recepción lists oficios, not the 20,000 items).
    const big = queues.data
      .filter((queue) => queue.key !== 'recepcion')
      .sort((a, b) => b.total - a.total)[0];
    console.log(
      `queues: ${items.toLocaleString('en-US')} work items and ${OFICIOS.toLocaleString('en-US')} ` +
        `oficios seeded in ${seedSeconds.toFixed(1)} s; biggest queue «${big.key}» holds ` +
        `${big.total.toLocaleString('en-US')} open items`
    );

    if (process.env.BENCH_EXPLAIN) {
      await explain(app, base, tokens[0], [
        `/comunicacion/queues/${big.key}?page=40`,
        '/comunicacion/queues/diseno_senior',
        '/comunicacion/queues',
        '/comunicacion/dashboard',
      ]);
      return;
    }

    const baseline = await measure(
      base,
      tokens,
      'content manager list (baseline)',
      '/content-manager/collection-types/api::design.design?page=1&pageSize=25&sort=dueAt:ASC'
    );
    const results = [
      baseline,
      await measure(base, tokens, `queue ${big.key} (page 1)`, `/comunicacion/queues/${big.key}`),
      await measure(
        base,
        tokens,
        `queue ${big.key} (page 40)`,
        `/comunicacion/queues/${big.key}?page=40`
      ),
      await measure(base, tokens, 'queue list with counts', '/comunicacion/queues'),
      await measure(base, tokens, 'dashboard (12 weeks)', '/comunicacion/dashboard'),
    ];

    const pad = (value: string, width: number) => value.padStart(width);
    console.log(
      `queues: ${CLIENTS} concurrent Directors, ${DURATION_MS / 1000} s per endpoint after ` +
        `${WARMUP_REQUESTS} warm-up requests (SQLite)`
    );
    console.log(
      `  ${'endpoint'.padEnd(36)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('req/s', 9)}` +
        `${pad('p95 ÷ CM', 10)}`
    );
    for (const r of results) {
      console.log(
        `  ${r.label.padEnd(36)}${pad(r.p50.toFixed(1), 9)}${pad(r.p95.toFixed(1), 9)}` +
          `${pad(r.rps.toFixed(0), 9)}${pad(`${(r.p95 / baseline.p95).toFixed(2)}×`, 10)}`
      );
    }
    console.log(`queues: whole run took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
