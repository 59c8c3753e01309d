import type { Core } from '@strapi/strapi';
import type { GetMeta } from '../../../shared/contracts/items';
import { ACTIONS } from '../permissions';
import { can, visibleQueues } from './queues';

type Context = Parameters<Core.MiddlewareHandler>[0];

interface AdminUserRow {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
  roles?: { code?: string | null }[];
}

const nameOf = (user: AdminUserRow) =>
  [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `#${user.id}`;

const codesOf = (user: AdminUserRow) =>
  (user.roles ?? []).map((role) => role.code).filter((code): code is string => Boolean(code));

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /comunicacion/meta */
  async get(ctx: Context) {
    const user = ctx.state.user as AdminUserRow;
    const [areas, staff] = await Promise.all([
      strapi.db.query('api::area.area').findMany({
        select: ['documentId', 'name', 'shortName', 'kind'],
        orderBy: [{ name: 'asc' }],
      }) as Promise<{ documentId: string; name: string; shortName: string | null; kind: string }[]>,
      strapi.db.query('admin::user').findMany({
        where: { isActive: true },
        select: ['id', 'firstname', 'lastname', 'email'],
        populate: { roles: { select: ['code'] } },
        orderBy: [{ firstname: 'asc' }, { lastname: 'asc' }, { id: 'asc' }],
      }) as Promise<AdminUserRow[]>,
    ]);

    const response: GetMeta.Response = {
      data: {
        user: { id: user.id, name: nameOf(user), roles: codesOf(user) },
        areas: areas.map((area) => ({
          documentId: area.documentId,
          name: area.name,
          shortName: area.shortName ?? null,
          kind: area.kind,
        })),
        staff: staff.map((member) => ({
          id: member.id,
          name: nameOf(member),
          roles: codesOf(member),
        })),
        queues: visibleQueues(ctx).map((queue) => ({ key: queue.key, label: queue.label })),
        permissions: ACTIONS.map((action) => action.uid).filter((uid) =>
          can(ctx, `plugin::comunicacion.${uid}`)
        ),
      },
    };
    ctx.body = response;
  },
});
