import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import type { Actor, Role } from '../domain/workflows';
import type { Door } from '../domain/workflows/invariants';

/**
 * Who is writing and why, carried across the Document Service call chain. A request carries its
 * user; scripts and the plugin's own routes say it explicitly with {@link runAs}.
 */
interface WriteContext {
  actor?: Actor;
  comment?: string | null;
  /** The door the write came through, when the caller knows it better than the request does. */
  door?: Door;
  /** Writes made by the workflow engine itself (effects, logs): rules were already applied. */
  internal?: boolean;
  /** The log records written in this context, newest last. */
  logs?: Record<string, unknown>[];
  /** Approval links issued in this context (for the staff member who sent the proposal). */
  approvalLinks?: { designDocumentId: string; url: string; expiresAt: string }[];
  /**
   * The state the caller saw the document in: a write that finds it in another state once it
   * holds the row is refused (compare-and-set), instead of starting from a state nobody saw.
   */
  expected?: { documentId: string; state: string };
}

const storage = new AsyncLocalStorage<WriteContext>();

export const SYSTEM_ACTOR: Actor = { kind: 'system', roles: ['system'], id: null, name: 'Sistema' };
const ANONYMOUS: Actor = { kind: 'api', roles: [], id: null, name: null };

/** Admin role codes seeded by the app and the workflow role each stands for. */
export const ADMIN_ROLE_CODES: Readonly<Record<string, Role>> = {
  'strapi-super-admin': 'director',
  'cs-director': 'director',
  'cs-coordinador-comunicacion': 'coordinador_comunicacion',
  'cs-disenador-senior': 'disenador_senior',
  'cs-disenador-junior': 'disenador_junior',
  'cs-community-manager': 'community_manager',
  'cs-fotografo': 'fotografo',
  'cs-creador-contenido': 'creador_contenido',
  'cs-coordinador-gobierno-digital': 'coordinador_gobierno_digital',
  'cs-auxiliar-gobierno-digital': 'auxiliar_gobierno_digital',
  'cs-coordinador-organismos': 'coordinador_organismos',
};

/** users-permissions role types and the workflow role each stands for. */
export const API_ROLE_TYPES: Readonly<Record<string, Role>> = {
  'area-solicitante': 'area',
  'secretaria-tecnica': 'secretaria_tecnica',
};

/** Runs `fn` on behalf of `actor`, with the comment its transitions will log. */
export const runAs = <T>(actor: Actor, fn: () => Promise<T>, comment?: string | null) =>
  storage.run(
    { ...storage.getStore(), actor, comment: comment ?? null, logs: [], approvalLinks: [] },
    fn
  );

/** Runs `fn` as an engine write: effects and logs that the rules already approved. */
export const runInternal = <T>(fn: () => Promise<T>) =>
  storage.run({ ...storage.getStore(), internal: true }, fn);

export const writeContext = (): WriteContext => storage.getStore() ?? {};

/** Runs `fn` as a write of `documentId` that must find it still in `state`. */
export const runExpecting = <T>(documentId: string, state: string, fn: () => Promise<T>) =>
  storage.run({ ...storage.getStore(), expected: { documentId, state } }, fn);

/** Runs `fn` as a write that arrives through `door` (e.g. an approval link). */
export const runThrough = <T>(door: Door, fn: () => Promise<T>) =>
  storage.run({ ...storage.getStore(), door }, fn);

/**
 * The door of the current write, as the audit trail records it: explicit, else the request's
 * path, else the system (no person behind it) or a server-side script.
 */
export const currentDoor = (strapi: Core.Strapi, actor: Actor): Door => {
  const explicit = storage.getStore()?.door;
  if (explicit) return explicit;
  const ctx = strapi.requestContext.get();
  const path = String(ctx?.request?.path ?? ctx?.path ?? '');
  if (!ctx || !path) return actor.kind === 'system' ? 'system' : 'script';
  if (path.startsWith('/content-manager')) return 'content_manager';
  if (path.startsWith('/comunicacion') || path.startsWith('/api/comunicacion')) return 'plugin';
  if (path.startsWith('/api/approvals')) return 'approval_link';
  if (path.startsWith('/api/')) return 'content_api';
  return 'admin';
};

interface RequestUser {
  id?: number | string;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string | null;
  roles?: { code?: string }[];
  role?: { type?: string } | null;
}

/** Maps an admin user (with roles) to the actor the workflow engine understands. */
export const adminActor = (user: RequestUser): Actor => ({
  kind: 'admin',
  roles: [
    ...new Set((user.roles ?? []).map((role) => ADMIN_ROLE_CODES[role.code ?? '']).filter(Boolean)),
  ],
  id: user.id ?? null,
  name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || null,
});

/** The actor of the current write: explicit, else the request's user, else the system. */
export const currentActor = (strapi: Core.Strapi): Actor => {
  const explicit = storage.getStore()?.actor;
  if (explicit) return explicit;

  const ctx = strapi.requestContext.get();
  if (!ctx) return SYSTEM_ACTOR;
  const user = ctx.state?.user as RequestUser | undefined;
  const strategy = ctx.state?.auth?.strategy?.name as string | undefined;
  if (!user) return ANONYMOUS;
  if (strategy === 'admin') return adminActor(user);
  if (strategy === 'users-permissions') {
    const role = API_ROLE_TYPES[user.role?.type ?? ''];
    return {
      kind: 'api',
      roles: role ? [role] : [],
      id: user.id ?? null,
      name: user.username ?? user.email ?? null,
    };
  }
  return ANONYMOUS;
};
