/*
 * The public site listing (a section, newest first, 25 per page) over 10,000 published web
 * publications, with its response cache and without it, next to its floor: the same answer from a
 * plain Node `http` server running the same SQL the application runs on a cache miss
 * (bench/harness.ts), 50 anonymous connections, on SQLite or, with DATABASE_CLIENT=postgres, on
 * PostgreSQL. With BENCH_INSTANCES=2 (PostgreSQL) the listing runs again against two instances on
 * the same database and the throughput is printed against one.
 * Run: npm run bench -- site
 *
 * The seed writes rows with knex in bulk: it is set-up, not a door under test. Each bulk row copies
 * a row that the workflow published through the Document Service, draft and published version
 * alike (same document_id), so the rows look exactly like Strapi's own.
 */
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { bootApp, type TestApp } from '../tests/harness/app';
import { createTestDatabase } from '../tests/harness/database';
import { publishedItem } from '../tests/site/site-fixtures';
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
  type Server,
} from './harness';

const PUBLICATIONS = 10_000;
const CONNECTIONS = 50;
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

/** The cached listing: throughput at least this share of the floor's. */
const CACHED_RPS_TARGET = 0.6;
/** Without the cache: p95 within this factor of the floor's. */
const UNCACHED_P95_TARGET = 3;

async function main() {
  const started = Date.now();
  const db = await createTestDatabase();
  const app = await bootApp({ db, env: { LOG_LEVEL: 'error', RATE_LIMIT_MAX: '10000000' } });
  const servers: Server[] = [];
  let appClosed = false;
  try {
    const seedStarted = Date.now();
    await seed(app);
    // Statistics of the bulk rows, as the database gathers them on its own in service.
    await (app.strapi.db.connection as unknown as Knex).raw('ANALYZE');
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const { port } = app.strapi.server.httpServer.address() as AddressInfo;
    const local = `http://127.0.0.1:${port}`;
    const sections = SECTIONS.map(([name]) => name);
    const site = (section: string, page = 1) =>
      `/api/site/publications?section=${encodeURIComponent(section)}&pageSize=${PAGE_SIZE}` +
      (page > 1 ? `&page=${page}` : '');

    // The listing over sections and a few pages: 24 cache keys.
    const paths = [1, 2, 3].flatMap((page) => sections.map((s) => site(s, page)));
    const first = (await fetch(`${local}${site('Cultura')}`).then((res) => res.json())) as {
      data: unknown[];
      meta: { pagination: { total: number } };
    };
    if (first.data.length !== PAGE_SIZE) throw new Error('La primera página no está completa');
    console.log(
      `site: ${PUBLICATIONS.toLocaleString('en-US')} published web publications (plus their ` +
        `drafts) over ${sections.length} sections seeded in ${seedSeconds.toFixed(1)} s ` +
        `(${databaseLabel(db.client)}); «Cultura» holds ` +
        `${first.meta.pagination.total.toLocaleString('en-US')}`
    );

    // What a cache miss runs, for the floor to replay.
    const cache = app.strapi.service('api::public-site.site-cache') as { invalidate(): void };
    const routes: Record<string, FloorRoute> = {};
    for (const path of paths) {
      // A warm miss: what the first request of the process loads once is not the listing's.
      cache.invalidate();
      await fetch(`${local}${path}`).then((res) => res.arrayBuffer());
      routes[path] = await record(app, local, path, {}, () => cache.invalidate());
    }
    await app.close({ keepDatabase: true });
    appClosed = true;

    const floor = await startFloor(routes, db.env);
    servers.push(floor);
    const floorLoad = await load([floor], paths, CONNECTIONS);

    const cachedApp = await startApp();
    servers.push(cachedApp);
    const cached = await load([cachedApp], paths, CONNECTIONS);
    let cluster: { one: number; many: number; count: number } | null = null;
    const count = INSTANCES;
    if (count > 1) {
      const others: Server[] = [];
      for (let i = 1; i < count; i++) others.push(await startApp());
      servers.push(...others);
      const many = await load([cachedApp, ...others], paths, CONNECTIONS);
      cluster = { one: cached.rps, many: many.rps, count };
      for (const other of others) await other.stop();
    }
    await cachedApp.stop();

    // The same application with every cache entry expiring at once: each request runs its queries.
    const uncachedApp = await startApp({ SITE_CACHE_TTL_SECONDS: '0' });
    servers.push(uncachedApp);
    const uncached = await load([uncachedApp], paths, CONNECTIONS);

    console.log(
      `site: ${CONNECTIONS} connections over ${paths.length} listing pages, ${DURATION_S} s per line ` +
        `after a ${WARMUP_S} s warm-up (${databaseLabel(db.client)}; ${machine()})`
    );
    const ok = printTable('site', [
      {
        label: '/api/site/publications (cache)',
        app: cached,
        floor: floorLoad,
        target: { rps: CACHED_RPS_TARGET },
      },
      {
        label: '/api/site/publications (no cache)',
        app: uncached,
        floor: floorLoad,
        target: { p95: UNCACHED_P95_TARGET },
      },
    ]);
    const statements = Object.values(routes).map((route) => route.queries.length);
    console.log(
      `  floor: ${Math.min(...statements)}–${Math.max(...statements)} SQL statement(s) per page, ` +
        `${routeBytes(routes[paths[0]]).toLocaleString('en-US')} bytes for the first`
    );
    console.log(
      `  start-up: the application ${(cachedApp.bootMs / 1000).toFixed(1)} s on the seeded ` +
        `database, the floor ${(floor.bootMs / 1000).toFixed(2)} s`
    );
    if (cluster) {
      console.log(
        `site: ${cluster.count} instances on one ${databaseLabel(db.client)} database, cached ` +
          `listing: one ${cluster.one.toFixed(0)} req/s, ${cluster.count} ` +
          `${cluster.many.toFixed(0)} req/s (${(cluster.many / cluster.one).toFixed(2)}×)`
      );
    }
    console.log(`site: whole run took ${((Date.now() - started) / 1000).toFixed(0)} s`);
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
