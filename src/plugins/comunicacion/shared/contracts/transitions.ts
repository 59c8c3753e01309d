/**
 * POST /comunicacion/transitions
 *
 * Moves a work item (or an oficio) to another state on behalf of the logged-in staff member.
 * The same rules as every other door apply; refusals answer 400/403 with `error.details.code`.
 */
export declare namespace FireTransition {
  export interface Request {
    body: {
      /** e.g. `api::design.design` */
      uid: string;
      documentId: string;
      /** target status, e.g. `en_revision` */
      to: string;
      comment?: string | null;
    };
  }

  export interface TransitionLogRecord {
    documentId: string;
    subjectUid: string;
    subjectDocumentId: string;
    fromStatus: string | null;
    toStatus: string;
    actorKind: 'admin' | 'api' | 'system';
    actorName: string | null;
    comment: string | null;
    at: string;
  }

  export interface Response {
    data: {
      item: Record<string, unknown> & { documentId: string; status: string };
      log: TransitionLogRecord;
      /** When a design proposal went to review: the area's single-use approval link. */
      approvalLink: { url: string; expiresAt: string } | null;
    };
  }
}
