import type { Core, UID } from '@strapi/strapi';
import { AUDIT_RECORD_UID, type Role } from '../domain/workflows';
import type { AuditChange } from '../domain/workflows/audit';
import {
  ASSIGNEE_RELATIONS,
  keepsPersonalData,
  personalFieldsOf,
} from '../domain/workflows/staff-access';
import { ADMIN_ROLE_CODES } from './write-context';

type Entity = Record<string, unknown>;

/** The signed-in staff member as the admin authentication leaves it in `ctx.state`. */
export interface StaffReader {
  user: { id: number; roles?: { code?: string | null }[] | null };
  // The admin's CASL ability; typed loosely as Strapi does not export its type.
  userAbility: unknown;
}

interface PermissionChecker {
  can: { read: (entity?: unknown, field?: string) => boolean };
  cannot: { read: (entity?: unknown, field?: string) => boolean };
  sanitizeOutput: (data: unknown) => Promise<Entity>;
}

const SUPER_ADMIN = 'strapi-super-admin';

const isEntity = (value: unknown): value is Entity =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ count: n }`: a relation the content manager counts instead of loading. */
const isCount = (value: unknown) =>
  isEntity(value) && Object.keys(value).length === 1 && 'count' in value;

/**
 * What one staff member reads, beyond Strapi's own check of the requested type: every populated
 * relation is cut to the target type's read permission and fields, requester personal data is
 * kept only for a contact role or the item's assignee, and the audit trail shows values only of the
 * fields the reader may read on the subject.
 */
export const createStaffReads = (strapi: Core.Strapi, { user, userAbility }: StaffReader) => {
  const codes = (user.roles ?? []).map((role) => role.code ?? '');
  const unrestricted = codes.includes(SUPER_ADMIN);
  const roles = [...new Set(codes.map((code) => ADMIN_ROLE_CODES[code]).filter(Boolean))] as Role[];
  const checkers = new Map<string, PermissionChecker>();

  const checker = (model: string): PermissionChecker => {
    let found = checkers.get(model);
    if (!found) {
      found = strapi
        .plugin('content-manager')
        .service('permission-checker')
        .create({ userAbility, model }) as PermissionChecker;
      checkers.set(model, found);
    }
    return found;
  };

  const canRead = (uid: string) => unrestricted || checker(uid).can.read();
  /**
   * Role permissions name a component's fields by path (`logos.logo`): the component is readable
   * when any of its fields is.
   */
  const canReadField = (uid: string, field: string): boolean => {
    if (unrestricted) return true;
    const can = checker(uid).can;
    if (can.read(undefined, field)) return true;
    const attributes = (strapi.getModel(uid as UID.ContentType)?.attributes ?? {}) as Record<
      string,
      { type?: string; component?: string }
    >;
    const attribute = attributes[field];
    if (attribute?.type !== 'component' || !attribute.component) return false;
    const component = strapi.getModel(attribute.component as UID.Component);
    return Object.keys(component?.attributes ?? {}).some((name) =>
      can.read(undefined, `${field}.${name}`)
    );
  };

  /** The documents of `uid` (among `documentIds`) the reader is assigned to. */
  const assignedAmong = async (uid: string, documentIds: string[]): Promise<Set<string>> => {
    const attributes = strapi.getModel(uid as UID.ContentType)?.attributes ?? {};
    const relations = ASSIGNEE_RELATIONS.filter((name) => name in attributes);
    if (relations.length === 0 || documentIds.length === 0) return new Set();
    const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
      where: {
        documentId: { $in: documentIds },
        $or: relations.map((name) => ({ [name]: { id: user.id } })),
      },
      select: ['documentId'],
    })) as { documentId: string }[];
    return new Set(rows.map((row) => row.documentId));
  };

  /** The documents of `uid` whose personal data the reader keeps. */
  const personalReadable = async (uid: string, documentIds: string[]): Promise<Set<string>> => {
    if (unrestricted || keepsPersonalData(roles, false)) return new Set(documentIds);
    return assignedAmong(uid, documentIds);
  };

  /** An audit change in the reader's view: values only of a field it reads on the subject. */
  const auditChange = (subjectUid: string, change: AuditChange): AuditChange =>
    'changed' in change || canReadField(subjectUid, change.field)
      ? change
      : { field: change.field, changed: true };

  /**
   * Cuts one entity (or a list) of `uid` in place: relations to types the reader may not read are
   * dropped, the others sanitised with their type's permissions, recursively; personal fields are
   * collected in `pending` for the per-item decision.
   */
  const cut = async (uid: string, value: unknown, pending: Map<string, Entity[]>) => {
    if (Array.isArray(value)) {
      for (const entry of value) await cut(uid, entry, pending);
      return;
    }
    if (!isEntity(value)) return;
    const model = strapi.getModel(uid as UID.Schema);
    if (!model) return;

    for (const [key, attribute] of Object.entries(model.attributes ?? {})) {
      if (!(key in value)) continue;
      const nested = value[key];
      const target = (attribute as { target?: string }).target;
      if (attribute.type === 'relation' && target && nested && !isCount(nested)) {
        if (target === 'admin::user' || target.startsWith('plugin::upload.')) continue;
        if (!canRead(target)) {
          delete value[key];
          continue;
        }
        const sanitize = (entry: unknown) =>
          unrestricted ? entry : checker(target).sanitizeOutput(entry);
        value[key] = Array.isArray(nested)
          ? await Promise.all(nested.map(sanitize))
          : await sanitize(nested);
        await cut(target, value[key], pending);
      } else if (attribute.type === 'component' && nested) {
        await cut((attribute as { component: string }).component, nested, pending);
      } else if (attribute.type === 'dynamiczone' && Array.isArray(nested)) {
        for (const entry of nested) {
          if (isEntity(entry)) await cut(String(entry.__component), entry, pending);
        }
      }
    }

    if (uid === AUDIT_RECORD_UID && Array.isArray(value.changes)) {
      const subjectUid = String(value.subjectUid ?? '');
      value.changes = (value.changes as AuditChange[]).map((change) =>
        auditChange(subjectUid, change)
      );
    }
    if (personalFieldsOf(uid).some((field) => field in value)) {
      pending.set(uid, [...(pending.get(uid) ?? []), value]);
    }
  };

  return {
    /** Whether the reader keeps the personal data of every item (not only of those assigned). */
    readsAllPersonalData: unrestricted || keepsPersonalData(roles, false),
    canRead,
    canReadField,
    personalReadable,
    auditChange,

    /** `value` (an entity of `uid` or a list of them) as the reader may see it; changed in place. */
    async sanitize<T>(uid: string, value: T): Promise<T> {
      const pending = new Map<string, Entity[]>();
      await cut(uid, value, pending);
      for (const [type, entities] of pending) {
        const ids = entities.map((entity) => entity.documentId).filter(Boolean) as string[];
        const readable = await personalReadable(type, [...new Set(ids)]);
        for (const entity of entities) {
          if (readable.has(String(entity.documentId))) continue;
          for (const field of personalFieldsOf(type)) delete entity[field];
        }
      }
      return value;
    },
  };
};

export type StaffReads = ReturnType<typeof createStaffReads>;

const READS_KEY = Symbol('staffReads');

/**
 * The reader's permission checkers, built once per request: the content manager's read policy and
 * the answer's sanitising both use them, and each checker compiles the role's abilities.
 */
export const staffReadsOf = (strapi: Core.Strapi, state: StaffReader): StaffReads => {
  const memo = state as StaffReader & { [READS_KEY]?: StaffReads };
  memo[READS_KEY] ??= createStaffReads(strapi, state);
  return memo[READS_KEY];
};
