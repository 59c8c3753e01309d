/**
 * Notifications: e-mail through a transactional outbox and in-app notices for staff.
 * Both are written in the same database transaction as the change that causes them.
 */

/** An e-mail to queue. `dedupeKey` makes the enqueue idempotent (digests, reminders). */
export interface OutgoingEmail {
  to: string;
  /** Admin user or users-permissions user the message is for, when known. */
  toUserId?: number | null;
  subject: string;
  text: string;
  html?: string | null;
  /** e.g. `digest:<userId>:<YYYY-MM-DD>`; a second enqueue with the same key is ignored. */
  dedupeKey?: string | null;
  /** Files of the media library sent with the message; their bytes are read when it goes out. */
  attachments?: EmailAttachment[] | null;
}

/** A media-library file an e-mail carries. */
export interface EmailAttachment {
  fileId: number;
  /** The file name the recipient sees (the file's own name when left out). */
  name?: string | null;
}

/**
 * An attachment as the delivery log keeps it. A file that could not travel is left out of the
 * message (which still goes, saying so) and marked with why: `missing` (the file or its bytes are
 * gone) or `too_large` (over `OUTBOX_ATTACHMENT_MAX_BYTES` for the whole message).
 */
export interface AttachmentRecord extends EmailAttachment {
  omitted?: 'missing' | 'too_large';
}

/** An in-app notice for one admin user (shown in the plugin's Notificaciones list). */
export interface InAppNotice {
  userId: number;
  title: string;
  body: string;
  /** Admin path to open, e.g. `/plugins/comunicacion/oficios/<documentId>`. */
  link?: string | null;
  subjectUid?: string | null;
  subjectDocumentId?: string | null;
  dedupeKey?: string | null;
}

/** Row of `notification_outbox` (the delivery log). */
export interface OutboxRow {
  id: number;
  dedupe_key: string | null;
  recipient: string;
  recipient_user_id: number | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  /** pending → sent, or failed after the last attempt. */
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string | Date;
  last_error: string | null;
  created_at: string | Date;
  sent_at: string | Date | null;
  claimed_by: string | null;
  claimed_until: string | Date | null;
  /** Set while an attempt talks to SMTP; left set by an instance that stopped mid-exchange. */
  sending_since: string | Date | null;
  /** JSON list of {@link AttachmentRecord}, or null for a message without files. */
  attachments: string | null;
}

/** Row of `staff_notifications` (in-app). */
export interface StaffNotificationRow {
  id: number;
  user_id: number;
  title: string;
  body: string;
  link: string | null;
  subject_uid: string | null;
  subject_document_id: string | null;
  dedupe_key: string | null;
  created_at: string | Date;
  read_at: string | Date | null;
}
