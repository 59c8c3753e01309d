import type { Modules } from '@strapi/strapi';
import { invalid } from '../utils/errors';

const USER_UID = 'plugin::users-permissions.user';
export const MIN_PASSWORD_LENGTH = 10;

/** Why a password is too weak for an area account, or null when it is fine. */
export const passwordProblem = (password: string): string | null => {
  if (password.length < MIN_PASSWORD_LENGTH) return `al menos ${MIN_PASSWORD_LENGTH} caracteres`;
  if (!/[a-zñáéíóú]/.test(password)) return 'al menos una letra minúscula';
  if (!/[A-ZÑÁÉÍÓÚ]/.test(password)) return 'al menos una letra mayúscula';
  if (!/\d/.test(password)) return 'al menos un número';
  return null;
};

/**
 * Area and Secretaría Técnica accounts reach personal data of requests: their passwords must be
 * strong, whichever door sets them (admin, reset link, change-password, scripts).
 */
export const passwordRules = (): Modules.Documents.Middleware.Middleware => async (ctx, next) => {
  if (ctx.uid !== USER_UID || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
  const password = (ctx.params as { data?: { password?: unknown } }).data?.password;
  if (typeof password === 'string') {
    const problem = passwordProblem(password);
    if (problem) {
      throw invalid('WEAK_PASSWORD', `La contraseña debe tener ${problem}.`, { field: 'password' });
    }
  }
  return next();
};
