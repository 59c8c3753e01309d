import type { Core, Modules, UID } from '@strapi/strapi';
import { clusterEvents } from '../utils/cluster-events';
import { getService } from '../utils/get-service';

/** Content the municipal site shows: its cached answers depend on these. */
const PUBLIC_UIDS = new Set<string>([
  'api::web-publication.web-publication',
  'api::transparency-document.transparency-document',
  'api::survey.survey',
]);
const ALWAYS = new Set<string>(['publish', 'unpublish', 'delete', 'discardDraft']);

type Params = { documentId?: string; status?: string };

/**
 * Empties the public response cache when published content changes: on publish, unpublish,
 * delete, discardDraft, a create or update written as published, and an update of a document that
 * has a published version. It empties it at once and again when the transaction commits, so a
 * listing read between the write and the commit is not kept; every other instance on the same
 * database empties its own at commit.
 */
export const siteCache =
  ({ strapi }: { strapi: Core.Strapi }): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (!PUBLIC_UIDS.has(ctx.uid)) return next();
    const params = (ctx.params ?? {}) as Params;
    let affects = ALWAYS.has(ctx.action);
    if (!affects && (ctx.action === 'create' || ctx.action === 'update')) {
      affects =
        params.status === 'published' ||
        (ctx.action === 'update' &&
          Boolean(params.documentId) &&
          (await strapi.db.query(ctx.uid as UID.ContentType).count({
            where: { documentId: params.documentId, publishedAt: { $notNull: true } },
          })) > 0);
    }
    if (!affects) return next();

    return strapi.db.transaction(async () => {
      getService('site-cache', strapi).invalidate();
      const result = await next();
      // Here now and at commit; on the other instances at commit.
      await clusterEvents(strapi).publish('site');
      return result;
    });
  };
