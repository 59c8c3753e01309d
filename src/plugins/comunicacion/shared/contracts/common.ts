/** Shapes shared by several endpoints of the `comunicacion` plugin. */

/** An admin user as staff see it: id and full name. */
export interface StaffMember {
  id: number;
  name: string;
}

/** A reference to the requesting area. */
export interface AreaRef {
  documentId: string;
  name: string;
  shortName: string | null;
  kind: 'dependencia' | 'organismo_auxiliar' | 'presidencia';
}

/** A reference to the oficio a work item belongs to. */
export interface OficioRef {
  documentId: string;
  folio: string;
}

/** Badges of a work item in a queue. */
export interface ItemBadges {
  /** dueAt is before today (Mexico City). */
  overdue: boolean;
  /** dueAt is today. */
  dueToday: boolean;
  /** The oficio missed its lead time (extemporáneo). */
  late: boolean;
  /** Late and not yet accepted by a coordinator: its work may not start. */
  awaitingLateAcceptance: boolean;
  /** The clock is paused: the item waits on the requesting area. */
  paused: boolean;
}

/** Standard pagination block, as Strapi's content manager answers it. */
export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** Error body of every refused request (400/403/404). */
export interface ErrorResponse {
  data: null;
  error: {
    status: number;
    name: string;
    /** Spanish message for staff. */
    message: string;
    details: { code?: string; [key: string]: unknown };
  };
}
