/*
 * Throughput and latency of the public site listing (a section, newest first, 25 per page) next to
 * Strapi's own core `find` on the same 10,000 published web publications, in the same run, with
 * 50 anonymous connections (autocannon).
 * Run: npm run bench -- site   (or: node -r esbuild-register bench/site.bench.ts)
 *
 * The app is the real one (compiled and booted as the integration tests do) on a fresh SQLite
 * file, or a fresh PostgreSQL database with DATABASE_CLIENT=postgres. The seed writes rows with
 * knex in bulk: it is set-up, not a door under test. Each bulk row copies a row that the workflow
 * published through the Document Service, draft and published version alike (same document_id),
 * so the rows look exactly like Strapi's own.
 *
 *   (a) baseline: without the `cs_site_*` indexes, GET /api/web-publications?filters[section][$eq]=…
 *       &sort=publishedAt:desc&pagination[pageSize]=25 (Strapi's core find, anonymous);
 *   (b) the indexes recreated: GET /api/site/publications?section=…&pageSize=25 (response cache on);
 *   (c) for reference, (b) with the response cache off: what the indexed queries alone give.
 *
 * autocannon runs in a child process so it does not share the server's event loop.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { bootApp, type TestApp } from '../tests/harness/app';
import { createTestDatabase } from '../tests/harness/database';
import { publishedItem } from '../tests/site/site-fixtures';
import { prng, picker } from './random';

const PUBLICATIONS = 10_000;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S || 10);
const WARMUP_S = 3;
const PAGE_SIZE = 25;
const BATCH = 200;
const WEB = 'api::web-publication.web-publication';

/** Sections of the municipal site and their share of the publications. */
const SECTIONS: [string, number][] = [
  ['Noticias', 0.3],
  ['Trámites y servicios', 0.14],
  ['Cultura', 0.12],
  ['Obras públicas', 0.12],
  ['Salud', 0.09],
  ['Educación', 0.09],
  ['Seguridad pública', 0.07],
  ['Desarrollo económico', 0.07],
];

const random = prng(20_261_124);
const pick = picker(random);

const PLACES = [
  'la cabecera municipal',
  'San Andrés Ocotlán',
  'Santa María Nativitas',
  'San Lorenzo Cuauhtenco',
  'Zaragoza de Guadalupe',
  'San Marcos de la Cruz',
  'La Concepción Coatipac',
  'San Bartolito Tlaltelolco',
];
const TOPICS: Record<string, string[]> = {
  Noticias: ['Informe de actividades', 'Entrega de apoyos', 'Reunión con vecinos', 'Convenio'],
  'Trámites y servicios': ['Pago del predial', 'Licencia de funcionamiento', 'Registro civil'],
  Cultura: ['Festival cultural', 'Taller de danza', 'Exposición de artesanías', 'Concierto'],
  'Obras públicas': ['Repavimentación', 'Red de drenaje', 'Alumbrado público', 'Guarniciones'],
  Salud: ['Jornada de vacunación', 'Campaña de esterilización', 'Feria de la salud'],
  Educación: ['Entrega de becas', 'Rehabilitación de aulas', 'Biblioteca municipal'],
  'Seguridad pública': ['Operativo vial', 'Simulacro', 'Patrullaje vecinal'],
  'Desarrollo económico': ['Feria del empleo', 'Apoyo a comercios', 'Mercado local'],
};
const SENTENCES = [
  'El Ayuntamiento de Calimaya informa a la población sobre las acciones realizadas esta semana.',
  'Las actividades se desarrollaron con la participación de vecinas y vecinos de la comunidad.',
  'Para mayor información, acude a las oficinas del Palacio Municipal de lunes a viernes.',
  'La Dirección responsable dará seguimiento a las solicitudes recibidas durante la jornada.',
  'Se invita a la ciudadanía a consultar los requisitos en el portal del municipio.',
  'Los trabajos forman parte del programa anual aprobado por el Cabildo.',
  'Agradecemos la colaboración de las delegaciones y de los comités de participación ciudadana.',
];

const slugify = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const sectionFor = () => {
  let roll = random();
  for (const [section, share] of SECTIONS) {
    roll -= share;
    if (roll <= 0) return section;
  }
  return SECTIONS[0][0];
};

/** Site indexes of this app, as the migration defines them. */
const siteIndexes = (app: TestApp) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(
    path.resolve(
      __dirname,
      '..',
      'database',
      'migrations',
      '2026.11.24T05.00.00.public-site-indexes.js'
    )
  ).indexesOf(app.strapi.db) as { name: string; table: string; columns: string[] }[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createIndexes } = require(
  path.resolve(__dirname, '..', 'database', 'migrations', '2026.11.24T01.00.00.queue-indexes.js')
) as { createIndexes(knex: Knex, indexes: unknown[]): Promise<unknown[]> };

const seed = async (app: TestApp) => {
  const knex = app.strapi.db.connection as unknown as Knex;
  const table = (app.strapi.db.metadata.get(WEB as never) as unknown as { tableName: string })
    .tableName;
  // One publication through the workflow (lista → publicada): its draft and published rows are
  // the templates of every bulk row.
  const sample = await publishedItem(app, 'web-publication', {
    title: 'Plantilla',
    section: 'Noticias',
    slug: 'plantilla',
  });
  const rows = (await knex(table).where({ document_id: sample }).orderBy('id')) as Record<
    string,
    unknown
  >[];
  const draft = { ...rows.find((row) => row.published_at === null)! };
  const published = { ...rows.find((row) => row.published_at !== null)! };
  delete draft.id;
  delete published.id;

  const now = Date.now();
  const bulk: Record<string, unknown>[] = [];
  for (let i = 0; i < PUBLICATIONS; i++) {
    const section = sectionFor();
    const place = pick(PLACES);
    const title = `${pick(TOPICS[section])} en ${place} (${i + 1})`;
    const publishedAt = new Date(now - Math.floor(random() * 3 * 365 * 86_400_000));
    const summary = `${pick(SENTENCES)} ${pick(SENTENCES)}`;
    const body = Array.from(
      { length: 3 },
      () => `${pick(SENTENCES)} ${pick(SENTENCES)} ${pick(SENTENCES)}`
    ).join('\n\n');
    const content = {
      document_id: crypto.randomBytes(12).toString('hex'),
      title,
      slug: `${slugify(title)}-${i + 1}`,
      section,
      summary,
      body: `## ${title}\n\n${body}`,
      is_news: section === 'Noticias' || random() < 0.1,
      created_at: publishedAt,
      updated_at: publishedAt,
    };
    bulk.push({ ...draft, ...content }, { ...published, ...content, published_at: publishedAt });
  }
  await knex.batchInsert(table, bulk, BATCH);
  return table;
};

interface Measure {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  statuses: string;
}

/** autocannon in its own process, cycling over `paths`. */
const cannon = (base: string, paths: string[], duration: number) =>
  new Promise<{
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
  }>((resolve, reject) => {
    const options = {
      url: base,
      connections: CONNECTIONS,
      duration,
      // The baseline's slowest answers take seconds: count them rather than drop them.
      timeout: 30,
      requests: paths.map((p) => ({ method: 'GET', path: p })),
    };
    const child = spawn(
      process.execPath,
      [
        '-e',
        `require('autocannon')(JSON.parse(process.env.CANNON), (error, result) => {
           if (error) { console.error(error); process.exit(1); }
           process.stdout.write(JSON.stringify(result));
         });`,
      ],
      {
        cwd: path.resolve(__dirname, '..'),
        env: { ...process.env, CANNON: JSON.stringify(options) },
        stdio: ['ignore', 'pipe', 'inherit'],
      }
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon terminó con ${code}`))
    );
  });

const measure = async (base: string, label: string, paths: string[]): Promise<Measure> => {
  await cannon(base, paths, WARMUP_S);
  const result = await cannon(base, paths, DURATION_S);
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses: Object.entries(result.statusCodeStats)
      .map(([status, { count }]) => `${status}×${count}`)
      .join(' '),
  };
};

async function main() {
  const started = Date.now();
  const db = await createTestDatabase();
  const app = await bootApp({ db, env: { LOG_LEVEL: 'error', RATE_LIMIT_MAX: '10000000' } });
  try {
    const seedStarted = Date.now();
    await seed(app);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const knex = app.strapi.db.connection as unknown as Knex;
    const { port } = app.strapi.server.httpServer.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const sections = SECTIONS.map(([name]) => name);
    const core = (section: string) =>
      `/api/web-publications?filters[section][$eq]=${encodeURIComponent(section)}` +
      `&sort=publishedAt:desc&pagination[pageSize]=${PAGE_SIZE}`;
    const site = (section: string, page = 1) =>
      `/api/site/publications?section=${encodeURIComponent(section)}&pageSize=${PAGE_SIZE}` +
      (page > 1 ? `&page=${page}` : '');

    // Both endpoints see the same data and agree on the first page.
    const [coreFirst, siteFirst] = await Promise.all([
      fetch(`${base}${core('Cultura')}`).then((res) => res.json()),
      fetch(`${base}${site('Cultura')}`).then((res) => res.json()),
    ]);
    const coreIds = (coreFirst as { data: { documentId: string }[] }).data.map((r) => r.documentId);
    const siteIds = (siteFirst as { data: { documentId: string }[] }).data.map((r) => r.documentId);
    if (coreIds.length !== PAGE_SIZE || coreIds.join() !== siteIds.join()) {
      throw new Error('El endpoint del núcleo y el del sitio no devuelven la misma primera página');
    }
    const total = (siteFirst as { meta: { pagination: { total: number } } }).meta.pagination.total;
    console.log(
      `site: ${PUBLICATIONS.toLocaleString('en-US')} published web publications (plus their ` +
        `drafts) over ${sections.length} sections seeded in ${seedSeconds.toFixed(1)} s; ` +
        `«Cultura» holds ${total.toLocaleString('en-US')}`
    );

    // (a) Baseline: this app's site indexes dropped, Strapi's core find.
    const indexes = siteIndexes(app);
    for (const index of indexes) await knex.raw('DROP INDEX IF EXISTS ??', [index.name]);
    const baseline = await measure(
      base,
      'core find, no site indexes (baseline)',
      sections.map(core)
    );

    // (b) Indexes back; the public listing over sections and a few pages (24 cache keys).
    await createIndexes(knex, indexes);
    const sitePaths = [1, 2, 3].flatMap((page) => sections.map((s) => site(s, page)));
    const cache = app.strapi.service('api::public-site.site-cache') as { invalidate(): void };
    cache.invalidate();
    const cached = await measure(base, '/api/site/publications (cache)', sitePaths);

    // (c) For reference: the same listing with the response cache off (every entry expires).
    process.env.SITE_CACHE_TTL_SECONDS = '0';
    cache.invalidate();
    const uncached = await measure(base, '/api/site/publications (no cache)', sitePaths);
    delete process.env.SITE_CACHE_TTL_SECONDS;

    const pad = (value: string, width: number) => value.padStart(width);
    console.log(
      `site: ${CONNECTIONS} connections, ${DURATION_S} s per endpoint after a ${WARMUP_S} s ` +
        `warm-up, page size ${PAGE_SIZE} (${db.client === 'postgres' ? 'PostgreSQL' : 'SQLite'})`
    );
    console.log(
      `  ${'endpoint'.padEnd(40)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}` +
        `${pad('× core', 9)}${pad('non-2xx', 9)}`
    );
    for (const r of [baseline, cached, uncached]) {
      console.log(
        `  ${r.label.padEnd(40)}${pad(r.rps.toFixed(0), 10)}${pad(r.p50.toFixed(1), 9)}` +
          `${pad(r.p99.toFixed(1), 9)}${pad(`${(r.rps / baseline.rps).toFixed(1)}×`, 9)}` +
          `${pad(String(r.non2xx + r.errors), 9)}`
      );
      if (r.non2xx + r.errors > 0) {
        console.log(`    statuses: ${r.statuses}; errors and timeouts: ${r.errors}`);
      }
    }
    const ratio = cached.rps / baseline.rps;
    const meets = ratio >= 10 && cached.p99 < 100;
    console.log(
      `site: throughput ratio ${ratio.toFixed(1)}× (target ≥ 10×), p99 ${cached.p99.toFixed(1)} ms ` +
        `(target < 100 ms): ${meets ? 'met' : 'NOT met'}`
    );
    console.log(`site: whole run took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
