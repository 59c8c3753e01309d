import { addCalendarDays, dayOfWeek, parseInstant, type IsoDate } from './calendar';

/** The Monday of the week (Monday to Sunday) that holds `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  return addCalendarDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** The Sunday that closes the week of `date` (the date itself on a Sunday). */
export function sundayOf(date: IsoDate): IsoDate {
  return addCalendarDays(mondayOf(date), 6);
}

/** The Mondays of the `weeks` weeks ending with the week of `today`, oldest first. */
export function weekStarts(today: IsoDate, weeks: number): IsoDate[] {
  if (!Number.isInteger(weeks) || weeks < 1) {
    throw new RangeError(`El número de semanas debe ser un entero positivo; se recibió ${weeks}.`);
  }
  const current = mondayOf(today);
  return Array.from({ length: weeks }, (_, index) =>
    addCalendarDays(current, -7 * (weeks - 1 - index))
  );
}

/** The instant a Mexico City calendar day starts (00:00 local time). */
export function startOfMexicoCityDay(date: IsoDate): Date {
  const instant = parseInstant(`${date}T00:00`);
  if (!instant) throw new RangeError(`Fecha inválida: "${date}".`);
  return instant;
}
