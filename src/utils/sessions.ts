import type { Core } from '@strapi/strapi';
import createError from 'http-errors';

export const USER_UID = 'plugin::users-permissions.user';

/** Private attribute of users-permissions accounts: tokens issued before it are refused. */
export const SESSIONS_VALID_FROM = 'sessionsValidFrom';

/** Closes every session the account opened until now (tokens issued later keep working). */
export const revokeSessions = async (strapi: Core.Strapi, userId: number) => {
  const user = (await strapi.db
    .query(USER_UID)
    .findOne({ where: { id: userId }, select: ['documentId'] })) as { documentId: string } | null;
  if (!user) return;
  await strapi.documents(USER_UID).update({
    documentId: user.documentId,
    data: { [SESSIONS_VALID_FROM]: new Date() },
  } as never);
};

/**
 * A 401 that keeps its Spanish message and code. Strapi turns an UnauthorizedError thrown during
 * authentication into a bare "Unauthorized"; an `http-errors` error passes through intact.
 */
export const unauthorized = (code: string, message: string) =>
  createError(401, message, { details: { code } });
