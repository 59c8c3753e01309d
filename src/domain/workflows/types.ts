import type { BusinessCalendar, IsoDate, PauseInterval } from '../calendar';

/** Who may act on a workflow: the ten admin roles plus the content-API accounts and the server. */
export type Role =
  | 'director'
  | 'coordinador_comunicacion'
  | 'disenador_senior'
  | 'disenador_junior'
  | 'community_manager'
  | 'fotografo'
  | 'creador_contenido'
  | 'coordinador_gobierno_digital'
  | 'auxiliar_gobierno_digital'
  | 'coordinador_organismos'
  /** A requesting area's content-API account; the caller checks it acts on its own area's data. */
  | 'area'
  /** Secretaría Técnica's content-API account. */
  | 'secretaria_tecnica'
  /** Server-side code with no person behind it: may fire every transition (guards still apply). */
  | 'system';

/**
 * A role as written in a definition: a concrete role, the designer the request is routed to
 * (Diseñador(a) Senior for dependencias and Presidencia, Junior for organismos auxiliares), or who
 * schedules a coverage (the Coordinador(a) de Comunicación Social; for organismos auxiliares also
 * their Coordinador(a) and the Community Manager, manual 3.2).
 */
export type RoleRef = Role | 'disenador_asignado' | 'programacion_cobertura';

/** The workflows of the office, one per content type with a status. */
export type WorkflowKey =
  | 'oficio'
  | 'design'
  | 'coverage-event'
  | 'social-post'
  | 'web-publication'
  | 'transparency-document'
  | 'email-account-request'
  | 'advisory';

/** Who fires a transition. */
export interface Actor {
  kind: 'admin' | 'api' | 'system';
  roles: readonly Role[];
  id?: number | string | null;
  name?: string | null;
}

/** An electoral blackout period (veda), inclusive dates in Mexico City. */
export interface BlackoutPeriod {
  start: IsoDate;
  end: IsoDate;
  note?: string | null;
}

/** Lead times and blackout periods, from the settings single type. */
export interface WorkflowSettings {
  digitalArtLeadBusinessDays: number;
  coverageLeadBusinessDays: number;
  webPublicationLeadBusinessDays: number;
  transparencyLeadBusinessDays: number;
  promotionLeadCalendarDays: number;
  printDeliveryBusinessDays: number;
  blackoutPeriods: readonly BlackoutPeriod[];
}

/** Kind of the requesting area, which routes design work to the senior or junior designer. */
export type AreaKind = 'dependencia' | 'organismo_auxiliar' | 'presidencia';

/** The owning oficio, as loaded by the caller. */
export interface OficioFacts {
  status: string;
  receivedAt: Date;
  lateAccepted: boolean;
  areaKind: AreaKind | null;
  /** The requesting area's name and short name (null when not loaded). */
  areaName?: string | null;
  areaShortName?: string | null;
  /** Who the oficio is addressed to (`direccion` | `presidencia`). */
  addressedTo?: string | null;
  /** Who it is copied to: a list of codes (as stored). */
  copiedTo?: unknown;
}

/** One work item of an oficio, as the oficio's rules see it. */
export interface OficioItemFacts {
  workflow: WorkflowKey;
  status: string;
  /** The stored lead-time verdict (null: the target date is not known yet). */
  leadTimeMet?: boolean | null;
  /** Design only: print has no blocking lead time. */
  medium?: string | null;
  /** Its title and stored values (what «Información completada» checks the intake data on). */
  title?: string | null;
  values?: Item;
}

/** Another coverage event whose crew shares people with this one and whose time may overlap. */
export interface CrewOverlap {
  documentId: string;
  title: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  receivedAt: Date;
  sharedPeople: readonly string[];
  /** Display names of the people by admin user id (a message names people, not ids). */
  peopleNames?: Readonly<Record<string, string>>;
}

/** What the caller loaded from the database so that guards stay pure. */
export interface Facts {
  now: Date;
  /** The owning oficio (null for the oficio workflow itself and for informal advisories). */
  oficio?: OficioFacts | null;
  /** Oficio workflow only: its work items' statuses (and what decides whether each is late). */
  items?: readonly OficioItemFacts[];
  /** Social-post only: the design it promotes, if any. */
  linkedDesign?: { status: string; title?: string | null } | null;
  /** Coverage-event only: events whose crew shares a person with this one (prefiltered by overlap). */
  crewOverlaps?: readonly CrewOverlap[];
}

/** Current values merged with incoming changes: what the row would be. */
export type Item = Readonly<Record<string, unknown>>;

/** Stable codes of refused transitions, sent to clients in `error.details.code`. */
export type ErrorCode =
  | 'INVALID_TRANSITION'
  | 'TRANSITION_FORBIDDEN'
  | 'MISSING_DATA'
  | 'LATE_NOT_ACCEPTED'
  | 'NOT_APPROVED'
  | 'NOT_AUTHORIZED'
  | 'CREW_CONFLICT'
  | 'BLACKOUT'
  | 'PUBLIC_SERVANT_MENTION'
  | 'OPEN_ITEMS'
  | 'COMMENT_REQUIRED'
  | 'NOT_LATE'
  | 'READONLY_FIELD'
  | 'CLONE_NOT_ALLOWED'
  | 'OFICIO_CLOSED'
  | 'OFICIO_INCOMPLETE'
  | 'REQUESTER_DECISION'
  | 'PROPOSAL_SENT'
  | 'SECRETARIA_TECNICA_ONLY'
  | 'CORRECTION_FORBIDDEN'
  | 'PUBLICATION_FROZEN'
  | 'INVALID_RANGE'
  | 'INVALID_DELIVERABLES'
  | 'INVALID_NETWORKS'
  | 'INVALID_EMAIL_ADDRESS'
  | 'INVALID_ORGANISM'
  | 'FOLLOW_UP_RECORDED'
  | 'INVALID_COPIES'
  | 'INACTIVE_LOGO'
  | 'INVALID_URL'
  | 'DELIVERABLES_KEPT'
  | 'REVIEW_RECORDED'
  | 'INVALID_QUERY'
  | 'EXPORT_TOO_LARGE'
  | 'SCAN_REQUIRED'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'FILE_TOO_LARGE'
  | 'TOO_MANY_FILES'
  | 'EMAIL_TAKEN'
  | 'USERNAME_TAKEN'
  | 'UNKNOWN_AREA'
  | 'ACCOUNT_DEACTIVATED';

/** A refused transition or creation, with a Spanish message. */
export type Failure = {
  ok: false;
  status: 400 | 403;
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
};

/** Work the caller performs in the same transaction as the field changes. */
export type SideEffect =
  /** Move the owning oficio (e.g. to 'en_atencion' when work starts). */
  | { type: 'oficio-status'; to: string }
  /** Strapi draft & publish (web-publication, transparency-document). */
  | { type: 'publish' }
  | { type: 'unpublish' }
  /** Later-received overlapping coverage events that lose the people they share with this one. */
  | { type: 'displace-crew'; documentIds: string[]; people: string[] }
  /** a proposal version went to the area: issue its single-use approval link */
  | { type: 'approval-link' }
  /** The oficio was cancelled or rejected: each open service is cancelled, with this reason. */
  | { type: 'close-items'; comment: string };

/** An accepted transition or creation: field changes to write and side effects to run. */
export type Success = {
  ok: true;
  changes: Record<string, unknown>;
  sideEffects: SideEffect[];
  transition: { from: string | null; to: string };
};

/** Lead time a request must respect, measured from its reception day to `target`. */
export interface LeadTime {
  days: number;
  unit: 'business' | 'calendar';
  /** Whether a late request needs a coordinator's acceptance before work may start. */
  blocking: boolean;
  /** The event or wanted date the lead time is measured against, when known. */
  target: IsoDate | null;
}

/** The lead-time verdict of an item at its reception. */
export interface LeadVerdict {
  lead: LeadTime;
  /** null when the target date is not known yet. */
  met: boolean | null;
  earliest: IsoDate;
}

/** Everything a guard or effect may look at. */
export interface RuleContext {
  workflow: WorkflowKey;
  /** null at creation. */
  from: string | null;
  to: string;
  actor: Actor;
  item: Item;
  facts: Facts;
  /** The trimmed comment, or null when none was given. */
  comment: string | null;
  calendar: BusinessCalendar;
  settings: WorkflowSettings;
  now: Date;
  /** When the request was received (the owning oficio's reception, as a rule). */
  received: Date;
  /** Lead-time verdict with the current item values; null for workflows without lead time. */
  lead: LeadVerdict | null;
  /** Whether a status of any workflow is closed (used by the oficio to look at its work items). */
  isClosed: (workflow: WorkflowKey, status: string) => boolean;
}

/** A named precondition of a transition. */
export interface Guard {
  code: ErrorCode;
  description: string;
  check: (ctx: RuleContext) => Failure | null;
}

/** What an effect adds to a transition. */
export interface EffectResult {
  changes?: Record<string, unknown>;
  sideEffects?: readonly SideEffect[];
}

/** A named consequence of a transition. */
export interface Effect {
  description: string;
  apply: (ctx: RuleContext) => EffectResult;
}

/** One edge (or several edges sharing a target) of a workflow. */
export interface TransitionDefinition {
  from: readonly string[];
  to: string;
  /** Spanish action label for buttons, e.g. 'Enviar propuesta a revisión'. */
  label: string;
  /** Roles allowed besides the director and the system. */
  roles: readonly RoleRef[];
  /** Cancels and rejections do not count as the start of work; holds wait on the requester. */
  kind?: 'cancel' | 'reject' | 'hold';
  /** Ask for a comment; when required, an empty one refuses the transition. */
  comment?: { required: boolean; prompt: string };
  /** The edge exists only for some items (e.g. only print goes to the printer). */
  appliesWhen?: { test: (item: Item) => boolean; reason: (item: Item) => string };
  guards?: readonly Guard[];
  effects?: readonly Effect[];
}

/** What a due rule may look at. */
export interface ScheduleContext {
  item: Item;
  facts: Facts;
  calendar: BusinessCalendar;
  settings: WorkflowSettings;
  now: Date;
  received: Date;
  pauses: readonly PauseInterval[];
}

/** A workflow as data: states, transitions, lead time and due rule. */
export interface WorkflowDefinition {
  key: WorkflowKey;
  uid: string;
  /** Spanish name of the workflow. */
  label: string;
  initial: string;
  /** Every state with its Spanish label, in the order of the process. */
  states: Readonly<Record<string, string>>;
  closed: readonly string[];
  /** States in which the clock is paused because the item waits on the requester. */
  waitingStates: readonly string[];
  transitions: readonly TransitionDefinition[];
  leadTime?: {
    of: (item: Item, settings: WorkflowSettings) => LeadTime;
    /** Recorded for information only: the verdict is always "met". */
    waived?: (item: Item) => boolean;
  };
  due?: (ctx: ScheduleContext) => IsoDate | null;
  /**
   * Values the server derives from the item and its facts on every write (a suggested address,
   * the next follow-up date), computed before the due date.
   */
  derive?: (item: Item, facts: Facts) => Record<string, unknown>;
}
