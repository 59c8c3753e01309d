import {
  dayOfWeekOfDayNumber,
  fromDayNumber,
  mexicoCityDayAndMinutes,
  parseCutoff,
  parseIsoDate,
  toDayNumber,
} from './dates';
import {
  HOLIDAY_SOURCES,
  type BusinessCalendarOptions,
  type DayExplanation,
  type DueDateInput,
  type IsoDate,
  type LeadTimeVerdict,
  type NonWorkingDay,
} from './types';

export const DEFAULT_CUTOFF = '18:00';

// Day number of Monday 1970-01-05, the origin of the weekday index.
const MONDAY_EPOCH = 4;

// Number of Monday–Friday days in [MONDAY_EPOCH, n); negative before the epoch.
function weekdaysBefore(n: number): number {
  const k = n - MONDAY_EPOCH;
  const weeks = Math.floor(k / 7);
  const rest = k - weeks * 7;
  return weeks * 5 + (rest < 5 ? rest : 5);
}

// The weekday whose weekdaysBefore() equals k (inverse of weekdaysBefore on weekdays).
function weekdayAt(k: number): number {
  const weeks = Math.floor(k / 5);
  return MONDAY_EPOCH + weeks * 7 + (k - weeks * 5);
}

// Number of elements of a sorted array that are < value.
function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Number of elements of a sorted array that are <= value.
function upperBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function requireNonNegativeInteger(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${what} debe ser un entero mayor o igual a 0; se recibió ${n}.`);
  }
}

interface StoredEntry {
  readonly entry: Readonly<NonWorkingDay>;
  readonly start: number;
  readonly end: number;
}

function compareStored(a: StoredEntry, b: StoredEntry): number {
  return a.start - b.start || a.end - b.end || a.entry.name.localeCompare(b.entry.name, 'es');
}

/**
 * Días hábiles of the office: Monday–Friday minus the given non-working days.
 *
 * Internally every date is a day number (days since 1970-01-01). With
 * B(d) = weekdays before d − non-working weekdays before d, the number of business
 * days in [a, b) is B(b) − B(a), and the t-th business day is found by a binary
 * search over the sorted non-working weekdays, so every query is O(log H).
 */
export class BusinessCalendar {
  readonly cutoff: string;

  private readonly cutoffMinutes: number;
  // Validated, de-duplicated entries sorted by start date.
  private readonly entries: readonly StoredEntry[];
  // The entry reported for each non-working day (narrowest range wins).
  private readonly byDay: ReadonlyMap<number, Readonly<NonWorkingDay>>;
  // Sorted, unique day numbers of non-working days that fall Monday–Friday.
  private readonly closedWeekdays: Int32Array;
  // keys[i] = business-day index of closedWeekdays[i] = weekdaysBefore(day) − i.
  // Non-decreasing, so "how many closed weekdays precede the t-th business day"
  // is upperBound(keys, t).
  private readonly keys: Int32Array;

  constructor(nonWorkingDays: readonly NonWorkingDay[], options: BusinessCalendarOptions = {}) {
    const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
    const cutoffMinutes = parseCutoff(cutoff);
    if (cutoffMinutes === null) {
      throw new RangeError(`Hora de corte inválida: "${cutoff}"; se espera HH:mm (00:00 a 23:59).`);
    }
    this.cutoff = cutoff;
    this.cutoffMinutes = cutoffMinutes;

    const seen = new Set<string>();
    const stored: StoredEntry[] = [];
    nonWorkingDays.forEach((day, index) => {
      const label = `Día inhábil #${index + 1}${day && typeof day.name === 'string' ? ` ("${day.name}")` : ''}`;
      if (!day || parseIsoDate(day.date) === null) {
        throw new RangeError(
          `${label}: fecha inválida "${String(day?.date)}"; se espera AAAA-MM-DD.`
        );
      }
      const endDate = day.endDate ?? null;
      if (endDate !== null && parseIsoDate(endDate) === null) {
        throw new RangeError(
          `${label}: fecha final inválida "${String(endDate)}"; se espera AAAA-MM-DD.`
        );
      }
      if (typeof day.name !== 'string' || day.name.trim() === '') {
        throw new RangeError(`${label}: falta el nombre del día inhábil.`);
      }
      if (!HOLIDAY_SOURCES.includes(day.source)) {
        throw new RangeError(
          `${label}: origen desconocido "${String(day.source)}"; se espera uno de ${HOLIDAY_SOURCES.join(', ')}.`
        );
      }
      const start = toDayNumber(day.date);
      const end = endDate === null ? start : toDayNumber(endDate);
      if (end < start) {
        throw new RangeError(
          `${label}: la fecha final ${endDate} es anterior a la fecha inicial ${day.date}.`
        );
      }
      const note = day.note ?? null;
      const key = JSON.stringify([start, end, day.name, day.source, note]);
      if (seen.has(key)) return;
      seen.add(key);
      const entry: Readonly<NonWorkingDay> = Object.freeze({
        date: day.date,
        endDate,
        name: day.name,
        source: day.source,
        note,
      });
      stored.push({ entry, start, end });
    });

    // A single day such as Navidad is a better explanation than a vacation range around it.
    const bySpecificity = [...stored].sort(
      (a, b) => a.end - a.start - (b.end - b.start) || compareStored(a, b)
    );
    const byDay = new Map<number, Readonly<NonWorkingDay>>();
    for (const { entry, start, end } of bySpecificity) {
      for (let d = start; d <= end; d++) {
        if (!byDay.has(d)) byDay.set(d, entry);
      }
    }

    // Weekends are already excluded by weekday arithmetic, so only Monday–Friday matter.
    const closed: number[] = [];
    for (const d of byDay.keys()) {
      const dow = dayOfWeekOfDayNumber(d);
      if (dow !== 0 && dow !== 6) closed.push(d);
    }
    const closedWeekdays = Int32Array.from(closed).sort();
    const keys = new Int32Array(closedWeekdays.length);
    for (let i = 0; i < closedWeekdays.length; i++) keys[i] = weekdaysBefore(closedWeekdays[i]) - i;

    this.entries = stored.sort(compareStored);
    this.byDay = byDay;
    this.closedWeekdays = closedWeekdays;
    this.keys = keys;
  }

  /** Whether the date is Monday–Friday and not a non-working day. */
  isBusinessDay(date: IsoDate): boolean {
    return this.isBusinessDayNumber(toDayNumber(date));
  }

  /**
   * Why a date is or is not a business day, in Spanish: 'Día hábil', 'Sábado', 'Domingo'
   * or the name of the non-working day (which takes precedence over the weekend).
   */
  explain(date: IsoDate): DayExplanation {
    const day = toDayNumber(date);
    const holiday = this.byDay.get(day) ?? null;
    if (holiday) return { businessDay: false, reason: holiday.name, holiday: { ...holiday } };
    const dow = dayOfWeekOfDayNumber(day);
    if (dow === 0) return { businessDay: false, reason: 'Domingo', holiday: null };
    if (dow === 6) return { businessDay: false, reason: 'Sábado', holiday: null };
    return { businessDay: true, reason: 'Día hábil', holiday: null };
  }

  /** First business day on or after the date. */
  nextBusinessDayOnOrAfter(date: IsoDate): IsoDate {
    const day = toDayNumber(date);
    return fromDayNumber(this.businessDayAt(this.businessIndex(day)));
  }

  /** The business day an instant counts as received on (cutoff defaults to this.cutoff). */
  receptionDay(instant: Date, cutoff?: string): IsoDate {
    return fromDayNumber(this.receptionDayNumber(instant, cutoff));
  }

  /**
   * Rolls the date forward to the first business day on or after it, then advances
   * n business days. n must be an integer >= 0.
   */
  addBusinessDays(date: IsoDate, n: number): IsoDate {
    requireNonNegativeInteger(n, 'El número de días hábiles');
    return fromDayNumber(this.businessDayAt(this.businessIndex(toDayNumber(date)) + n));
  }

  /** Number of business days d with a <= d < b; negative when b < a. */
  businessDaysBetween(a: IsoDate, b: IsoDate): number {
    return this.businessIndex(toDayNumber(b)) - this.businessIndex(toDayNumber(a));
  }

  /** Reception business day of the instant plus leadTimeDays business days. */
  earliestAllowedDate(received: Date, leadTimeDays: number): IsoDate {
    requireNonNegativeInteger(leadTimeDays, 'La anticipación en días hábiles');
    const reception = this.receptionDayNumber(received);
    return fromDayNumber(this.businessDayAt(this.businessIndex(reception) + leadTimeDays));
  }

  /** Whether wantedDate is on or after the earliest date allowed by the lead time. */
  leadTimeVerdict(received: Date, leadTimeDays: number, wantedDate: IsoDate): LeadTimeVerdict {
    const wanted = toDayNumber(wantedDate);
    const earliest = this.earliestAllowedDate(received, leadTimeDays);
    return { met: wanted >= toDayNumber(earliest), earliest };
  }

  /**
   * Due date: reception day of `start` plus `businessDays`, extended by the business
   * days spent paused.
   *
   * Pause convention: each pause covers the business days in
   * [receptionDay(from), receptionDay(to ?? asOf)), i.e. the day the clock stopped is
   * lost and the day it resumed counts again. Pauses are clipped to start no earlier
   * than the reception day of `start` (the clock was not running before), empty or
   * inverted pauses count zero, and overlapping pauses are merged so no day counts twice.
   */
  dueDate(input: DueDateInput): IsoDate {
    requireNonNegativeInteger(input.businessDays, 'El plazo en días hábiles');
    const reception = this.receptionDayNumber(input.start);
    const pausedDays = input.pauses?.length ? this.pausedBusinessDays(reception, input) : 0;
    return fromDayNumber(
      this.businessDayAt(this.businessIndex(reception) + input.businessDays + pausedDays)
    );
  }

  /** Non-working days whose range touches the given year, sorted by date. */
  nonWorkingDaysOfYear(year: number): NonWorkingDay[] {
    if (!Number.isInteger(year) || year < 0 || year > 9999) {
      throw new RangeError(`Año inválido: ${year}.`);
    }
    const first = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
    const last = toDayNumber(`${String(year).padStart(4, '0')}-12-31`);
    return this.entries
      .filter((e) => e.start <= last && e.end >= first)
      .map((e) => ({ ...e.entry }));
  }

  private isBusinessDayNumber(day: number): boolean {
    const dow = dayOfWeekOfDayNumber(day);
    if (dow === 0 || dow === 6) return false;
    const i = lowerBound(this.closedWeekdays, day);
    return i === this.closedWeekdays.length || this.closedWeekdays[i] !== day;
  }

  // B(day): business days in [epoch, day), signed; B(b) − B(a) counts [a, b).
  private businessIndex(day: number): number {
    return weekdaysBefore(day) - lowerBound(this.closedWeekdays, day);
  }

  // The business day d with businessIndex(d) === t, which is also the first business
  // day on or after any day whose index is t.
  private businessDayAt(t: number): number {
    return weekdayAt(t + upperBound(this.keys, t));
  }

  private receptionDayNumber(instant: Date, cutoff?: string): number {
    let cutoffMinutes = this.cutoffMinutes;
    if (cutoff !== undefined) {
      const parsed = parseCutoff(cutoff);
      if (parsed === null) {
        throw new RangeError(
          `Hora de corte inválida: "${cutoff}"; se espera HH:mm (00:00 a 23:59).`
        );
      }
      cutoffMinutes = parsed;
    }
    const { day, minutes } = mexicoCityDayAndMinutes(instant);
    if (minutes < cutoffMinutes && this.isBusinessDayNumber(day)) return day;
    return this.businessDayAt(this.businessIndex(day + 1));
  }

  private pausedBusinessDays(reception: number, input: DueDateInput): number {
    const pauses = input.pauses ?? [];
    const asOf = input.asOf ?? new Date();
    const intervals: [number, number][] = [];
    for (const pause of pauses) {
      const from = Math.max(reception, this.receptionDayNumber(pause.from));
      const to = this.receptionDayNumber(pause.to ?? asOf);
      if (to > from) intervals.push([from, to]);
    }
    intervals.sort((x, y) => x[0] - y[0]);

    let total = 0;
    let curStart = 0;
    let curEnd = Number.NEGATIVE_INFINITY;
    for (const [from, to] of intervals) {
      if (from > curEnd) {
        if (curEnd > curStart) total += this.businessIndex(curEnd) - this.businessIndex(curStart);
        curStart = from;
        curEnd = to;
      } else if (to > curEnd) {
        curEnd = to;
      }
    }
    if (curEnd > curStart) total += this.businessIndex(curEnd) - this.businessIndex(curStart);
    return total;
  }
}
