import { dayOfWeek } from '../calendar';
import { mondayOf, startOfMexicoCityDay, sundayOf, weekStarts } from '../weeks';

describe('semanas del tablero (lunes a domingo, Ciudad de México)', () => {
  it('el lunes y el domingo de la semana de una fecha', () => {
    // Tuesday 24 November 2026.
    expect(mondayOf('2026-11-24')).toBe('2026-11-23');
    expect(sundayOf('2026-11-24')).toBe('2026-11-29');
    // A Monday and a Sunday belong to the same week.
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(sundayOf('2026-11-29')).toBe('2026-11-29');
    // Across a year boundary.
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('las N semanas que terminan con la actual, la más antigua primero', () => {
    const starts = weekStarts('2026-11-24', 3);
    expect(starts).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    starts.forEach((monday) => expect(dayOfWeek(monday)).toBe(1));
    expect(weekStarts('2026-11-29', 1)).toEqual(['2026-11-23']);
    expect(() => weekStarts('2026-11-24', 0)).toThrow(RangeError);
  });

  it('el día empieza a medianoche de la Ciudad de México (UTC-6), sea cual sea la zona del servidor', () => {
    expect(startOfMexicoCityDay('2026-11-23').toISOString()).toBe('2026-11-23T06:00:00.000Z');
  });
});
