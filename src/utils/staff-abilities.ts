import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** How many compiled abilities an instance keeps (staff members × permission sets). */
const MAX_ENTRIES = 200;

interface AdminUser {
  id: number | string;
  roles?: { id: number | string }[] | null;
}

interface PermissionEngine {
  generateUserAbility(user: AdminUser): Promise<unknown>;
  generateTokenAbility(permissions: unknown[], owner: AdminUser): Promise<unknown>;
}

interface PermissionService {
  engine: PermissionEngine;
  findUserPermissions(user: AdminUser): Promise<unknown[]>;
}

/**
 * Every staff request compiles the member's CASL ability from their roles' permissions: Strapi runs
 * each permission through its registration hooks and conditions, several milliseconds per request
 * for a role with permissions on every field. The permissions are still read from the database on
 * every request; only their compilation is reused while the same member has exactly the same
 * permissions (the key is the member, their roles and a digest of every permission row, conditions
 * and fields included). A permission, role or condition changed anywhere, on any instance, changes
 * the digest: nothing is ever served from a stale ability.
 */
export const reuseStaffAbilities = (strapi: Core.Strapi) => {
  const service = strapi.service('admin::permission') as unknown as PermissionService;
  const engine = service.engine;
  const abilities = new Map<string, unknown>();

  engine.generateUserAbility = async (user: AdminUser) => {
    const permissions = await service.findUserPermissions(user);
    const roles = (user.roles ?? []).map((role) => String(role.id)).sort();
    const key = crypto
      .createHash('sha256')
      .update(JSON.stringify([String(user.id), roles, permissions]))
      .digest('base64url');
    const known = abilities.get(key);
    if (known) {
      // Most recently used last: eviction takes from the front.
      abilities.delete(key);
      abilities.set(key, known);
      return known;
    }
    // The same compilation Strapi runs for a member (permissions and owner), once.
    const ability = await engine.generateTokenAbility(permissions, user);
    abilities.set(key, ability);
    if (abilities.size > MAX_ENTRIES) abilities.delete(abilities.keys().next().value as string);
    return ability;
  };
};
