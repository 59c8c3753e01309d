import { bootApp, type TestApp } from '../harness/app';
import { startSmtpPeer, type SmtpPeer } from '../harness/smtp-peer';
import { getService } from '../../src/utils/get-service';
import { retryDelayMs } from '../../src/api/notification/services/outbox';
import { runNotificationTasks } from '../../src/bootstrap/notifications';
import type { OutboxRow } from '../../src/api/notification/types';

const OFICIO = 'api::oficio.oficio';
const FROM = 'Comunicación Social <avisos@calimaya.test>';
const MAX_ATTEMPTS = 4;

const rowsWhere = (app: TestApp, where: Record<string, unknown>) =>
  app.strapi.db.connection('notification_outbox').where(where).orderBy('id') as Promise<
    OutboxRow[]
  >;

const count = <T>(values: T[]) =>
  values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<T, number>());

describe('correo por SMTP real (servidor smtp-server en 127.0.0.1)', () => {
  let peer: SmtpPeer;
  let app: TestApp;

  beforeAll(async () => {
    peer = await startSmtpPeer({ auth: { user: 'avisos', pass: 'clave-de-prueba' } });
    app = await bootApp({
      env: {
        ...peer.env,
        SMTP_FROM: FROM,
        SMTP_REPLY_TO: 'comunicacion@calimaya.test',
        OUTBOX_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        // The worker runs by itself every second for the first case; later cases remove it.
        NOTIFICATIONS_CRON: 'true',
        NOTIFICATIONS_CRON_RULE: '* * * * * *',
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });
  beforeEach(async () => {
    peer.messages.length = 0;
    await app.strapi.db.connection('notification_outbox').delete();
  });

  it('la tarea programada entrega sola lo que está en la bandeja de salida', async () => {
    await getService('outbox', app.strapi).enqueue({
      to: 'coordinacion@calimaya.test',
      subject: 'Solicitud tardía en espera de aceptación',
      text: 'Hay una solicitud que llegó fuera de plazo.',
    });
    const [message] = await peer.waitFor(1, 15_000);
    expect(message.subject).toBe('Solicitud tardía en espera de aceptación');
    expect(message.to).toEqual(['coordinacion@calimaya.test']);
    // The row is marked sent right after the message is accepted.
    for (let i = 0; i < 50; i += 1) {
      const [row] = await rowsWhere(app, { recipient: 'coordinacion@calimaya.test' });
      if (row.status === 'sent') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [row] = await rowsWhere(app, { recipient: 'coordinacion@calimaya.test' });
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });

    app.strapi.cron.remove('notificaciones');
    // Let a tick that had already started finish before the next cases drive the worker.
    const lease = getService('task-lease', app.strapi);
    while (!(await lease.runExclusive('outbox', 60_000, async () => null)).ran) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('llegan los destinatarios, el remitente y el asunto en español con acentos', async () => {
    const subject = 'Propuesta lista para revisión: Cartel «Día de la Niñez» — aprobación';
    await getService('outbox', app.strapi).enqueue({
      to: 'difusion.cultura@calimaya.test',
      subject,
      text: 'La versión 2 de la propuesta está lista.\nÁbrela aquí: https://calimaya.test/aprobacion/?t=abc',
      html: '<p>La versión 2 de la propuesta está lista.</p>',
    });

    expect(await getService('outbox', app.strapi).deliverDue()).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
    });
    const [message] = await peer.waitFor(1);
    expect(message.to).toEqual(['difusion.cultura@calimaya.test']);
    expect(message.subject).toBe(subject);
    expect(message.headers.from).toBe('Comunicación Social <avisos@calimaya.test>');
    expect(message.headers['reply-to']).toBe('comunicacion@calimaya.test');
    expect(message.text).toContain('La versión 2 de la propuesta está lista.');
    expect(message.text).toContain('https://calimaya.test/aprobacion/?t=abc');
    expect(message.html).toContain('<p>La versión 2 de la propuesta está lista.</p>');
    // The subject travelled encoded (RFC 2047), as non-ASCII headers must.
    expect(message.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
  });

  it('un reintento a un minuto sale en la tarea del minuto siguiente, no en la de después', async () => {
    const outbox = getService('outbox', app.strapi);
    await outbox.enqueue({
      to: 'prensa@calimaya.test',
      subject: 'Cobertura programada',
      text: 'x',
    });
    // A tick at its scheduled time (hh:mm:00.000) while the server refuses service.
    const tick = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000);
    peer.refuse(true);
    await runNotificationTasks(app.strapi, tick);
    const [failed] = await rowsWhere(app, { recipient: 'prensa@calimaya.test' });
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    // The retry is due at the next tick's scheduled time, not a few milliseconds after it.
    expect(new Date(failed.next_attempt_at).getTime()).toBe(tick.getTime() + retryDelayMs(1));

    peer.refuse(false);
    await runNotificationTasks(app.strapi, new Date(tick.getTime() + 60_000));
    const [sent] = await rowsWhere(app, { recipient: 'prensa@calimaya.test' });
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    const [message] = await peer.waitFor(1);
    expect(message.subject).toBe('Cobertura programada');
  });

  it('SMTP caído y luego de vuelta: cada correo en cola se entrega exactamente una vez', async () => {
    const outbox = getService('outbox', app.strapi);
    const subjects = Array.from({ length: 6 }, (_, i) => `Recordatorio ${i + 1}: entrega mañana`);
    // Given the SMTP server is down (connections refused)
    await peer.stop();
    // When changes that notify are saved, they are saved: queuing never talks to the server.
    await app.strapi.db.transaction(async () => {
      await app.strapi.documents(OFICIO).create({
        data: {
          subject: 'Oficio con el correo caído',
          receivedAt: '2027-01-04T16:00:00Z',
          channel: 'digital',
        } as never,
      });
      await outbox.enqueue(
        subjects.map((subject) => ({ to: 'disenio@calimaya.test', subject, text: subject }))
      );
    });

    // Then the worker records each failure and keeps the message for later.
    const t0 = new Date();
    expect(await outbox.deliverDue({ now: t0 })).toEqual({ sent: 0, failed: 0, retried: 6 });
    let rows = await rowsWhere(app, { recipient: 'disenio@calimaya.test' });
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row).toMatchObject({
        status: 'pending',
        attempts: 1,
        claimed_by: null,
        sent_at: null,
      });
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(new Date(row.next_attempt_at).getTime()).toBe(t0.getTime() + retryDelayMs(1));
    }
    // Nothing is retried before its time.
    expect(await outbox.deliverDue({ now: new Date(t0.getTime() + 30_000) })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });

    // The server answers again but refuses service (421): a second failure, a longer wait.
    await peer.start();
    peer.refuse(true);
    const t1 = new Date(t0.getTime() + retryDelayMs(1));
    expect(await outbox.deliverDue({ now: t1 })).toEqual({ sent: 0, failed: 0, retried: 6 });
    rows = await rowsWhere(app, { recipient: 'disenio@calimaya.test' });
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'pending', attempts: 2 });
      expect(row.last_error).toMatch(/421/);
      expect(new Date(row.next_attempt_at).getTime()).toBe(t1.getTime() + retryDelayMs(2));
    }
    expect(peer.messages).toHaveLength(0);

    // The server is back: the worker runs (small batches, as the cron would) until nothing is due.
    peer.refuse(false);
    let now = new Date(t1.getTime() + retryDelayMs(2));
    const sentPerRound: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      const report = await outbox.deliverDue({ now, limit: 4 });
      sentPerRound.push(report.sent);
      if ((await rowsWhere(app, { status: 'pending' })).length === 0) break;
      now = new Date(now.getTime() + 60_000);
    }
    expect(sentPerRound).toEqual([4, 2]);
    rows = await rowsWhere(app, { recipient: 'disenio@calimaya.test' });
    rows.forEach((row) => expect(row).toMatchObject({ status: 'sent', attempts: 3 }));

    // Later runs send nothing again.
    await outbox.deliverDue({ now: new Date(now.getTime() + 24 * 3_600_000) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const received = count(peer.messages.map((m) => m.headers['x-notificacion-id']));
    expect([...received.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(peer.messages.map((m) => m.subject).sort()).toEqual([...subjects].sort());
    peer.messages.forEach((m) => expect(m.to).toEqual(['disenio@calimaya.test']));
  });

  it(`tras ${MAX_ATTEMPTS} intentos fallidos el correo queda como no entregado y no se reintenta`, async () => {
    const outbox = getService('outbox', app.strapi);
    await outbox.enqueue({ to: 'sin.servidor@calimaya.test', subject: 'Aviso', text: 'Aviso' });
    await peer.stop();
    try {
      let now = new Date();
      const reports = [];
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        reports.push(await outbox.deliverDue({ now }));
        now = new Date(now.getTime() + retryDelayMs(attempt));
      }
      expect(reports.map((r) => [r.retried, r.failed])).toEqual([
        ...Array.from({ length: MAX_ATTEMPTS - 1 }, () => [1, 0]),
        [0, 1],
      ]);
      const [row] = await rowsWhere(app, { recipient: 'sin.servidor@calimaya.test' });
      expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, sent_at: null });
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);

      await peer.start();
      expect(await outbox.deliverDue({ now: new Date(now.getTime() + 86_400_000) })).toEqual({
        sent: 0,
        failed: 0,
        retried: 0,
      });
      expect(peer.messages).toHaveLength(0);
    } finally {
      await peer.start();
    }
  });
});
