import type { Core, Modules, UID } from '@strapi/strapi';

type Data = Record<string, unknown>;

interface UidAttribute {
  type: 'uid';
  targetField?: string;
}

interface UidService {
  generateUIDField(args: {
    contentTypeUID: string;
    field: string;
    data: Data;
    locale?: string;
  }): Promise<string>;
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

/** The app's `uid` attributes generated from another field, per content type. */
const slugFields = (strapi: Core.Strapi, uid: string): [string, string][] => {
  if (!uid.startsWith('api::')) return [];
  const attributes = (strapi.contentTypes[uid as UID.ContentType]?.attributes ?? {}) as Record<
    string,
    { type: string }
  >;
  return Object.entries(attributes).flatMap(([field, attribute]) => {
    const target = attribute.type === 'uid' ? (attribute as UidAttribute).targetField : undefined;
    return target ? [[field, target] as [string, string]] : [];
  });
};

/**
 * Fills an empty slug from its target field (the title), unique among the type's records, the
 * way the content manager's form does. Records written through any other door (the plugin, the
 * Document Service, imports) would otherwise have no address on the municipal site.
 */
export const slugs =
  ({ strapi }: { strapi: Core.Strapi }): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();
    const fields = slugFields(strapi, ctx.uid);
    if (fields.length === 0) return next();
    const params = ctx.params as { documentId?: string; data?: Data; locale?: string };
    const data: Data = { ...(params.data ?? {}) };
    // A new record without a slug, or an edit that clears it; other edits keep the stored one.
    const missing = fields.filter(
      ([field]) => isBlank(data[field]) && (ctx.action === 'create' || field in data)
    );
    if (missing.length === 0) return next();
    let current: Data | null = null;
    if (ctx.action === 'update' && params.documentId) {
      const draftAndPublish = Boolean(
        (strapi.contentTypes[ctx.uid as UID.ContentType]?.options as { draftAndPublish?: boolean })
          ?.draftAndPublish
      );
      current = (await strapi.db.query(ctx.uid as UID.ContentType).findOne({
        where: { documentId: params.documentId, ...(draftAndPublish ? { publishedAt: null } : {}) },
        select: missing.map(([, target]) => target),
      })) as Data | null;
    }
    const service = strapi.plugin('content-manager').service('uid') as unknown as UidService;
    for (const [field, target] of missing) {
      const source = { ...(current ?? {}), ...data };
      if (isBlank(source[target])) continue;
      data[field] = await service.generateUIDField({
        contentTypeUID: ctx.uid,
        field,
        data: source,
        locale: params.locale,
      });
    }
    params.data = data;
    return next();
  };
