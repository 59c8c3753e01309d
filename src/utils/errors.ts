import { errors } from '@strapi/utils';

/**
 * A 400 answer with a Spanish message and a stable `error.details.code` that clients can rely on.
 */
export const invalid = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new errors.ValidationError(message, { code, ...details });
