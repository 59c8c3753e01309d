import type { Modules } from '@strapi/strapi';
import { SESSIONS_VALID_FROM, USER_UID } from '../utils/sessions';

/**
 * A new password closes the account's existing sessions, whichever door sets it (change-password,
 * reset link, admin, scripts): a token stolen before the change stops working with it.
 */
export const sessionRevocation =
  (): Modules.Documents.Middleware.Middleware => async (ctx, next) => {
    if (ctx.uid !== USER_UID || ctx.action !== 'update') return next();
    const data = (ctx.params as { data?: Record<string, unknown> }).data;
    if (data && typeof data.password === 'string') data[SESSIONS_VALID_FROM] = new Date();
    return next();
  };
