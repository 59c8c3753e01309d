/**
 * The fields a refused write names (`error.details.fields`, e.g. `blackoutPeriods.0.end`); none
 * when the server sent no list.
 */
export const serverFields = (error: unknown): string[] => {
  if (!error || typeof error !== 'object') return [];
  const { details } = error as { details?: { fields?: unknown } | null };
  return Array.isArray(details?.fields)
    ? details.fields.filter((field): field is string => typeof field === 'string')
    : [];
};
