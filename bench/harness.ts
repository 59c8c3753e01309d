/*
 * What every bench shares: the application in its own process (boot time and resident memory
 * measured), the floor server beside it, the load generator, and the table printed with `× floor`.
 *
 * The floor of an endpoint is the same answer from the plainest possible server (bench/floor-server.js:
 * Node `http` and the database driver) running the same SQL the application ran for it: the bench
 * records the statements of one warm request on the application's own connection and hands them to
 * the floor. Every SELECT is replayed, the staff session and the member's roles included (a plain
 * server must also know who asks and what they may see); what the floor does without is the rest of
 * the framework: token verification, compiled permissions, middlewares, the query builder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import type { TestApp } from '../tests/harness/app';

const ROOT = path.resolve(__dirname, '..');

export interface Server {
  base: string;
  pid: number;
  /** Milliseconds from the spawn to the first moment it accepts requests. */
  bootMs: number;
  /** Resident memory now, in bytes (from /proc). */
  rss(): number;
  stop(): Promise<void>;
}

const rssOf = (pid: number) => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb * 1024;
  } catch {
    return 0;
  }
};

/** Spawns a program that prints `READY <port>` once it listens and stops when stdin closes. */
const serve = (args: string[], env: Record<string, string | undefined>): Promise<Server> =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child: ChildProcess = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let ready = false;
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    child.stderr!.on('data', (chunk) => (err += chunk));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /^READY (\d+)$/m.exec(out);
      if (match && !ready) {
        ready = true;
        resolve({
          base: `http://127.0.0.1:${match[1]}`,
          pid: child.pid!,
          bootMs: Number(process.hrtime.bigint() - started) / 1e6,
          rss: () => rssOf(child.pid!),
          async stop() {
            child.stdin!.end();
            const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            await exited;
            clearTimeout(timer);
          },
        });
      }
    });
    child.on('exit', (code) => {
      if (!ready) reject(new Error(`${args.join(' ')} terminó con ${code}: ${err.slice(-3000)}`));
    });
  });

/**
 * The compiled application in its own process on the bench's database (the environment the
 * in-process instance was booted with: same secrets, same database, so its sessions hold).
 */
export const startApp = (env: Record<string, string | undefined> = {}) =>
  serve(
    // BENCH_APP_NODE_OPTIONS, e.g. `--cpu-prof --cpu-prof-dir=.tmp/profiles`, to look inside.
    [
      ...(process.env.BENCH_APP_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []),
      path.join(ROOT, 'tests', 'harness', 'second-instance.js'),
      JSON.stringify({ action: 'serve' }),
    ],
    env
  );

/** A recorded statement: SQL as the driver receives it, bindings as JSON (dates as { $date }). */
export interface RecordedQuery {
  sql: string;
  bindings: unknown[];
}

export interface FloorRoute {
  queries: RecordedQuery[];
  /** A JSON answer, serialized again by the floor on every request… */
  body?: unknown;
  /** …or a file (an export), sent as it is. */
  file?: { type: string; base64: string };
}

/** The size of what the floor sends for a route: the JSON text, or the file's bytes. */
export const routeBytes = (route: FloorRoute) =>
  route.file ? Buffer.from(route.file.base64, 'base64').length : JSON.stringify(route.body).length;

/**
 * GETs `pathname` once on the in-process application and records the SELECT statements it ran
 * (the session and the member's roles included: a plain server must know who asks too) and the
 * JSON it answered: what the floor will replay.
 */
const recordOnce = async (
  app: TestApp,
  base: string,
  pathname: string,
  headers: Record<string, string> = {}
): Promise<FloorRoute> => {
  const knex = app.strapi.db.connection as unknown as Knex;
  const queries: RecordedQuery[] = [];
  // BENCH_TRACE=1: every statement of the request with its time, replayed or not.
  const trace = new Map<string, { sql: string; started: bigint }>();
  const onStart = (q: { __knexQueryUid: string; sql: string }) =>
    trace.set(q.__knexQueryUid, { sql: q.sql, started: process.hrtime.bigint() });
  const onEnd = (_: unknown, q: { __knexQueryUid: string }) => {
    const entry = trace.get(q.__knexQueryUid);
    if (!entry) return;
    const ms = Number(process.hrtime.bigint() - entry.started) / 1e6;
    console.log(`    ${ms.toFixed(2).padStart(8)} ms  ${entry.sql.slice(0, 150)}`);
  };
  if (process.env.BENCH_TRACE) {
    console.log(`  trace of ${pathname}:`);
    knex.on('query', onStart).on('query-response', onEnd);
  }
  const onQuery = (q: { sql: string; bindings?: unknown[] }) => {
    if (!/^\s*(select|with)\b/i.test(q.sql)) return;
    queries.push({
      sql: q.sql,
      bindings: (q.bindings ?? []).map((b) => (b instanceof Date ? { $date: b.getTime() } : b)),
    });
  };
  knex.on('query', onQuery);
  let res: Response;
  try {
    res = await fetch(`${base}${pathname}`, { headers });
  } finally {
    knex.off('query', onQuery).off('query', onStart).off('query-response', onEnd);
  }
  if (res.status !== 200) throw new Error(`${pathname} respondió ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return { queries, body: await res.json() };
  return {
    queries,
    file: { type, base64: Buffer.from(await res.arrayBuffer()).toString('base64') },
  };
};

/**
 * {@link recordOnce} twice, keeping the reading with fewer statements: a statement some background
 * task ran during the request (a scheduled check) is not the route's.
 */
export const record = async (
  app: TestApp,
  base: string,
  pathname: string,
  headers: Record<string, string> = {},
  /** Runs before each reading (the site bench empties its response cache there). */
  before: () => void = () => undefined
): Promise<FloorRoute> => {
  before();
  const first = await recordOnce(app, base, pathname, headers);
  before();
  const second = await recordOnce(app, base, pathname, headers);
  return second.queries.length < first.queries.length ? second : first;
};

/** The floor server on the same database, answering the recorded routes. */
export const startFloor = (routes: Record<string, FloorRoute>, dbEnv: Record<string, string>) => {
  const file = path.join(ROOT, '.tmp', `floor-routes-${process.pid}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(routes));
  return serve([path.join(__dirname, 'floor-server.js')], { ...dbEnv, FLOOR_ROUTES: file });
};

export interface Load {
  rps: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
  /** Highest resident memory of the servers measured during the load, in bytes. */
  rss: number;
}

/** autocannon in its own process (bench/load-client.js) against one or more servers. */
const runLoad = (options: {
  urls: string[];
  paths: string[];
  connections: number;
  duration: number;
  amount?: number;
  tokens?: string[];
}) =>
  new Promise<Omit<Load, 'rss'>>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'load-client.js')], {
      cwd: ROOT,
      env: { ...process.env, LOAD: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`la carga terminó con ${code}`))
    );
  });

export const WARMUP_S = Number(process.env.BENCH_WARMUP_S || 3);
export const DURATION_S = Number(process.env.BENCH_DURATION_S || 10);
/** Instances of the application on one database for the several-instances lines (PostgreSQL). */
export const INSTANCES = Number(process.env.BENCH_INSTANCES || 1);
/** Fewer answers than this in the window make no percentile: the run is repeated by count. */
const MIN_REQUESTS = 40;

/** A warm-up, then the measured run; the servers' memory is sampled every 250 ms meanwhile. */
export const load = async (
  servers: Server[],
  paths: string[],
  connections: number,
  tokens?: string[]
): Promise<Load> => {
  const urls = servers.map((server) => server.base);
  await runLoad({ urls, paths, connections, duration: WARMUP_S, tokens });
  let rss = 0;
  const sample = () => {
    rss = Math.max(
      rss,
      servers.reduce((total, server) => total + server.rss(), 0)
    );
  };
  const timer = setInterval(sample, 250);
  try {
    let result = await runLoad({ urls, paths, connections, duration: DURATION_S, tokens });
    // An endpoint too slow to answer enough times in the window: a fixed number of requests.
    if (result.requests < MIN_REQUESTS) {
      result = await runLoad({
        urls,
        paths,
        connections,
        duration: DURATION_S,
        amount: MIN_REQUESTS,
        tokens,
      });
    }
    sample();
    const failed = Object.entries(result.statuses).filter(([status]) => status !== '200');
    if (failed.length || result.errors) {
      throw new Error(
        `${paths[0]}: respuestas distintas de 200 (${failed.map(([s, n]) => `${s}×${n}`).join(' ')}), ` +
          `${result.errors} errores`
      );
    }
    return { ...result, rss };
  } finally {
    clearInterval(timer);
  }
};

export interface Line {
  label: string;
  app: Load;
  floor: Load;
  /** The factor this line must meet, if any: p95 within `p95` × floor, throughput ≥ `rps` × floor. */
  target?: { p95?: number; rps?: number };
}

const pad = (value: string, width: number) => value.padStart(width);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)}`;

/** Whether a line meets its target (lines without one always do). */
export const meets = (line: Line) =>
  (line.target?.p95 === undefined || line.app.p95 <= line.target.p95 * line.floor.p95) &&
  (line.target?.rps === undefined || line.app.rps >= line.target.rps * line.floor.rps);

/** The table: the application's figures, the floor's, and the ratios. */
export const printTable = (name: string, lines: Line[]) => {
  console.log(
    `  ${'endpoint'.padEnd(38)}${pad('p50', 7)}${pad('p95', 7)}${pad('req/s', 7)}` +
      `${pad('floor p95', 10)}${pad('floor r/s', 10)}${pad('p95×fl', 8)}${pad('r/s×fl', 8)}` +
      `${pad('RSS MB', 8)}${pad('fl MB', 7)}  target`
  );
  for (const line of lines) {
    const { app, floor } = line;
    const target = [
      line.target?.p95 !== undefined ? `p95 ≤ ${line.target.p95}×` : '',
      line.target?.rps !== undefined ? `r/s ≥ ${line.target.rps}×` : '',
    ]
      .filter(Boolean)
      .join(', ');
    console.log(
      `  ${line.label.padEnd(38)}${pad(app.p50.toFixed(0), 7)}${pad(app.p95.toFixed(0), 7)}` +
        `${pad(app.rps.toFixed(0), 7)}${pad(floor.p95.toFixed(0), 10)}${pad(floor.rps.toFixed(0), 10)}` +
        `${pad(`${(app.p95 / floor.p95).toFixed(2)}×`, 8)}${pad(`${(app.rps / floor.rps).toFixed(2)}×`, 8)}` +
        `${pad(mb(app.rss), 8)}${pad(mb(floor.rss), 7)}  ${target ? `${target} ${meets(line) ? 'met' : 'NOT met'}` : ''}`
    );
  }
  const missed = lines.filter((line) => !meets(line));
  console.log(
    `${name}: ${missed.length === 0 ? 'every target met' : `${missed.length} target(s) NOT met: ${missed.map((l) => l.label).join('; ')}`}`
  );
  return missed.length === 0;
};

/** The machine the figures come from. */
export const machine = () => {
  const cpus = os.cpus();
  return (
    `${new Date().toISOString().slice(0, 10)}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ` +
    `${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.versions.node}, ${os.platform()} ${os.release()}`
  );
};

export const databaseLabel = (client: string) => (client === 'postgres' ? 'PostgreSQL' : 'SQLite');
