import crypto from 'node:crypto';
import path from 'node:path';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { actorFor, useStaffApp } from '../harness/workflow-fixtures';
import { runAs } from '../harness/runtime';
import type { Role } from '../../src/domain/workflows';
import { startHttpPeer, type HttpPeer } from './http-peer';
import {
  WEB,
  attemptsOf,
  deliveriesOf,
  eventually,
  publishableItem,
  workflowState,
} from './publishing-helpers';

type SiteWebhook = {
  deliverDue(options?: { now?: Date; limit?: number }): Promise<{
    delivered: number;
    retried: number;
    claimed: number;
  }>;
};

const SECONDS = 1000;
const time = (value: string | number | Date | null) =>
  value === null ? null : new Date(value).getTime();

/** What the site does with a notice: recompute the signature from the secret it shares. */
const signatureOf = (secret: string, timestamp: string, body: string) =>
  `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

describe('avisos al sitio municipal (webhook firmado con bitácora de entregas)', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  let site: HttpPeer;
  useStaffApp((booted) => ({ app, staff } = booted));

  const webhook = () =>
    app.strapi.service('api::site-publishing.site-webhook') as unknown as SiteWebhook;

  beforeAll(async () => {
    site = await startHttpPeer();
  });
  afterAll(async () => {
    await site?.close();
  });
  afterEach(() => {
    delete process.env.SITE_WEBHOOK_URL;
  });

  const publish = (documentId: string) =>
    app
      .http()
      .post('/comunicacion/publications/publish')
      .set(staff.coordinador_gobierno_digital.auth)
      .send({ uid: WEB, documentId });

  it('un sitio que falla no frena la publicación: se reintenta con espera creciente, cada intento queda y se entrega una sola vez', async () => {
    process.env.SITE_WEBHOOK_URL = `${site.url}/avisos`;
    site.respond([500, 500], 200);
    const before = site.requests.length;
    const item = await publishableItem(app, 'web-publication');

    // Given a site answering 500: the publication goes through anyway.
    const res = await publish(item.documentId).expect(200);
    expect(res.body.data.status).toBe('respondida');
    const aviso = res.body.data.steps.find((step: { key: string }) => step.key === 'aviso');
    expect(aviso).toMatchObject({ ok: true });

    // The immediate attempt (not awaited by the publication) gets the first 500.
    const [delivery] = await deliveriesOf(app, item.documentId);
    await eventually(async () => (await attemptsOf(app, delivery.id)).length === 1);
    let row = (await deliveriesOf(app, item.documentId))[0];
    expect(row).toMatchObject({ status: 'pendiente', attempts: 1 });

    // When the worker runs at each due time: 500 again, then 200.
    const tick1 = new Date(time(row.next_attempt_at)! + 1 * SECONDS);
    expect(
      await webhook().deliverDue({ now: new Date(tick1.getTime() - 2 * SECONDS) })
    ).toMatchObject({
      claimed: 0,
    });
    expect(await webhook().deliverDue({ now: tick1 })).toMatchObject({ retried: 1 });
    row = (await deliveriesOf(app, item.documentId))[0];
    expect(time(row.next_attempt_at)! - tick1.getTime()).toBe(60 * SECONDS);
    const tick2 = new Date(time(row.next_attempt_at)! + 1 * SECONDS);
    expect(await webhook().deliverDue({ now: tick2 })).toMatchObject({ delivered: 1 });
    expect(
      await webhook().deliverDue({ now: new Date(tick2.getTime() + 3_600 * SECONDS) })
    ).toMatchObject({
      claimed: 0,
    });

    // Then: three attempts kept, 500, 500, 200; delivered once.
    const attempts = await attemptsOf(app, delivery.id);
    expect(attempts.map((a) => [a.attempt, a.http_status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    expect(attempts[0].error).toMatch(/El sitio respondió 500/);
    expect(attempts[2].error).toBeNull();
    row = (await deliveriesOf(app, item.documentId))[0];
    expect(row).toMatchObject({ status: 'entregado', attempts: 3 });

    const received = site.requests.slice(before);
    expect(received).toHaveLength(3);
    expect(received.filter((request) => request.answered === 200)).toHaveLength(1);
    const first = received[0];
    const body = JSON.parse(first.body);
    expect(body).toMatchObject({
      id: delivery.id,
      event: 'publicacion.publicada',
      item: {
        type: 'web-publication',
        documentId: item.documentId,
        slug: item.slug,
        title: item.title,
        pageUrl: null,
      },
    });
    expect(body.item.apiUrl).toMatch(new RegExp(`/api/web-publications/${item.documentId}$`));
    expect(Date.parse(body.occurredAt)).toBeGreaterThan(Date.now() - 120_000);
    for (const request of received) {
      expect(request.method).toBe('POST');
      expect(request.url).toBe('/avisos');
      expect(request.body).toBe(first.body);
      expect(request.headers['content-type']).toMatch(/^application\/json/);
      expect(request.headers['x-calimaya-event']).toBe('publicacion.publicada');
      expect(request.headers['x-calimaya-delivery']).toBe(String(delivery.id));
      const timestamp = String(request.headers['x-calimaya-timestamp']);
      expect(Math.abs(Number(timestamp) - request.at.getTime() / 1000)).toBeLessThan(5);
      expect(request.headers['x-calimaya-signature']).toBe(
        signatureOf(process.env.SITE_WEBHOOK_SECRET!, timestamp, request.body)
      );
      expect(request.headers['x-calimaya-signature']).not.toBe(
        signatureOf('otro-secreto', timestamp, request.body)
      );
    }

    // The delivery log as the plugin shows it.
    const log = await app
      .http()
      .get('/comunicacion/site/deliveries')
      .query({ status: 'entregado', pageSize: 100 })
      .set(staff.auxiliar_gobierno_digital.auth)
      .expect(200);
    const shown = log.body.data.find((entry: { id: number }) => entry.id === delivery.id);
    expect(shown).toMatchObject({
      status: 'entregado',
      attempts: 3,
      lastHttpStatus: 200,
      lastError: null,
      nextAttemptAt: null,
      target: `${site.url}/avisos`,
      uid: WEB,
      documentId: item.documentId,
    });
    expect(shown.log.map((entry: { httpStatus: number }) => entry.httpStatus)).toEqual([
      500, 500, 200,
    ]);
    expect(log.body.meta.pagination).toMatchObject({ page: 1, pageSize: 100 });
  });

  it('con el sitio caído (conexión rechazada) el aviso queda pendiente, la espera crece hasta una hora y nunca se pierde', async () => {
    const down = await startHttpPeer();
    await down.stop();
    process.env.SITE_WEBHOOK_URL = `${down.url}/avisos`;
    const item = await publishableItem(app, 'web-publication');

    // Published through the content manager's own Publish button: the same notice is queued.
    await app
      .http()
      .post(`/content-manager/collection-types/${WEB}/${item.documentId}/actions/publish`)
      .set(staff.coordinador_gobierno_digital.auth)
      .send({})
      .expect(200);
    expect(await workflowState(app, WEB, item.documentId)).toBe('publicada');
    const [delivery] = await deliveriesOf(app, item.documentId);
    expect(delivery).toMatchObject({ status: 'pendiente', attempts: 0 });

    const gaps: number[] = [];
    let now = new Date(time(delivery.next_attempt_at)!);
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      await webhook().deliverDue({ now });
      const [row] = await deliveriesOf(app, item.documentId);
      expect(row).toMatchObject({ status: 'pendiente', attempts: attempt });
      gaps.push((time(row.next_attempt_at)! - now.getTime()) / SECONDS);
      now = new Date(time(row.next_attempt_at)!);
    }
    expect(gaps).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    const attempts = await attemptsOf(app, delivery.id);
    expect(attempts).toHaveLength(9);
    for (const attempt of attempts) {
      expect(attempt.http_status).toBeNull();
      expect(attempt.error).toMatch(/ECONNREFUSED/);
    }

    // When the site comes back, the next run delivers it.
    await down.start();
    try {
      expect(await webhook().deliverDue({ now })).toMatchObject({ delivered: 1 });
      expect(down.requests).toHaveLength(1);
      expect(JSON.parse(down.requests[0].body)).toMatchObject({
        id: delivery.id,
        event: 'publicacion.publicada',
      });
      const [row] = await deliveriesOf(app, item.documentId);
      expect(row).toMatchObject({ status: 'entregado', attempts: 10 });
    } finally {
      await down.close();
    }
  });

  it('el Document Service también avisa, y la tarea programada entrega bajo su propio turno', async () => {
    process.env.SITE_WEBHOOK_URL = `${site.url}/avisos`;
    site.respond([], 204);
    const item = await publishableItem(app, 'transparency-document');
    await runAs(actorFor('coordinador_gobierno_digital', staff.coordinador_gobierno_digital), () =>
      app.strapi
        .documents('api::transparency-document.transparency-document')
        .publish({ documentId: item.documentId })
    );
    const [delivery] = await deliveriesOf(app, item.documentId);
    expect(delivery).toMatchObject({ event: 'publicacion.publicada', status: 'pendiente' });
    expect(JSON.parse(delivery.payload).item).toMatchObject({
      type: 'transparency-document',
      documentId: item.documentId,
    });

    const before = site.requests.length;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runNotificationTasks } = require(
      path.resolve(__dirname, '..', '..', 'dist', 'src', 'bootstrap', 'notifications')
    ) as { runNotificationTasks(strapi: unknown): Promise<void> };
    await runNotificationTasks(app.strapi);
    expect((await deliveriesOf(app, item.documentId))[0]).toMatchObject({
      status: 'entregado',
      attempts: 1,
    });
    expect(site.requests.slice(before)).toHaveLength(1);
    const lease = await app.strapi.db
      .connection('task_leases')
      .where({ name: 'site-webhook' })
      .first();
    expect(lease).toMatchObject({ holder: null });
    expect(lease.last_run_at).not.toBeNull();
  });

  it('sin webhook configurado el aviso queda «sin_destino»; reintentarlo pide la dirección y, ya configurada, lo entrega', async () => {
    const item = await publishableItem(app, 'web-publication');
    const res = await publish(item.documentId).expect(200);
    expect(res.body.data.delivery).toMatchObject({ status: 'sin_destino', target: null });
    const aviso = res.body.data.steps.find((step: { key: string }) => step.key === 'aviso');
    expect(aviso.ok).toBe(false);
    expect(aviso.message).toMatch(/sin enviarse/);
    const id = res.body.data.delivery.id;

    // The worker never sends it by itself.
    await webhook().deliverDue({ now: new Date(Date.now() + 7_200 * SECONDS) });
    expect((await deliveriesOf(app, item.documentId))[0]).toMatchObject({
      status: 'sin_destino',
      attempts: 0,
    });

    const retry = () =>
      app
        .http()
        .post(`/comunicacion/site/deliveries/${id}/retry`)
        .set(staff.coordinador_gobierno_digital.auth)
        .send({});
    const refused = await retry().expect(400);
    expect(refused.body.error.details.code).toBe('NO_TARGET');

    process.env.SITE_WEBHOOK_URL = `${site.url}/avisos`;
    site.respond([], 200);
    const delivered = await retry().expect(200);
    expect(delivered.body.data).toMatchObject({
      id,
      status: 'entregado',
      attempts: 1,
      target: `${site.url}/avisos`,
    });
    expect(delivered.body.data.log).toHaveLength(1);
    const again = await retry().expect(400);
    expect(again.body.error.details.code).toBe('ALREADY_DELIVERED');

    const list = await app
      .http()
      .get('/comunicacion/site/deliveries')
      .query({ status: 'sin_destino' })
      .set(staff.coordinador_gobierno_digital.auth)
      .expect(200);
    expect(list.body.data.map((entry: { id: number }) => entry.id)).not.toContain(id);
  });

  it('la bitácora de avisos: solo con permiso, paginada y con filtros válidos', async () => {
    await app
      .http()
      .get('/comunicacion/site/deliveries')
      .set(staff.disenador_senior.auth)
      .expect(403);
    await app
      .http()
      .post('/comunicacion/site/deliveries/1/retry')
      .set(staff.disenador_senior.auth)
      .expect(403);
    const bad = await app
      .http()
      .get('/comunicacion/site/deliveries')
      .query({ status: 'fallido' })
      .set(staff.coordinador_gobierno_digital.auth)
      .expect(400);
    expect(bad.body.error.details.code).toBe('INVALID_REQUEST');
    await app
      .http()
      .post('/comunicacion/site/deliveries/999999/retry')
      .set(staff.coordinador_gobierno_digital.auth)
      .expect(404);

    const page = await app
      .http()
      .get('/comunicacion/site/deliveries')
      .query({ page: 1, pageSize: 2 })
      .set(staff.coordinador_gobierno_digital.auth)
      .expect(200);
    const { total } = page.body.meta.pagination;
    expect(total).toBeGreaterThanOrEqual(4);
    expect(page.body.data).toHaveLength(2);
    expect(page.body.meta.pagination).toEqual({
      page: 1,
      pageSize: 2,
      pageCount: Math.ceil(total / 2),
      total,
    });
    const [newer, older] = page.body.data;
    expect(Date.parse(newer.createdAt)).toBeGreaterThanOrEqual(Date.parse(older.createdAt));
  });
});
