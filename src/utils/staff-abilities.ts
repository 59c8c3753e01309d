import type { Core } from '@strapi/strapi';
import { clusterEvents } from './cluster-events';

/** How many compiled abilities an instance keeps (staff members with their roles). */
const MAX_ENTRIES = 500;

/** What decides a staff member's ability besides their roles (read on every request). */
const PERMISSION_MODELS = ['admin::permission', 'admin::role'];

interface AdminUser {
  id: number | string;
  roles?: { id: number | string }[] | null;
}

interface PermissionEngine {
  generateUserAbility(user: AdminUser): Promise<unknown>;
}

/**
 * Every staff request reads the member's permissions and compiles them into a CASL ability:
 * Strapi maps each permission row and runs it through its registration hooks and conditions, a
 * quarter of a small request's work for a role with permissions on every field. The compiled
 * ability is kept per member and set of roles (both read on every request, so a role given or
 * taken counts at once) until any permission or role is written: the query engine's lifecycles
 * see every such write, whoever makes it, and the cluster bus empties every instance's copy,
 * at once and again when the write's transaction ends. A generation number keeps an ability
 * compiled from permissions read before a write from being kept after it.
 */
export const reuseStaffAbilities = (strapi: Core.Strapi) => {
  const engine = (strapi.service('admin::permission') as unknown as { engine: PermissionEngine })
    .engine;
  const compile = engine.generateUserAbility.bind(engine);
  const abilities = new Map<string, unknown>();
  let generation = 0;

  const forget = () => {
    generation += 1;
    abilities.clear();
  };
  const bus = clusterEvents(strapi);
  bus.subscribe('staff-permissions', forget);
  // Publishing forgets here at once (and at the end of the write's transaction) and on the others.
  const changed = () => bus.publish('staff-permissions');
  strapi.db.lifecycles.subscribe({
    models: PERMISSION_MODELS,
    afterCreate: changed,
    afterCreateMany: changed,
    afterUpdate: changed,
    afterUpdateMany: changed,
    afterDelete: changed,
    afterDeleteMany: changed,
  });

  engine.generateUserAbility = async (user: AdminUser) => {
    const roles = (user.roles ?? []).map((role) => String(role.id)).sort();
    const key = JSON.stringify([String(user.id), roles]);
    const known = abilities.get(key);
    if (known) {
      // Most recently used last: eviction takes from the front.
      abilities.delete(key);
      abilities.set(key, known);
      return known;
    }
    const startedAt = generation;
    const ability = await compile(user);
    if (startedAt === generation) {
      abilities.set(key, ability);
      if (abilities.size > MAX_ENTRIES) abilities.delete(abilities.keys().next().value as string);
    }
    return ability;
  };
};
