import { bootApp, type TestApp } from '../harness/app';
import { testDatabaseClient } from '../harness/database';
import { startInstance as startOther } from '../harness/instance';
import { startSmtpPeer, type SmtpPeer } from '../harness/smtp-peer';
import { getService } from '../../src/utils/get-service';
import { CLAIM_MS, INTERRUPTED_ATTEMPT } from '../../src/api/notification/services/outbox';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The other instance: tests/harness/notifications-instance.js on the same database. */
const startInstance = (command: Record<string, unknown>) =>
  startOther('notifications-instance.js', command);

// SQLite is a file for one process at a time; instances sharing a database means PostgreSQL.
const postgresOnly = testDatabaseClient() === 'postgres' ? describe : describe.skip;

postgresOnly('dos instancias sobre la misma base PostgreSQL (se omite en SQLite)', () => {
  let peer: SmtpPeer;
  let app: TestApp;

  beforeAll(async () => {
    // A slow peer (40 messages take seconds) keeps both workers busy at the same time.
    peer = await startSmtpPeer({ delayMs: 100 });
    app = await bootApp({ env: peer.env });
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  it('las dos entregan la bandeja de salida a la vez y cada correo llega exactamente una vez', async () => {
    const outbox = getService('outbox', app.strapi);
    const subjects = Array.from({ length: 40 }, (_, i) => `Resumen diario ${i + 1}`);
    await outbox.enqueue(
      subjects.map((subject, i) => ({
        to: `persona${i % 5}@calimaya.test`,
        subject,
        text: subject,
        dedupeKey: `digest:${i}:2027-01-04`,
      }))
    );

    const other = startInstance({ action: 'deliver', limit: 3 });
    await other.ready();
    other.go();
    let sentHere = 0;
    for (;;) {
      const report = await outbox.deliverDue({ limit: 3 });
      sentHere += report.sent;
      const pending = await app.strapi.db
        .connection('notification_outbox')
        .where('status', 'pending')
        .count({ n: '*' });
      if (Number(pending[0].n) === 0) break;
      if (report.sent === 0) await sleep(20);
    }
    const sentThere = (await other.result<{ sent: number }>()).sent;

    expect(sentHere + sentThere).toBe(40);
    // Both really worked at the same time.
    expect(sentHere).toBeGreaterThan(0);
    expect(sentThere).toBeGreaterThan(0);
    await sleep(300);
    expect(peer.messages.map((m) => m.subject).sort()).toEqual([...subjects].sort());
    const rows = await app.strapi.db.connection('notification_outbox').select('status', 'attempts');
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });

  it('una instancia muere mientras el servidor SMTP tiene el mensaje: el intento queda registrado y otra lo retoma en menos de dos minutos', async () => {
    const outbox = getService('outbox', app.strapi);
    const table = () => app.strapi.db.connection('notification_outbox');
    await table().delete();
    peer.messages.length = 0;
    await outbox.enqueue({
      to: 'cultura@calimaya.test',
      subject: 'Propuesta lista para revisión',
      text: 'Hay una propuesta de diseño esperando su revisión.',
    });

    peer.hold(true);
    const other = startInstance({ action: 'deliver', limit: 1 });
    await other.ready();
    other.go();
    await peer.waitFor(1);
    other.kill();
    await other.exited;
    peer.hold(false);

    // The attempt was written down before SMTP heard of it; the claim lapses soon.
    const [interrupted] = await table().select();
    expect(interrupted).toMatchObject({ status: 'pending', attempts: 1 });
    expect(interrupted.sending_since).not.toBeNull();
    expect(interrupted.claimed_by).not.toBeNull();
    const lapse = new Date(interrupted.claimed_until).getTime() - Date.now();
    expect(lapse).toBeLessThanOrEqual(CLAIM_MS);
    // While the claim holds nobody else sends it.
    expect((await outbox.deliverDue()).sent).toBe(0);

    const later = new Date(new Date(interrupted.claimed_until).getTime() + 1000);
    expect(await outbox.deliverDue({ now: later })).toMatchObject({ sent: 1 });
    const [first, second] = await peer.waitFor(2);
    expect(second.headers['message-id']).toBe(first.headers['message-id']);
    expect(second.headers['x-notificacion-id']).toBe(String(interrupted.id));
    expect(second.subject).toBe('Propuesta lista para revisión');
    const [row] = await table().select();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, sending_since: null });
    expect(row.last_error).toBe(INTERRUPTED_ATTEMPT);
  });

  it('runExclusive: nunca corren a la vez en las dos instancias', async () => {
    const lease = getService('task-lease', app.strapi);
    const command = { name: 'monitor-de-plazos', ttlMs: 5000, holdMs: 80, durationMs: 3000 };
    const other = startInstance({ action: 'exclusive', ...command });
    await other.ready();
    other.go();
    const here: Array<[number, number]> = [];
    const until = Date.now() + command.durationMs;
    while (Date.now() < until) {
      await lease.runExclusive(command.name, command.ttlMs, async () => {
        const start = Date.now();
        await sleep(command.holdMs);
        here.push([start, Date.now()]);
      });
      await sleep(5 + Math.random() * 20);
    }
    const there = await other.result<Array<[number, number]>>();

    expect(here.length).toBeGreaterThan(0);
    expect(there.length).toBeGreaterThan(0);
    const runs = [...here, ...there].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < runs.length; i += 1) {
      expect(runs[i][0]).toBeGreaterThanOrEqual(runs[i - 1][1]);
    }
  });

  it('si la instancia que tiene el turno muere, el turno vence y otra lo toma', async () => {
    const lease = getService('task-lease', app.strapi);
    const ttlMs = 3000;
    const other = startInstance({ action: 'hold', name: 'bandeja', ttlMs });
    await other.ready();
    other.go();
    await other.marker('HOLDING');

    expect(await lease.runExclusive('bandeja', ttlMs, async () => 'aquí')).toEqual({ ran: false });
    expect((await lease.get('bandeja'))?.holder).toContain(`:${other.pid}:`);
    // Held longer than its ttl: the holder renews it while it is alive.
    await sleep(ttlMs + 500);
    expect(await lease.runExclusive('bandeja', ttlMs, async () => 'aquí')).toEqual({ ran: false });

    other.kill();
    await other.exited;
    const killedAt = Date.now();
    expect(await lease.runExclusive('bandeja', ttlMs, async () => 'aquí')).toEqual({ ran: false });
    let taken: { ran: boolean; result?: string } = { ran: false };
    while (!taken.ran && Date.now() - killedAt < ttlMs + 3000) {
      await sleep(200);
      taken = await lease.runExclusive('bandeja', ttlMs, async () => 'aquí');
    }
    expect(taken).toEqual({ ran: true, result: 'aquí' });
    expect(Date.now() - killedAt).toBeLessThanOrEqual(ttlMs + 1000);
  });
});
