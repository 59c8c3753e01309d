import { dayOfWeekOfDayNumber, daysFromCivil, fromDayNumber } from './dates';
import type { NonWorkingDay } from './types';

export const LFT_MIN_YEAR = 2000;
export const LFT_MAX_YEAR = 2100;

/** Inauguration moved from 1 December to 1 October starting with the 2024 change. */
const FIRST_OCTOBER_TRANSMISSION_YEAR = 2024;

/*
 * Decree reforming art. 74 LFT, DOF 17 January 2006. Fractions II (first Monday of February) and
 * VI (third Monday of November) apply from the day after publication (transitorio primero), so
 * from 2006: 6 February 2006; 20 November 2006 was already the third Monday. Fraction III (third
 * Monday of March) applies only from 2007 (transitorio segundo: Juárez's bicentennial in 2006), so
 * 21 March 2006 (a Tuesday) stayed the rest day. Sources: DOF 17-01-2006, "Decreto por el que se
 * reforma el artículo 74 de la Ley Federal del Trabajo", and the Cámara de Diputados compilation
 * of the LFT, "Última reforma publicada DOF 17-01-2006. Nota: La fracción III del artículo 74 de
 * esta Ley, entrará en vigor a partir del año 2007."
 */
/** First year of the Monday rule for 5 February and 20 November (fractions II and VI). */
const MONDAY_RULE_FROM_YEAR = 2006;
/** First year of the Monday rule for 21 March (fraction III, art. 2 transitorio). */
const MARCH_MONDAY_RULE_FROM_YEAR = 2007;

function nthMonday(year: number, month: number, nth: number): number {
  const first = daysFromCivil(year, month, 1);
  const toMonday = (8 - dayOfWeekOfDayNumber(first)) % 7;
  return first + toMonday + 7 * (nth - 1);
}

function holiday(day: number, name: string): NonWorkingDay {
  return {
    date: fromDayNumber(day),
    endDate: null,
    name,
    source: 'ley_federal_trabajo',
    note: null,
  };
}

/**
 * Mandatory rest days of the Ley Federal del Trabajo, art. 74, for one year, sorted by date.
 * Election days, also listed in art. 74, are not included: they depend on each electoral process.
 * @throws RangeError when year is not an integer in 2000..2100.
 */
export function lftHolidays(year: number): NonWorkingDay[] {
  if (!Number.isInteger(year) || year < LFT_MIN_YEAR || year > LFT_MAX_YEAR) {
    throw new RangeError(
      `Año fuera de rango para los días de descanso de la LFT: ${year} (se admite ${LFT_MIN_YEAR} a ${LFT_MAX_YEAR}).`
    );
  }

  // Fixed dates before the reform; see the decree's transitorios above for 2006.
  const mondayRule = year >= MONDAY_RULE_FROM_YEAR;
  const marchMondayRule = year >= MARCH_MONDAY_RULE_FROM_YEAR;
  const days: NonWorkingDay[] = [
    holiday(daysFromCivil(year, 1, 1), 'Año Nuevo'),
    holiday(
      mondayRule ? nthMonday(year, 2, 1) : daysFromCivil(year, 2, 5),
      'Día de la Constitución'
    ),
    holiday(
      marchMondayRule ? nthMonday(year, 3, 3) : daysFromCivil(year, 3, 21),
      'Natalicio de Benito Juárez'
    ),
    holiday(daysFromCivil(year, 5, 1), 'Día del Trabajo'),
    holiday(daysFromCivil(year, 9, 16), 'Día de la Independencia'),
  ];

  const transmission = 'Transmisión del Poder Ejecutivo Federal';
  if (year >= FIRST_OCTOBER_TRANSMISSION_YEAR) {
    if ((year - FIRST_OCTOBER_TRANSMISSION_YEAR) % 6 === 0) {
      days.push(holiday(daysFromCivil(year, 10, 1), transmission));
    }
  } else if ((year - LFT_MIN_YEAR) % 6 === 0) {
    days.push(holiday(daysFromCivil(year, 12, 1), transmission));
  }

  days.push(
    holiday(
      mondayRule ? nthMonday(year, 11, 3) : daysFromCivil(year, 11, 20),
      'Día de la Revolución Mexicana'
    ),
    holiday(daysFromCivil(year, 12, 25), 'Navidad')
  );

  // 1 December (before 2024) sorts after November; 1 October sorts before it.
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
