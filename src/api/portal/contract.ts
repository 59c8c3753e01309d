/**
 * The content API behind the Portal de áreas (`/areas/`). Every route needs a users-permissions
 * token (`Authorization: Bearer <jwt>` from `POST /api/auth/local`) of an account with the role
 * «Área solicitante» linked to an area, and sees only that area's records: another area's oficio,
 * service or file answers 404 `NOT_FOUND`, as if it did not exist. Writes go through the Document
 * Service as the area (actor kind `api`, role `area`), so every workflow rule holds.
 *
 * Refusals: `{ data: null, error: { status, name, message (Spanish), details: { code } } }`.
 * The page shows `message` as is.
 */

import type {
  Choice,
  FieldSpec,
  ItemFieldValue,
  LeadTimeVerdict,
  LogoChoice,
  MissingField,
  RegisteredService,
  ServiceInput,
  ServiceSpec,
} from '../../plugins/comunicacion/shared/contracts/intake';

export type {
  Choice,
  FieldSpec,
  ItemFieldValue,
  LeadTimeVerdict,
  LogoChoice,
  MissingField,
  RegisteredService,
  ServiceInput,
  ServiceSpec,
};

export interface PortalArea {
  documentId: string;
  name: string;
  kind: 'dependencia' | 'organismo_auxiliar' | 'presidencia';
}

/** GET /api/portal/me — who is logged in, for the header. */
export interface MeResponse {
  data: {
    username: string;
    email: string;
    area: PortalArea;
    /** Oficios that wait for something from the area (missing data, a proposal to review). */
    pendingActions: number;
  };
}

/** What the upload door accepts; the page checks it before sending, the server again. */
export interface UploadLimits {
  /** Largest file, in bytes. */
  maxFileBytes: number;
  /** Most files in one request. */
  maxFiles: number;
  /** MIME types accepted (PDF, images, Office documents). */
  mimeTypes: string[];
  /** The same as file extensions, for the `accept` attribute and the hint (`.pdf,.jpg,…`). */
  extensions: string[];
}

/**
 * GET /api/portal/form — the «Nuevo oficio» form: the services this area may ask for (advisory
 * only for organismos auxiliares) with exactly their fields (media fields left out: files go with
 * the scan and attachments), the logo catalogue in its order, addressees, copies and upload limits.
 */
export interface FormResponse {
  data: {
    area: PortalArea;
    addressees: Choice[];
    copies: Choice[];
    logos: LogoChoice[];
    services: ServiceSpec[];
    upload: UploadLimits;
  };
}

/**
 * POST /api/portal/lead-time  { services: ServiceInput[] } — the verdict of each service if the
 * oficio were received now; nothing is written.
 */
export interface LeadTimeResponse {
  data: { receptionDay: string; services: LeadTimeVerdict[] };
}

/**
 * POST /api/portal/oficios — multipart/form-data:
 * - `data`: JSON text of {@link NewOficio};
 * - `scan`: the signed oficio, one PDF or image (required: `SCAN_REQUIRED`);
 * - `attachments`: zero or more further files (PDF, images, Office documents).
 *
 * Files are checked by their content, not their name (`FILE_TYPE_NOT_ALLOWED`, `FILE_TOO_LARGE`,
 * `TOO_MANY_FILES`) before anything is written; then the oficio, its services and its files are
 * stored in one transaction, with the acuse. 201 with {@link OficioCreated}. Files are private:
 * never under a public address, downloaded only through {@link FileRef.url}.
 */
export interface NewOficio {
  subject: string;
  senderReference?: string | null;
  summary?: string | null;
  addressedTo?: string | null;
  copiedTo?: string[] | null;
  /** Person responsible and contact (private). */
  requester?: { name?: string | null; phone?: string | null; email?: string | null };
  services: ServiceInput[];
}

export interface OficioCreated {
  data: {
    documentId: string;
    folio: string;
    receivedAt: string;
    receptionDay: string | null;
    status: string;
    statusLabel: string;
    services: RegisteredService[];
    /** GET address of the acuse PDF ({@link AcuseRoute}). */
    acuseUrl: string;
  };
}

/** A state with its Spanish label. */
export interface StateRef {
  status: string;
  statusLabel: string;
}

/** A requested service as the area follows it. */
export interface PortalService extends StateRef {
  workflow: string;
  /** «Diseño (imprenta o arte digital)», … */
  workflowLabel: string;
  documentId: string;
  title: string;
  /** Business due date (YYYY-MM-DD) when known. */
  dueAt: string | null;
  leadTimeMet: boolean | null;
  /** Data still missing before work may start. */
  missing: MissingField[];
  /** Closed (delivered, published, cancelled…). */
  closed: boolean;
  /** The area may cancel it now (the workflow allows it from this state). */
  cancellable: boolean;
}

/** One line of «Mis oficios». */
export interface PortalOficioRow extends StateRef {
  documentId: string;
  folio: string;
  subject: string;
  receivedAt: string;
  /** Latest due date of its open services, when known. */
  dueAt: string | null;
  /** What the office waits for from the area, in one Spanish sentence; null when nothing. */
  waitingFor: string | null;
  /** The area must act (missing data or a proposal waiting for its decision). */
  needsAction: boolean;
  services: PortalService[];
}

/**
 * GET /api/portal/oficios?page=1&pageSize=20&status=<oficio state>&q=<folio or subject>
 * — the area's oficios, newest first.
 */
export interface OficioListResponse {
  data: PortalOficioRow[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** A file the area may download: through the API, with its token, never a public address. */
export interface FileRef {
  id: number;
  name: string;
  mime: string;
  /** Bytes. */
  size: number;
  kind: 'scan' | 'attachment' | 'acuse' | 'answer' | 'deliverable' | 'proposal';
  /** Spanish description, e.g. «Oficio de respuesta», «Propuesta v2 de "Cartel"». */
  label: string;
  /** GET /api/portal/files/:id (add `?inline=1` to preview instead of download). */
  url: string;
}

/** A proposal waiting for the area's decision (design `en_revision`). */
export interface PendingProposal {
  /** Design documentId: POST /api/designs/:id/decision { version, decision, feedback }. */
  designDocumentId: string;
  title: string;
  version: number;
  file: FileRef | null;
  /** The designer's or coordinator's note that came with it. */
  comment: string | null;
}

/** One entry of the oficio's history the area may read: state changes and messages to it. */
export interface TimelineEntry {
  at: string;
  kind: 'state' | 'message';
  /** «Diseño "Cartel"» or «Oficio». */
  subject: string;
  /** Spanish sentence: «Pasó a "En revisión"», «La Dirección pide: …». */
  text: string;
  /** Comment meant for the area (missing-data request, cancellation reason…); never internal notes. */
  comment: string | null;
}

/** The service form of «Completar datos»: fields with values, editable while its work waits. */
export interface PortalServiceForm {
  workflow: string;
  documentId: string;
  title: string;
  fields: ItemFieldValue[];
}

/** GET /api/portal/oficios/:documentId — everything the oficio page shows. */
export interface OficioDetailResponse {
  data: PortalOficioRow & {
    senderReference: string | null;
    summary: string | null;
    receptionDay: string | null;
    /** The office's request for missing data, as written by the coordinator. */
    missingInformation: string | null;
    /** The answer: folio and date, once `atendido`. */
    responseFolio: string | null;
    responseDate: string | null;
    /** The area may cancel the whole oficio now. */
    cancellable: boolean;
    /** Forms of the services whose data may still be completed (work not started, oficio open). */
    forms: PortalServiceForm[];
    proposals: PendingProposal[];
    files: FileRef[];
    timeline: TimelineEntry[];
  };
}

/**
 * PUT /api/portal/oficios/:documentId/services/:workflow/:itemDocumentId  { fields }
 * — completes or corrects a service's data (only fields of its form, while editable:
 * `READONLY_FIELD`, `OFICIO_CLOSED`). When the oficio waited for information and nothing lacks any
 * more, «Información completada» fires in the same transaction and the clock resumes.
 * Answers the updated {@link OficioDetailResponse}.
 */
export type CompleteServiceResponse = OficioDetailResponse;

/**
 * POST /api/portal/oficios/:documentId/files — multipart `files` (1..maxFiles): more attachments
 * for an open oficio (e.g. what the office asked for). Same checks as filing. Answers
 * `{ data: FileRef[] }` (201).
 */
export interface AddFilesResponse {
  data: FileRef[];
}

/**
 * POST /api/portal/oficios/:documentId/cancel  { reason }
 * POST /api/portal/oficios/:documentId/services/:workflow/:itemDocumentId/cancel  { reason }
 * — cancels while the workflow allows it (`INVALID_TRANSITION` otherwise; `COMMENT_REQUIRED`
 * without a reason). Answers the updated {@link OficioDetailResponse}.
 */
export type CancelResponse = OficioDetailResponse;

/** GET /api/portal/oficios/:documentId/acuse — the acuse de recibo PDF (application/pdf). */
export type AcuseRoute = '/api/portal/oficios/:documentId/acuse';

/**
 * GET /api/portal/files/:id — the bytes of a file of one of the area's oficios (its scan,
 * attachments, acuse, answer, delivered files, proposals), `Content-Disposition: attachment`
 * (`inline` with `?inline=1`), `Cache-Control: private, no-store`. Any other file: 404.
 */
export type FileRoute = '/api/portal/files/:id';
