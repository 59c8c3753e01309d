import { addCalendarDays, fromDayNumber, toDayNumber, type IsoDate } from '../calendar';

/** How often an obligation's information must be updated. */
export const FREQUENCIES = ['trimestral', 'semestral', 'anual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A reporting period: first and last day (inclusive) and its Spanish name. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
  /** e.g. «3.er trimestre 2026», «1.er semestre 2026», «ejercicio 2025». */
  label: string;
}

const MONTHS_PER_PERIOD: Record<Frequency, number> = { trimestral: 3, semestral: 6, anual: 12 };

/** Spanish ordinal abbreviations as the state platform writes them (1.er, 2.º, 3.er, 4.º). */
const ORDINALS = ['1.er', '2.º', '3.er', '4.º'];

const pad = (value: number) => String(value).padStart(2, '0');

/** Last day of a month, leap years included. */
const lastDayOf = (year: number, month: number): IsoDate =>
  fromDayNumber(
    toDayNumber(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`) - 1
  );

/** The period of `frequency` numbered `index` (1-based) in `year`. */
export const periodOf = (frequency: Frequency, year: number, index: number): Period => {
  const months = MONTHS_PER_PERIOD[frequency];
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const label =
    frequency === 'anual'
      ? `ejercicio ${year}`
      : `${ORDINALS[index - 1]} ${frequency === 'trimestral' ? 'trimestre' : 'semestre'} ${year}`;
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: lastDayOf(year, lastMonth),
    label,
  };
};

/**
 * The latest period that has already closed on `today`: a period closes when its last day is over,
 * so on 31 March the first quarter is still open and on 1 April it is the last closed one.
 */
export const lastClosedPeriod = (frequency: Frequency, today: IsoDate): Period => {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months = MONTHS_PER_PERIOD[frequency];
  // Today always falls inside the current period, whose end is today or later.
  const current = Math.floor((month - 1) / months) + 1;
  return current === 1
    ? periodOf(frequency, year - 1, 12 / months)
    : periodOf(frequency, year, current - 1);
};

/** The quarter `YYYY-T1` … `YYYY-T4` as a period, or null when malformed. */
export const quarterOf = (value: string): Period | null => {
  const match = /^(\d{4})-T([1-4])$/.exec(value);
  return match ? periodOf('trimestral', Number(match[1]), Number(match[2])) : null;
};

/** `date` plus `days` calendar days. */
export const plusDays = (date: IsoDate, days: number): IsoDate => addCalendarDays(date, days);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  toDayNumber(to) - toDayNumber(from);
