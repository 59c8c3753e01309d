import type { Core } from '@strapi/strapi';
import { personalFieldsOf } from '../domain/workflows/staff-access';
import { staffReadsOf, type StaffReader, type StaffReads } from '../services/staff-reads';
import { forbidden, invalid } from '../utils/errors';

/** Targets every staff member may name in a relation: the people and the files. */
const isOpenTarget = (target: string) =>
  target === 'admin::user' || target.startsWith('plugin::upload.');

type Attribute = { type?: string; target?: string; searchable?: boolean };
type Refusal = { path: string };

const attributesOf = (strapi: Core.Strapi, uid: string) =>
  (strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes ?? null) as Record<
    string,
    Attribute
  > | null;

/**
 * The first field of a filter or sort path (`oficio.requesterPhone`) the reader may not use: a
 * field it may not read, a relation to a type it may not read, or a personal field when it reads
 * personal data only of the items assigned to it (a filter would tell it the others' values).
 */
const refusedField = (
  strapi: Core.Strapi,
  reads: StaffReads,
  uid: string,
  path: string[]
): Refusal | null => {
  let model = uid;
  for (const [index, key] of path.entries()) {
    const attributes = attributesOf(strapi, model);
    const attribute = attributes?.[key];
    if (!attributes || !attribute) return null;
    const here = { path: path.slice(0, index + 1).join('.') };
    if (!reads.canReadField(model, key)) return here;
    if (personalFieldsOf(model).includes(key) && !reads.readsAllPersonalData) return here;
    if (attribute.type !== 'relation' || !attribute.target) return null;
    if (isOpenTarget(attribute.target)) return null;
    if (!reads.canRead(attribute.target)) return here;
    model = attribute.target;
  }
  return null;
};

const SEARCHED_TEXT = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const SEARCHED_NUMBER = new Set(['integer', 'biginteger', 'float', 'decimal']);

/**
 * The content manager's search box (`_q`) looks into every text field of the type, the ones the
 * reader may not read included: a match would tell it a hidden value. When the type has such
 * fields, the search becomes the same `$containsi` over the fields the reader may use.
 */
const narrowedSearch = (
  strapi: Core.Strapi,
  reads: StaffReads,
  uid: string,
  query: Record<string, unknown>
): Record<string, unknown> | undefined => {
  const q = query._q;
  if (typeof q !== 'string' || q.trim() === '') return undefined;
  const numeric = q.trim() !== '' && Number.isFinite(Number(q));
  const searched = Object.entries(attributesOf(strapi, uid) ?? {}).filter(
    ([, attribute]) =>
      attribute.searchable !== false &&
      (SEARCHED_TEXT.has(String(attribute.type)) ||
        (numeric && SEARCHED_NUMBER.has(String(attribute.type))))
  );
  const usable = searched.filter(([name]) => !refusedField(strapi, reads, uid, [name]));
  if (usable.length === searched.length) return undefined;
  const anyOf = usable.map(([name, attribute]) => ({
    [name]: SEARCHED_NUMBER.has(String(attribute.type)) ? { $eq: Number(q) } : { $containsi: q },
  }));
  const search = anyOf.length > 0 ? { $or: anyOf } : { id: { $null: true } };
  const { _q: _search, ...rest } = query;
  return { ...rest, filters: rest.filters ? { $and: [rest.filters, search] } : search };
};

/** The attribute paths a `filters` object names (operators and logical keys skipped). */
const filterPaths = (node: unknown, prefix: string[] = []): string[][] => {
  if (Array.isArray(node)) return node.flatMap((entry) => filterPaths(entry, prefix));
  if (!node || typeof node !== 'object') return prefix.length > 0 ? [prefix] : [];
  const paths: string[][] = prefix.length > 0 ? [prefix] : [];
  for (const [key, value] of Object.entries(node)) {
    paths.push(...filterPaths(value, key.startsWith('$') ? prefix : [...prefix, key]));
  }
  return paths;
};

/** The attribute paths a `sort` names: `a.b:desc`, `a:asc,b`, lists or objects. */
const sortPaths = (sort: unknown): string[][] => {
  if (typeof sort === 'string') {
    return sort.split(',').map((part) => part.split(':')[0].trim().split('.'));
  }
  if (Array.isArray(sort)) return sort.flatMap(sortPaths);
  return filterPaths(sort).map((path) =>
    path.filter((key) => !['asc', 'desc', 'ASC', 'DESC'].includes(key))
  );
};

/** The attribute paths the filters and sorts inside a `populate` object name. */
const populatePaths = (populate: unknown, prefix: string[] = []): string[][] => {
  if (!populate || typeof populate !== 'object' || Array.isArray(populate)) return [];
  return Object.entries(populate).flatMap(([key, value]) => {
    if (!value || typeof value !== 'object') return [];
    const here = [...prefix, key];
    const nested = value as { filters?: unknown; sort?: unknown; populate?: unknown };
    return [
      ...filterPaths(nested.filters).map((path) => [...here, ...path]),
      ...(nested.sort === undefined ? [] : sortPaths(nested.sort)).map((path) => [
        ...here,
        ...path,
      ]),
      ...populatePaths(nested.populate, here),
    ];
  });
};

/**
 * The content manager's reads, before they run: a staff member filters and sorts only by what it
 * may read (Strapi checks only the requested type's own fields, not the ones behind a relation),
 * and opens a relation list (`/content-manager/relations/:model[/:id]/:targetField`) only when it
 * may read the field and the target type (Strapi's own refusal there answers 500); its search box
 * looks only into the fields it may read.
 */
export default (
  policyContext: {
    params?: Record<string, string>;
    query?: Record<string, unknown>;
    request?: { query?: Record<string, unknown> };
    state: Partial<StaffReader>;
  },
  _config: unknown,
  { strapi }: { strapi: Core.Strapi }
) => {
  const { model = '', targetField } = policyContext.params ?? {};
  const attributes = attributesOf(strapi, model);
  if (!attributes || !policyContext.state.user || !policyContext.state.userAbility) return true;
  const reads = staffReadsOf(strapi, policyContext.state as StaffReader);

  if (targetField) {
    const attribute = attributes[targetField];
    if (attribute?.type === 'relation' && attribute.target) {
      const readable =
        reads.canReadField(model, targetField) &&
        (isOpenTarget(attribute.target) || reads.canRead(attribute.target));
      if (!readable) {
        throw forbidden(
          'RELATION_NOT_READABLE',
          'Su rol no puede ver los registros de esta relación.',
          { model, targetField }
        );
      }
    }
  }

  let query = policyContext.request?.query ?? policyContext.query ?? {};
  const narrowed = narrowedSearch(strapi, reads, model, query);
  if (narrowed && policyContext.request) {
    policyContext.request.query = narrowed;
    query = narrowed;
  }
  const paths = [
    ...filterPaths(query.filters),
    ...(query.sort === undefined ? [] : sortPaths(query.sort)),
    ...populatePaths(query.populate),
  ];
  for (const path of paths) {
    const refused = refusedField(strapi, reads, model, path);
    if (refused) {
      throw invalid('INVALID_QUERY', `Su rol no puede filtrar ni ordenar por «${refused.path}».`, {
        field: refused.path,
      });
    }
  }
  return true;
};

const POLICY = 'global::content-manager-reads';
const WRITES_POLICY = 'global::personal-data-writes';
const GUARDED = ['/collection-types/', '/single-types/', '/relations/'];

/**
 * Puts the policy on the content manager's read routes, and `personal-data-writes` on its update
 * route, after the admin authentication.
 */
export const guardContentManagerReads = (strapi: Core.Strapi) => {
  const routes = strapi.plugin('content-manager').routes as Record<
    string,
    { routes?: { method: string; path: string; config?: { policies?: unknown[] } }[] }
  >;
  for (const group of Object.values(routes ?? {})) {
    for (const route of group.routes ?? []) {
      const policies = route.config?.policies ?? [];
      if (route.method === 'PUT' && route.path === '/collection-types/:model/:id') {
        route.config = { ...route.config, policies: [...policies, WRITES_POLICY] };
      }
      if (route.method !== 'GET' || !GUARDED.some((prefix) => route.path.startsWith(prefix))) {
        continue;
      }
      route.config = { ...route.config, policies: [...policies, POLICY] };
    }
  }
};
