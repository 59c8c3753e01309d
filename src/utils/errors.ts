import { errors } from '@strapi/utils';

/**
 * A 400 answer with a Spanish message and a stable `error.details.code` that clients can rely on.
 */
export const invalid = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new errors.ValidationError(message, { code, ...details });

/**
 * A 403 answer that keeps its message and code. Strapi's route authorisation turns any other
 * ForbiddenError thrown below it into a bare "Forbidden"; a PolicyError passes through intact.
 */
export const forbidden = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new errors.PolicyError(message, { code, ...details });
