/**
 * POST /comunicacion/transitions
 *
 * Moves a work item (or an oficio) to another state on behalf of the logged-in staff member.
 * The same rules as every other door apply; refusals answer 400/403 with `error.details.code`,
 * and 409 `CONCURRENT_CHANGE` when another write changed the item's state first.
 */
export declare namespace FireTransition {
  export interface Request {
    body: {
      /** e.g. `api::design.design` */
      uid: string;
      documentId: string;
      /** target status, e.g. `en_revision` */
      to: string;
      /**
       * The status the staff member saw (the transition's `from`). If another write moved the item
       * meanwhile the answer is 409 `CONCURRENT_CHANGE` with `details.found`; without it, the
       * status the server reads when the request arrives.
       */
      from?: string | null;
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
