import type { AreaRef, ItemBadges, OficioRef, Pagination, StaffMember } from './common';

/** A queue the logged-in staff member may see. */
export interface QueueSummary {
  key: string;
  label: string;
  description: string;
  /** Open items in the queue now. */
  total: number;
  overdue: number;
}

/** One work item (or oficio, in Recepción) in a queue. */
export interface QueueItem {
  /** Content-type UID, e.g. `api::design.design`. */
  uid: string;
  /** Workflow key, e.g. `design`. */
  workflow: string;
  workflowLabel: string;
  documentId: string;
  title: string;
  status: string;
  statusLabel: string;
  /** Business due date (YYYY-MM-DD), null when not computed yet. */
  dueAt: string | null;
  /** When the request was received (the oficio's reception). */
  receivedAt: string | null;
  statusChangedAt: string | null;
  area: AreaRef | null;
  /** The owning oficio; for Recepción rows, the oficio itself. */
  oficio: OficioRef | null;
  assignees: StaffMember[];
  badges: ItemBadges;
  /** Advice that does not block the work, in Spanish (e.g. difusión with less than 8 days). */
  warnings: string[];
  /** Design only: medium and revision rounds; coverage only: start time. */
  medium?: string | null;
  revisionRounds?: number | null;
  startsAt?: string | null;
}

/**
 * GET /comunicacion/queues
 *
 * The queues the staff member may see (one admin permission per queue), with open and overdue counts.
 */
export declare namespace ListQueues {
  export interface Request {
    query: Record<string, never>;
  }
  export interface Response {
    data: QueueSummary[];
  }
}

/**
 * GET /comunicacion/queues/:key
 *
 * One queue's items, paginated in the database, sorted by due date (no date last) then reception
 * time. 403 without the queue's permission, 404 for an unknown queue, 400 for a bad filter.
 */
export declare namespace GetQueue {
  export interface Request {
    params: { key: string };
    query: {
      page?: string;
      /** 1-100, default 25. */
      pageSize?: string;
      /** area documentId */
      area?: string;
      /** one of the queue's states */
      state?: string;
      /** admin user id; `none` for unassigned items */
      assignee?: string;
      /** due date range, inclusive (YYYY-MM-DD) */
      dueFrom?: string;
      dueTo?: string;
      /** text search in title and folio */
      q?: string;
    };
  }
  export interface Response {
    data: QueueItem[];
    meta: {
      queue: QueueSummary;
      /** The states this queue holds, with Spanish labels, for the state filter. */
      states: { workflow: string; state: string; label: string }[];
      pagination: Pagination;
    };
  }
}
