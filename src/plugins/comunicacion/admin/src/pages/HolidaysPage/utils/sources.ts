import type { HolidayDto } from '../../../../../shared/contracts/configuration';

export type HolidaySource = HolidayDto['source'];

/** Where a non-working day comes from, with its Spanish label (translation key and default). */
export const SOURCES: { value: HolidaySource; id: string; label: string }[] = [
  { value: 'ley_federal_trabajo', id: 'holidays.source.lft', label: 'Ley Federal del Trabajo' },
  { value: 'calendario_estatal', id: 'holidays.source.state', label: 'Calendario estatal' },
  { value: 'municipal', id: 'holidays.source.municipal', label: 'Municipal' },
];

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
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
};
