import type { AreaRef, ItemBadges, StaffMember } from './common';
import type { AvailableTransitionDto } from './items';
import type { MissingField } from './intake';

/** A file attached to the oficio or one of its work items. */
export interface OficioDocument {
  id: number;
  name: string;
  url: string;
  mime: string;
  /** Downloaded through `GET /comunicacion/files/:id` (private files are not served at `url`). */
  /** What the file is, in Spanish, e.g. «Oficio escaneado», «Propuesta v2», «Respuesta». */
  label: string;
  kind: 'scan' | 'proposal' | 'response' | 'attachment' | 'acuse';
  /** Work item it belongs to, when not the oficio itself. */
  subjectUid?: string;
  subjectDocumentId?: string;
}

/** One record of the transition log, for the timeline. */
interface TimelineBase {
  documentId: string;
  at: string;
  subjectUid: string;
  subjectDocumentId: string;
  subjectTitle: string | null;
  workflowLabel: string;
  actorKind: 'admin' | 'api' | 'system';
  actorName: string | null;
  /** The transition's comment, or the reason of an edit or correction. */
  comment: string | null;
}

/** A state change (the transition log). */
export interface TransitionEntry extends TimelineBase {
  kind: 'transition';
  fromStatus: string | null;
  fromLabel: string | null;
  toStatus: string;
  toLabel: string;
}

/** One changed field of an edit; personal data says only that it changed. */
export interface TimelineChange {
  field: string;
  label: string;
  /** Display values; null for personal data (and for an empty value). */
  from: string | null;
  to: string | null;
  personal: boolean;
}

/** Any other write to the oficio or its items (the audit trail): who, through which door, what. */
export interface EditEntry extends TimelineBase {
  kind: 'edit';
  /**
   * The audit trail's action (`update`, `correction`, …), or `late_acceptance`: a coordinator
   * accepted the late request (`actorName` who, `at` when, `comment` the justification).
   */
  action: string;
  actionLabel: string;
  door: string;
  doorLabel: string;
  changes: TimelineChange[];
}

/** The oficio's Historial: state changes and edits in one timeline, oldest first. */
export type TimelineEntry = TransitionEntry | EditEntry;

/** A work item of the oficio, with the actions the staff member may take now. */
export interface OficioItem {
  uid: string;
  workflow: string;
  workflowLabel: string;
  documentId: string;
  title: string;
  status: string;
  statusLabel: string;
  dueAt: string | null;
  assignees: StaffMember[];
  badges: ItemBadges;
  /** Advice that does not block the work, in Spanish (e.g. difusión with less than 8 days). */
  warnings: string[];
  transitions: AvailableTransitionDto[];
  /** The data its work still needs (SPEC §2), now; empty once complete or when it is closed. */
  missing: MissingField[];
}

/**
 * GET /comunicacion/oficios/:documentId
 *
 * One oficio with its data, work items, documents, response and the timeline of every transition
 * (oldest first). 404 when it does not exist.
 */
export declare namespace GetOficio {
  export interface Request {
    params: { documentId: string };
  }
  export interface Response {
    data: {
      oficio: {
        documentId: string;
        folio: string;
        senderReference: string | null;
        subject: string;
        summary: string | null;
        receivedAt: string;
        receptionDay: string | null;
        channel: string | null;
        status: string;
        statusLabel: string;
        area: AreaRef | null;
        isLate: boolean;
        lateReasons: string | null;
        lateJustification: string | null;
        lateAcceptedAt: string | null;
        lateAcceptedBy: string | null;
        missingInformation: string | null;
        requester: { name: string | null; phone: string | null; email: string | null };
        response: { folio: string | null; date: string | null; document: OficioDocument | null };
        transitions: AvailableTransitionDto[];
      };
      items: OficioItem[];
      documents: OficioDocument[];
      timeline: TimelineEntry[];
    };
  }
}

/**
 * POST /comunicacion/oficios/:documentId/accept-late  { justification }
 *
 * A coordinator accepts a late request with a written justification (at least 15 characters);
 * who and when are recorded. 400 `COMMENT_REQUIRED` without justification, 400 `NOT_LATE` when the
 * oficio is not late or already accepted.
 */
export declare namespace AcceptLate {
  export interface Request {
    params: { documentId: string };
    body: { justification: string };
  }
  export interface Response {
    data: { documentId: string; lateAcceptedAt: string; lateAcceptedBy: string | null };
  }
}
