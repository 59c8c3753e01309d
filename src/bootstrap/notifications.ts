import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

const DEFAULT_RULE = '0 * * * * *';
/** A lease whose holder died lapses after this long (the holder renews it every third). */
const OUTBOX_LEASE_MS = 90_000;
const MONITOR_LEASE_MS = 10 * 60_000;
const OUTBOX_BATCH = 50;
/** A backlog (after downtime, the 08:00 digests) is drained in several batches per tick. */
const OUTBOX_BATCHES_PER_TICK = 20;
const SITE_WEBHOOK_LEASE_MS = 90_000;
const SITE_WEBHOOK_BATCH = 20;
const SITE_WEBHOOK_BATCHES_PER_TICK = 10;

interface DeadlineMonitor {
  run(now?: Date): Promise<unknown>;
}

const logFailure = (strapi: Core.Strapi, task: string) => (error: unknown) =>
  strapi.log.error(
    `La tarea programada "${task}" falló: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
  );

/**
 * One tick: the deadline monitor queues what is due, the outbox sends it, then the site notices.
 * `now` is the tick's scheduled time: what falls due up to it is sent in this tick, and a retry
 * set one minute later falls due exactly at the next one.
 */
export const runNotificationTasks = async (strapi: Core.Strapi, now = new Date()) => {
  const lease = getService('task-lease', strapi);
  const monitor = strapi.service('api::notification.deadline-monitor') as unknown as
    | DeadlineMonitor
    | undefined;
  if (monitor) {
    await lease
      .runExclusive('deadline-monitor', MONITOR_LEASE_MS, () => monitor.run(now))
      .catch(logFailure(strapi, 'deadline-monitor'));
  }
  await lease
    .runExclusive('outbox', OUTBOX_LEASE_MS, async () => {
      const outbox = getService('outbox', strapi);
      for (let batch = 0; batch < OUTBOX_BATCHES_PER_TICK; batch += 1) {
        const { sent, failed, retried } = await outbox.deliverDue({ now, limit: OUTBOX_BATCH });
        if (sent + failed + retried < OUTBOX_BATCH) break;
      }
    })
    .catch(logFailure(strapi, 'outbox'));
  // Notices to the municipal site: their own lease, so a slow site never delays the e-mail.
  await lease
    .runExclusive('site-webhook', SITE_WEBHOOK_LEASE_MS, async () => {
      const webhook = getService('site-webhook', strapi);
      for (let batch = 0; batch < SITE_WEBHOOK_BATCHES_PER_TICK; batch += 1) {
        const { claimed } = await webhook.deliverDue({ now, limit: SITE_WEBHOOK_BATCH });
        if (claimed < SITE_WEBHOOK_BATCH) break;
      }
    })
    .catch(logFailure(strapi, 'site-webhook'));
};

/**
 * Registers the notification worker as a Strapi cron task (every minute unless
 * NOTIFICATIONS_CRON_RULE says otherwise). Every instance registers it; the leases make each
 * step run on one instance at a time. NOTIFICATIONS_CRON=false turns it off (tests call the
 * services directly).
 */
export const scheduleNotifications = ({ strapi }: { strapi: Core.Strapi }) => {
  const production = strapi.config.get('environment') === 'production';
  if (production && !process.env.SMTP_HOST) {
    strapi.log.warn(
      'SMTP_HOST no está definida: los correos de notificación no se envían, solo se escriben en la bitácora. Define SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD y SMTP_FROM.'
    );
  }
  if (['false', '0', 'no'].includes((process.env.NOTIFICATIONS_CRON ?? '').trim().toLowerCase())) {
    return;
  }
  strapi.cron.add({
    notificaciones: {
      // Strapi hands each run its scheduled time.
      task: (_context: unknown, fireDate: unknown) =>
        runNotificationTasks(strapi, fireDate instanceof Date ? fireDate : new Date()),
      options: { rule: process.env.NOTIFICATIONS_CRON_RULE || DEFAULT_RULE },
    },
  });
};
