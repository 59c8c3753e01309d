import type { Core } from '@strapi/strapi';
import {
  appTable,
  claimRows,
  clip,
  inCurrentTransaction,
  renewClaims,
  toDate,
  workerToken,
} from '../db';
import { readStoredFile, storedFileOnDisk, type StoredFileRef } from '../../../utils/stored-file';
import type { AttachmentRecord, EmailAttachment, OutboxRow, OutgoingEmail } from '../types';

const TABLE = 'notification_outbox';
const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_BATCH = 50;
const INSERT_CHUNK = 100;
/** First retry after one minute, doubling up to six hours between attempts. */
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 6 * 60 * 60_000;
/**
 * How long a claimed row stays reserved for the instance that claimed it. The instance renews its
 * claims every third of it while it sends, so only a claim whose instance stopped lapses: its
 * rows go to another instance within this time.
 */
export const CLAIM_MS = 90_000;
/** A batch stops taking new rows after this long and hands the rest back to the queue. */
const BATCH_BUDGET_MS = 60_000;
/** What the delivery log says of an attempt whose instance stopped while talking to SMTP. */
export const INTERRUPTED_ATTEMPT =
  'El intento anterior no terminó: la instancia se detuvo mientras hablaba con el servidor de correo, que pudo haber recibido el mensaje. Se envía de nuevo con el mismo Message-ID y X-Notificacion-Id.';

/** Delay before attempt `attempts + 1`, after `attempts` failed ones. */
export const retryDelayMs = (attempts: number) =>
  Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));

/** What one message's files may weigh together: SMTP servers commonly refuse 10 to 25 MB. */
const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const attachmentMaxBytes = () => {
  const value = Number.parseInt(process.env.OUTBOX_ATTACHMENT_MAX_BYTES ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_ATTACHMENT_MAX_BYTES;
};

const FILE_UID = 'plugin::upload.file';

/** The attachments column: JSON on both databases, written and read here only. */
const attachmentsOf = (row: Pick<OutboxRow, 'attachments'>): AttachmentRecord[] => {
  if (!row.attachments) return [];
  try {
    const parsed: unknown =
      typeof row.attachments === 'string' ? JSON.parse(row.attachments) : row.attachments;
    return Array.isArray(parsed)
      ? (parsed as AttachmentRecord[]).filter((entry) => Number.isInteger(entry?.fileId))
      : [];
  } catch {
    return [];
  }
};

const attachmentsColumn = (attachments: readonly EmailAttachment[] | null | undefined) => {
  const valid = (attachments ?? []).filter((entry) => Number.isInteger(entry.fileId));
  return valid.length
    ? JSON.stringify(
        valid.map((entry) => ({
          fileId: entry.fileId,
          ...(entry.name ? { name: clip(entry.name, 200) } : {}),
        }))
      )
    : null;
};

/** The sentence a message gets for a file it could not carry. */
const omissionNote = (name: string, reason: NonNullable<AttachmentRecord['omitted']>) =>
  reason === 'too_large'
    ? `Nota: el archivo «${name}» no se adjuntó porque supera el tamaño que admite el correo (${Math.floor(attachmentMaxBytes() / (1024 * 1024))} MB).`
    : `Nota: el archivo «${name}» no se adjuntó porque ya no está disponible en el servidor.`;

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char
  );

export const maxAttempts = () => {
  const value = Number.parseInt(process.env.OUTBOX_MAX_ATTEMPTS ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_ATTEMPTS;
};

/** `ESOCKET: connect ECONNREFUSED …`, `421: …`: the SMTP code first, for the delivery log. */
const errorText = (error: unknown) => {
  // Not `instanceof Error`: errors from another realm (a VM context, a worker) are plain objects here.
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message, code, responseCode } = error as {
      message: unknown;
      code?: string;
      responseCode?: number;
    };
    const prefix = responseCode ?? code;
    return clip(prefix ? `${prefix}: ${String(message)}` : String(message), 2000);
  }
  return clip(String(error), 2000);
};

/** Domain of the configured sender, for Message-IDs that stay the same on a retry. */
const senderDomain = (strapi: Core.Strapi) => {
  const from = String(strapi.config.get('plugin::email.settings.defaultFrom', '') ?? '');
  return /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'comunicacion.local';
};

export interface DeliveryReport {
  /** Rows delivered in this run. */
  sent: number;
  /** Rows that used their last attempt in this run and are now `failed`. */
  failed: number;
  /** Rows that failed in this run and wait for another attempt. */
  retried: number;
}

/**
 * The e-mail outbox, also the delivery log. `enqueue` writes rows in the caller's transaction
 * (a refused transition leaves no mail behind); `deliverDue` sends them later through Strapi's
 * e-mail plugin, outside any transaction, so an SMTP failure never blocks a transition: a failed
 * row waits with exponential backoff and is retried until `OUTBOX_MAX_ATTEMPTS`.
 *
 * Attachments are media-library file ids; their bytes are read at each attempt. A file deleted
 * since, missing from disk, or that would take the message past `OUTBOX_ATTACHMENT_MAX_BYTES`
 * (10 MB by default, all files together) is left out: the message goes without it, says so in a
 * note, and the row's `attachments` records the omission. The recipient still finds the file where
 * the message points (the Portal de áreas).
 */
export const createOutboxService = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => appTable(strapi, TABLE);

  /** Reserves up to `limit` due rows for `token` (see {@link claimRows}). */
  const claim = (token: string, now: Date, limit: number) =>
    claimRows<OutboxRow>(strapi, {
      table: TABLE,
      token,
      now,
      claimMs: CLAIM_MS,
      limit,
      where: (query) => query.where('status', 'pending').andWhere('next_attempt_at', '<=', now),
    });

  /**
   * The files of a row, read now. A file that is gone, or that would take the message over the
   * size limit, is left out with a note in the message: a missing file never holds a message back.
   */
  const filesOf = async (row: OutboxRow) => {
    const wanted = attachmentsOf(row);
    if (wanted.length === 0) return { files: [], records: [], notes: [] };
    const found = (await strapi.db.query(FILE_UID).findMany({
      where: { id: { $in: wanted.map((entry) => entry.fileId) } },
      select: ['id', 'name', 'url', 'mime'],
    })) as StoredFileRef[];
    const byId = new Map(found.map((file) => [file.id, file]));
    const limit = attachmentMaxBytes();
    let total = 0;
    const files: { filename: string; content: Buffer; contentType?: string }[] = [];
    const records: AttachmentRecord[] = [];
    const notes: string[] = [];
    for (const entry of wanted) {
      const file = byId.get(entry.fileId);
      const name = entry.name || file?.name || `archivo ${entry.fileId}`;
      const record: AttachmentRecord = { fileId: entry.fileId, ...(entry.name ? { name } : {}) };
      const onDisk = file ? await storedFileOnDisk(strapi, file) : null;
      const content =
        file && onDisk && total + onDisk.size <= limit ? await readStoredFile(strapi, file) : null;
      if (!content || total + content.length > limit) {
        record.omitted = onDisk && total + onDisk.size > limit ? 'too_large' : 'missing';
        notes.push(omissionNote(name, record.omitted));
      } else {
        total += content.length;
        files.push({ filename: name, content, ...(file?.mime ? { contentType: file.mime } : {}) });
      }
      records.push(record);
    }
    return { files, records, notes };
  };

  const send = async (row: OutboxRow, domain: string) => {
    const { files, records, notes } = await filesOf(row);
    const text = notes.length ? `${row.text_body}\n\n${notes.join('\n')}` : row.text_body;
    const noteHtml = notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('');
    const html =
      row.html_body && notes.length
        ? row.html_body.includes('</body>')
          ? row.html_body.replace('</body>', `${noteHtml}</body>`)
          : `${row.html_body}${noteHtml}`
        : row.html_body;
    await strapi
      .plugin('email')
      .service('email')
      .send({
        to: row.recipient,
        subject: row.subject,
        text,
        ...(html ? { html } : {}),
        ...(files.length ? { attachments: files } : {}),
        messageId: `<notificacion-${row.id}.${toDate(row.created_at)?.getTime() ?? 0}@${domain}>`,
        headers: { 'X-Notificacion-Id': String(row.id) },
      });
    return records;
  };

  /**
   * One attempt at one claimed row. The attempt is written down before SMTP hears of it, so an
   * instance that dies mid-exchange leaves it on record (`attempts`, `sending_since`) and the next
   * attempt says so in the log: a duplicate can only follow a crash during the SMTP exchange.
   */
  const deliverOne = async (
    row: OutboxRow,
    token: string,
    now: Date,
    domain: string,
    lastAttempt: number
  ): Promise<keyof DeliveryReport> => {
    const mine = () => table().where({ id: row.id, claimed_by: token });
    const attempts = row.attempts + 1;
    const interrupted = row.sending_since !== null && row.sending_since !== undefined;
    const started = await mine().update({
      attempts,
      sending_since: new Date(),
      ...(interrupted ? { last_error: INTERRUPTED_ATTEMPT } : {}),
    });
    // The claim lapsed and another instance has the row: it is theirs now.
    if (Number(started) !== 1) return 'retried';
    let attachments: AttachmentRecord[];
    try {
      attachments = await send(row, domain);
    } catch (error) {
      const final = attempts >= lastAttempt;
      await mine().update({
        status: final ? 'failed' : 'pending',
        next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)),
        last_error: errorText(error),
        sending_since: null,
        claimed_by: null,
        claimed_until: null,
      });
      if (!final) return 'retried';
      strapi.log.error(
        `Correo ${row.id} a ${row.recipient} sin entregar tras ${attempts} intentos: ${errorText(error)}`
      );
      return 'failed';
    }
    await mine().update({
      status: 'sent',
      sent_at: new Date(),
      // The delivery log says which files could not travel.
      ...(attachments.some((entry) => entry.omitted)
        ? { attachments: JSON.stringify(attachments) }
        : {}),
      // An interrupted attempt before this one stays visible: the area may have two copies.
      last_error: interrupted ? INTERRUPTED_ATTEMPT : null,
      sending_since: null,
      claimed_by: null,
      claimed_until: null,
    });
    return 'sent';
  };

  return {
    /**
     * Queues e-mails in the current transaction, if any. An e-mail whose `dedupeKey` is already
     * queued (or sent) is skipped silently. An e-mail without a recipient is skipped with a warning:
     * a missing address must never undo the change that caused the message.
     */
    async enqueue(email: OutgoingEmail | OutgoingEmail[]): Promise<void> {
      const now = new Date();
      const rows = (Array.isArray(email) ? email : [email]).flatMap((message) => {
        const to = (message.to ?? '').trim();
        if (!to) {
          strapi.log.warn(`Correo sin destinatario omitido: «${message.subject}»`);
          return [];
        }
        return [
          {
            dedupe_key: message.dedupeKey?.trim() ? clip(message.dedupeKey.trim(), 255) : null,
            recipient: clip(to, 320),
            recipient_user_id: message.toUserId ?? null,
            subject: clip(message.subject, 500),
            text_body: message.text,
            html_body: message.html ?? null,
            attachments: attachmentsColumn(message.attachments),
            status: 'pending',
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
          },
        ];
      });
      if (rows.length === 0) return;
      await inCurrentTransaction(strapi, async (tx) => {
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          await tx(TABLE)
            .insert(rows.slice(i, i + INSERT_CHUNK))
            .onConflict('dedupe_key')
            .ignore();
        }
      });
    },

    /**
     * Sends the rows that are due at `now`, at most `limit` of them. Each row is claimed first, so
     * two instances running this at the same time never send the same message. Must be called
     * outside any database transaction (a rolled-back "sent" would send the message again).
     */
    async deliverDue(options: { now?: Date; limit?: number } = {}): Promise<DeliveryReport> {
      if (strapi.db.inTransaction()) {
        throw new Error('deliverDue() no puede ejecutarse dentro de una transacción.');
      }
      const now = options.now ?? new Date();
      const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_BATCH));
      const token = workerToken();
      const report: DeliveryReport = { sent: 0, failed: 0, retried: 0 };
      const rows = await claim(token, now, limit);
      if (rows.length === 0) return report;
      const domain = senderDomain(strapi);
      const lastAttempt = maxAttempts();
      const startedAt = Date.now();
      // While this instance lives its claims hold, however slow the SMTP server is.
      const stopRenewing = renewClaims(strapi, {
        table: TABLE,
        token,
        claimMs: CLAIM_MS,
        status: 'pending',
      });

      try {
        for (const row of rows) {
          if (Date.now() - startedAt > BATCH_BUDGET_MS) break;
          report[await deliverOne(row, token, now, domain, lastAttempt)] += 1;
        }
      } finally {
        stopRenewing();
        // Rows left when the batch ran out of time go back to the queue untouched.
        await table()
          .where({ claimed_by: token, status: 'pending' })
          .update({ claimed_by: null, claimed_until: null });
      }
      return report;
    },

    /** Rows of the delivery log, newest first (tests and support). */
    async list(filter: { status?: OutboxRow['status']; recipient?: string } = {}) {
      const query = table().orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
      if (filter.status) query.where('status', filter.status);
      if (filter.recipient) query.where('recipient', filter.recipient);
      return (await query) as OutboxRow[];
    },
  };
};

export type OutboxService = ReturnType<typeof createOutboxService>;

export default createOutboxService;
