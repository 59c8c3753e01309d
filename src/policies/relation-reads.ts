import type { Core } from '@strapi/strapi';
import { createStaffReads, type StaffReader } from '../services/staff-reads';
import { forbidden } from '../utils/errors';

/** Targets every staff member may name in a relation: the people and the files. */
const OPEN_TARGETS = (target: string) =>
  target === 'admin::user' || target.startsWith('plugin::upload.');

/**
 * The content manager's relation lists (`/content-manager/relations/:model[/:id]/:targetField`)
 * show the related records: a staff member reaches them only when it may read the field on the
 * source type and the target type itself. Strapi's own check of the source answers 500.
 */
export default (
  policyContext: { params?: Record<string, string>; state: Partial<StaffReader> },
  _config: unknown,
  { strapi }: { strapi: Core.Strapi }
) => {
  const { model = '', targetField = '' } = policyContext.params ?? {};
  const schema = strapi.contentTypes[model as keyof typeof strapi.contentTypes];
  if (!schema || !policyContext.state.user || !policyContext.state.userAbility) return true;
  const attribute = (schema.attributes as Record<string, { type?: string; target?: string }>)[
    targetField
  ];
  if (attribute?.type !== 'relation' || !attribute.target) return true;

  const reads = createStaffReads(strapi, policyContext.state as StaffReader);
  const readable =
    reads.canReadField(model, targetField) &&
    (OPEN_TARGETS(attribute.target) || reads.canRead(attribute.target));
  if (!readable) {
    throw forbidden(
      'RELATION_NOT_READABLE',
      'Su rol no puede ver los registros de esta relación.',
      {
        model,
        targetField,
      }
    );
  }
  return true;
};

const POLICY = 'global::relation-reads';

/** Puts the policy on the content manager's relation routes, after the admin authentication. */
export const guardRelationRoutes = (strapi: Core.Strapi) => {
  const routes = strapi.plugin('content-manager').routes as Record<
    string,
    { routes?: { path: string; config?: { policies?: unknown[] } }[] }
  >;
  for (const group of Object.values(routes ?? {})) {
    for (const route of group.routes ?? []) {
      if (!route.path.startsWith('/relations/')) continue;
      route.config = { ...route.config, policies: [...(route.config?.policies ?? []), POLICY] };
    }
  }
};
