import type { Core } from '@strapi/strapi';
import { inCurrentTransaction, toIso } from '../db';
import type { InAppNotice, StaffNotificationRow } from '../types';

const TABLE = 'staff_notifications';
const INSERT_CHUNK = 100;
const MAX_PAGE_SIZE = 100;

const clip = (value: string, length: number) =>
  value.length > length ? `${value.slice(0, length - 1)}…` : value;

const optional = (value: string | null | undefined, length: number) =>
  value?.trim() ? clip(value.trim(), length) : null;

/** One in-app notice as the plugin shows it. */
export interface StaffNotification {
  id: number;
  title: string;
  body: string;
  link: string | null;
  subjectUid: string | null;
  subjectDocumentId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface StaffNotificationPage {
  results: StaffNotification[];
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

const toNotification = (row: StaffNotificationRow): StaffNotification => ({
  id: Number(row.id),
  title: row.title,
  body: row.body,
  link: row.link,
  subjectUid: row.subject_uid,
  subjectDocumentId: row.subject_document_id,
  createdAt: toIso(row.created_at) ?? '',
  readAt: toIso(row.read_at),
});

/**
 * In-app notices for admin users (the plugin's Notificaciones list). Written in the caller's
 * transaction like the outbox; each user only ever reads and marks their own.
 */
export const createStaffNotificationsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Stores notices in the current transaction, if any; a repeated `dedupeKey` is skipped. */
  async notify(notice: InAppNotice | InAppNotice[]): Promise<void> {
    const now = new Date();
    const rows = (Array.isArray(notice) ? notice : [notice])
      .filter((item) => Number.isInteger(item.userId))
      .map((item) => ({
        user_id: item.userId,
        title: clip(item.title, 300),
        body: item.body,
        link: optional(item.link, 500),
        subject_uid: optional(item.subjectUid, 200),
        subject_document_id: optional(item.subjectDocumentId, 100),
        dedupe_key: optional(item.dedupeKey, 255),
        created_at: now,
      }));
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

  /** The user's notices, newest first; `unread: true` leaves out those already read. */
  async list(
    userId: number,
    {
      page = 1,
      pageSize = 20,
      unread = false,
    }: { page?: number; pageSize?: number; unread?: boolean } = {}
  ): Promise<StaffNotificationPage> {
    const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
    const current = Math.max(1, Math.floor(page));
    return inCurrentTransaction(strapi, async (tx) => {
      const mine = () => {
        const query = tx(TABLE).where('user_id', userId);
        return unread ? query.whereNull('read_at') : query;
      };
      const [{ count }] = (await mine().count({ count: '*' })) as Array<{ count: number | string }>;
      const rows = (await mine()
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(size)
        .offset((current - 1) * size)) as StaffNotificationRow[];
      const total = Number(count);
      return {
        results: rows.map(toNotification),
        pagination: { page: current, pageSize: size, pageCount: Math.ceil(total / size), total },
      };
    });
  },

  /** How many of the user's notices are unread. */
  async unreadCount(userId: number): Promise<number> {
    return inCurrentTransaction(strapi, async (tx) => {
      const [{ count }] = (await tx(TABLE)
        .where('user_id', userId)
        .whereNull('read_at')
        .count({ count: '*' })) as Array<{ count: number | string }>;
      return Number(count);
    });
  },

  /** Marks the user's notices read (only theirs; others' ids are ignored). Returns how many changed. */
  async markRead(userId: number, ids: number[] | 'all'): Promise<number> {
    if (ids !== 'all' && ids.length === 0) return 0;
    return inCurrentTransaction(strapi, async (tx) => {
      const query = tx(TABLE).where('user_id', userId).whereNull('read_at');
      if (ids !== 'all') query.whereIn('id', ids.map(Number).filter(Number.isInteger));
      return Number(await query.update({ read_at: new Date() }));
    });
  },
});

export type StaffNotificationsService = ReturnType<typeof createStaffNotificationsService>;

export default createStaffNotificationsService;
