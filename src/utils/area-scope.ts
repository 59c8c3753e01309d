import type { Core } from '@strapi/strapi';
import { forbidden } from './errors';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
type Query = Record<string, unknown>;

export interface RequestingArea {
  id: number;
  documentId: string;
  name: string;
  kind: string;
}

/** The users-permissions role type of the caller (`area-solicitante`, `secretaria-tecnica`, …). */
export const roleType = (ctx: Ctx): string | null =>
  (ctx.state?.user as { role?: { type?: string } } | undefined)?.role?.type ?? null;

/** The area an area account belongs to; an account without one may not see anything. */
export const requireArea = async (strapi: Core.Strapi, ctx: Ctx): Promise<RequestingArea> => {
  const user = ctx.state?.user as { id?: number } | undefined;
  const row = user?.id
    ? ((await strapi.db.query('plugin::users-permissions.user').findOne({
        where: { id: user.id },
        populate: { area: { select: ['id', 'documentId', 'name', 'kind'] } },
      })) as { area?: RequestingArea | null } | null)
    : null;
  if (!row?.area) {
    throw forbidden(
      'NO_AREA',
      'Esta cuenta no está ligada a un área: pide a la Dirección que la asigne.'
    );
  }
  return row.area;
};

/**
 * Keeps only the relations an outside account may populate, one level deep (and the nested ones
 * listed), so no populate reaches another area's records through a relation.
 */
export const safePopulate = (
  requested: unknown,
  allowed: Readonly<Record<string, true | Record<string, unknown>>>
): Record<string, unknown> | undefined => {
  const keys = new Set<string>();
  if (requested === '*') Object.keys(allowed).forEach((key) => keys.add(key));
  else if (typeof requested === 'string')
    requested.split(',').forEach((key) => keys.add(key.trim()));
  else if (Array.isArray(requested)) requested.forEach((key) => keys.add(String(key)));
  else if (requested && typeof requested === 'object')
    Object.keys(requested).forEach((key) => keys.add(key));
  const populate: Record<string, unknown> = {};
  for (const key of keys) {
    if (key in allowed) populate[key] = allowed[key] === true ? true : { populate: allowed[key] };
  }
  return Object.keys(populate).length > 0 ? populate : undefined;
};

/** The caller's query with the area's own filter added and its populate made safe. */
export const scopedQuery = (
  query: Query,
  filter: Record<string, unknown>,
  allowedPopulate: Readonly<Record<string, true | Record<string, unknown>>>
): Query => {
  const scoped: Query = {
    ...query,
    filters: query.filters ? { $and: [query.filters, filter] } : filter,
  };
  const populate = safePopulate(query.populate, allowedPopulate);
  if (populate) scoped.populate = populate;
  else delete scoped.populate;
  return scoped;
};

/** The actor an area account's writes run as: the workflow role `area`, named by area and user. */
export const areaActor = (
  area: Pick<RequestingArea, 'name'>,
  user: { id: number; username?: string | null; email?: string | null }
) => ({
  kind: 'api' as const,
  roles: ['area' as const],
  id: user.id,
  name: `${area.name} (${user.username ?? user.email ?? user.id})`,
});
