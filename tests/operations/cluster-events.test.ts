import request from 'supertest';
import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin } from '../harness/auth';
import { testDatabaseClient } from '../harness/database';
import { startInstance, type Instance } from '../harness/instance';
import { moveTo, publishedItem, readyItem, token } from '../site/site-fixtures';
import type { ListPublicationsResponse } from '../../src/api/public-site/types';
import type { SiteCacheService } from '../../src/api/public-site/services/site-cache';
import { CLUSTER_CHANNEL, listenerApplicationName } from '../../src/utils/cluster-events';

/**
 * Several instances on one PostgreSQL database keep in memory the public response cache and the
 * business calendar; a write on one must reach the others at once, not when their copies expire
 * (ten minutes here, so only the notice between instances can explain a change within a second).
 */
const TTL_ENV = { SITE_CACHE_TTL_SECONDS: '600' };
const POLL_MS = 50;
const WITHIN_MS = 1000;

const HOLIDAY = 'api::holiday.holiday';
const SETTING = 'api::setting.setting';
const DASHBOARD = 'plugin::comunicacion.dashboard.read';

let app: TestApp;
beforeAll(async () => {
  app = await bootApp({ env: TTL_ENV });
});
afterAll(async () => {
  await app?.close();
});

const siteCache = () => app.strapi.service('api::public-site.site-cache') as SiteCacheService;
const idsOf = (body: unknown) =>
  (body as ListPublicationsResponse).data.map((item) => item.documentId);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks `read` every 50 ms until `done` accepts its answer; the milliseconds it took. */
const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, limitMs = 5000) => {
  const started = Date.now();
  let last: T | undefined;
  while (Date.now() - started < limitMs) {
    last = await read();
    if (done(last)) return Date.now() - started;
    await sleep(POLL_MS);
  }
  throw new Error(`Sin cambio en ${limitMs} ms; la última respuesta: ${JSON.stringify(last)}`);
};

describe('avisos entre instancias: la propia instancia (SQLite o PostgreSQL)', () => {
  it('publicar vacía la caché del sitio de la propia instancia', async () => {
    const section = `Local ${token()}`;
    const old = await publishedItem(app, 'web-publication', { title: 'Antes', section });
    const listing = () => app.http().get(`/api/site/publications?section=${section}`).expect(200);
    expect(idsOf((await listing()).body)).toEqual([old]);
    expect(siteCache().stats().entries).toBeGreaterThan(0);

    const fresh = await publishedItem(app, 'web-publication', { title: 'Después', section });

    expect(siteCache().stats().entries).toBe(0);
    expect(idsOf((await listing()).body)).toEqual([fresh, old]);
  });
});

/** The listening connections of this test process on its database. */
const listeners = async () => {
  const result = (await app.strapi.db.connection.raw(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = ? AND state IS NOT NULL`,
    [listenerApplicationName()]
  )) as { rows: { pid: number }[] };
  return result.rows.map((row) => Number(row.pid));
};

const postgresOnly = testDatabaseClient() === 'postgres' ? describe : describe.skip;

postgresOnly('dos instancias sobre la misma base PostgreSQL', () => {
  let second: Instance;
  let there: () => request.Agent;

  beforeAll(async () => {
    // A second Strapi process on the same database (the environment bootApp left), serving HTTP.
    second = startInstance('second-instance.js', { action: 'serve' }, TTL_ENV);
    const base = `http://127.0.0.1:${await second.port()}`;
    there = () => request.agent(base);
  });
  afterAll(async () => {
    await second?.stop();
  });

  it('lo publicado en A se ve en el sitio servido por B en menos de un segundo, y lo retirado también', async () => {
    const section = `Noticias ${token()}`;
    const old = await publishedItem(app, 'web-publication', { title: 'Aviso anterior', section });
    const listing = async () =>
      idsOf((await there().get(`/api/site/publications?section=${section}`).expect(200)).body);

    // Given B's cache holds the listing with the old item only
    expect(await listing()).toEqual([old]);
    expect(await listing()).toEqual([old]);

    // When A publishes a new item through the workflow
    const fresh = await readyItem(app, 'web-publication', { title: 'Aviso nuevo', section });
    await moveTo(app, 'web-publication', fresh, 'publicada');

    // Then B shows it within one second
    const published = await waitFor(listing, (ids) => ids.includes(fresh));
    expect(await listing()).toEqual([fresh, old]);
    expect(published).toBeLessThan(WITHIN_MS);

    // And when A withdraws it, B stops showing it within one second
    await moveTo(app, 'web-publication', fresh, 'retirada', {
      withdrawalReason: 'Información desactualizada',
    });
    const withdrawn = await waitFor(listing, (ids) => !ids.includes(fresh));
    expect(await listing()).toEqual([old]);
    expect(withdrawn).toBeLessThan(WITHIN_MS);

    process.stdout.write(
      `Propagación A → B: publicar ${published} ms, retirar ${withdrawn} ms (sondeo cada ${POLL_MS} ms)\n`
    );
  });

  it('B no recarga antes del commit de A: lo que lee mientras tanto no se queda en su caché', async () => {
    const section = `Transacción ${token()}`;
    const old = await publishedItem(app, 'web-publication', { title: 'Primero', section });
    const listing = async () =>
      idsOf((await there().get(`/api/site/publications?section=${section}`).expect(200)).body);
    expect(await listing()).toEqual([old]);
    const fresh = await readyItem(app, 'web-publication', { title: 'Segundo', section });

    await app.strapi.db.transaction(async () => {
      await moveTo(app, 'web-publication', fresh, 'publicada');
      // A visitor asks B while the publication is written on A but not committed: B answers (and
      // caches) the old listing, having been told nothing yet.
      await sleep(100);
      expect(await listing()).toEqual([old]);
      expect(await listing()).toEqual([old]);
    });

    const visible = await waitFor(listing, (ids) => ids.includes(fresh));
    expect(await listing()).toEqual([fresh, old]);
    expect(visible).toBeLessThan(WITHIN_MS);
  });

  it('un día inhábil y la hora de corte cambiados en A cambian los plazos que calcula B en menos de un segundo', async () => {
    const add = async (from: string, days: number) =>
      (
        await there()
          .get(`/api/business-calendar/add?from=${encodeURIComponent(from)}&days=${days}`)
          .expect(200)
      ).body.data as { date: string; receptionDay: string };

    // Given B has the calendar in memory: Friday 13/11/2026 10:00 + 3 business days → Thursday 19
    expect((await add('2026-11-13T10:00', 3)).date).toBe('2026-11-19');

    // When A adds Wednesday 18 as a non-working day
    const holiday = await app.strapi.documents(HOLIDAY).create({
      data: { date: '2026-11-18', name: 'Aniversario municipal', source: 'municipal' } as never,
    });

    // Then B counts past it within one second
    const moved = await waitFor(
      () => add('2026-11-13T10:00', 3),
      (answer) => answer.date === '2026-11-20'
    );
    expect(moved).toBeLessThan(WITHIN_MS);

    // When A deletes it, B goes back
    await app.strapi.documents(HOLIDAY).delete({ documentId: holiday.documentId });
    const restored = await waitFor(
      () => add('2026-11-13T10:00', 3),
      (answer) => answer.date === '2026-11-19'
    );
    expect(restored).toBeLessThan(WITHIN_MS);

    // When A moves the office-hours cutoff to 17:00, a 17:30 reception counts from the next day
    expect((await add('2026-11-13T17:30', 0)).receptionDay).toBe('2026-11-13');
    const setting = await app.strapi.documents(SETTING).findFirst();
    if (setting) {
      await app.strapi
        .documents(SETTING)
        .update({ documentId: setting.documentId, data: { officeHoursCutoff: '17:00' } as never });
    } else {
      await app.strapi.documents(SETTING).create({ data: { officeHoursCutoff: '17:00' } as never });
    }
    const cutoff = await waitFor(
      () => add('2026-11-13T17:30', 0),
      (answer) => answer.receptionDay === '2026-11-17'
    );
    expect(cutoff).toBeLessThan(WITHIN_MS);

    process.stdout.write(
      `Propagación A → B del calendario: día inhábil ${moved} ms, borrado ${restored} ms, hora de corte ${cutoff} ms\n`
    );
  });

  it('un permiso quitado a un rol en A deja de valer en B en menos de un segundo', async () => {
    const staff = await loginAsAdmin(app, 'cs-coordinador-comunicacion');
    const role = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'cs-coordinador-comunicacion' } });
    const dashboard = async () =>
      (await there().get('/comunicacion/dashboard').set(staff.auth)).status;
    // B has compiled and kept the member's ability.
    expect(await dashboard()).toBe(200);
    expect(await dashboard()).toBe(200);

    const rows = (await app.strapi.db.query('admin::permission').findMany({
      where: { role: role.id, action: DASHBOARD },
    })) as { id: number }[];
    expect(rows.length).toBeGreaterThan(0);
    await app.strapi.db
      .query('admin::permission')
      .deleteMany({ where: { id: rows.map((r) => r.id) } });
    const refused = await waitFor(dashboard, (status) => status === 403);
    expect(refused).toBeLessThan(WITHIN_MS);

    await app.strapi.db.query('admin::permission').create({
      data: { action: DASHBOARD, subject: null, properties: {}, conditions: [], role: role.id },
    });
    const restored = await waitFor(dashboard, (status) => status === 200);
    expect(restored).toBeLessThan(WITHIN_MS);
  });

  it('si se corta la conexión que escucha, se reconecta, vacía sus copias y vuelve a recibir avisos', async () => {
    // Given A has a cached listing and listens on one connection
    const section = `Reconexión ${token()}`;
    await publishedItem(app, 'web-publication', { title: 'En caché', section });
    await app.http().get(`/api/site/publications?section=${section}`).expect(200);
    expect(siteCache().stats().entries).toBeGreaterThan(0);
    const [before] = await listeners();
    expect(before).toBeDefined();
    const generation = siteCache().stats().generation;

    // When the database ends that connection
    await app.strapi.db.connection.raw('SELECT pg_terminate_backend(?)', [before]);

    // Then A listens again on a new connection and has dropped what it kept
    const reconnected = await waitFor(listeners, (pids) => pids.length === 1 && pids[0] !== before);
    expect(siteCache().stats().generation).toBeGreaterThan(generation);
    expect(siteCache().stats().entries).toBe(0);

    // And a notice from another instance reaches it again
    await app.http().get(`/api/site/publications?section=${section}`).expect(200);
    expect(siteCache().stats().entries).toBeGreaterThan(0);
    await app.strapi.db.connection.raw('SELECT pg_notify(?, ?)', [
      CLUSTER_CHANNEL,
      JSON.stringify({ topic: 'site', origin: 'otra-instancia' }),
    ]);
    await waitFor(
      async () => siteCache().stats().entries,
      (entries) => entries === 0,
      WITHIN_MS
    );
    process.stdout.write(`Reconexión tras pg_terminate_backend: ${reconnected} ms\n`);
  });
});
