import {
  dayOfWeekOfDayNumber,
  fromDayNumber,
  mexicoCityDayAndMinutes,
  parseCutoff,
  toDayNumber,
} from './dates';
import type { BusinessCalendarOptions, DueDateInput, IsoDate, NonWorkingDay } from './types';

/**
 * Day-by-day reference implementation of the BusinessCalendar contract. It is
 * deliberately simple (a Set lookup per day walked) and exists to check the fast
 * implementation in tests and to measure it in the benchmark. Not for production use.
 */
export class NaiveBusinessCalendar {
  readonly cutoff: string;
  private readonly cutoffMinutes: number;
  private readonly closed = new Set<number>();

  constructor(nonWorkingDays: readonly NonWorkingDay[], options: BusinessCalendarOptions = {}) {
    this.cutoff = options.cutoff ?? '18:00';
    const cutoffMinutes = parseCutoff(this.cutoff);
    if (cutoffMinutes === null) throw new RangeError(`Hora de corte inválida: "${this.cutoff}".`);
    this.cutoffMinutes = cutoffMinutes;
    for (const day of nonWorkingDays) {
      const start = toDayNumber(day.date);
      const end = day.endDate ? toDayNumber(day.endDate) : start;
      if (end < start)
        throw new RangeError(`La fecha final ${day.endDate} es anterior a ${day.date}.`);
      for (let d = start; d <= end; d++) this.closed.add(d);
    }
  }

  /** Whether the date is Monday–Friday and not a non-working day. */
  isBusinessDay(date: IsoDate): boolean {
    return this.isOpen(toDayNumber(date));
  }

  /** First business day on or after the date. */
  nextBusinessDayOnOrAfter(date: IsoDate): IsoDate {
    return fromDayNumber(this.rollForward(toDayNumber(date)));
  }

  /** Rolls forward to a business day, then walks n business days one day at a time. */
  addBusinessDays(date: IsoDate, n: number): IsoDate {
    return fromDayNumber(this.add(toDayNumber(date), n));
  }

  /** Counts business days d with a <= d < b one day at a time; negative when b < a. */
  businessDaysBetween(a: IsoDate, b: IsoDate): number {
    const from = toDayNumber(a);
    const to = toDayNumber(b);
    if (to < from) return -this.countBetween(to, from);
    return this.countBetween(from, to);
  }

  /** The business day an instant counts as received on. */
  receptionDay(instant: Date, cutoff?: string): IsoDate {
    return fromDayNumber(this.reception(instant, cutoff));
  }

  /** Same contract as BusinessCalendar.dueDate, paused days collected in a Set. */
  dueDate(input: DueDateInput): IsoDate {
    const start = this.reception(input.start);
    const paused = new Set<number>();
    for (const pause of input.pauses ?? []) {
      const from = Math.max(start, this.reception(pause.from));
      const to = this.reception(pause.to ?? input.asOf ?? new Date());
      for (let d = from; d < to; d++) if (this.isOpen(d)) paused.add(d);
    }
    return fromDayNumber(this.add(start, input.businessDays + paused.size));
  }

  private isOpen(day: number): boolean {
    const dow = dayOfWeekOfDayNumber(day);
    return dow !== 0 && dow !== 6 && !this.closed.has(day);
  }

  private rollForward(day: number): number {
    let d = day;
    while (!this.isOpen(d)) d++;
    return d;
  }

  private add(day: number, n: number): number {
    let d = this.rollForward(day);
    for (let i = 0; i < n; i++) d = this.rollForward(d + 1);
    return d;
  }

  private countBetween(from: number, to: number): number {
    let count = 0;
    for (let d = from; d < to; d++) if (this.isOpen(d)) count++;
    return count;
  }

  private reception(instant: Date, cutoff?: string): number {
    const cutoffMinutes = cutoff === undefined ? this.cutoffMinutes : parseCutoff(cutoff);
    if (cutoffMinutes === null) throw new RangeError(`Hora de corte inválida: "${cutoff}".`);
    const { day, minutes } = mexicoCityDayAndMinutes(instant);
    return this.isOpen(day) && minutes < cutoffMinutes ? day : this.rollForward(day + 1);
  }
}
