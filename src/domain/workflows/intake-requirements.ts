import { BLACKOUT_EXCEPTIONS, type FieldRequirement } from './guards';
import { fieldLabel, WORKFLOW_LABELS } from './labels';
import type { WorkItemKey } from './work-items';
import type { Failure, Guard, Item, LeadVerdict } from './types';
import { formatDate, isBlank, missingFields, recordsOf } from './values';
import { copiesOf, DELIVERABLE_LABELS, SOCIAL_NETWORK_LABELS } from './intake-values';

/**
 * SPEC §2, «Data each service needs before work may start», in one table: the registration form
 * asks for these fields, an oficio registered without them waits in `informacion_incompleta`, and
 * the transition that starts the work refuses while any is missing.
 */

/** A datum a service needs; `onlyWhen` limits it to some requests (an e-mail «alta»). */
export type IntakeRequirement =
  | FieldRequirement
  | { field: string; onlyWhen: (item: Item) => boolean };

const emailKind = (...kinds: string[]) => ({
  onlyWhen: (item: Item) => kinds.includes(String(item.kind ?? '')),
});

/** What each service needs before its work starts (the office's own data is not listed). */
export const INTAKE_REQUIREMENTS: Readonly<Record<WorkItemKey, readonly IntakeRequirement[]>> =
  Object.freeze({
    // Print and digital art: the event, the specification, who answers for it and the logos.
    design: [
      'medium',
      'eventName',
      'eventDate',
      'eventTime',
      'place',
      'specification',
      'responsiblePerson',
      'logos',
    ],
    // The crew is the office's to assign, not the area's datum.
    'coverage-event': ['startsAt', 'endsAt', 'place', 'deliverables'],
    // The community manager writes and schedules the post: nothing is asked of the area.
    'social-post': [],
    'web-publication': ['section', 'wantedDate', { field: 'body', anyOf: ['body', 'attachments'] }],
    'transparency-document': [
      'law',
      'article',
      'fraccion',
      'ejercicio',
      'periodStart',
      'periodEnd',
      'responsibleArea',
      { field: 'file', anyOf: ['file', 'body'] },
    ],
    // Secretaría Técnica's authorization is its own act, not the area's datum.
    'email-account-request': [
      'kind',
      { field: 'personName', ...emailKind('alta') },
      { field: 'personPosition', ...emailKind('alta') },
      { field: 'requestedAddress', ...emailKind('baja', 'soporte') },
    ],
    advisory: ['topic'],
  });

/**
 * What an area (or the office registering its oficio) states about each service it requests, in
 * the order the form asks for it; everything else is the office's work.
 */
/**
 * Most services one oficio asks for: a real oficio asks for a handful; a longer list is split into
 * several oficios, and no door has to register, list or render thousands of them.
 */
export const MAX_SERVICES_PER_OFICIO = 20;

/** The refusal of a longer list, the same at every door. */
export const TOO_MANY_SERVICES_MESSAGE = `Un oficio pide como máximo ${MAX_SERVICES_PER_OFICIO} servicios: divide la solicitud en varios oficios.`;

export const SERVICE_FIELDS: Readonly<Record<WorkItemKey, readonly string[]>> = Object.freeze({
  design: [
    'title',
    'medium',
    'eventName',
    'eventDate',
    'eventTime',
    'place',
    'specification',
    'responsiblePerson',
    'requirements',
    'logos',
    'contactPhone',
    'officeAddress',
  ],
  'coverage-event': ['title', 'eventName', 'startsAt', 'endsAt', 'place', 'deliverables'],
  'social-post': ['title', 'text', 'eventDate', 'networks'],
  'web-publication': ['title', 'section', 'summary', 'body', 'attachments', 'wantedDate', 'isNews'],
  'transparency-document': [
    'title',
    'law',
    'lawVersion',
    'article',
    'fraccion',
    'ejercicio',
    'periodStart',
    'periodEnd',
    'responsibleArea',
    'note',
    'body',
    'file',
    'wantedDate',
  ],
  'email-account-request': ['title', 'kind', 'personName', 'personPosition', 'requestedAddress'],
  advisory: ['title', 'topic'],
});

/** Spanish names of the services as the registration form lists them. */
export const SERVICE_LABELS: Readonly<Record<WorkItemKey, string>> = Object.freeze({
  design: 'Diseño (material de imprenta o arte digital)',
  'coverage-event': 'Cobertura de evento',
  'social-post': 'Difusión en redes sociales',
  'web-publication': 'Publicación en el sitio web',
  'transparency-document': 'Documento de transparencia',
  'email-account-request': 'Cuenta de correo institucional',
  advisory: 'Asesoría a organismos auxiliares',
});

/** Spanish names of the codes of the closed lists a service form offers, by attribute. */
export const OPTION_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> =
  Object.freeze({
    medium: { impreso: 'Material de imprenta', digital: 'Arte digital (redes sociales)' },
    kind: { alta: 'Alta de cuenta', soporte: 'Soporte', baja: 'Baja de cuenta' },
    deliverables: DELIVERABLE_LABELS,
    networks: SOCIAL_NETWORK_LABELS,
    blackoutException: BLACKOUT_EXCEPTIONS,
    channel: { fisico: 'Físico (en ventanilla)', digital: 'Digital (correo electrónico)' },
  });

/** Hints under the fields that need one. */
export const FIELD_HINTS: Readonly<Record<string, string>> = Object.freeze({
  logos: 'Elige los logotipos del catálogo en el orden en que deben aparecer.',
  specification: 'Formato, colores, medidas.',
  body: 'El texto a publicar, o adjunta los archivos.',
  wantedDate: 'Se entrega con al menos 3 días hábiles de anticipación.',
  eventDate: 'Fecha del evento.',
});

const requirementField = (requirement: IntakeRequirement) =>
  typeof requirement === 'string' ? requirement : requirement.field;

const applies = (requirement: IntakeRequirement, item: Item) =>
  typeof requirement === 'string' || !('onlyWhen' in requirement) || requirement.onlyWhen(item);

/** The logos chosen, in order: entries that name a logo of the catalogue. */
const logosChosen = (item: Item) => recordsOf(item.logos).some((choice) => !isBlank(choice.logo));

function filled(item: Item, requirement: IntakeRequirement): boolean {
  if (typeof requirement !== 'string' && 'anyOf' in requirement) {
    return missingFields(item, requirement.anyOf).length < requirement.anyOf.length;
  }
  const field = requirementField(requirement);
  if (field === 'logos') return logosChosen(item);
  return !isBlank(item[field]);
}

/** Whether the service asks for `field` before work may start (for some of its requests). */
export function isIntakeField(workflow: WorkItemKey, field: string): boolean {
  return INTAKE_REQUIREMENTS[workflow].some((r) => requirementField(r) === field);
}

/**
 * The intake data `item` still lacks (attribute names, in the table's order); an alternative
 * (text or files) is named by its first attribute.
 */
export function missingIntake(workflow: WorkItemKey, item: Item): string[] {
  return INTAKE_REQUIREMENTS[workflow]
    .filter((requirement) => applies(requirement, item) && !filled(item, requirement))
    .map(requirementField);
}

/** «Diseño "Cartel": falta fecha del evento, lugar» — what one service lacks, for the area. */
export function missingIntakeSentence(
  workflow: WorkItemKey,
  title: string | null,
  missing: readonly string[]
): string {
  const name = `${WORKFLOW_LABELS[workflow]}${title ? ` "${title}"` : ''}`;
  return `${name}: falta ${missing.map(fieldLabel).join(', ')}`;
}

/**
 * The guard that refuses to start work while intake data is missing (MISSING_DATA naming it),
 * built from the table so the rule lives once. `except` leaves out data that another guard of the
 * transition checks with its own message.
 */
export function intakeGuard(
  workflow: WorkItemKey,
  { except = [] }: { except?: readonly string[] } = {}
): Guard {
  const requirements = INTAKE_REQUIREMENTS[workflow].filter(
    (r) => !except.includes(requirementField(r))
  );
  return {
    code: 'MISSING_DATA',
    description: `Datos obligatorios: ${requirements.map((r) => fieldLabel(requirementField(r))).join(', ')}`,
    check: ({ item }): Failure | null => {
      const missing = requirements
        .filter((r) => applies(r, item) && !filled(item, r))
        .map(requirementField);
      if (missing.length === 0) return null;
      return {
        ok: false,
        status: 400,
        code: 'MISSING_DATA',
        message: `Falta información: ${missing.map(fieldLabel).join(', ')}.`,
        details: { fields: missing },
      };
    },
  };
}

/** What the business calendar says of one requested service, in Spanish, for the form. */
export interface LeadTimeText {
  /** The earliest date that meets the lead time, when the service has one. */
  earliestAllowedDate: string | null;
  message: string;
  /** Advice that does not block (difusión with less than the suggested calendar days). */
  warning: string | null;
}

/** The form's sentence for a lead-time verdict (`waived`: the service has no request lead time). */
export function describeLeadTime(
  verdict: (LeadVerdict & { waived: boolean }) | null,
  dueAt: string | null
): LeadTimeText {
  const due = dueAt ? ` Fecha compromiso: ${formatDate(dueAt)}.` : '';
  if (!verdict || verdict.waived) {
    return {
      earliestAllowedDate: null,
      message: `Este servicio no pide anticipación.${due}`,
      warning: null,
    };
  }
  const { lead, met, earliest } = verdict;
  const span = `${lead.days} ${lead.unit === 'business' ? 'días hábiles' : 'días naturales'}`;
  const earliestText = formatDate(earliest);
  if (met === null) {
    return {
      earliestAllowedDate: earliest,
      message:
        `Sin fecha todavía: con ${span} de anticipación, la fecha más próxima posible es el ` +
        `${earliestText}.`,
      warning: null,
    };
  }
  if (met) {
    return {
      earliestAllowedDate: earliest,
      message: `Cumple el plazo de ${span}: la fecha más próxima posible era el ${earliestText}.${due}`,
      warning: null,
    };
  }
  const target = lead.target ? `el ${formatDate(lead.target)}` : 'la fecha indicada';
  if (!lead.blocking) {
    const warning =
      `La difusión se recomienda con al menos ${span} de anticipación: el evento es ${target} y ` +
      `lo recomendable era pedirla antes del ${earliestText}. Se registra, pero el tiempo es corto.`;
    return { earliestAllowedDate: earliest, message: `Aviso: ${warning}`, warning };
  }
  return {
    earliestAllowedDate: earliest,
    message:
      `Extemporáneo: se pide para ${target} y con ${span} de anticipación la fecha más próxima ` +
      `posible es el ${earliestText}. Un(a) coordinador(a) debe aceptarlo con una justificación ` +
      `antes de iniciar el trabajo.${due}`,
    warning: null,
  };
}

/**
 * Manual 1.1: print material is requested by an oficio addressed to the Presidencia Municipal with
 * a copy to this Dirección. What the oficio lacks for it (`oficio.addressedTo`, `oficio.copiedTo`).
 */
export function printAddresseeMissing(oficio: {
  addressedTo?: unknown;
  copiedTo?: unknown;
}): string[] {
  return [
    ...(oficio.addressedTo === 'presidencia' ? [] : ['oficio.addressedTo']),
    ...(copiesOf(oficio.copiedTo).includes('direccion') ? [] : ['oficio.copiedTo']),
  ];
}

/** What the oficio itself lacks for a print design, as the missing list names it. */
export const PRINT_ADDRESSEE_LACK =
  'Oficio: dirigido a Presidencia Municipal con copia a la Dirección (material de imprenta)';

/** One open service of an oficio, with its stored values, as the oficio's intake check sees it. */
export interface IntakeItem {
  workflow: WorkItemKey;
  title?: string | null;
  values: Item;
}

/** What a service lacks (`workflow` null: the oficio itself) — one line of the missing list. */
export interface IntakeLack {
  workflow: WorkItemKey | null;
  title: string | null;
  missing: string[];
}

/**
 * What an oficio and its open services still lack before work may start (SPEC §2): each service's
 * intake data, and the oficio's addressee when a print design is requested.
 */
export function oficioLacks(
  oficio: { addressedTo?: unknown; copiedTo?: unknown },
  items: readonly IntakeItem[]
): IntakeLack[] {
  const lacks: IntakeLack[] = items
    .map((item) => ({
      workflow: item.workflow as WorkItemKey | null,
      title: item.title ?? null,
      missing: missingIntake(item.workflow, item.values),
    }))
    .filter((lack) => lack.missing.length > 0);
  const print = items.some(
    (item) => item.workflow === 'design' && item.values.medium === 'impreso'
  );
  const addressee = print ? printAddresseeMissing(oficio) : [];
  if (addressee.length > 0) lacks.push({ workflow: null, title: null, missing: addressee });
  return lacks;
}

/** One line of the missing list, in Spanish. */
export const intakeLackSentence = (lack: IntakeLack): string =>
  lack.workflow === null
    ? PRINT_ADDRESSEE_LACK
    : missingIntakeSentence(lack.workflow, lack.title, lack.missing);

/** «Falta información para iniciar el trabajo: …; ….» — null when nothing is missing. */
export function missingInformationSentence(lacks: readonly IntakeLack[]): string | null {
  if (lacks.length === 0) return null;
  return `Falta información para iniciar el trabajo: ${lacks.map(intakeLackSentence).join('; ')}.`;
}
