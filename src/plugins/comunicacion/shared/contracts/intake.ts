import type { AreaRef, Pagination } from './common';

/**
 * Registering an oficio from the plugin, completing a work item's data where the work is, searching
 * every oficio and exporting what a page shows. Each service's fields come from the domain's list of
 * the data that service needs (SPEC §2): the page never hard-codes them.
 */

/** A choice of a closed list: the stored code and the Spanish name staff read. */
export interface Choice {
  value: string;
  label: string;
}

/** How a field is filled in. */
export type FieldKind =
  | 'string'
  | 'text'
  | 'email'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'time'
  | 'datetime'
  /** One code of `options`. */
  | 'enumeration'
  /** Several codes of `options` (a list). */
  | 'multi'
  /** Institutional logos of the catalogue, in the order they go (documentIds). */
  | 'logos'
  /** One uploaded file (media library id). */
  | 'media'
  /** Several uploaded files (media library ids). */
  | 'media-multiple';

/** One field of a service's form. */
export interface FieldSpec {
  /** Attribute name of the work item. */
  name: string;
  /** Spanish label. */
  label: string;
  kind: FieldKind;
  /** Needed before work may start (SPEC §2): left blank, the oficio waits for it. */
  required: boolean;
  /** Optional hint shown under the field, in Spanish. */
  hint?: string;
  options?: Choice[];
}

/** A service an oficio may request, with exactly the data it needs. */
export interface ServiceSpec {
  /** Workflow key, e.g. `design`, `coverage-event`. */
  workflow: string;
  /** Spanish name, e.g. «Diseño (imprenta o arte digital)». */
  label: string;
  fields: FieldSpec[];
}

/** A logo of the catalogue, active ones only. */
export interface LogoChoice {
  documentId: string;
  name: string;
  url: string | null;
}

/**
 * GET /comunicacion/intake/form
 *
 * What the «Registrar oficio» page offers: areas, channels, addressees and copies, the logo
 * catalogue and each service with its fields.
 */
export declare namespace GetIntakeForm {
  export interface Response {
    data: {
      areas: AreaRef[];
      channels: Choice[];
      addressees: Choice[];
      copies: Choice[];
      logos: LogoChoice[];
      services: ServiceSpec[];
    };
  }
}

/** A service as the page sends it: its workflow and the values of its fields (blank ones left out). */
export interface ServiceInput {
  workflow: string;
  fields: Record<string, unknown>;
}

/** What the business calendar says of one requested service. */
export interface LeadTimeVerdict {
  workflow: string;
  /** null when the dates it depends on are not known yet. */
  leadTimeMet: boolean | null;
  /** Earliest date (YYYY-MM-DD) that meets the lead time, when it depends on a date. */
  earliestAllowedDate: string | null;
  /** Business due date, when it is already known. */
  dueAt: string | null;
  /** A warning that does not block (e.g. difusión with less than 8 calendar days). */
  warning: string | null;
  /** Spanish sentence for the page, e.g. «Cumple el plazo: …» / «Extemporáneo: …». */
  message: string;
}

/**
 * POST /comunicacion/intake/lead-time  { receivedAt?, services }
 *
 * The lead-time verdict of each service from the business calendar while the dates are typed;
 * nothing is written.
 */
export declare namespace PreviewLeadTime {
  export interface Request {
    body: { receivedAt?: string | null; services: ServiceInput[] };
  }
  export interface Response {
    data: {
      /** The business day the reception counts on (after the office-hours cutoff: the next one). */
      receptionDay: string;
      services: LeadTimeVerdict[];
    };
  }
}

/** A field still missing on a work item, named for the area. */
export interface MissingField {
  name: string;
  label: string;
}

/** A work item created or completed, with what it still lacks. */
export interface RegisteredService extends LeadTimeVerdict {
  documentId: string;
  title: string;
  status: string;
  statusLabel: string;
  missing: MissingField[];
}

/** Requester contact: private, never in a public answer. */
export interface RequesterInput {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

/**
 * POST /comunicacion/oficios
 *
 * Registers an oficio and all its work items in one transaction through the Document Service, and
 * stores its acuse de recibo. Data left blank is allowed: the oficio then goes to
 * `informacion_incompleta` with `missingInformation` naming what each service lacks. 400 with a
 * Spanish message and `error.details.code` for bad input; nothing is written then.
 */
export declare namespace RegisterOficio {
  export interface Request {
    body: {
      /** Area documentId. */
      area: string;
      senderReference?: string | null;
      /** ISO instant; defaults to now. */
      receivedAt?: string | null;
      channel: 'fisico' | 'digital';
      /** Media library id of the scanned oficio. */
      scan?: number | null;
      subject: string;
      summary?: string | null;
      addressedTo?: string | null;
      copiedTo?: string[] | null;
      requester?: RequesterInput;
      services: ServiceInput[];
    };
  }
  export interface Response {
    data: {
      documentId: string;
      folio: string;
      receivedAt: string;
      receptionDay: string | null;
      status: string;
      statusLabel: string;
      /** What the oficio waits for, as recorded in `missingInformation`; null when complete. */
      missingInformation: string | null;
      services: RegisteredService[];
    };
  }
}

/**
 * POST /comunicacion/oficios/:documentId/services  { workflow, fields }
 *
 * Adds a service to an open oficio, same rules as registering. 400 `OFICIO_CLOSED` on a closed one.
 */
export declare namespace AddService {
  export interface Request {
    params: { documentId: string };
    body: ServiceInput;
  }
  export interface Response {
    data: { oficioStatus: string; service: RegisteredService };
  }
}

/** A field of an existing work item with its current value. */
export interface ItemFieldValue extends FieldSpec {
  value: unknown;
  /** False when the item's state or the staff member's role does not allow changing it now. */
  editable: boolean;
}

/**
 * GET /comunicacion/items/:workflow/:documentId/form
 *
 * The «Completar datos» form of a work item: its service fields with values (no system fields),
 * which are missing and which the staff member may change now. 404 when it does not exist.
 */
export declare namespace GetItemForm {
  export interface Request {
    params: { workflow: string; documentId: string };
  }
  export interface Response {
    data: {
      workflow: string;
      workflowLabel: string;
      documentId: string;
      title: string;
      status: string;
      statusLabel: string;
      oficio: { documentId: string; folio: string; status: string } | null;
      fields: ItemFieldValue[];
      missing: MissingField[];
    };
  }
}

/**
 * PUT /comunicacion/items/:workflow/:documentId  { fields }
 *
 * Completes or corrects a work item's data through the Document Service (every rule holds). When
 * its oficio waited in `informacion_incompleta` and nothing is missing any more on any of its items,
 * the oficio returns to `recibido` («Información completada»).
 */
export declare namespace CompleteItem {
  export interface Request {
    params: { workflow: string; documentId: string };
    body: { fields: Record<string, unknown> };
  }
  export interface Response {
    data: {
      service: RegisteredService;
      oficio: { documentId: string; status: string; statusLabel: string } | null;
    };
  }
}

/** One oficio in the search results. */
export interface OficioSummary {
  documentId: string;
  folio: string;
  senderReference: string | null;
  subject: string;
  area: AreaRef | null;
  receivedAt: string;
  status: string;
  statusLabel: string;
  isLate: boolean;
  /** Services requested, e.g. [{ workflow: 'design', label: 'Diseño', count: 1 }]. */
  services: { workflow: string; label: string; count: number }[];
}

/** Filters of the «Oficios» page (and of its export). */
export interface OficioSearchQuery {
  /** Text in folio, the area's reference or the subject. */
  q?: string;
  folio?: string;
  /** Area documentId. */
  area?: string;
  /** Oficio state. */
  status?: string;
  /** Reception range, inclusive (YYYY-MM-DD, Mexico City). */
  receivedFrom?: string;
  receivedTo?: string;
  /** Workflow key of a requested service. */
  service?: string;
  page?: string;
  /** 1-100, default 25. */
  pageSize?: string;
}

/**
 * GET /comunicacion/oficios?…
 *
 * Every oficio in any state, filtered and paginated in the database, newest reception first.
 * 400 `INVALID_QUERY` for a bad filter.
 */
export declare namespace SearchOficios {
  export interface Request {
    query: OficioSearchQuery;
  }
  export interface Response {
    data: OficioSummary[];
    meta: {
      pagination: Pagination;
      /** Oficio states and services for the filters, with Spanish labels. */
      states: Choice[];
      services: Choice[];
    };
  }
}

/** Export formats. */
export type ExportFormat = 'csv' | 'xlsx';

/**
 * GET /comunicacion/oficios/export?format=csv|xlsx&…same filters as the search
 * GET /comunicacion/queues/:key/export?format=csv|xlsx&…same filters as the queue
 * GET /comunicacion/dashboard/export?format=csv|xlsx&from=YYYY-MM-DD&to=YYYY-MM-DD
 *
 * A file download (Content-Disposition: attachment) with Spanish column headers. The dashboard's
 * export has one row per area: oficios, items per service, closed, on-time %, late ratio and
 * average revision rounds over the period.
 */
export declare namespace ExportView {
  export interface Request {
    query: Record<string, string | undefined> & { format: ExportFormat };
  }
}

/**
 * GET /comunicacion/oficios/:documentId/acuse
 *
 * The acuse de recibo (PDF): folio, area, reference, subject, reception date and time, counted
 * reception business day, services with each one's lead-time verdict and due date. Stored with the
 * oficio (`acuse`) when it is registered; answered from the stored file.
 */
export declare namespace GetAcuse {
  export interface Request {
    params: { documentId: string };
  }
}
