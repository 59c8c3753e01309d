import type { Pagination } from './common';

/** Content types that are published to the municipal site. */
export type PublishableUid =
  | 'api::web-publication.web-publication'
  | 'api::transparency-document.transparency-document';

/** One HTTP check of the verification: the URL read, its status and the hash of what it returned. */
export interface EvidenceCheck {
  url: string;
  httpStatus: number;
  /** `sha256:<hex>`: of the API's `data` JSON, or of the page body. */
  contentHash: string;
}

/** Proof that the item is on the site, stored in the item's `verificationEvidence`. */
export interface Evidence {
  /** ISO instant of the check. */
  checkedAt: string;
  /** The page URL when a site URL is configured, else the API URL. */
  url: string;
  httpStatus: number;
  /** `sha256:<hex>` */
  contentHash: string;
  /** The anonymous content API read. */
  api: EvidenceCheck;
  /** The item's page on the site; null when no site URL is configured. */
  page: EvidenceCheck | null;
}

/** One step of the publishing path and how it went. */
export interface PublicationStep {
  key: 'publicada' | 'aviso' | 'verificada' | 'respondida';
  ok: boolean;
  /** Spanish message for staff (e.g. «El sitio respondió 404 en …»). */
  message: string;
}

/** Every attempt of a delivery is kept. */
export interface DeliveryAttempt {
  attempt: number;
  /** ISO instant. */
  at: string;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** A notice to the municipal site (site webhook) and its delivery log. */
export interface Delivery {
  id: number;
  event: 'publicacion.publicada' | 'publicacion.retirada';
  uid: PublishableUid;
  documentId: string;
  title: string;
  /** Webhook URL; null when none is configured (status `sin_destino`). */
  target: string | null;
  status: 'pendiente' | 'entregado' | 'sin_destino';
  attempts: number;
  /** ISO instant of the next try while pending. */
  nextAttemptAt: string | null;
  lastError: string | null;
  lastHttpStatus: number | null;
  /** ISO instant. */
  createdAt: string;
  /** ISO instant. */
  deliveredAt: string | null;
  log: DeliveryAttempt[];
}

/** The answer oficio (PDF) attached to the item and to its oficio. */
export interface PublicationAnswer {
  url: string;
  name: string;
  /** Answer folio; null when unknown. */
  folio: string | null;
}

/** What a publishing call did, and the item's state afterwards. */
export interface PublicationResult {
  uid: PublishableUid;
  documentId: string;
  title: string;
  /** workflowStatus after the call. */
  status: string;
  steps: PublicationStep[];
  evidence: Evidence | null;
  answer: PublicationAnswer | null;
  /** The latest notice to the site for the item. */
  delivery: Delivery | null;
  /** The item's page on the site, when a site URL is configured. */
  pageUrl: string | null;
}

/**
 * POST /comunicacion/publications/publish   { uid, documentId, comment? }
 *
 * From `lista`: publishes (lista → publicada), queues the site notice, verifies (→ verificada) and
 * answers the oficio with the PDF (→ respondida). Needs `site.publish` and the workflow's role rules.
 * A refused publish (wrong state, blackout, role…) answers 400/403 with the Spanish message and
 * `error.details.code` (e.g. `INVALID_TRANSITION`); nothing changes. A failed verification is not
 * an error: 200 with status `publicada` and the `verificada` step `ok: false` with the reason.
 */
export declare namespace PublishPublication {
  export interface Request {
    body: { uid: PublishableUid; documentId: string; comment?: string | null };
  }
  export interface Response {
    data: PublicationResult;
  }
}

/**
 * POST /comunicacion/publications/verify   { uid, documentId }
 *
 * From `publicada`: verifies and answers. From `verificada`: only answers. Other states answer
 * 400 `INVALID_TRANSITION`. Needs `site.publish`.
 */
export declare namespace VerifyPublication {
  export interface Request {
    body: { uid: PublishableUid; documentId: string };
  }
  export interface Response {
    data: PublicationResult;
  }
}

/**
 * POST /comunicacion/publications/withdraw   { uid, documentId, reason }
 *
 * → `retirada` (Strapi unpublish) with `withdrawalReason`, and a site notice. `reason` needs at
 * least 10 characters (400 `MISSING_DATA` otherwise). Needs `site.publish`.
 */
export declare namespace WithdrawPublication {
  export interface Request {
    body: { uid: PublishableUid; documentId: string; reason: string };
  }
  export interface Response {
    data: PublicationResult;
  }
}

/**
 * GET /comunicacion/publications/status?uid=&documentId=
 *
 * Current state, stored evidence, answer and latest delivery. Needs `site.publish` or
 * `site.deliveries.read`.
 */
export declare namespace PublicationStatus {
  export interface Request {
    query: { uid: PublishableUid; documentId: string };
  }
  export interface Response {
    data: PublicationResult;
  }
}

/**
 * GET /comunicacion/site/deliveries?page=1&pageSize=20&status=pendiente|entregado|sin_destino
 *
 * The delivery log of the site notices, newest first. Needs `site.deliveries.read`.
 */
export declare namespace ListSiteDeliveries {
  export interface Request {
    query: {
      page?: string;
      /** default 20 */
      pageSize?: string;
      status?: Delivery['status'];
    };
  }
  export interface Response {
    data: Delivery[];
    meta: { pagination: Pagination };
  }
}

/**
 * POST /comunicacion/site/deliveries/:id/retry
 *
 * Tries the delivery once now and answers it with its log. Needs `site.publish`.
 */
export declare namespace RetrySiteDelivery {
  export interface Request {
    params: { id: string };
  }
  export interface Response {
    data: Delivery;
  }
}
