import { factories, type Core, type UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { requireArea, roleType, safePopulate } from '../../utils/area-scope';
import { forbidden } from '../../utils/errors';
import { checkPublicQuery } from '../../utils/public-query';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
type Query = Record<string, unknown>;
type Populate = Readonly<Record<string, true | Record<string, unknown>>>;

/** The core-controller helpers a scoped read uses. */
export interface ReadController {
  validateQuery(ctx: Ctx): Promise<void>;
  sanitizeQuery(ctx: Ctx): Promise<Query>;
  sanitizeOutput(data: unknown, ctx: Ctx): Promise<unknown>;
  transformResponse(data: unknown, meta?: Record<string, unknown>): unknown;
}

/**
 * What the anonymous public may read of a published record. The same lists shape the answer and
 * bound the query: filters, sort and fields may name only these fields, populate only these
 * relations.
 */
export interface PublicView {
  fields: readonly string[];
  populate: Populate;
}

export interface ScopeOptions {
  /** Where the owning area is, seen from this content type. */
  areaPath: (areaId: number) => Record<string, unknown>;
  /** Relations an outside account may populate. */
  populate: Populate;
  /** Role types that see every record (e.g. Secretaría Técnica for e-mail requests). */
  seeAll?: readonly string[];
  /** Published records the public may read, and which of their fields. */
  publicView?: PublicView;
}

/** The caller's `fields`, as a list (Strapi takes `a,b` as well as `fields[0]=a`). */
const askedFields = (fields: unknown): string[] => {
  if (typeof fields === 'string') return fields.split(',').map((name) => name.trim());
  return Array.isArray(fields) ? fields.map(String) : [];
};

const and = (a: unknown, b: Record<string, unknown> | null) => {
  if (!b) return a;
  return a && typeof a === 'object' && Object.keys(a).length > 0 ? { $and: [a, b] } : b;
};

/**
 * Content-API reads limited to what the caller may see: an area only its own records (asking for
 * another area's by id answers 404, as if it did not exist), the public only published records and
 * their public fields. The caller's own filters are validated first and then narrowed; populate is
 * reduced to the relations listed, one level deep.
 */
export const scopeReads = (strapi: Core.Strapi, uid: UID.ContentType, options: ScopeOptions) => {
  const isPublic = (ctx: Ctx) => !ctx.state?.user;

  /** null: sees everything of this type; otherwise the filter that keeps it to its area. */
  const scopeFilter = async (ctx: Ctx): Promise<Record<string, unknown> | null> => {
    if (isPublic(ctx) && options.publicView) return { publishedAt: { $notNull: true } };
    if (options.seeAll?.includes(roleType(ctx) ?? '')) return null;
    if (roleType(ctx) !== 'area-solicitante') {
      throw forbidden('FORBIDDEN', 'Esta cuenta no puede consultar estos registros.');
    }
    const area = await requireArea(strapi, ctx);
    return options.areaPath(area.id);
  };

  const prepare = async (controller: ReadController, ctx: Ctx) => {
    const view = isPublic(ctx) ? options.publicView : undefined;
    // Before Strapi's own checks: a field that is not private in the schema (a due date, a
    // workflow state) is still not public, and filtering on it would reveal it.
    if (view) {
      checkPublicQuery(ctx.query as Query, {
        fields: view.fields,
        populate: Object.keys(view.populate),
      });
    }
    const { populate, ...query } = ctx.query as Query;
    ctx.query = query;
    await controller.validateQuery(ctx);
    const sanitized = await controller.sanitizeQuery(ctx);
    const params: Query = {
      ...sanitized,
      populate: safePopulate(populate, view?.populate ?? options.populate),
    };
    if (view) {
      const asked = askedFields(query.fields);
      Object.assign(params, {
        status: 'published',
        fields: asked.length > 0 ? asked : [...view.fields],
      });
    }
    return params;
  };

  return {
    /** `controller` is the core controller (`this` in its methods). */
    async find(core: object, ctx: Ctx) {
      const controller = core as ReadController;
      const filter = await scopeFilter(ctx);
      const params = await prepare(controller, ctx);
      const { results, pagination } = (await strapi
        .service(uid)
        .find({ ...params, filters: and(params.filters, filter) })) as {
        results: unknown[];
        pagination: Record<string, unknown>;
      };
      const output = await controller.sanitizeOutput(results, ctx);
      return controller.transformResponse(output, { pagination });
    },

    async findOne(core: object, ctx: Ctx) {
      const controller = core as ReadController;
      const filter = await scopeFilter(ctx);
      const documentId = String(ctx.params.id);
      const visible = await strapi.db
        .query(uid)
        .count({ where: { documentId, ...(filter ?? {}) } });
      if (!visible)
        throw new errors.NotFoundError('No existe ese registro.', { code: 'NOT_FOUND' });
      const params = await prepare(controller, ctx);
      const entity = await strapi.service(uid).findOne(documentId, params);
      if (!entity) throw new errors.NotFoundError('No existe ese registro.', { code: 'NOT_FOUND' });
      return controller.transformResponse(await controller.sanitizeOutput(entity, ctx));
    },
  };
};

/** Reads of a work item, scoped to the area of its oficio. */
export const workItemScope = (extraPopulate: Populate = {}): ScopeOptions => ({
  areaPath: (areaId) => ({ oficio: { area: { id: areaId } } }),
  populate: { oficio: true, ...extraPopulate },
});

type Handler = (ctx: Ctx) => Promise<unknown>;

/**
 * A core controller whose `find`/`findOne` are scoped as {@link scopeReads} describes, plus any
 * extra actions of the content type.
 */
export const scopedController = (
  uid: UID.ContentType,
  options: ScopeOptions,
  extra: (deps: { strapi: Core.Strapi }) => Record<string, Handler> = () => ({})
) =>
  factories.createCoreController(uid, ({ strapi }) => {
    const scope = scopeReads(strapi, uid, options);
    return {
      async find(ctx: Ctx) {
        return scope.find(this, ctx);
      },
      async findOne(ctx: Ctx) {
        return scope.findOne(this, ctx);
      },
      ...extra({ strapi }),
    };
  });
