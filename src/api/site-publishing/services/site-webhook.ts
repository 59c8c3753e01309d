import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  appTable,
  claimRows,
  renewClaims,
  clip,
  inCurrentTransaction,
  toIso,
  workerToken,
} from '../../notification/db';
import { requiredEnv } from '../../../utils/required-env';
import { invalid } from '../../../utils/errors';
import { errors } from '@strapi/utils';
import { apiUrlOf, pageUrlOf, siteUrl, webhookUrl } from '../locations';
import {
  itemType,
  retryDelayMs,
  signNotice,
  type DeliveryStatus,
  type PublishableUid,
  type SiteEvent,
  type SiteNotice,
} from '../webhook';

const DELIVERIES = 'site_webhook_deliveries';
const ATTEMPTS = 'site_webhook_attempts';
const TIMEOUT_MS = 10_000;
const DEFAULT_BATCH = 20;
/**
 * How long a claimed row stays reserved for the instance that claimed it. The instance renews its
 * claims while it posts, so only the claims of an instance that stopped lapse; a batch stops
 * taking new rows after a minute and hands the rest back.
 */
const CLAIM_MS = 90_000;
const BATCH_BUDGET_MS = 60_000;

export interface DeliveryRow {
  id: number;
  event: SiteEvent;
  content_type: PublishableUid;
  document_id: string;
  title: string;
  target_url: string | null;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | number | Date | null;
  claimed_by: string | null;
  claimed_until: string | number | Date | null;
  last_http_status: number | null;
  last_error: string | null;
  created_at: string | number | Date;
  delivered_at: string | number | Date | null;
}

interface AttemptRow {
  delivery_id: number;
  attempt: number;
  attempted_at: string | number | Date;
  http_status: number | null;
  error: string | null;
  duration_ms: number;
}

/** A delivery as the plugin answers it (contract `Delivery`). */
export interface DeliveryDto {
  id: number;
  event: SiteEvent;
  uid: PublishableUid;
  documentId: string;
  title: string;
  target: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  lastHttpStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
  log: {
    attempt: number;
    at: string;
    httpStatus: number | null;
    error: string | null;
    durationMs: number;
  }[];
}

export interface SiteDeliveryReport {
  delivered: number;
  retried: number;
}

/** `ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9`, `Sin respuesta en 10 s`, … */
const errorText = (error: unknown): string => {
  if (typeof error === 'object' && error !== null) {
    const { name, message, cause } = error as { name?: string; message?: unknown; cause?: unknown };
    if (name === 'TimeoutError' || name === 'AbortError') {
      return `Sin respuesta en ${TIMEOUT_MS / 1000} s`;
    }
    if (cause && typeof cause === 'object') {
      const { code, message: causeMessage } = cause as { code?: string; message?: string };
      const detail = causeMessage ?? String(message);
      return clip(code && !detail.includes(code) ? `${code}: ${detail}` : detail, 2000);
    }
    if (message !== undefined) return clip(String(message), 2000);
  }
  return clip(String(error), 2000);
};

const toDto = (row: DeliveryRow, attempts: AttemptRow[]): DeliveryDto => ({
  id: Number(row.id),
  event: row.event,
  uid: row.content_type,
  documentId: row.document_id,
  title: row.title,
  target: row.target_url,
  status: row.status,
  attempts: Number(row.attempts),
  nextAttemptAt: row.status === 'pendiente' ? toIso(row.next_attempt_at) : null,
  lastError: row.last_error,
  lastHttpStatus: row.last_http_status === null ? null : Number(row.last_http_status),
  createdAt: toIso(row.created_at)!,
  deliveredAt: toIso(row.delivered_at),
  log: attempts
    .filter((attempt) => Number(attempt.delivery_id) === Number(row.id))
    .sort((a, b) => a.attempt - b.attempt)
    .map((attempt) => ({
      attempt: Number(attempt.attempt),
      at: toIso(attempt.attempted_at)!,
      httpStatus: attempt.http_status === null ? null : Number(attempt.http_status),
      error: attempt.error,
      durationMs: Number(attempt.duration_ms),
    })),
});

/**
 * Notices to the municipal site when an item is published or withdrawn, with their delivery log.
 * `enqueue` writes the notice in the transaction of the state change (a refused change leaves no
 * row); `deliverDue` sends the due ones later, outside any transaction, so a site that is down
 * never blocks a publication: a failed notice waits with exponential backoff (30 s doubling, at
 * most one hour) and is retried until the site takes it. Every attempt is kept.
 */
export const createSiteWebhookService = ({ strapi }: { strapi: Core.Strapi }) => {
  const deliveries = () => appTable(strapi, DELIVERIES);
  const attemptsTable = () => appTable(strapi, ATTEMPTS);

  const withSchema = (trx: Knex.Transaction, table: string) => {
    const schema = strapi.db.getSchemaName();
    return schema ? trx(table).withSchema(schema) : trx(table);
  };

  const withLog = async (rows: DeliveryRow[]) => {
    if (rows.length === 0) return [];
    const log = (await attemptsTable()
      .whereIn(
        'delivery_id',
        rows.map((row) => row.id)
      )
      .orderBy([{ column: 'delivery_id' }, { column: 'attempt' }])) as AttemptRow[];
    return rows.map((row) => toDto(row, log));
  };

  /** Reserves due rows (or the one `id`) for `token` (see {@link claimRows}). */
  const claim = (
    token: string,
    now: Date,
    { limit = DEFAULT_BATCH, id }: { limit?: number; id?: number } = {}
  ) =>
    claimRows<DeliveryRow>(strapi, {
      table: DELIVERIES,
      token,
      now,
      claimMs: CLAIM_MS,
      limit,
      where: (query) => {
        query.where('status', 'pendiente').whereNotNull('target_url');
        if (id === undefined) query.andWhere('next_attempt_at', '<=', now);
        else query.andWhere('id', id);
      },
    });

  /** One POST of the notice; the outcome is written with the attempt, whatever happened. */
  const attempt = async (row: DeliveryRow, token: string, now: Date) => {
    const number = Number(row.attempts) + 1;
    const attemptedAt = new Date();
    const started = Date.now();
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      const secret = requiredEnv('SITE_WEBHOOK_SECRET');
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(row.target_url!, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Calimaya-Comunicacion-Social',
          'X-Calimaya-Event': row.event,
          'X-Calimaya-Delivery': String(row.id),
          'X-Calimaya-Timestamp': String(timestamp),
          'X-Calimaya-Signature': signNotice(secret, timestamp, row.payload),
        },
        body: row.payload,
      });
      httpStatus = response.status;
      const text = await response.text().catch(() => '');
      if (httpStatus < 200 || httpStatus > 299) {
        const excerpt = text.replace(/\s+/g, ' ').trim().slice(0, 200);
        error = `El sitio respondió ${httpStatus}${excerpt ? `: ${excerpt}` : ''}`;
      }
    } catch (caught) {
      error = errorText(caught);
    }
    const durationMs = Date.now() - started;
    const delivered = error === null;

    await strapi.db.connection.transaction(async (trx) => {
      await withSchema(trx, ATTEMPTS).insert({
        delivery_id: row.id,
        attempt: number,
        attempted_at: attemptedAt,
        http_status: httpStatus,
        error,
        duration_ms: durationMs,
      });
      await withSchema(trx, DELIVERIES)
        .where({ id: row.id, claimed_by: token })
        .update({
          attempts: number,
          status: delivered ? 'entregado' : 'pendiente',
          delivered_at: delivered ? new Date() : null,
          next_attempt_at: delivered ? null : new Date(now.getTime() + retryDelayMs(number)),
          last_http_status: httpStatus,
          last_error: error,
          claimed_by: null,
          claimed_until: null,
        });
    });
    if (!delivered) {
      strapi.log.warn(`Aviso ${row.id} al sitio sin entregar (intento ${number}): ${error}`);
    }
    return delivered;
  };

  const assertOutsideTransaction = (what: string) => {
    if (strapi.db.inTransaction()) {
      throw new Error(`${what} no puede ejecutarse dentro de una transacción.`);
    }
  };

  const service = {
    /**
     * Queues the notice of a publish or withdrawal in the current transaction. Without a webhook
     * URL the notice is kept in the log as `sin_destino` and never sent. Returns its id.
     */
    async enqueue(notice: {
      uid: PublishableUid;
      documentId: string;
      event: SiteEvent;
      title: string;
      slug?: string | null;
    }): Promise<number> {
      const now = new Date();
      const [target, site] = await Promise.all([webhookUrl(strapi), siteUrl(strapi)]);
      return inCurrentTransaction(strapi, async (table) => {
        const inserted = (await table(DELIVERIES).insert(
          {
            event: notice.event,
            content_type: notice.uid,
            document_id: notice.documentId,
            title: clip(notice.title || notice.documentId, 300),
            target_url: target ? clip(target, 2000) : null,
            payload: '',
            status: target ? 'pendiente' : 'sin_destino',
            attempts: 0,
            next_attempt_at: target ? now : null,
            created_at: now,
          },
          ['id']
        )) as Array<{ id: number } | number>;
        const first = inserted[0];
        const id = Number(typeof first === 'object' ? first.id : first);
        const body: SiteNotice = {
          id,
          event: notice.event,
          occurredAt: now.toISOString(),
          item: {
            type: itemType(notice.uid),
            documentId: notice.documentId,
            ...(notice.slug ? { slug: notice.slug } : {}),
            title: notice.title,
            pageUrl: pageUrlOf(site, notice.uid, notice),
            apiUrl: apiUrlOf(strapi, notice.uid, notice.documentId),
          },
        };
        await table(DELIVERIES)
          .where({ id })
          .update({ payload: JSON.stringify(body) });
        return id;
      });
    },

    /**
     * Sends the notices due at `now`, at most `limit`. Each row is claimed first, so two
     * instances never send the same notice at once. Must run outside any transaction.
     */
    async deliverDue(
      options: { now?: Date; limit?: number } = {}
    ): Promise<SiteDeliveryReport & { claimed: number }> {
      assertOutsideTransaction('deliverDue()');
      const now = options.now ?? new Date();
      const token = workerToken();
      const rows = await claim(token, now, {
        limit: Math.max(1, Math.floor(options.limit ?? DEFAULT_BATCH)),
      });
      const report = { delivered: 0, retried: 0, claimed: rows.length };
      if (rows.length === 0) return report;
      const startedAt = Date.now();
      const stopRenewing = renewClaims(strapi, {
        table: DELIVERIES,
        token,
        claimMs: CLAIM_MS,
        status: 'pendiente',
      });
      try {
        for (const row of rows) {
          if (Date.now() - startedAt > BATCH_BUDGET_MS) break;
          if (await attempt(row, token, now)) report.delivered += 1;
          else report.retried += 1;
        }
      } finally {
        stopRenewing();
        // Rows left when the batch ran out of time go back to the queue untouched.
        await deliveries()
          .where({ claimed_by: token, status: 'pendiente' })
          .update({ claimed_by: null, claimed_until: null });
      }
      return report;
    },

    /**
     * Tries one pending notice now, whatever its schedule. Returns false when it is not pending
     * or another worker holds it at this moment. Must run outside any transaction.
     */
    async deliverNow(id: number): Promise<boolean> {
      assertOutsideTransaction('deliverNow()');
      const now = new Date();
      const token = workerToken();
      const [row] = await claim(token, now, { id, limit: 1 });
      if (!row) return false;
      await attempt(row, token, now);
      return true;
    },

    /** Starts one attempt of a fresh notice without waiting for it (never fails the caller). */
    kick(id: number | null | undefined) {
      if (!id) return;
      setImmediate(() => {
        service
          .deliverNow(id)
          .catch((error: unknown) =>
            strapi.log.warn(`No se pudo enviar el aviso ${id} al sitio: ${errorText(error)}`)
          );
      });
    },

    /**
     * The retry button: tries the notice once now. A notice without destination takes the
     * webhook URL configured now, if any.
     */
    async retry(id: number): Promise<DeliveryDto> {
      const row = (await deliveries().where({ id }).first()) as DeliveryRow | undefined;
      if (!row) throw new errors.NotFoundError('No existe ese aviso.', { code: 'NOT_FOUND' });
      if (row.status === 'entregado') {
        throw invalid('ALREADY_DELIVERED', 'Este aviso ya se entregó al sitio.');
      }
      if (row.status === 'sin_destino') {
        const target = await webhookUrl(strapi);
        if (!target) {
          throw invalid(
            'NO_TARGET',
            'No hay dirección para avisar al sitio: define SITE_WEBHOOK_URL o el webhook del sitio en la configuración.'
          );
        }
        await deliveries()
          .where({ id, status: 'sin_destino' })
          .update({
            target_url: clip(target, 2000),
            status: 'pendiente',
            next_attempt_at: new Date(),
          });
      }
      if (!(await service.deliverNow(id))) {
        throw invalid(
          'DELIVERY_BUSY',
          'Este aviso se está enviando en este momento; vuelve a intentarlo en unos segundos.'
        );
      }
      return (await service.get(id))!;
    },

    async get(id: number): Promise<DeliveryDto | null> {
      const row = (await deliveries().where({ id }).first()) as DeliveryRow | undefined;
      return row ? (await withLog([row]))[0] : null;
    },

    /** The latest notice of an item, or null. */
    async latestFor(uid: PublishableUid, documentId: string): Promise<DeliveryDto | null> {
      const row = (await deliveries()
        .where({ content_type: uid, document_id: documentId })
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .first()) as DeliveryRow | undefined;
      return row ? (await withLog([row]))[0] : null;
    },

    /** One page of the log, newest first. */
    async list({
      page,
      pageSize,
      status,
    }: {
      page: number;
      pageSize: number;
      status?: DeliveryStatus;
    }): Promise<{ data: DeliveryDto[]; total: number }> {
      const filtered = () => {
        const query = deliveries();
        if (status) query.where('status', status);
        return query;
      };
      const [{ total }] = (await filtered().count({ total: '*' })) as Array<{
        total: number | string;
      }>;
      const rows = (await filtered()
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(pageSize)
        .offset((page - 1) * pageSize)) as DeliveryRow[];
      return { data: await withLog(rows), total: Number(total) };
    },

    /** Raw rows of an item's notices, oldest first (support and tests). */
    async rowsOf(documentId: string): Promise<DeliveryRow[]> {
      return (await deliveries()
        .where({ document_id: documentId })
        .orderBy([{ column: 'id' }])) as DeliveryRow[];
    },
  };
  return service;
};

export type SiteWebhookService = ReturnType<typeof createSiteWebhookService>;

export default createSiteWebhookService;
