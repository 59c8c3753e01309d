import {
  ADDRESSEE_LABELS,
  COPY_LABELS,
  DELIVERABLE_LABELS,
  OFICIO_UID,
  SOCIAL_NETWORK_LABELS,
  mexicoCityParts,
} from '../app';
import { isoDay, isoInstant, mexicoCityToday } from './presenters';

/**
 * How the oficio's Historial reads the audit trail's stored values: in Spanish words, not codes
 * or JSON. Pure functions of the value, its attribute and the names of what it refers to.
 */

const MAX_SHOWN = 160;
const clip = (text: string) =>
  text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;

/** Spanish names of the codes of closed lists that the trail records, per attribute. */
const CODE_LABELS: Record<string, Readonly<Record<string, string>>> = {
  channel: { fisico: 'Físico', digital: 'Digital', oficio: 'Oficio', economica: 'Económica' },
  medium: { impreso: 'Impreso', digital: 'Digital' },
  addressedTo: ADDRESSEE_LABELS,
  copiedTo: COPY_LABELS,
  deliverables: DELIVERABLE_LABELS,
  networks: SOCIAL_NETWORK_LABELS,
  kind: { ...DELIVERABLE_LABELS, alta: 'Alta', soporte: 'Soporte', baja: 'Baja' },
  where: { ...SOCIAL_NETWORK_LABELS, sitio_web: 'Sitio web', otro: 'Otro' },
  decision: { aprobada: 'Aprobada', observaciones: 'Con observaciones' },
};

/** A code read aloud: its Spanish name, else the code with spaces. */
const codeLabel = (field: string, code: unknown) =>
  CODE_LABELS[field]?.[String(code)] ?? String(code).replace(/_/g, ' ');

/** A stored date (or date-time: its Mexico City day) as DD/MM/YYYY. */
const shortDate = (value: unknown): string | null => {
  const instant = typeof value === 'string' && value.length > 10 ? isoInstant(value) : null;
  const day = instant ? mexicoCityToday(new Date(instant)) : isoDay(value);
  if (!day) return null;
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
};

/** A stored instant as «DD/MM/YYYY HH:MM», Mexico City time; null when it is not one. */
const shortDateTime = (value: unknown): string | null => {
  const instant = isoInstant(value);
  if (!instant) return null;
  const { date, minutes } = mexicoCityParts(new Date(instant));
  const [year, month, day] = date.split('-');
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${day}/${month}/${year} ${time}`;
};

/** Why a work item's clock stopped, by the cause its pause records. */
const PAUSE_CAUSES: Record<string, string> = { oficio: 'el oficio espera información' };

/**
 * A work item's pauses (the time its area owes something) in words: «En pausa desde el
 * 06/12/2026 05:09 (el oficio espera información)», «Pausa del … al …».
 */
const pausesText = (value: unknown): string =>
  listOf(value)
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && !!entry)
    .map((pause) => {
      const from = shortDateTime(pause.from) ?? '?';
      const to = pause.to === null || pause.to === undefined ? null : shortDateTime(pause.to);
      const cause = PAUSE_CAUSES[String(pause.cause)];
      const span = to ? `Pausa del ${from} al ${to}` : `En pausa desde el ${from}`;
      return cause ? `${span} (${cause})` : span;
    })
    .join('; ');

/** What the Historial needs to know of an attribute to read its values. */
export interface AttributeInfo {
  type: string;
  component?: string;
  target?: string;
}

/** Names of the records and files the trail refers to by id, per content type. */
export type Names = Map<string, Map<string, string>>;

export const FILE_UID = 'plugin::upload.file';
export const LOGO_UID = 'api::logo.logo';

/** What a referenced record is called, per content type; others go by name or title. */
export const NAME_FIELDS: Record<string, string[]> = {
  'admin::user': ['firstname', 'lastname', 'email'],
  [FILE_UID]: ['name'],
  [OFICIO_UID]: ['folio'],
};

export const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];

const nameOf = (names: Names, uid: string, id: unknown) =>
  id === null || id === undefined ? null : (names.get(uid)?.get(String(id)) ?? `#${String(id)}`);

/** One component entry of the trail in words, e.g. «Oficio 123 del 05/12/2026». */
const componentText = (component: string, entry: Record<string, unknown>, names: Names) => {
  const words = (parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join(' ');
  switch (component) {
    case 'workflow.logo-choice':
      return nameOf(names, LOGO_UID, entry.logo);
    case 'workflow.delivery-oficio':
      return words([
        entry.number ? `Oficio ${String(entry.number)}` : 'Oficio',
        entry.date ? `del ${shortDate(entry.date)}` : null,
        entry.receivedBy ? `(recibió ${String(entry.receivedBy)})` : null,
      ]);
    case 'workflow.proposal-version':
      return words([
        `Versión ${String(entry.version ?? '?')}`,
        entry.sentAt ? `enviada el ${shortDate(entry.sentAt)}` : 'sin enviar',
        entry.decision ? `(${codeLabel('decision', entry.decision).toLowerCase()}` : null,
        entry.decision && entry.decidedBy ? `por ${String(entry.decidedBy)})` : null,
        entry.decision && !entry.decidedBy ? ')' : null,
      ]).replace(' )', ')');
    case 'advisory.follow-up':
      return words([
        entry.date ? `${shortDate(entry.date)}:` : null,
        entry.notes ? String(entry.notes) : null,
        entry.by ? `(${String(entry.by)})` : null,
        entry.nextDate ? `· siguiente: ${shortDate(entry.nextDate)}` : null,
      ]);
    default:
      return Object.entries(entry)
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([field, value]) =>
          ['file', 'document'].includes(field)
            ? nameOf(names, FILE_UID, value)
            : field.endsWith('At') || field === 'date'
              ? shortDate(value)
              : codeLabel(field, value)
        )
        .join(' · ');
  }
};

/**
 * A trail value as staff read it: closed-list codes by their Spanish names, related records and
 * files by their names, components in words, yes/no; a bare date or date-time stays ISO (the page
 * formats it as the rest of the page).
 */
export const shown = (
  value: unknown,
  field: string,
  attribute: AttributeInfo | undefined,
  names: Names
): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  const type = attribute?.type;
  let text: string;
  if (field === 'pauses') {
    text = pausesText(value);
  } else if (type === 'component' && attribute?.component) {
    const component = attribute.component;
    text = listOf(value)
      .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && !!entry)
      .map((entry) => componentText(component, entry, names))
      .filter(Boolean)
      .join(component === 'workflow.logo-choice' ? ', ' : '; ');
  } else if (type === 'relation' || type === 'media') {
    const uid = type === 'media' ? FILE_UID : String(attribute?.target);
    text = listOf(value)
      .map((id) => nameOf(names, uid, id))
      .join(', ');
  } else if (type === 'boolean' || typeof value === 'boolean') {
    text = value === true || value === 1 || value === 'true' ? 'Sí' : 'No';
  } else if (type === 'enumeration') {
    text = codeLabel(field, value);
  } else if (Array.isArray(value) && value.every((entry) => typeof entry !== 'object')) {
    text = value.map((entry) => codeLabel(field, entry)).join(', ');
  } else {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return text === '' ? null : clip(text);
};
