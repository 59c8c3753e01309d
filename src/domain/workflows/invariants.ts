import type { BusinessCalendar } from '../calendar';
import {
  holdsCrewSlot,
  crewConflict,
  crewDisplacement,
  deliverablesMissing,
} from './definitions/coverage-event';
import { REVIEW_CHECKS, REVIEWS_LOCKED_FROM } from './definitions/publication';
import { chosenLogos } from './definitions/design';
import { WORKFLOWS } from './definitions';
import { INSTITUTIONAL_DOMAIN, institutionalAddressProblem } from '../email-address';
import { blackout, fail } from './guards';
import {
  coverageLinksFailure,
  knownListsFailure,
  orderedDatesFailure,
  type ValuesInput,
} from './intake-values';
import { fieldLabel } from './labels';
import { actorMayAct, ROLE_LABELS } from './roles';
import type {
  Actor,
  Facts,
  Failure,
  Item,
  OficioItemFacts,
  Role,
  SideEffect,
  WorkflowKey,
  WorkflowSettings,
} from './types';
import { instantOf, isBlank, isRecord, joinList, localDateOf, recordsOf, textOf } from './values';
import { WORK_ITEM_KEYS } from './work-items';

/**
 * The office's rules as invariants: each one is a pure function of a write (the row before it,
 * the row as it will be after it, who writes and through which door) and holds after every write,
 * whatever door it came through. The Document Service middleware evaluates all of them on every
 * create, update, clone, publish, unpublish and discard of a workflow's content type.
 */

/** Through which door a write arrived. */
export type Door =
  | 'content_manager'
  | 'plugin'
  | 'content_api'
  | 'approval_link'
  | 'admin'
  | 'system'
  | 'script';

/** Spanish names of the doors, as the audit trail shows them. */
export const DOOR_LABELS: Readonly<Record<Door, string>> = Object.freeze({
  content_manager: 'Administrador de contenido',
  plugin: 'Panel Comunicación Social',
  content_api: 'API de contenido',
  approval_link: 'Enlace de aprobación',
  admin: 'Panel de administración',
  system: 'Sistema',
  script: 'Script del servidor',
});

/** Document Service actions that write. */
export type WriteAction = 'create' | 'update' | 'clone' | 'publish' | 'unpublish' | 'discardDraft';

/** Everything an invariant may look at. */
export interface WriteInput {
  workflow: WorkflowKey;
  action: WriteAction;
  door: Door;
  actor: Actor;
  /** The row before the write (null when creating). */
  before: Item | null;
  /** The row as it will be after the write, before the engine's own effects. */
  after: Item;
  /** Attributes whose value the write changes. */
  changed: ReadonlySet<string>;
  /** The reason or comment given with the write (transition comment, correction reason). */
  comment: string | null;
  facts: Facts;
  /** When the request was received (the oficio's reception for a work item). */
  received: Date;
  calendar: BusinessCalendar;
  settings: WorkflowSettings;
  now: Date;
}

/**
 * What a test arranges before an example: a record received earlier holding the same crew slot,
 * an oficio whose request arrived late, or an electoral blackout period in the settings.
 */
export type ExampleGiven = 'earlier-coverage-same-slot' | 'late-oficio' | 'blackout-period';

/** Values an example may use that exist only once the test has arranged them. */
export interface ExampleRefs {
  /** A media file id. */
  file: number;
  /** Another open oficio's documentId. */
  otherOficio: string;
  /** Two staff people (admin user ids) available for a crew. */
  people: readonly [number, number];
  /** A logo of the catalogue that is no longer in use (its documentId). */
  inactiveLogo: string;
}

/**
 * A write the invariant must refuse (or, with `expect: 'allowed'`, accept and record in exactly
 * one audit record), stated as data so the door × rule matrix is generated from the rules.
 */
export interface InvariantExample {
  title: string;
  workflow: WorkflowKey;
  /** The state the record stands in before the attempt (reached with its log records). */
  state: string;
  /** The state of its oficio (work items only). */
  oficioState?: string;
  /** Attribute values the record has before the attempt. */
  with?: (refs: ExampleRefs) => Record<string, unknown>;
  given?: readonly ExampleGiven[];
  /** Who attempts it. */
  as: Role;
  action?: 'update' | 'clone' | 'publish';
  /** The attributes the write sets, given the record as it stands. */
  set?: (current: Item, refs: ExampleRefs) => Record<string, unknown>;
  comment?: string;
  expect: Failure['code'] | 'allowed';
}

/** One invariant of SPEC §4–§6. */
export interface Invariant {
  /** Stable kebab-case name. */
  key: string;
  /** What it guarantees, in Spanish. */
  description: string;
  /** Codes its refusals carry. */
  codes: readonly Failure['code'][];
  workflows: readonly WorkflowKey[];
  actions: readonly WriteAction[];
  check: (input: WriteInput) => Failure | null;
  /** Writes the engine makes so that the invariant keeps holding (e.g. displaced crew). */
  effects?: (input: WriteInput) => SideEffect[];
  /** Attempted violations (and allowed corrections) every door must answer alike. */
  examples: readonly InvariantExample[];
}

/** Roles that coordinate the office's work (and may correct intake facts). */
export const COORDINATORS: readonly Role[] = Object.freeze([
  'director',
  'coordinador_comunicacion',
  'coordinador_gobierno_digital',
  'coordinador_organismos',
]);

/** Shortest written reason for a correction or for clearing a flag. */
export const MIN_REASON = 10;
/** Shortest written justification that accepts a late request. */
export const MIN_JUSTIFICATION = 15;

/** Intake facts: corrected only by a coordinator with a reason, and logged with both values. */
export const INTAKE_FIELDS: Readonly<Partial<Record<WorkflowKey, readonly string[]>>> = {
  oficio: ['receivedAt', 'area'],
};

/** The requester's decision on a proposal: written only through the requester's doors. */
export const DECISION_FIELDS = ['decision', 'feedback', 'decidedAt', 'decidedBy'] as const;
/** What a sent proposal was: the version the area saw, never rewritten. */
const SENT_PROPOSAL_FIELDS = ['version', 'file', 'sentAt'] as const;

/** Secretaría Técnica's authorization of an institutional e-mail account. */
export const AUTHORIZATION_FIELDS = ['authorizationReference', 'authorizationDate'] as const;

/** What a recorded follow-up of an advisory says: never rewritten. */
const FOLLOW_UP_FIELDS = ['date', 'by', 'notes', 'nextDate'] as const;

const FIRST_FOLLOW_UP = {
  date: '2027-01-11',
  by: 'Coordinación de Atención a Organismos Auxiliares',
  notes: 'Reunión con el enlace: se acordó el manual de identidad.',
  nextDate: '2027-01-25',
};

/** States in which a site publication is verified and answered: its content is frozen. */
export const FROZEN_STATES = ['verificada', 'respondida'] as const;
/** What may still change on a frozen publication: its workflow and internal bookkeeping. */
export const FROZEN_ALLOWED = new Set([
  'status',
  'workflowStatus',
  'responseDocument',
  'withdrawalReason',
  'assignees',
  'internalNotes',
  'transitionComment',
]);

/** Who reviews content that names a public servant (art. 134), per workflow. */
export const PUBLIC_SERVANT_REVIEWERS: Readonly<Partial<Record<WorkflowKey, readonly Role[]>>> = {
  'social-post': ['coordinador_comunicacion', 'director'],
  'web-publication': ['coordinador_gobierno_digital', 'coordinador_comunicacion', 'director'],
};

/** The coordination that owns each kind of work (the one that may accept it late). */
export function owningCoordinators(
  item: Pick<OficioItemFacts, 'workflow'>,
  areaKind: string | null
) {
  const roles: Role[] = ['director'];
  switch (item.workflow) {
    case 'design':
    case 'coverage-event':
    case 'social-post':
      roles.push('coordinador_comunicacion');
      if (areaKind === 'organismo_auxiliar') roles.push('coordinador_organismos');
      break;
    case 'web-publication':
    case 'transparency-document':
    case 'email-account-request':
      roles.push('coordinador_gobierno_digital');
      break;
    case 'advisory':
      roles.push('coordinador_organismos');
      break;
    default:
      break;
  }
  return roles;
}

/** The oficio's work items whose late reception blocks the start of their work. */
export function lateItems(items: readonly OficioItemFacts[], settings: WorkflowSettings) {
  return items.filter((item) => {
    if (item.leadTimeMet !== false) return false;
    const definition = WORKFLOWS[item.workflow];
    if (!definition.leadTime || definition.closed.includes(item.status)) return false;
    return definition.leadTime.of(item as unknown as Item, settings).blocking;
  });
}

/**
 * Whether `actor` may accept the oficio's late request with `justification` now: null when
 * allowed, else the refusal. The panel asks this before it offers the action; the write checks it
 * again whatever door it comes through.
 */
export function lateAcceptanceFailure(input: {
  oficio: Item;
  actor: Actor;
  justification: unknown;
  items: readonly OficioItemFacts[];
  areaKind: string | null;
  settings: WorkflowSettings;
}): Failure | null {
  const { oficio, actor } = input;
  if (!isBlank(oficio.lateAcceptedAt)) {
    return fail(
      'READONLY_FIELD',
      'La aceptación de esta solicitud extemporánea ya quedó registrada y no se modifica.',
      { fields: ['lateJustification'] }
    );
  }
  if (oficio.isLate !== true) {
    return fail('NOT_LATE', 'El oficio llegó con la anticipación debida: no hay nada que aceptar.');
  }
  const late = lateItems(input.items, input.settings);
  const owners = late.length
    ? COORDINATORS.filter((role) =>
        late.every((item) => owningCoordinators(item, input.areaKind).includes(role))
      )
    : COORDINATORS;
  if (!actorMayAct(actor, owners)) {
    return fail(
      'TRANSITION_FORBIDDEN',
      'Solo la coordinación a la que corresponde el trabajo (o la Dirección) puede aceptar esta ' +
        `solicitud extemporánea. Pueden hacerlo: ${joinList(
          owners.map((role) => ROLE_LABELS[role]),
          'y'
        )}.`,
      { roles: owners.map((role) => ROLE_LABELS[role]) },
      403
    );
  }
  const text = textOf(input.justification) ?? '';
  if (text.length < MIN_JUSTIFICATION) {
    return fail(
      'COMMENT_REQUIRED',
      `Escribe por qué se acepta la solicitud extemporánea (al menos ${MIN_JUSTIFICATION} caracteres).`,
      { fields: ['lateJustification'] }
    );
  }
  return null;
}

const reasonMissing = (what: string, field?: string): Failure =>
  fail(
    'COMMENT_REQUIRED',
    `${what}: escribe el motivo (al menos ${MIN_REASON} caracteres) en «Comentario de la transición».`,
    field ? { fields: [field] } : {}
  );

const reasonGiven = (comment: string | null) => (textOf(comment)?.length ?? 0) >= MIN_REASON;

/**
 * A recorded fact (`touched`) is corrected only by a coordination or the Dirección, with a
 * written reason: null when this write may do it, else the refusal.
 */
function coordinatorCorrection(
  touched: readonly string[],
  of: string,
  actor: Actor,
  comment: string | null
): Failure | null {
  if (touched.length === 0) return null;
  if (!actorMayAct(actor, COORDINATORS)) {
    return fail(
      'CORRECTION_FORBIDDEN',
      `Solo una coordinación o la Dirección corrigen ${joinList(touched.map(fieldLabel))} ${of}, y ` +
        'con un motivo.',
      { fields: [...touched] },
      403
    );
  }
  if (!reasonGiven(comment)) {
    return reasonMissing(`Para corregir ${joinList(touched.map(fieldLabel))}`, touched[0]);
  }
  return null;
}

/**
 * States in which work delivered «vía oficio» stands delivered: from then on its delivery oficio
 * is a record, and what is delivered, as the correction message names it.
 */
const DELIVERED_BY_OFICIO: Readonly<
  Partial<Record<WorkflowKey, { states: readonly string[]; what: string }>>
> = {
  design: { states: ['entregado'], what: 'de un material ya entregado' },
  'email-account-request': {
    states: ['entregada', 'verificada'],
    what: 'de una cuenta ya entregada',
  },
};

// A print design standing delivered with its delivery oficio, as the examples find it.
const DELIVERED_PRINT = () => ({
  medium: 'impreso',
  delivery: { number: 'DCSGD/0100/2027', date: '2027-02-01' },
});

const isSystem = (actor: Actor) => actor.kind === 'system' || actor.roles.includes('system');

/** A proposal as the invariants compare it. */
interface ProposalView {
  key: string;
  sent: boolean;
  values: Record<string, unknown>;
}

const proposalsOf = (value: unknown): ProposalView[] =>
  recordsOf(value).map((p, index) => ({
    key: isBlank(p.id) ? `v${String(p.version ?? index + 1)}` : `id${String(p.id)}`,
    sent: !isBlank(p.sentAt),
    values: p,
  }));

const sameScalar = (a: unknown, b: unknown) => {
  if (isBlank(a) && isBlank(b)) return true;
  if (isRecord(a) || isRecord(b)) {
    const id = (v: unknown) => (isRecord(v) ? (v.id ?? v.documentId ?? null) : v);
    return String(id(a)) === String(id(b));
  }
  const time = (v: unknown) =>
    typeof v === 'string' && /T\d\d:/.test(v) ? new Date(v).getTime() : NaN;
  const ta = a instanceof Date ? a.getTime() : time(a);
  const tb = b instanceof Date ? b.getTime() : time(b);
  if (!Number.isNaN(ta) || !Number.isNaN(tb)) return ta === tb;
  return String(a) === String(b);
};

const isStartOf = (workflow: WorkflowKey, from: unknown, to: unknown) => {
  const definition = WORKFLOWS[workflow];
  if (from !== definition.initial || from === to) return false;
  const transition = definition.transitions.find(
    (t) => t.from.includes(String(from)) && t.to === to
  );
  return Boolean(transition) && transition?.kind !== 'cancel' && transition?.kind !== 'reject';
};

const ALL_WRITES: readonly WriteAction[] = ['update', 'publish', 'unpublish', 'discardDraft'];
const ITEMS: readonly WorkflowKey[] = WORK_ITEM_KEYS;

/** A scheduled post flagged under art. 134 whose flag is then cleared. */
const FLAGGED_POST = {
  workflow: 'social-post',
  state: 'programada',
  with: () => ({ mentionsPublicServant: true }),
  set: () => ({ mentionsPublicServant: false }),
} as const;

/**
 * A rule about the values a write carries, whoever carries them: it reads only the row as it will
 * be and what the write changes, so the engine evaluates it on the incoming values too, before
 * the database sees a value it could not even store (a text where a list goes).
 */
export interface ValueRule extends Omit<Invariant, 'check' | 'actions' | 'effects'> {
  check: (input: ValuesInput) => Failure | null;
}

/** An hour before (or after) an instant attribute of the record as it stands. */
const shifted = (value: unknown, hours: number) => {
  const instant = instantOf(value) ?? new Date('2027-03-01T15:00:00.000Z');
  return new Date(instant.getTime() + hours * 3_600_000).toISOString();
};

/** The rules about values, evaluated on every create and update of their workflows. */
export const VALUE_RULES: readonly ValueRule[] = Object.freeze([
  {
    key: 'dates-in-order',
    description:
      'Una cobertura termina después de empezar; el seguimiento de una asesoría no es anterior ' +
      'a su recepción.',
    codes: ['INVALID_RANGE'],
    workflows: ['coverage-event', 'advisory'],
    check: orderedDatesFailure,
    examples: [
      {
        title: 'una cobertura que termina antes de empezar',
        workflow: 'coverage-event',
        state: 'solicitada',
        as: 'coordinador_comunicacion',
        set: (current) => ({ endsAt: shifted(current.startsAt, -1) }),
        expect: 'INVALID_RANGE',
      },
      {
        title: 'mover el inicio de una cobertura a la hora en que termina',
        workflow: 'coverage-event',
        state: 'solicitada',
        as: 'coordinador_comunicacion',
        set: (current) => ({ startsAt: shifted(current.endsAt, 0) }),
        expect: 'INVALID_RANGE',
      },
      {
        title: 'un seguimiento de asesoría anterior a su recepción',
        workflow: 'advisory',
        state: 'abierta',
        as: 'coordinador_organismos',
        set: () => ({ receivedAt: '2027-02-10T16:00:00.000Z', followUpDate: '2027-02-01' }),
        expect: 'INVALID_RANGE',
      },
      {
        title: 'alargar una cobertura una hora',
        workflow: 'coverage-event',
        state: 'solicitada',
        as: 'coordinador_comunicacion',
        set: (current) => ({ endsAt: shifted(current.endsAt, 1) }),
        expect: 'allowed',
      },
    ],
  },
  {
    key: 'known-lists',
    description:
      'Los entregables de una cobertura, las redes sociales de una publicación y las copias de un ' +
      'oficio son listas de valores conocidos, sin repetir: ni textos sueltos ni objetos anidados.',
    codes: ['INVALID_DELIVERABLES', 'INVALID_NETWORKS', 'INVALID_COPIES'],
    workflows: ['coverage-event', 'social-post', 'oficio'],
    check: knownListsFailure,
    examples: [
      {
        title: 'entregables escritos como texto y no como lista',
        workflow: 'coverage-event',
        state: 'solicitada',
        as: 'coordinador_comunicacion',
        set: () => ({ deliverables: 'fotos' }),
        expect: 'INVALID_DELIVERABLES',
      },
      {
        title: 'un entregable que la oficina no produce',
        workflow: 'coverage-event',
        state: 'solicitada',
        as: 'coordinador_comunicacion',
        set: () => ({ deliverables: ['fotos', 'dron', 'fotos'] }),
        expect: 'INVALID_DELIVERABLES',
      },
      {
        title: 'redes sociales con objetos anidados',
        workflow: 'social-post',
        state: 'borrador',
        as: 'community_manager',
        set: () => ({ networks: [{ facebook: { pagina: 'Calimaya', extra: [1, 2] } }] }),
        expect: 'INVALID_NETWORKS',
      },
      {
        title: 'una red social repetida',
        workflow: 'social-post',
        state: 'borrador',
        as: 'community_manager',
        set: () => ({ networks: ['facebook', 'instagram', 'facebook'] }),
        expect: 'INVALID_NETWORKS',
      },
      {
        title: 'una copia del oficio a alguien que no está en la lista',
        workflow: 'oficio',
        state: 'recibido',
        as: 'coordinador_comunicacion',
        set: () => ({ copiedTo: ['direccion', 'el vecino'] }),
        expect: 'INVALID_COPIES',
      },
      {
        title: 'dirigir un oficio a la Presidencia con copia a la Dirección',
        workflow: 'oficio',
        state: 'recibido',
        as: 'coordinador_comunicacion',
        set: () => ({ addressedTo: 'presidencia', copiedTo: ['direccion'] }),
        expect: 'allowed',
      },
      {
        title: 'elegir las redes de una publicación',
        workflow: 'social-post',
        state: 'borrador',
        as: 'community_manager',
        set: () => ({ networks: ['facebook', 'instagram', 'x'] }),
        expect: 'allowed',
      },
    ],
  },
  {
    key: 'coverage-links',
    description:
      'Los enlaces del material entregado y de dónde se publicó una cobertura son direcciones ' +
      'web (http o https).',
    codes: ['INVALID_URL'],
    workflows: ['coverage-event'],
    check: coverageLinksFailure,
    examples: [
      {
        title: 'material entregado con un enlace que no es una dirección web',
        workflow: 'coverage-event',
        state: 'en_postproduccion',
        as: 'fotografo',
        set: () => ({ material: [{ kind: 'fotos', link: 'javascript:alert(1)' }] }),
        expect: 'INVALID_URL',
      },
      {
        title: 'una publicación registrada con un enlace ftp',
        workflow: 'coverage-event',
        state: 'en_postproduccion',
        as: 'community_manager',
        set: () => ({ publications: [{ where: 'facebook', url: 'ftp://calimaya.gob.mx/f' }] }),
        expect: 'INVALID_URL',
      },
      {
        title: 'registrar el enlace de la carpeta de fotografías',
        workflow: 'coverage-event',
        state: 'en_postproduccion',
        as: 'fotografo',
        set: () => ({
          material: [{ kind: 'fotos', link: 'https://drive.calimaya.gob.mx/cabildo' }],
        }),
        expect: 'allowed',
      },
    ],
  },
  {
    key: 'institutional-address',
    description:
      'La dirección de una cuenta de correo institucional es del dominio del municipio ' +
      `(@${INSTITUTIONAL_DOMAIN}) y bien escrita.`,
    codes: ['INVALID_EMAIL_ADDRESS'],
    workflows: ['email-account-request'],
    check: ({ after, changed }) => {
      if (!changed.has('emailAddress') || isBlank(after.emailAddress)) return null;
      const problem =
        typeof after.emailAddress === 'string'
          ? institutionalAddressProblem(after.emailAddress)
          : 'La dirección de correo es un texto.';
      return problem ? fail('INVALID_EMAIL_ADDRESS', problem, { fields: ['emailAddress'] }) : null;
    },
    examples: [
      {
        title: 'una cuenta de correo de otro dominio',
        workflow: 'email-account-request',
        state: 'autorizada',
        as: 'auxiliar_gobierno_digital',
        set: () => ({ emailAddress: 'cultura.calimaya@gmail.com' }),
        expect: 'INVALID_EMAIL_ADDRESS',
      },
      {
        title: 'elegir otra dirección del dominio en vez de la sugerida',
        workflow: 'email-account-request',
        state: 'autorizada',
        as: 'auxiliar_gobierno_digital',
        set: () => ({ emailAddress: 'casadecultura@calimaya.gob.mx' }),
        expect: 'allowed',
      },
    ],
  },
] satisfies ValueRule[]);

/** The first refusal among the value rules of a write, or null when every one holds. */
export function checkValues(input: ValuesInput): Failure | null {
  for (const rule of VALUE_RULES) {
    if (!rule.workflows.includes(input.workflow)) continue;
    const failure = rule.check(input);
    if (failure) return failure;
  }
  return null;
}

/** Every invariant, in the order they are evaluated (the first refusal wins). */
export const INVARIANTS: readonly Invariant[] = Object.freeze([
  {
    key: 'clone-not-allowed',
    description:
      'Un oficio o un servicio no se duplica: su historia, decisiones y evidencias son suyas.',
    codes: ['CLONE_NOT_ALLOWED'],
    workflows: ['oficio', ...ITEMS],
    actions: ['clone'],
    check: ({ workflow }) =>
      fail(
        'CLONE_NOT_ALLOWED',
        `${WORKFLOWS[workflow].label} no se duplica: su folio, su historial, las decisiones del área y ` +
          'las evidencias son de ese registro. Registra uno nuevo (empieza en su estado inicial).',
        { workflow }
      ),
    examples: [
      ...(['oficio', ...ITEMS] as WorkflowKey[]).map(
        (workflow): InvariantExample => ({
          title: `clonar ${WORKFLOWS[workflow].label.toLowerCase()}`,
          workflow,
          state: WORKFLOWS[workflow].initial,
          as: 'director',
          action: 'clone',
          expect: 'CLONE_NOT_ALLOWED',
        })
      ),
      {
        title: 'clonar un diseño entregado con su aprobación',
        workflow: 'design',
        state: 'entregado',
        oficioState: 'en_atencion',
        with: ({ file }) => ({
          medium: 'impreso',
          proposals: [{ version: 1, file, sentAt: '2027-01-10T16:00:00Z', decision: 'aprobada' }],
        }),
        as: 'coordinador_comunicacion',
        action: 'clone',
        expect: 'CLONE_NOT_ALLOWED',
      },
    ],
  },
  {
    key: 'closed-oficio',
    description:
      'Un oficio atendido, rechazado o cancelado y sus servicios son de solo lectura; un servicio ' +
      'abierto de un oficio cerrado solo puede cerrarse.',
    codes: ['OFICIO_CLOSED'],
    workflows: ['oficio', ...ITEMS],
    actions: ALL_WRITES,
    check: ({ workflow, before, after, facts }) => {
      if (workflow === 'oficio') {
        const status = String(before?.status ?? '');
        if (!WORKFLOWS.oficio.closed.includes(status)) return null;
        // A change of state is the workflow's to refuse: a closed state has no way out.
        if (after.status !== before?.status) return null;
        return fail(
          'OFICIO_CLOSED',
          `El oficio está cerrado («${WORKFLOWS.oficio.states[status]}»): ya no se modifica.`,
          { status }
        );
      }
      const oficioStatus = facts.oficio?.status;
      if (!oficioStatus || !WORKFLOWS.oficio.closed.includes(oficioStatus)) return null;
      const definition = WORKFLOWS[workflow];
      const closing =
        after.status !== before?.status && definition.closed.includes(String(after.status));
      if (closing) return null;
      return fail(
        'OFICIO_CLOSED',
        `El oficio de este servicio está cerrado («${WORKFLOWS.oficio.states[oficioStatus]}»): ` +
          'el servicio ya no se modifica (solo puede cerrarse).',
        { status: oficioStatus }
      );
    },
    examples: [
      {
        title: 'editar el asunto de un oficio atendido',
        workflow: 'oficio',
        state: 'atendido',
        as: 'coordinador_comunicacion',
        set: () => ({ subject: 'Otro asunto' }),
        expect: 'OFICIO_CLOSED',
      },
      {
        title: 'editar un diseño de un oficio cancelado',
        workflow: 'design',
        state: 'en_diseno',
        oficioState: 'cancelado',
        as: 'disenador_senior',
        set: () => ({ specification: 'Otra especificación' }),
        expect: 'OFICIO_CLOSED',
      },
      {
        title: 'iniciar un diseño de un oficio rechazado',
        workflow: 'design',
        state: 'pendiente',
        oficioState: 'rechazado',
        as: 'disenador_senior',
        set: () => ({ workflowStatus: 'en_diseno' }),
        comment: 'Inicio',
        expect: 'OFICIO_CLOSED',
      },
    ],
  },
  ...VALUE_RULES.map((rule): Invariant => ({ ...rule, actions: ['create', 'update'] })),
  {
    key: 'oficio-incomplete',
    description:
      'Mientras el oficio espera información del área, ningún trabajo de sus servicios empieza.',
    codes: ['OFICIO_INCOMPLETE'],
    workflows: ITEMS,
    actions: ['update'],
    check: ({ workflow, before, after, facts }) => {
      if (facts.oficio?.status !== 'informacion_incompleta') return null;
      if (!isStartOf(workflow, before?.status, after.status)) return null;
      return fail(
        'OFICIO_INCOMPLETE',
        'El oficio espera información del área («Información incompleta»): el trabajo empieza ' +
          'cuando la información esté completa.',
        { oficioStatus: 'informacion_incompleta' }
      );
    },
    examples: [
      {
        title: 'iniciar un diseño mientras el oficio espera información',
        workflow: 'design',
        state: 'pendiente',
        oficioState: 'informacion_incompleta',
        as: 'disenador_senior',
        set: () => ({ workflowStatus: 'en_diseno' }),
        comment: 'Inicio',
        expect: 'OFICIO_INCOMPLETE',
      },
      {
        title: 'iniciar el análisis de una publicación web mientras el oficio espera información',
        workflow: 'web-publication',
        state: 'recibida',
        oficioState: 'informacion_incompleta',
        as: 'auxiliar_gobierno_digital',
        set: () => ({ workflowStatus: 'en_analisis' }),
        comment: 'Inicio',
        expect: 'OFICIO_INCOMPLETE',
      },
    ],
  },
  {
    key: 'requester-decision',
    description:
      'La decisión del área sobre una propuesta (decisión, observaciones, fecha y quién) solo la ' +
      'escribe el área, por su cuenta o por el enlace de aprobación; una versión enviada no se ' +
      'reescribe ni se quita.',
    codes: ['REQUESTER_DECISION', 'PROPOSAL_SENT'],
    workflows: ['design'],
    actions: ['create', 'update'],
    check: ({ before, after, actor, changed }) => {
      if (!changed.has('proposals')) return null;
      const previous = new Map(proposalsOf(before?.proposals).map((p) => [p.key, p]));
      const next = proposalsOf(after.proposals);
      const nextKeys = new Set(next.map((p) => p.key));
      for (const old of previous.values()) {
        if (old.sent && !nextKeys.has(old.key)) {
          return fail(
            'PROPOSAL_SENT',
            `La versión ${String(old.values.version)} de la propuesta ya se envió al área: no se quita.`,
            { version: old.values.version ?? null }
          );
        }
      }
      const requester = actor.roles.includes('area');
      for (const proposal of next) {
        const old = previous.get(proposal.key);
        if (old?.sent) {
          const rewritten = SENT_PROPOSAL_FIELDS.filter(
            (field) => !sameScalar(old.values[field], proposal.values[field])
          );
          if (rewritten.length > 0) {
            return fail(
              'PROPOSAL_SENT',
              `La versión ${String(old.values.version)} de la propuesta ya se envió al área: su ` +
                'archivo, número y fecha de envío no cambian. Sube una versión nueva.',
              { version: old.values.version ?? null, fields: rewritten }
            );
          }
        }
        const decided = DECISION_FIELDS.filter(
          (field) => !sameScalar(old?.values[field], proposal.values[field])
        );
        if (decided.length > 0 && !requester) {
          return fail(
            'REQUESTER_DECISION',
            'La decisión sobre una propuesta (aprobada u observaciones) la registra el área ' +
              'solicitante con su enlace de aprobación o su cuenta; nadie más puede escribirla.',
            { version: proposal.values.version ?? null, fields: decided },
            403
          );
        }
      }
      return null;
    },
    examples: [
      {
        title: 'el diseñador escribe la aprobación del área',
        workflow: 'design',
        state: 'en_revision',
        with: ({ file }) => ({
          proposals: [{ version: 1, file, sentAt: '2027-01-10T16:00:00Z' }],
        }),
        as: 'disenador_senior',
        set: (current) => ({
          proposals: recordsOf(current.proposals).map((p) => ({
            ...p,
            decision: 'aprobada',
            decidedBy: 'Dirección de Cultura',
          })),
        }),
        expect: 'REQUESTER_DECISION',
      },
      {
        title: 'la coordinación reescribe la decisión de un diseño publicado',
        workflow: 'design',
        state: 'publicado',
        with: ({ file }) => ({
          proposals: [{ version: 1, file, sentAt: '2027-01-10T16:00:00Z', decision: 'aprobada' }],
        }),
        as: 'coordinador_comunicacion',
        set: (current) => ({
          proposals: recordsOf(current.proposals).map((p) => ({
            ...p,
            decision: 'observaciones',
            feedback: 'No era así',
          })),
        }),
        expect: 'REQUESTER_DECISION',
      },
      {
        title: 'cambiar el archivo de una versión ya enviada',
        workflow: 'design',
        state: 'en_revision',
        with: ({ file }) => ({
          proposals: [{ version: 1, file, sentAt: '2027-01-10T16:00:00Z' }],
        }),
        as: 'disenador_senior',
        set: (current) => ({
          proposals: recordsOf(current.proposals).map((p) => ({ ...p, file: null })),
        }),
        expect: 'PROPOSAL_SENT',
      },
    ],
  },
  {
    key: 'secretaria-tecnica-authorization',
    description:
      'La autorización de una cuenta de correo (número de oficio y fecha) solo la registra la ' +
      'Secretaría Técnica.',
    codes: ['SECRETARIA_TECNICA_ONLY'],
    workflows: ['email-account-request'],
    actions: ['create', 'update'],
    check: ({ actor, changed, after }) => {
      const touched = AUTHORIZATION_FIELDS.filter((field) => changed.has(field));
      if (touched.length === 0 || actor.roles.includes('secretaria_tecnica')) return null;
      if (isSystem(actor) && isBlank(after.authorizationReference)) return null;
      return fail(
        'SECRETARIA_TECNICA_ONLY',
        'La autorización de la cuenta de correo la registra la Secretaría Técnica con su cuenta ' +
          '(número de oficio y fecha): nadie más puede escribirla.',
        { fields: touched },
        403
      );
    },
    examples: [
      {
        title: 'Gobierno Digital se autoriza a sí mismo una cuenta',
        workflow: 'email-account-request',
        state: 'solicitada',
        as: 'coordinador_gobierno_digital',
        set: () => ({
          authorizationReference: 'lo autorizo yo',
          authorizationDate: '2027-01-05',
          workflowStatus: 'autorizada',
        }),
        expect: 'SECRETARIA_TECNICA_ONLY',
      },
      {
        title: 'la Dirección cambia la referencia de una autorización',
        workflow: 'email-account-request',
        state: 'autorizada',
        with: () => ({ authorizationReference: 'ST/0123/2027', authorizationDate: '2027-01-05' }),
        as: 'director',
        set: () => ({ authorizationReference: 'ST/9999/2027' }),
        expect: 'SECRETARIA_TECNICA_ONLY',
      },
    ],
  },
  {
    key: 'late-acceptance',
    description:
      'Una solicitud extemporánea la acepta, con una justificación escrita, la coordinación a la ' +
      'que corresponde el trabajo (o la Dirección), una sola vez.',
    codes: ['READONLY_FIELD', 'NOT_LATE', 'TRANSITION_FORBIDDEN', 'COMMENT_REQUIRED'],
    workflows: ['oficio'],
    actions: ['create', 'update'],
    check: ({ before, after, actor, changed, facts, settings }) => {
      if (!changed.has('lateJustification')) return null;
      return lateAcceptanceFailure({
        oficio: before ?? after,
        actor,
        justification: after.lateJustification,
        items: facts.items ?? [],
        areaKind:
          facts.oficio?.areaKind ??
          (isRecord(after.area) && typeof after.area.kind === 'string' ? after.area.kind : null),
        settings,
      });
    },
    examples: [
      {
        title: 'Gobierno Digital acepta un diseño extemporáneo de Comunicación Social',
        workflow: 'oficio',
        state: 'recibido',
        given: ['late-oficio'],
        as: 'coordinador_gobierno_digital',
        set: () => ({ lateJustification: 'Evento prioritario de la Presidencia municipal.' }),
        expect: 'TRANSITION_FORBIDDEN',
      },
      {
        title: 'aceptar sin una justificación suficiente',
        workflow: 'oficio',
        state: 'recibido',
        given: ['late-oficio'],
        as: 'coordinador_comunicacion',
        set: () => ({ lateJustification: 'Urge' }),
        expect: 'COMMENT_REQUIRED',
      },
      {
        title: 'la coordinación de Comunicación Social acepta su diseño extemporáneo',
        workflow: 'oficio',
        state: 'recibido',
        given: ['late-oficio'],
        as: 'coordinador_comunicacion',
        set: () => ({ lateJustification: 'Evento prioritario de la Presidencia municipal.' }),
        expect: 'allowed',
      },
    ],
  },
  {
    key: 'intake-correction',
    description:
      'La fecha y hora de recepción y el área de un oficio solo las corrige una coordinación con ' +
      'un motivo; se recalcula todo lo que depende de ellas.',
    codes: ['CORRECTION_FORBIDDEN', 'COMMENT_REQUIRED'],
    workflows: ['oficio'],
    actions: ['update'],
    check: ({ workflow, actor, changed, comment }) => {
      const touched = (INTAKE_FIELDS[workflow] ?? []).filter((field) => changed.has(field));
      return coordinatorCorrection(touched, 'de un oficio', actor, comment);
    },
    examples: [
      {
        title: 'un diseñador adelanta la recepción de un oficio',
        workflow: 'oficio',
        state: 'recibido',
        as: 'disenador_senior',
        set: () => ({ receivedAt: '2026-12-01T16:00:00.000Z' }),
        comment: 'Llegó antes, en papel',
        expect: 'CORRECTION_FORBIDDEN',
      },
      {
        title: 'la coordinación corrige la recepción sin motivo',
        workflow: 'oficio',
        state: 'recibido',
        as: 'coordinador_comunicacion',
        set: () => ({ receivedAt: '2026-12-01T16:00:00.000Z' }),
        expect: 'COMMENT_REQUIRED',
      },
      {
        title: 'la coordinación corrige la recepción con su motivo',
        workflow: 'oficio',
        state: 'recibido',
        as: 'coordinador_comunicacion',
        set: () => ({ receivedAt: '2026-12-01T16:00:00.000Z' }),
        comment: 'El oficio llegó en papel el 1 de diciembre y se capturó tarde.',
        expect: 'allowed',
      },
    ],
  },
  {
    key: 'work-item-oficio',
    description: 'Un servicio no cambia de oficio: su recepción y sus plazos son los de su oficio.',
    codes: ['READONLY_FIELD'],
    workflows: ITEMS,
    actions: ['update'],
    check: ({ before, after, changed }) => {
      if (!changed.has('oficioDocumentId') || isBlank(before?.oficioDocumentId)) return null;
      return fail(
        'READONLY_FIELD',
        'Un servicio no cambia de oficio: cancélalo y regístralo en el oficio que corresponde.',
        { fields: ['oficio'], from: before?.oficioDocumentId, to: after.oficioDocumentId ?? null }
      );
    },
    examples: [
      {
        title: 'mover un diseño a otro oficio',
        workflow: 'design',
        state: 'pendiente',
        as: 'coordinador_comunicacion',
        set: (_current, { otherOficio }) => ({ oficio: otherOficio }),
        expect: 'READONLY_FIELD',
      },
    ],
  },
  {
    key: 'crew-overlap',
    description:
      'Una persona no cubre dos eventos a la misma hora: la solicitud recibida antes conserva el ' +
      'horario, cambie lo que cambie (personal, inicio, término) y en el orden que se programen.',
    codes: ['CREW_CONFLICT'],
    workflows: ['coverage-event'],
    actions: ['update'],
    check: (input) => (crewRelevant(input) ? crewConflict(crewContext(input)) : null),
    effects: (input) => (crewRelevant(input) ? crewDisplacement(crewContext(input)) : []),
    examples: [
      {
        title: 'agregar a una persona que cubre a esa hora una solicitud recibida antes',
        workflow: 'coverage-event',
        state: 'programada',
        given: ['earlier-coverage-same-slot'],
        with: ({ people }) => ({ crew: [people[0]] }),
        as: 'coordinador_comunicacion',
        set: (_current, { people }) => ({ crew: [people[0], people[1]] }),
        expect: 'CREW_CONFLICT',
      },
    ],
  },
  {
    key: 'blackout-dates',
    description:
      'Durante la veda no se programa propaganda: mover la fecha de una publicación programada ' +
      'o quitarle su excepción vuelve a revisar la veda.',
    codes: ['BLACKOUT', 'MISSING_DATA'],
    workflows: ['social-post'],
    actions: ['update'],
    check: (input) => {
      const { after, before, changed } = input;
      if (after.status !== 'programada' || before?.status !== 'programada') return null;
      const fields = ['scheduledAt', 'blackoutException', 'blackoutExceptionReference'];
      if (!fields.some((field) => changed.has(field))) return null;
      return BLACKOUT_SCHEDULE.check({ item: after, settings: input.settings, now: input.now });
    },
    examples: [
      {
        title: 'mover una publicación programada a la veda',
        workflow: 'social-post',
        state: 'programada',
        given: ['blackout-period'],
        as: 'community_manager',
        set: () => ({ scheduledAt: '2027-05-10T16:00:00.000Z' }),
        expect: 'BLACKOUT',
      },
    ],
  },
  {
    key: 'public-servant-flag',
    description:
      'La marca «menciona a una persona servidora pública» (art. 134) solo la quita quien revisa ' +
      'ese contenido, con un motivo.',
    codes: ['PUBLIC_SERVANT_MENTION', 'COMMENT_REQUIRED'],
    workflows: ['social-post', 'web-publication'],
    actions: ['update'],
    check: ({ workflow, before, after, actor, comment }) => {
      if (before?.mentionsPublicServant !== true || after.mentionsPublicServant === true) {
        return null;
      }
      const reviewers = PUBLIC_SERVANT_REVIEWERS[workflow] ?? ['director'];
      if (!actorMayAct(actor, reviewers)) {
        const labels = reviewers.map((role) => ROLE_LABELS[role]);
        return fail(
          'PUBLIC_SERVANT_MENTION',
          'El contenido está marcado porque nombra o muestra a una persona servidora pública ' +
            `(art. 134 constitucional): solo ${joinList(labels, 'o')} puede quitar la marca.`,
          { roles: labels, fields: ['mentionsPublicServant'] },
          403
        );
      }
      if (!reasonGiven(comment)) {
        return reasonMissing(
          'Para quitar la marca de persona servidora pública',
          'mentionsPublicServant'
        );
      }
      return null;
    },
    examples: [
      {
        ...FLAGGED_POST,
        title: 'el Community Manager quita la marca del art. 134',
        as: 'community_manager',
        comment: 'No sale nadie en la foto.',
        expect: 'PUBLIC_SERVANT_MENTION',
      },
      {
        ...FLAGGED_POST,
        title: 'la coordinación quita la marca sin motivo',
        as: 'coordinador_comunicacion',
        expect: 'COMMENT_REQUIRED',
      },
      {
        ...FLAGGED_POST,
        title: 'la coordinación quita la marca con su motivo',
        as: 'coordinador_comunicacion',
        comment: 'Revisé el texto y la imagen: no aparece ninguna persona servidora pública.',
        expect: 'allowed',
      },
    ],
  },
  {
    key: 'publication-frozen',
    description:
      'Una publicación verificada o respondida no cambia: la evidencia y el oficio de respuesta ' +
      'describen lo que está en el sitio. Para cambiarla se retira y se registra una nueva.',
    codes: ['PUBLICATION_FROZEN'],
    workflows: ['web-publication', 'transparency-document'],
    actions: ['update', 'publish'],
    check: ({ action, before, changed }) => {
      const status = String(before?.status ?? '');
      if (!(FROZEN_STATES as readonly string[]).includes(status)) return null;
      const fields = [...changed].filter((field) => !FROZEN_ALLOWED.has(field));
      if (action === 'update' && fields.length === 0) return null;
      return fail(
        'PUBLICATION_FROZEN',
        `La publicación ya está ${status === 'verificada' ? 'verificada' : 'respondida'}: su ` +
          'contenido no cambia, porque la evidencia y el oficio de respuesta describen lo que está ' +
          'en el sitio. Para corregirla, retírala con un motivo y registra una publicación nueva.',
        { status, fields }
      );
    },
    examples: [
      {
        title: 'editar el texto de una publicación verificada',
        workflow: 'web-publication',
        state: 'verificada',
        as: 'auxiliar_gobierno_digital',
        set: () => ({ body: 'Otro texto distinto del verificado.' }),
        expect: 'PUBLICATION_FROZEN',
      },
      {
        title: 'volver a publicar una publicación respondida',
        workflow: 'web-publication',
        state: 'respondida',
        as: 'coordinador_gobierno_digital',
        action: 'publish',
        expect: 'PUBLICATION_FROZEN',
      },
      {
        title: 'cambiar el documento de transparencia verificado',
        workflow: 'transparency-document',
        state: 'verificada',
        as: 'auxiliar_gobierno_digital',
        set: () => ({ fraccion: 'III' }),
        expect: 'PUBLICATION_FROZEN',
      },
    ],
  },
  {
    key: 'logo-active',
    description:
      'Un diseño solo lleva logotipos vigentes del catálogo: un logotipo dado de baja no se elige.',
    codes: ['INACTIVE_LOGO'],
    workflows: ['design'],
    actions: ['create', 'update'],
    check: ({ before, after, changed }) => {
      if (!changed.has('logos')) return null;
      const kept = new Set(chosenLogos(before ?? {}).map((choice) => choice.logo));
      const inactive = chosenLogos(after).filter((c) => !c.active && !kept.has(c.logo));
      if (inactive.length === 0) return null;
      const names = inactive.map((choice) => `«${choice.name ?? choice.logo}»`);
      return fail(
        'INACTIVE_LOGO',
        `${inactive.length === 1 ? 'El logotipo' : 'Los logotipos'} ${joinList(names)} ` +
          `${inactive.length === 1 ? 'está dado de baja' : 'están dados de baja'} en el catálogo: ` +
          'elige un logotipo vigente.',
        { fields: ['logos'], logos: inactive.map((choice) => choice.logo) }
      );
    },
    examples: [
      {
        title: 'elegir un logotipo dado de baja',
        workflow: 'design',
        state: 'pendiente',
        as: 'coordinador_comunicacion',
        set: (_current, { inactiveLogo }) => ({ logos: [{ logo: inactiveLogo }] }),
        expect: 'INACTIVE_LOGO',
      },
    ],
  },
  {
    key: 'delivery-recorded',
    description:
      'El oficio de entrega de un material impreso o de una cuenta de correo ya entregados ' +
      '(número, fecha, documento y quién lo recibió) solo lo corrige una coordinación o la ' +
      'Dirección, con un motivo.',
    codes: ['CORRECTION_FORBIDDEN', 'COMMENT_REQUIRED'],
    workflows: ['design', 'email-account-request'],
    actions: ['update'],
    check: ({ workflow, before, actor, changed, comment }) => {
      const delivered = DELIVERED_BY_OFICIO[workflow];
      if (!delivered?.states.includes(String(before?.status ?? ''))) return null;
      const touched = changed.has('delivery') ? ['delivery'] : [];
      return coordinatorCorrection(touched, delivered.what, actor, comment);
    },
    examples: [
      {
        title: 'el diseñador cambia el número del oficio de entrega de un impreso entregado',
        workflow: 'design',
        state: 'entregado',
        with: DELIVERED_PRINT,
        as: 'disenador_senior',
        set: () => ({ delivery: { number: 'DCSGD/0999/2027', date: '2027-02-01' } }),
        comment: 'Número equivocado',
        expect: 'CORRECTION_FORBIDDEN',
      },
      {
        title: 'la coordinación corrige el oficio de entrega sin motivo',
        workflow: 'design',
        state: 'entregado',
        with: DELIVERED_PRINT,
        as: 'coordinador_comunicacion',
        set: () => ({ delivery: { number: 'DCSGD/0101/2027', date: '2027-02-01' } }),
        expect: 'COMMENT_REQUIRED',
      },
      {
        title: 'la coordinación corrige el oficio de entrega con su motivo',
        workflow: 'design',
        state: 'entregado',
        with: DELIVERED_PRINT,
        as: 'coordinador_comunicacion',
        set: () => ({ delivery: { number: 'DCSGD/0101/2027', date: '2027-02-01' } }),
        comment: 'El número del oficio de entrega se capturó mal: es el 0101.',
        expect: 'allowed',
      },
      {
        title: 'Gobierno Digital cambia el oficio de entrega de una cuenta ya verificada',
        workflow: 'email-account-request',
        state: 'verificada',
        as: 'auxiliar_gobierno_digital',
        set: (current) => ({
          delivery: {
            ...(current.delivery as Record<string, unknown>),
            number: 'DCSGD/0999/2027',
          },
        }),
        comment: 'Otro número',
        expect: 'CORRECTION_FORBIDDEN',
      },
    ],
  },
  {
    key: 'coverage-deliverables-kept',
    description:
      'Una cobertura entregada conserva el material de cada entregable pedido y el texto del ' +
      'boletín; una publicada, dónde se publicó: lo que la cerró no se quita después.',
    codes: ['DELIVERABLES_KEPT'],
    workflows: ['coverage-event'],
    actions: ['update'],
    check: ({ before, after, changed }) => {
      const status = after.status;
      if (before?.status !== status) return null;
      if (!['material', 'publications', 'bulletin', 'deliverables'].some((f) => changed.has(f))) {
        return null;
      }
      const missing = deliverablesMissing(status, after);
      if (!missing) return null;
      const state = status === 'entregada' ? 'entregada' : 'publicada';
      return fail(
        'DELIVERABLES_KEPT',
        `La cobertura ya está ${state}: lo que se entregó no se quita. ${missing.message}`,
        { ...missing.details, status }
      );
    },
    examples: [
      {
        title: 'quitar las fotografías de una cobertura entregada',
        workflow: 'coverage-event',
        state: 'entregada',
        with: () => ({
          deliverables: ['fotos'],
          material: [{ kind: 'fotos', link: 'https://drive.calimaya.gob.mx/cabildo' }],
        }),
        as: 'fotografo',
        set: () => ({ material: [] }),
        expect: 'DELIVERABLES_KEPT',
      },
      {
        title: 'borrar el boletín de una cobertura publicada',
        workflow: 'coverage-event',
        state: 'publicada',
        with: () => ({
          deliverables: ['redes_sociales', 'boletin_prensa'],
          bulletin: 'El Ayuntamiento de Calimaya realizó la sesión de cabildo.',
          publications: [{ where: 'facebook', url: 'https://facebook.com/calimaya/posts/1' }],
        }),
        as: 'community_manager',
        set: () => ({ bulletin: '' }),
        expect: 'DELIVERABLES_KEPT',
      },
      {
        title: 'agregar un enlace más a una cobertura entregada',
        workflow: 'coverage-event',
        state: 'entregada',
        with: () => ({
          deliverables: ['fotos'],
          material: [{ kind: 'fotos', link: 'https://drive.calimaya.gob.mx/cabildo' }],
        }),
        as: 'fotografo',
        set: () => ({
          material: [
            { kind: 'fotos', link: 'https://drive.calimaya.gob.mx/cabildo' },
            { kind: 'fotos', link: 'https://drive.calimaya.gob.mx/cabildo-2' },
          ],
        }),
        expect: 'allowed',
      },
    ],
  },
  {
    key: 'designer-files-in-design',
    description:
      'Los archivos del diseñador de una publicación web se entregan mientras está «en diseño»: ' +
      'después son lo que Gobierno Digital revisó y publicó, y no cambian.',
    codes: ['READONLY_FIELD'],
    workflows: ['web-publication'],
    actions: ['update'],
    check: ({ before, actor, changed }) => {
      if (!changed.has('designedFiles') || isSystem(actor)) return null;
      if (before?.status === 'en_diseno') return null;
      return fail(
        'READONLY_FIELD',
        'Los archivos del diseñador se suben mientras la publicación está «en diseño». Para ' +
          'cambiarlos, Gobierno Digital la envía otra vez a diseño.',
        { fields: ['designedFiles'] }
      );
    },
    examples: [
      {
        title: 'el diseñador cambia sus archivos de una publicación ya lista',
        workflow: 'web-publication',
        state: 'lista',
        with: (refs) => ({ designedFiles: [refs.file] }),
        as: 'disenador_senior',
        set: () => ({ designedFiles: [] }),
        expect: 'READONLY_FIELD',
      },
    ],
  },
  {
    key: 'review-recorded',
    description:
      'Quién confirmó cada revisión (ortografía, lenguaje claro, datos personales) y cuándo lo ' +
      'escribe el sistema; desde «lista» una revisión confirmada ya no se retira.',
    codes: ['REVIEW_RECORDED'],
    workflows: ['web-publication', 'transparency-document'],
    actions: ['update'],
    check: ({ workflow, before, after }) => {
      if (!REVIEWS_LOCKED_FROM.includes(String(before?.status ?? ''))) return null;
      const withdrawn = (REVIEW_CHECKS[workflow] ?? []).filter(
        (check) => before?.[check] === true && after[check] !== true
      );
      if (withdrawn.length === 0) return null;
      return fail(
        'REVIEW_RECORDED',
        `La publicación pasó a «lista» con ${joinList(withdrawn.map(fieldLabel))} ` +
          'confirmada: esa revisión ya no se retira. Si hay que corregir el contenido, retírala ' +
          'del sitio con un motivo y registra una nueva.',
        { fields: withdrawn }
      );
    },
    examples: [
      {
        title: 'desmarcar la revisión ortográfica de una publicación lista',
        workflow: 'web-publication',
        state: 'lista',
        as: 'auxiliar_gobierno_digital',
        set: () => ({ spellingChecked: false }),
        expect: 'REVIEW_RECORDED',
      },
      {
        title: 'escribir a mano quién revisó los datos personales',
        workflow: 'transparency-document',
        state: 'en_analisis',
        as: 'auxiliar_gobierno_digital',
        set: () => ({ personalDataCheckedBy: 'Otra persona' }),
        expect: 'READONLY_FIELD',
      },
      {
        title: 'desmarcar el lenguaje claro durante el análisis',
        workflow: 'web-publication',
        state: 'en_analisis',
        as: 'auxiliar_gobierno_digital',
        set: () => ({ plainLanguageChecked: false }),
        expect: 'allowed',
      },
    ],
  },
  {
    key: 'email-kind-fixed',
    description:
      'El tipo de una solicitud de correo (alta, soporte o baja) no cambia una vez que empezó su ' +
      'trámite: cada tipo sigue su propio camino.',
    codes: ['READONLY_FIELD'],
    workflows: ['email-account-request'],
    actions: ['update'],
    check: ({ before, changed }) => {
      if (!changed.has('kind') || !before || before.status === 'solicitada') return null;
      return fail(
        'READONLY_FIELD',
        'El tipo de la solicitud (alta, soporte o baja) ya no cambia: su trámite empezó por el ' +
          'camino de ese tipo. Rechaza esta solicitud y registra una nueva del tipo correcto.',
        { fields: ['kind'], status: before.status }
      );
    },
    examples: [
      {
        title: 'convertir en baja un alta ya autorizada',
        workflow: 'email-account-request',
        state: 'autorizada',
        with: () => ({ authorizationReference: 'ST/0123/2027', authorizationDate: '2027-01-05' }),
        as: 'coordinador_gobierno_digital',
        set: () => ({ kind: 'baja' }),
        expect: 'READONLY_FIELD',
      },
      {
        title: 'corregir el tipo de una solicitud recién recibida',
        workflow: 'email-account-request',
        state: 'solicitada',
        as: 'coordinador_gobierno_digital',
        set: () => ({ kind: 'soporte' }),
        expect: 'allowed',
      },
    ],
  },
  {
    key: 'advisory-organism',
    description:
      'Una asesoría es para un organismo auxiliar (SMDIF, OPDAPAS, IMCUFIDEC): se indica siempre ' +
      'y no puede ser una dependencia ni la Presidencia.',
    codes: ['MISSING_DATA', 'INVALID_ORGANISM'],
    workflows: ['advisory'],
    actions: ['create', 'update'],
    check: ({ after }) => {
      const organism = after.organism;
      if (isBlank(organism)) {
        return fail(
          'MISSING_DATA',
          'Indica el organismo auxiliar al que se da la asesoría (SMDIF, OPDAPAS o IMCUFIDEC).',
          { fields: ['organism'] }
        );
      }
      const kind = isRecord(organism) ? organism.kind : null;
      if (kind === 'organismo_auxiliar') return null;
      const name = isRecord(organism) ? textOf(organism.name) : null;
      return fail(
        'INVALID_ORGANISM',
        `${name ? `«${name}»` : 'El área indicada'} no es un organismo auxiliar: la asesoría de ` +
          'esta coordinación es para SMDIF, OPDAPAS o IMCUFIDEC.',
        { fields: ['organism'], kind: kind ?? null }
      );
    },
    examples: [
      {
        title: 'quitar el organismo de una asesoría',
        workflow: 'advisory',
        state: 'abierta',
        as: 'coordinador_organismos',
        set: () => ({ organism: null }),
        expect: 'MISSING_DATA',
      },
    ],
  },
  {
    key: 'follow-ups-append-only',
    description:
      'Los seguimientos de una asesoría son su historia: se agregan al final, y uno registrado ' +
      'no se edita ni se quita.',
    codes: ['FOLLOW_UP_RECORDED'],
    workflows: ['advisory'],
    actions: ['update'],
    check: ({ before, after, changed }) => {
      if (!changed.has('followUps')) return null;
      const previous = recordsOf(before?.followUps);
      const next = recordsOf(after.followUps);
      for (const [index, old] of previous.entries()) {
        const now = next[index];
        const rewritten = now
          ? FOLLOW_UP_FIELDS.filter((field) => !sameScalar(old[field], now[field]))
          : [...FOLLOW_UP_FIELDS];
        if (rewritten.length > 0) {
          return fail(
            'FOLLOW_UP_RECORDED',
            `El seguimiento ${index + 1} (${textOf(old.date) ?? 'sin fecha'}) ya está registrado: ` +
              'no se edita ni se quita. Agrega un seguimiento nuevo con la corrección.',
            { index, fields: rewritten.map((field) => `followUps.${field}`) }
          );
        }
      }
      return null;
    },
    examples: [
      {
        title: 'reescribir las notas de un seguimiento ya registrado',
        workflow: 'advisory',
        state: 'en_seguimiento',
        with: () => ({ followUps: [FIRST_FOLLOW_UP] }),
        as: 'coordinador_organismos',
        set: (current) => ({
          followUps: recordsOf(current.followUps).map((entry) => ({
            ...entry,
            notes: 'Otra versión de lo que pasó',
          })),
        }),
        expect: 'FOLLOW_UP_RECORDED',
      },
      {
        title: 'quitar un seguimiento registrado',
        workflow: 'advisory',
        state: 'en_seguimiento',
        with: () => ({ followUps: [FIRST_FOLLOW_UP] }),
        as: 'coordinador_organismos',
        set: () => ({ followUps: [] }),
        expect: 'FOLLOW_UP_RECORDED',
      },
      {
        title: 'el Community Manager agrega un seguimiento',
        workflow: 'advisory',
        state: 'en_seguimiento',
        with: () => ({ followUps: [FIRST_FOLLOW_UP] }),
        as: 'community_manager',
        set: (current) => ({
          followUps: [
            ...recordsOf(current.followUps),
            {
              date: '2027-01-20',
              by: 'Community Manager',
              notes: 'Se revisaron las publicaciones del organismo.',
              nextDate: '2027-02-03',
            },
          ],
        }),
        expect: 'allowed',
      },
    ],
  },
] satisfies Invariant[]);

const BLACKOUT_SCHEDULE = blackout(({ item }) => localDateOf(item.scheduledAt), {
  what: 'programar propaganda',
});

const crewContext = (input: WriteInput) => ({
  item: input.after,
  facts: input.facts,
  received: input.received,
});

function crewRelevant(input: WriteInput): boolean {
  if (!holdsCrewSlot(input.after.status)) return false;
  // Entering a slot-holding state is the transition's own guard; here, edits of a held slot.
  if (input.before?.status !== input.after.status) return false;
  return ['crew', 'startsAt', 'endsAt'].some((field) => input.changed.has(field));
}

/** The invariants that apply to a write of `workflow` by `action`. */
export function invariantsFor(workflow: WorkflowKey, action: WriteAction): Invariant[] {
  return INVARIANTS.filter(
    (rule) => rule.workflows.includes(workflow) && rule.actions.includes(action)
  );
}

/** The first refusal among the invariants of this write, or null when every one holds. */
export function checkWrite(input: WriteInput): Failure | null {
  for (const rule of invariantsFor(input.workflow, input.action)) {
    const failure = rule.check(input);
    if (failure) return failure;
  }
  return null;
}

/** Writes the engine makes so that every invariant keeps holding after this write. */
export function effectsOfWrite(input: WriteInput): SideEffect[] {
  return invariantsFor(input.workflow, input.action).flatMap((rule) => rule.effects?.(input) ?? []);
}
