/**
 * Calendar days as `YYYY-MM-DD` strings. The office's calendar is Mexico City's, whatever the
 * browser's own time zone, so days are computed on UTC dates and instants are read in that zone.
 */
export const OFFICE_TIME_ZONE = 'America/Mexico_City';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** The Mexico City day of an instant. */
export const officeDay = (instant: string | Date) => dayFormat.format(new Date(instant));

export const today = () => officeDay(new Date());

export const isDay = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toDate(value).getTime());

export const addDays = (day: string, days: number) => {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
};

/** Monday of the day's week. */
export const startOfWeek = (day: string) => addDays(day, -((toDate(day).getUTCDay() + 6) % 7));

export const startOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

export const addMonths = (day: string, months: number) => {
  const date = toDate(startOfMonth(day));
  date.setUTCMonth(date.getUTCMonth() + months);
  return toDay(date);
};

const endOfMonth = (day: string) => addDays(addMonths(day, 1), -1);

/** The seven days, Monday to Sunday, of the day's week. */
export const weekDays = (day: string) => {
  const monday = startOfWeek(day);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
};

/** The month grid: whole weeks, Monday to Sunday, from the one holding the 1st to the last day's. */
export const monthWeeks = (day: string) => {
  const first = startOfWeek(startOfMonth(day));
  const last = addDays(startOfWeek(endOfMonth(day)), 6);
  const weeks: string[][] = [];
  for (let monday = first; monday <= last; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, index) => addDays(monday, index)));
  }
  return weeks;
};

/** A day shown as a calendar date (noon UTC keeps the day whatever the viewer's zone). */
export const dayAsDate = (day: string) => new Date(`${day}T12:00:00Z`);
