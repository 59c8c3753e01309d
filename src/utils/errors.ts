import { errors } from '@strapi/utils';
import createError from 'http-errors';

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

/**
 * A 409 answer: the write started from a state that another write changed meanwhile. Strapi's
 * error middleware answers any `http-errors` error with its status, message and `details`.
 */
export const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  createError(409, message, { details: { code, ...details } });
