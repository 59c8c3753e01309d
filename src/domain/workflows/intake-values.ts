import { fail } from './guards';
import type { ErrorCode, Failure, Item, WorkflowKey } from './types';
import {
  dateOf,
  formatDate,
  formatTime,
  instantOf,
  isBlank,
  joinList,
  localDateOf,
} from './values';

/**
 * What a request may say, whoever writes it: lists of known values, dates in order. Each rule is a
 * pure function of the values as they will be after the write and of the attributes it changes;
 * the workflow engine evaluates them on the incoming values (before the database sees them) and
 * on the row as written.
 */

/** What a coverage delivers (SPEC §2), by the code stored, with the name staff read. */
export const DELIVERABLE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  fotos: 'Fotografías',
  video: 'Video',
  transmision_en_vivo: 'Transmisión en vivo',
  redes_sociales: 'Redes sociales',
  boletin_prensa: 'Boletín de prensa',
});

/** The social networks the office publishes on, by the code stored, with their names. */
export const SOCIAL_NETWORK_LABELS: Readonly<Record<string, string>> = Object.freeze({
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X (antes Twitter)',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  whatsapp: 'WhatsApp',
});

/** Who an oficio can be addressed to (manual: every request goes to the head of the Dirección). */
export const ADDRESSEE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  direccion: 'Dirección de Comunicación Social y Gobierno Digital',
  presidencia: 'Presidencia Municipal',
});

/** Who an oficio can be copied to, by the code stored, with the name staff read. */
export const COPY_LABELS: Readonly<Record<string, string>> = Object.freeze({
  direccion: 'Dirección de Comunicación Social y Gobierno Digital',
  presidencia: 'Presidencia Municipal',
  secretaria_tecnica: 'Secretaría Técnica',
  secretaria_ayuntamiento: 'Secretaría del Ayuntamiento',
  contraloria: 'Contraloría Municipal',
  otra: 'Otra área',
});

/** What a rule about values reads: the row as it will be and the attributes the write changes. */
export interface ValuesInput {
  workflow: WorkflowKey;
  after: Item;
  changed: ReadonlySet<string>;
}

/** A list attribute whose elements are codes of a closed set. */
export interface KnownList {
  field: string;
  code: ErrorCode;
  /** Spanish names of the accepted codes. */
  labels: Readonly<Record<string, string>>;
  /** The list, in Spanish, for the message («Los entregables»). */
  what: string;
}

const shapeOf = (value: unknown) => {
  if (Array.isArray(value)) return 'una lista';
  if (typeof value === 'string') return `el texto «${value.slice(0, 40)}»`;
  if (value !== null && typeof value === 'object') return 'un objeto';
  return `el valor ${String(value).slice(0, 40)}`;
};

const choices = (labels: Readonly<Record<string, string>>) =>
  joinList(
    Object.entries(labels).map(([code, label]) => `${code} (${label})`),
    'o'
  );

/**
 * A JSON attribute's value as the database keeps it: a text that is JSON is stored (and read back)
 * as what it encodes, any other text as the text itself.
 */
export function asStoredJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * Null when `value` is absent (or blank text) or a non-empty list of distinct codes of `list.labels`; else the
 * refusal, naming what was wrong. A text, an object, a nested value or an unknown code is refused.
 */
export function knownListFailure(given: unknown, list: KnownList): Failure | null {
  if (typeof given === 'string' && given.trim() === '') return null;
  const value = asStoredJson(given);
  if (value === null || value === undefined) return null;
  const known = list.labels;
  const details = (extra: Record<string, unknown> = {}) => ({
    fields: [list.field],
    allowed: Object.keys(known),
    ...extra,
  });
  if (!Array.isArray(value)) {
    return fail(
      list.code,
      `${list.what} van en una lista (p. ej. ["${Object.keys(known)[0]}"]), no como ` +
        `${shapeOf(value)}. Valores posibles: ${choices(known)}.`,
      details()
    );
  }
  if (value.length === 0) {
    return fail(
      list.code,
      `${list.what}: elige al menos un valor (${choices(known)}), o deja el campo vacío si aún ` +
        'no se sabe.',
      details()
    );
  }
  const rejected = value.filter(
    (element) => typeof element !== 'string' || !Object.hasOwn(known, element)
  );
  if (rejected.length > 0) {
    const shown = rejected
      .slice(0, 5)
      .map((element) =>
        typeof element === 'string' ? `«${element.slice(0, 40)}»` : shapeOf(element)
      );
    return fail(
      list.code,
      `${list.what} no admiten ${joinList(shown)}. Valores posibles: ${choices(known)}.`,
      details({ rejected: rejected.slice(0, 5).map((e) => (typeof e === 'string' ? e : null)) })
    );
  }
  const repeated = value.filter((element, index) => value.indexOf(element) !== index);
  if (repeated.length > 0) {
    return fail(
      list.code,
      `${list.what} repiten ${joinList([...new Set(repeated)].map((e) => `«${String(e)}»`))}: ` +
        'cada valor va una sola vez.',
      details({ repeated: [...new Set(repeated)] })
    );
  }
  return null;
}

/** A coverage's deliverables. */
export const DELIVERABLES_LIST: KnownList = {
  field: 'deliverables',
  code: 'INVALID_DELIVERABLES',
  labels: DELIVERABLE_LABELS,
  what: 'Los entregables de la cobertura',
};

/** A social post's networks. */
export const NETWORKS_LIST: KnownList = {
  field: 'networks',
  code: 'INVALID_NETWORKS',
  labels: SOCIAL_NETWORK_LABELS,
  what: 'Las redes sociales de la publicación',
};

/** An oficio's copies («con copia a»). */
export const COPIES_LIST: KnownList = {
  field: 'copiedTo',
  code: 'INVALID_COPIES',
  labels: COPY_LABELS,
  what: 'Las copias del oficio',
};

/** The codes of an oficio's copies as stored (an empty list when there are none or unreadable). */
export function copiesOf(value: unknown): string[] {
  const list = asStoredJson(value);
  return Array.isArray(list) ? list.filter((code): code is string => typeof code === 'string') : [];
}

/** Two attributes of a record that come in order. */
export interface OrderedPair {
  start: string;
  end: string;
  /** Instants end strictly after they start; days may end on the day they start. */
  kind: 'instant' | 'day';
  /** The refusal, given both values as staff read them. */
  message: (start: string, end: string) => string;
}

/** The attributes of each workflow that must come in order. */
export const ORDERED_PAIRS: Readonly<Partial<Record<WorkflowKey, readonly OrderedPair[]>>> = {
  'coverage-event': [
    {
      start: 'startsAt',
      end: 'endsAt',
      kind: 'instant',
      message: (start, end) =>
        `El término del evento (${end}) debe ser posterior a su inicio (${start}).`,
    },
  ],
  advisory: [
    {
      start: 'receivedAt',
      end: 'followUpDate',
      kind: 'day',
      message: (start, end) =>
        `La fecha de seguimiento (${end}) no puede ser anterior a la recepción de la asesoría (${start}).`,
    },
  ],
};

const instantText = (instant: Date) =>
  `${formatDate(localDateOf(instant) ?? '')}, ${formatTime(instant)}`;

/** A day attribute, or the Mexico City day of an instant attribute. */
const dayOf = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())
    ? dateOf(value)
    : (localDateOf(value) ?? dateOf(value));

/** Null unless both attributes of `pair` are given and out of order. */
export function orderFailure(item: Item, pair: OrderedPair): Failure | null {
  const details = { fields: [pair.start, pair.end] };
  if (pair.kind === 'instant') {
    const start = instantOf(item[pair.start]);
    const end = instantOf(item[pair.end]);
    if (!start || !end || end.getTime() > start.getTime()) return null;
    return fail('INVALID_RANGE', pair.message(instantText(start), instantText(end)), details);
  }
  const start = dayOf(item[pair.start]);
  const end = dayOf(item[pair.end]);
  if (!start || !end || end >= start) return null;
  return fail('INVALID_RANGE', pair.message(formatDate(start), formatDate(end)), details);
}

/** The first pair of attributes the write sets that ends up out of order, or null. */
export function orderedDatesFailure({ workflow, after, changed }: ValuesInput): Failure | null {
  for (const pair of ORDERED_PAIRS[workflow] ?? []) {
    if (!changed.has(pair.start) && !changed.has(pair.end)) continue;
    const failure = orderFailure(after, pair);
    if (failure) return failure;
  }
  return null;
}

/** The list attributes of each workflow and the codes they accept. */
export const KNOWN_LISTS: Readonly<Partial<Record<WorkflowKey, readonly KnownList[]>>> = {
  'coverage-event': [DELIVERABLES_LIST],
  'social-post': [NETWORKS_LIST],
  oficio: [COPIES_LIST],
};

/** The first list attribute the write sets that is not a list of known codes, or null. */
export function knownListsFailure({ workflow, after, changed }: ValuesInput): Failure | null {
  for (const list of KNOWN_LISTS[workflow] ?? []) {
    if (!changed.has(list.field)) continue;
    const failure = knownListFailure(after[list.field], list);
    if (failure) return failure;
  }
  return null;
}

/**
 * The incoming values with every list attribute given as blank text set to null: the content
 * manager sends a cleared JSON editor as an empty text, which means no list yet (and which
 * PostgreSQL could not store as JSON).
 */
export function blankListsAsNull(
  workflow: WorkflowKey,
  data: Readonly<Record<string, unknown>>
): Record<string, unknown> {
  const cleared: Record<string, unknown> = { ...data };
  for (const { field } of KNOWN_LISTS[workflow] ?? []) {
    if (typeof cleared[field] === 'string' && isBlank(cleared[field])) cleared[field] = null;
  }
  return cleared;
}

/**
 * The first blackout period (as the settings list them) that ends before it starts: its position
 * (0-based) and a Spanish message, or null. Periods with a missing or malformed date are left to
 * the date validation.
 */
export function unorderedBlackoutPeriod(
  periods: unknown
): { index: number; message: string } | null {
  if (!Array.isArray(periods)) return null;
  for (const [index, period] of periods.entries()) {
    if (period === null || typeof period !== 'object') continue;
    const { start, end } = period as { start?: unknown; end?: unknown };
    const from = dateOf(start);
    const to = dateOf(end);
    if (from && to && to < from) {
      return {
        index,
        message: `La veda ${index + 1} termina (${to}) antes de empezar (${from}).`,
      };
    }
  }
  return null;
}

/** The link attributes of a coverage's repeatable records: delivered material, publications. */
export const COVERAGE_LINKS: readonly { field: string; link: string; what: string }[] = [
  { field: 'material', link: 'link', what: 'El enlace del material entregado' },
  { field: 'publications', link: 'url', what: 'El enlace de la publicación' },
];

/** Whether a text is an http or https address (the only links staff and areas can open). */
export function isWebAddress(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The first coverage link the write sets that is not an http(s) address, or null. */
export function coverageLinksFailure({ workflow, after, changed }: ValuesInput): Failure | null {
  if (workflow !== 'coverage-event') return null;
  for (const { field, link, what } of COVERAGE_LINKS) {
    if (!changed.has(field) || !Array.isArray(after[field])) continue;
    for (const [index, entry] of (after[field] as unknown[]).entries()) {
      if (entry === null || typeof entry !== 'object') continue;
      const value = (entry as Record<string, unknown>)[link];
      if (isBlank(value)) continue;
      if (typeof value === 'string' && isWebAddress(value.trim())) continue;
      return fail(
        'INVALID_URL',
        `${what} ${index + 1} no es una dirección web: escribe una que empiece con https:// ` +
          '(o http://).',
        { fields: [`${field}.${index}.${link}`] }
      );
    }
  }
  return null;
}
