import type { Core } from '@strapi/strapi';
import { staffReadsOf, type StaffReader } from '../services/staff-reads';

const CONTENT_MANAGER = /^\/content-manager\/(?:collection-types|single-types)\/([^/?]+)/;

/**
 * The content manager answers a staff member with the populated relations it asks for, sanitised
 * only with the requested type's permissions. This cuts each answer to what the reader may read:
 * relations to types it may not read are dropped, the others keep only their type's permitted
 * fields, and requester personal data stays only for a contact role or the item's assignee.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Parameters<Core.MiddlewareHandler>[0], next: () => Promise<unknown>) => {
    await next();
    const match = CONTENT_MANAGER.exec(ctx.path);
    if (!match || ctx.status !== 200 || !ctx.body || typeof ctx.body !== 'object') return;
    const state = ctx.state as Partial<StaffReader>;
    if (!state.user || !state.userAbility) return;
    const uid = decodeURIComponent(match[1]);
    if (!strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) return;

    const reads = staffReadsOf(strapi, state as StaffReader);
    const body = ctx.body as { data?: unknown; results?: unknown };
    if (body.data && typeof body.data === 'object') await reads.sanitize(uid, body.data);
    if (Array.isArray(body.results)) await reads.sanitize(uid, body.results);
  };
};
