import { TZDate, tzOffset } from '@date-fns/tz';

import { MEXICO_CITY_TZ, type IsoDate, type MexicoCityParts } from './types';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CUTOFF_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidYmd(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). Pure integer arithmetic, so the host time zone never leaks in.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Strictly parses a 'YYYY-MM-DD' calendar date.
 * @returns the same date string, or null when malformed or impossible (e.g. 2026-02-30).
 */
export function parseIsoDate(value: string): IsoDate | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE_RE.exec(value);
  if (!match) return null;
  return isValidYmd(Number(match[1]), Number(match[2]), Number(match[3])) ? value : null;
}

/**
 * Converts a 'YYYY-MM-DD' date to its day number (days since 1970-01-01).
 * @throws RangeError when the date is malformed or impossible.
 */
export function toDayNumber(date: IsoDate): number {
  const match = typeof date === 'string' ? ISO_DATE_RE.exec(date) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (isValidYmd(year, month, day)) return daysFromCivil(year, month, day);
  }
  throw new RangeError(`Fecha inválida: "${String(date)}"; se espera el formato AAAA-MM-DD.`);
}

/**
 * Converts a day number (days since 1970-01-01) back to 'YYYY-MM-DD'.
 * @throws RangeError when n is not an integer or the year falls outside 0000..9999.
 */
export function fromDayNumber(n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Número de día inválido: ${n}.`);
  // Inverse of daysFromCivil (Howard Hinnant's civil_from_days).
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`Fecha fuera de rango: año ${year}.`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Day of the week of a day number: 0 = Sunday … 6 = Saturday.
 */
export function dayOfWeekOfDayNumber(n: number): number {
  // 1970-01-01 was a Thursday.
  return (((n + 4) % 7) + 7) % 7;
}

/**
 * Day of the week of a date: 0 = Sunday … 6 = Saturday.
 * @throws RangeError when the date is invalid.
 */
export function dayOfWeek(date: IsoDate): number {
  return dayOfWeekOfDayNumber(toDayNumber(date));
}

/**
 * Adds n calendar days (n may be negative).
 * @throws RangeError when the date is invalid or n is not an integer.
 */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) {
    throw new RangeError(`El número de días naturales debe ser entero; se recibió ${n}.`);
  }
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * Parses an ISO 8601 date-time such as '2026-11-13T10:00', '2026-11-13T10:00:00-06:00'
 * or '2026-11-13T16:00:00.000Z'. A date-time WITHOUT offset is read as Mexico City
 * local time. A bare date (no time) is rejected because a reception is an instant.
 * @returns the instant, or null when unparseable or impossible.
 */
export function parseInstant(value: string): Date | null {
  if (typeof value !== 'string') return null;
  const m = INSTANT_RE.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (!isValidYmd(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;

  let epochMs: number;
  if (m[8] !== undefined || m[9] !== undefined) {
    let offsetMinutes = 0;
    if (m[9] !== undefined) {
      const offsetHours = Number(m[10]);
      const offsetMins = Number(m[11]);
      if (offsetHours > 23 || offsetMins > 59) return null;
      offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
    }
    epochMs =
      daysFromCivil(year, month, day) * MS_PER_DAY +
      ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
      millis;
  } else {
    epochMs = new TZDate(
      year,
      month - 1,
      day,
      hour,
      minute,
      second,
      millis,
      MEXICO_CITY_TZ
    ).getTime();
  }
  return Number.isFinite(epochMs) ? new Date(epochMs) : null;
}

const MS_PER_HOUR = 3_600_000;
const offsetByUtcHour = new Map<number, number>();

/**
 * Mexico City's UTC offset in minutes at an instant. It comes from the IANA database, so
 * pre-2022 daylight saving time is honoured and the host TZ is never consulted. Every change of
 * offset since 1932 falls on a whole UTC hour, so the answer is remembered per hour: thousands of
 * due dates then cost one time-zone lookup per distinct hour instead of one each.
 */
function mexicoCityOffsetMinutes(epochMs: number): number {
  const hour = Math.floor(epochMs / MS_PER_HOUR);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    if (offsetByUtcHour.size >= 100_000) offsetByUtcHour.clear();
    offset = tzOffset(MEXICO_CITY_TZ, new Date(hour * MS_PER_HOUR));
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

/**
 * Local day number and minutes since midnight in Mexico City for an instant.
 * @throws RangeError for an invalid Date.
 */
export function mexicoCityDayAndMinutes(instant: Date): { day: number; minutes: number } {
  const epochMs = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(epochMs)) {
    throw new RangeError('Instante inválido: se esperaba una fecha y hora válida.');
  }
  const localMs = epochMs + mexicoCityOffsetMinutes(epochMs) * MS_PER_MINUTE;
  const day = Math.floor(localMs / MS_PER_DAY);
  const minutes = Math.floor((localMs - day * MS_PER_DAY) / MS_PER_MINUTE);
  return { day, minutes };
}

/**
 * Local calendar date and minutes since midnight in Mexico City for an instant,
 * regardless of the server's time zone.
 * @throws RangeError for an invalid Date.
 */
export function mexicoCityParts(instant: Date): MexicoCityParts {
  const { day, minutes } = mexicoCityDayAndMinutes(instant);
  return { date: fromDayNumber(day), minutes };
}

/**
 * Parses an office-hours cutoff 'HH:mm' (00:00..23:59).
 * @returns minutes since midnight, or null when invalid.
 */
export function parseCutoff(value: string): number | null {
  if (typeof value !== 'string') return null;
  const match = CUTOFF_RE.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
