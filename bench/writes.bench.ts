/*
 * What the workflow rules add to a write: latency of creating, editing and moving work items
 * through their state machine, next to the same kind of write on a type without workflow
 * (`api::logo.logo`), in the same run, one write at a time.
 * Run: npm run bench -- writes   (or: node -r esbuild-register bench/writes.bench.ts)
 *      BENCH_WRITES=300 sets the measured writes per operation (a tenth more warm them up first).
 *
 * The app is the real one (compiled and booted as the integration tests do) on a fresh SQLite
 * file. Through the Document Service, inside runAs() as a Director (as a script would write):
 *   baseline: create a logo; update a logo's `order`;
 *   (1) create an oficio and one design on it (two documents: compared with ONE logo create);
 *   (2) edit a design's `place` (no state change);
 *   (3) fire pendiente → en_diseno on a design with complete data.
 * Over HTTP, with a super admin's JWT:
 *   baseline: PUT /content-manager/collection-types/api::logo.logo/<documentId> { order };
 *   (4) PUT /content-manager/collection-types/api::design.design/<documentId> { place };
 *   (5) POST /comunicacion/transitions pendiente → en_diseno.
 * Ratio = p50 ÷ p50 of the baseline of the same door (create, update, or content manager HTTP).
 *
 * Every design is written once per operation (each transition needs one still in «Pendiente»),
 * so the Document Service operations share one pool of designs and the HTTP ones another, built
 * beforehand. Operations take turns in rounds of ROUND writes rather than one after another: on
 * a shared machine a slow minute then lands on every operation alike instead of on one of them,
 * and the tables grow evenly under baseline and workflow writes.
 */
import type { AddressInfo } from 'node:net';
import type { UID } from '@strapi/strapi';
import { bootApp, type TestApp } from '../tests/harness/app';
import { loginAsAdmin } from '../tests/harness/auth';
import { createTestDatabase } from '../tests/harness/database';
import { runAs } from '../tests/harness/runtime';
import { LOG_UID, OFICIO_UID, areaId, completeData } from '../tests/harness/workflow-fixtures';
import type { Actor } from '../src/domain/workflows';
import { prng, picker } from '../tests/harness/random';

const WRITES = Number(process.env.BENCH_WRITES || 300);
const WARMUP = Math.max(10, Math.round(WRITES / 10));
const ROUND = 25;
const LOGO = 'api::logo.logo' as UID.ContentType;
const DESIGN = 'api::design.design' as UID.ContentType;
const OFICIO = OFICIO_UID as UID.ContentType;

// Director: allowed every transition, so no assignment has to be set up for the rules to pass.
const ACTOR: Actor = { kind: 'admin', roles: ['director'], id: null, name: 'Bench' };

const random = prng(20_261_124);
const pick = picker(random);

const PLACES = [
  'Explanada municipal',
  'Auditorio de la cabecera',
  'Casa de Cultura',
  'Plaza de San Andrés Ocotlán',
  'Deportivo de Santa María Nativitas',
  'Jardín de Zaragoza de Guadalupe',
];
const SUBJECTS = [
  'Solicitud de cartel para evento',
  'Difusión del festival de la primavera',
  'Material para jornada de vacunación',
  'Invitación a la feria del empleo',
];

interface Operation {
  label: string;
  /** The operation this one is compared with; itself for a baseline. */
  baseline?: Operation;
  /** One write; `n` is its place in the sequence (warm-up first), the same pool slot for all. */
  run: (n: number) => Promise<unknown>;
  latencies: number[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const timed = async (fn: () => Promise<unknown>) => {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/** An oficio well ahead of the event (lead times met) and a design on it with complete data. */
const createOficioWithDesign = async (app: TestApp, area: number, n: number) => {
  const oficio = await app.strapi.documents(OFICIO).create({
    data: {
      subject: `${pick(SUBJECTS)} ${n}`,
      receivedAt: '2027-01-04T16:00:00Z',
      channel: 'digital',
      area,
    } as never,
  });
  const design = await app.strapi.documents(DESIGN).create({
    data: { ...completeData('design', 0), oficio: oficio.documentId } as never,
  });
  return design.documentId;
};

async function main() {
  const started = Date.now();
  const db = await createTestDatabase('sqlite');
  const app = await bootApp({ db, env: { LOG_LEVEL: 'error', RATE_LIMIT_MAX: '100000' } });
  try {
    const session = await loginAsAdmin(app, 'strapi-super-admin');
    const { port } = app.strapi.server.httpServer.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const area = await areaId(app, 'DC');
    const total = WARMUP + WRITES;

    const http = async (method: 'PUT' | 'POST', path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${method} ${path} respondió ${res.status}: ${text}`);
    };

    // Set-up, not measured: the logos the updates edit, and the designs the HTTP door moves.
    const setupStarted = Date.now();
    const logos: string[] = [];
    for (let n = 0; n < total; n++) {
      const logo = await app.strapi.documents(LOGO).create({
        data: { name: `Logotipo de prueba ${n}`, order: n, active: true } as never,
      });
      logos.push(logo.documentId);
    }
    const httpDesigns: string[] = [];
    for (let n = 0; n < total; n++) {
      httpDesigns.push(await runAs(ACTOR, () => createOficioWithDesign(app, area, n)));
    }
    const setupSeconds = (Date.now() - setupStarted) / 1000;
    const designs: string[] = [];

    const createLogo: Operation = {
      label: 'logo create (baseline)',
      run: (n) =>
        app.strapi.documents(LOGO).create({
          data: { name: `Logotipo medido ${n}`, order: Math.floor(random() * 1000) } as never,
        }),
      latencies: [],
    };
    const updateLogo: Operation = {
      label: 'logo update (baseline)',
      run: (n) =>
        app.strapi.documents(LOGO).update({
          documentId: logos[n],
          data: { order: Math.floor(random() * 1000) } as never,
        }),
      latencies: [],
    };
    const cmLogo: Operation = {
      label: 'CM PUT logo (baseline)',
      run: (n) =>
        http('PUT', `/content-manager/collection-types/${LOGO}/${logos[n]}`, {
          order: Math.floor(random() * 1000),
        }),
      latencies: [],
    };
    const operations: Operation[] = [
      createLogo,
      updateLogo,
      {
        label: 'oficio + design create',
        baseline: createLogo,
        run: async (n) => {
          designs[n] = await runAs(ACTOR, () => createOficioWithDesign(app, area, n));
        },
        latencies: [],
      },
      {
        label: 'design edit (place)',
        baseline: updateLogo,
        run: (n) =>
          runAs(ACTOR, () =>
            app.strapi.documents(DESIGN).update({
              documentId: designs[n],
              data: { place: `${pick(PLACES)}, acceso ${n}` } as never,
            })
          ),
        latencies: [],
      },
      {
        label: 'design pendiente → en_diseno',
        baseline: updateLogo,
        run: (n) =>
          runAs(
            ACTOR,
            () =>
              app.strapi.documents(DESIGN).update({
                documentId: designs[n],
                data: { workflowStatus: 'en_diseno' } as never,
              }),
            'Inicio del diseño'
          ),
        latencies: [],
      },
      cmLogo,
      {
        label: 'CM PUT design (place)',
        baseline: cmLogo,
        run: (n) =>
          http('PUT', `/content-manager/collection-types/${DESIGN}/${httpDesigns[n]}`, {
            place: `${pick(PLACES)}, acceso ${n}`,
          }),
        latencies: [],
      },
      {
        label: 'POST /comunicacion/transitions',
        baseline: cmLogo,
        run: (n) =>
          http('POST', '/comunicacion/transitions', {
            uid: DESIGN,
            documentId: httpDesigns[n],
            to: 'en_diseno',
            comment: 'Inicio del diseño',
          }),
        latencies: [],
      },
    ];

    // Warm-up: every operation WARMUP times, not recorded; then rounds of ROUND writes each.
    for (const operation of operations) {
      for (let n = 0; n < WARMUP; n++) await operation.run(n);
    }
    const measureStarted = Date.now();
    for (let from = WARMUP; from < total; from += ROUND) {
      for (const operation of operations) {
        for (let n = from; n < Math.min(total, from + ROUND); n++) {
          operation.latencies.push(await timed(() => operation.run(n)));
        }
      }
    }
    const measureSeconds = (Date.now() - measureStarted) / 1000;

    // The workflow really ran: every design moved, with one log record per transition.
    const moved = await app.strapi.db
      .query(DESIGN)
      .count({ where: { workflowStatus: 'en_diseno' } });
    const logged = await app.strapi.db
      .query(LOG_UID as UID.ContentType)
      .count({ where: { toStatus: 'en_diseno' } });
    if (moved !== 2 * total || logged !== 2 * total) {
      throw new Error(
        `Se esperaban ${2 * total} diseños en «en_diseno» con su registro; hay ${moved} y ${logged}`
      );
    }

    const rows = operations.map((operation) => {
      const sorted = [...operation.latencies].sort((a, b) => a - b);
      const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
      return { operation, p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean };
    });
    const p50Of = new Map(rows.map((row) => [row.operation, row.p50]));

    const pad = (value: string, width: number) => value.padStart(width);
    console.log(
      `writes: ${WRITES} measured writes per operation after ${WARMUP} warm-up, one at a time, in ` +
        `rounds of ${ROUND} (SQLite); set-up ${setupSeconds.toFixed(0)} s, measuring ` +
        `${measureSeconds.toFixed(0)} s`
    );
    console.log(
      `  ${'operation'.padEnd(32)}${pad('ops/s', 8)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}` +
        `${pad('ratio', 8)}  vs`
    );
    for (const { operation, p50, p95, mean } of rows) {
      const baseline = operation.baseline ?? operation;
      console.log(
        `  ${operation.label.padEnd(32)}${pad((1000 / mean).toFixed(0), 8)}` +
          `${pad(p50.toFixed(1), 9)}${pad(p95.toFixed(1), 9)}` +
          `${pad(`${(p50 / p50Of.get(baseline)!).toFixed(2)}×`, 8)}  ` +
          baseline.label.replace(' (baseline)', '')
      );
    }
    console.log(`writes: ops/s = 1000 ÷ mean latency (writes are sequential)`);
    console.log(`writes: whole run took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
