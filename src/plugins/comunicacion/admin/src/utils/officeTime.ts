/**
 * Dates and times as the office reads them: Mexico City wall-clock time, UTC-6 all year (no
 * daylight saving since 2022), whatever the time zone of the browser that types them.
 */
const OFFICE_OFFSET = '-06:00';

const parts = (date: Date) => {
  const values = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Mexico_City',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value])
  );
  return {
    day: `${values.year}-${values.month}-${values.day}`,
    time: `${values.hour}:${values.minute}`,
  };
};

/** An instant as the office's calendar day (YYYY-MM-DD) and time (HH:mm). */
export const officeParts = (value: string | Date | null | undefined) => {
  if (!value) return { day: '', time: '' };
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? { day: '', time: '' } : parts(date);
};

/** The office's day and time now. */
export const officeNow = () => parts(new Date());

/** The instant (ISO) of a day and time typed in the office's time zone; null when the day is blank. */
export const officeInstant = (day: string, time: string) => {
  if (!day) return null;
  const date = new Date(`${day}T${time || '00:00'}:00${OFFICE_OFFSET}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** A DatePicker's local date as a calendar day (YYYY-MM-DD). */
export const toDay = (date: Date | undefined) =>
  date
    ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(
        date.getDate()
      ).padStart(2, '0')}`
    : '';

/** A calendar day as the local date a DatePicker shows. */
export const fromDay = (day: string | null | undefined) => {
  if (!day) return undefined;
  const [year, month, date] = day.slice(0, 10).split('-').map(Number);
  return new Date(year, month - 1, date);
};

/** A stored time (`HH:mm:ss.SSS`) as the TimePicker's `HH:mm`. */
export const toTime = (value: unknown) =>
  typeof value === 'string' && /^\d{2}:\d{2}/.test(value) ? value.slice(0, 5) : '';
