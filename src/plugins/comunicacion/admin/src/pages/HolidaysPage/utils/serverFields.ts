import { isFetchError } from '@strapi/strapi/admin';

/** The fields a refused write names (`error.details.fields`, e.g. `blackoutPeriods.0.end`). */
export const serverFields = (error: unknown): string[] => {
  if (!isFetchError(error)) return [];
  const details = error.response?.data?.error?.details as { fields?: unknown } | undefined;
  return Array.isArray(details?.fields)
    ? details.fields.filter((field): field is string => typeof field === 'string')
    : [];
};
