/** Units from the largest down, with their length in seconds. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * The value and unit to say how long ago (negative) or from now an instant is, in the largest
 * whole unit: `{ value: -5, unit: 'minute' }` reads «hace 5 minutos». Under a minute is «ahora».
 */
export const relativeTime = (
  iso: string,
  now: number = Date.now()
): { value: number; unit: Intl.RelativeTimeFormatUnit } => {
  const seconds = (Date.parse(iso) - now) / 1000;
  for (const [unit, length] of UNITS) {
    if (Math.abs(seconds) >= length) return { value: Math.trunc(seconds / length), unit };
  }
  return { value: 0, unit: 'second' };
};
