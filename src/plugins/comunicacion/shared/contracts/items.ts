import type { StaffMember } from './common';

/** A transition offered to the staff member, and whether its guards would let it through now. */
export interface AvailableTransitionDto {
  /** The state it starts from (the item's state when the list was read). */
  from: string;
  to: string;
  toLabel: string;
  /** Spanish button label, e.g. «Enviar propuesta a revisión». */
  label: string;
  allowed: boolean;
  /** Why it would be refused now (Spanish), with its code. */
  reason: { code: string; message: string } | null;
  /** Whether to ask for a comment, and with which prompt. */
  comment: { required: boolean; prompt: string } | null;
}

/**
 * GET /comunicacion/items/transitions?uid=<uid>&documentId=<id>
 *
 * The transitions of the item's current state the staff member may fire.
 */
export declare namespace GetItemTransitions {
  export interface Request {
    query: { uid: string; documentId: string };
  }
  export interface Response {
    data: { status: string; statusLabel: string; transitions: AvailableTransitionDto[] };
  }
}

/**
 * POST /comunicacion/items/assign  { uid, documentId, assigneeIds }
 *
 * Replaces a work item's assignees (admin user ids). 400 `INVALID_DATA` for unknown users.
 */
export declare namespace AssignItem {
  export interface Request {
    body: { uid: string; documentId: string; assigneeIds: number[] };
  }
  export interface Response {
    data: { uid: string; documentId: string; assignees: StaffMember[] };
  }
}

/**
 * POST /comunicacion/designs/:documentId/proposals  { fileId }
 *
 * Adds the next numbered proposal version with an uploaded file (upload it first through the
 * media library, `POST /upload`). 400 `MISSING_DATA` without a file, `INVALID_TRANSITION` when the
 * design is not in `en_diseno`.
 */
export declare namespace AddProposal {
  export interface Request {
    params: { documentId: string };
    body: { fileId: number };
  }
  export interface Response {
    data: {
      documentId: string;
      proposals: {
        version: number;
        file: { id: number; name: string; url: string } | null;
        sentAt: string | null;
        decision: string | null;
        feedback: string | null;
      }[];
    };
  }
}

/**
 * GET /comunicacion/meta
 *
 * What the pages need to draw filters and menus: the areas, the staff (for assignment and crew),
 * the caller's visible queues and the plugin permissions the caller holds.
 */
export declare namespace GetMeta {
  export interface Request {
    query: Record<string, never>;
  }
  export interface Response {
    data: {
      user: StaffMember & { roles: string[] };
      areas: { documentId: string; name: string; shortName: string | null; kind: string }[];
      staff: (StaffMember & { roles: string[] })[];
      queues: { key: string; label: string }[];
      /** e.g. ['dashboard.read', 'queues.diseno-senior.read', 'items.assign'] */
      permissions: string[];
    };
  }
}
