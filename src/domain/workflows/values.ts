import {
  dayOfWeek,
  mexicoCityParts,
  parseInstant,
  parseIsoDate,
  type IsoDate,
  type PauseInterval,
} from '../calendar';
import type { Item } from './types';

/** Whether a value is a plain object (not an array, not a Date). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/**
 * Whether an attribute counts as not filled in: null, undefined, blank text, an empty
 * list or an invalid date. false and 0 are values.
 */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Date) return Number.isNaN(value.getTime());
  return false;
}

/** The attributes among `fields` that the item has not filled in, in the given order. */
export function missingFields(item: Item, fields: readonly string[]): string[] {
  return fields.filter((field) => isBlank(item[field]));
}

/** Trimmed text, or null when blank or not text. */
export function textOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A calendar date attribute as 'YYYY-MM-DD'. A longer ISO string keeps its date part
 * (as stored by a date column); a Date keeps its UTC date, which is how JavaScript
 * represents a bare date.
 */
export function dateOf(value: unknown): IsoDate | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return null;
  return parseIsoDate(value.trim().slice(0, 10));
}

/** An instant attribute (Date or ISO date-time; no offset means Mexico City time), or null. */
export function instantOf(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  return parseInstant(value);
}

/** The Mexico City calendar date of an instant attribute, or null. */
export function localDateOf(value: unknown): IsoDate | null {
  const instant = instantOf(value);
  return instant ? mexicoCityParts(instant).date : null;
}

/** The elements of a list attribute that are objects (e.g. repeatable components). */
export function recordsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/**
 * Person ids of a list attribute: strings and numbers as they are, objects by their
 * documentId or id (relations may arrive populated).
 */
export function idsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids: string[] = [];
  for (const entry of value) {
    let id: unknown = entry;
    if (isRecord(entry)) id = entry.documentId ?? entry.id;
    if ((typeof id === 'string' && id.trim() !== '') || typeof id === 'number') {
      const text = String(id).trim();
      if (!ids.includes(text)) ids.push(text);
    }
  }
  return ids;
}

/** A pause as stored in the `pauses` JSON attribute (ISO instants). */
export interface StoredPause {
  from: string;
  to: string | null;
  [key: string]: unknown;
}

/** The item's pauses, normalised to ISO strings; malformed entries are dropped. */
export function pausesOf(value: unknown): StoredPause[] {
  const pauses: StoredPause[] = [];
  for (const entry of recordsOf(value)) {
    const from = instantOf(entry.from);
    if (!from) continue;
    const to = entry.to === null || entry.to === undefined ? null : instantOf(entry.to);
    if (entry.to !== null && entry.to !== undefined && !to) continue;
    pauses.push({ ...entry, from: from.toISOString(), to: to ? to.toISOString() : null });
  }
  return pauses;
}

/** Stored pauses as the calendar's pause intervals. */
export function pauseIntervals(pauses: readonly StoredPause[]): PauseInterval[] {
  return pauses.map((pause) => ({
    from: new Date(pause.from),
    to: pause.to === null ? null : new Date(pause.to),
  }));
}

const WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** A date in Spanish, e.g. 'jueves 19 de noviembre de 2026'. */
export function formatDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${WEEKDAYS[dayOfWeek(date)]} ${day} de ${MONTHS[month - 1]} de ${year}`;
}

/** Mexico City local time of an instant, 'HH:mm'. */
export function formatTime(instant: Date): string {
  const { minutes } = mexicoCityParts(instant);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}

/** A Spanish enumeration: 'a', 'a y b', 'a, b y c' (or with 'o'). */
export function joinList(parts: readonly string[], conjunction: 'y' | 'o' = 'y'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${conjunction} ${parts[parts.length - 1]}`;
}

/** A label between Spanish quotation marks. */
export function quote(text: string): string {
  return `«${text}»`;
}
