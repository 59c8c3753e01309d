import type { Pagination } from './common';

/** One in-app notice of the logged-in staff member. */
export interface NotificationDto {
  id: number;
  title: string;
  body: string;
  /** Admin path to open (e.g. `/plugins/comunicacion/oficios/<documentId>`), when there is one. */
  link: string | null;
  subjectUid: string | null;
  subjectDocumentId: string | null;
  /** ISO instant. */
  createdAt: string;
  /** ISO instant; null while unread. */
  readAt: string | null;
}

/**
 * GET /comunicacion/notifications?page&pageSize&unread=true
 *
 * The caller's own notices, newest first, with their unread count. Any logged-in admin; nobody
 * sees another person's notices. 400 `INVALID_REQUEST` for a bad page, page size (1-100) or filter.
 */
export declare namespace ListNotifications {
  export interface Request {
    query: {
      page?: string;
      /** 1-100, default 20. */
      pageSize?: string;
      /** `true` leaves out the notices already read. */
      unread?: 'true' | 'false';
    };
  }
  export interface Response {
    data: NotificationDto[];
    meta: { pagination: Pagination; unreadCount: number };
  }
}

/**
 * GET /comunicacion/notifications/unread-count
 *
 * How many of the caller's notices are unread (the badge next to «Notificaciones»).
 */
export declare namespace UnreadNotificationsCount {
  export interface Request {
    query: Record<string, never>;
  }
  export interface Response {
    data: { count: number };
  }
}

/**
 * POST /comunicacion/notifications/read   { ids: number[] }
 *
 * Marks some of the caller's notices read. Ids of other people's notices (or unknown ids) are
 * ignored, never an error; 400 `INVALID_REQUEST` when `ids` is missing, empty or not whole numbers.
 */
export declare namespace MarkNotificationsRead {
  export interface Request {
    body: { ids: number[] };
  }
  export interface Response {
    /** How many notices changed from unread to read, and how many stay unread. */
    data: { updated: number; unreadCount: number };
  }
}

/**
 * POST /comunicacion/notifications/read-all
 *
 * Marks every notice of the caller read.
 */
export declare namespace MarkAllNotificationsRead {
  export interface Request {
    body: Record<string, never>;
  }
  export interface Response {
    data: { updated: number; unreadCount: number };
  }
}
