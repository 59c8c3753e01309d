import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../../../utils/get-service';
import { keyOf, noQuery, publicationQuery, transparencyQuery } from '../query';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const notFound = (message: string) => new errors.NotFoundError(message, { code: 'NOT_FOUND' });

/** Slugs and document ids are short plain tokens; anything else cannot exist. */
const TOKEN = /^[A-Za-z0-9._~-]{1,200}$/;

/** Reads of the municipal site: published content only, served through the response cache. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const site = () => getService('public-site', strapi);
  const cache = () => getService('site-cache', strapi);

  return {
    /** GET /api/site/publications */
    async publications(ctx: Ctx) {
      const filters = publicationQuery(ctx.query);
      await cache().respondCached(ctx, async () => ({ json: await site().publications(filters) }), {
        key: keyOf(ctx.path, filters),
      });
    },

    /** GET /api/site/publications/:slug */
    async publication(ctx: Ctx) {
      noQuery(ctx.query);
      const slug = String(ctx.params.slug ?? '');
      await cache().respondCached(ctx, async () => {
        const found = TOKEN.test(slug) ? await site().publication(slug) : null;
        if (!found) throw notFound('No existe una publicación con esa dirección.');
        return { json: { data: found } };
      });
    },

    /** GET /api/site/sections */
    async sections(ctx: Ctx) {
      noQuery(ctx.query);
      await cache().respondCached(ctx, async () => ({ json: { data: await site().sections() } }));
    },

    /** GET /api/site/transparency */
    async transparency(ctx: Ctx) {
      const filters = transparencyQuery(ctx.query);
      await cache().respondCached(ctx, async () => ({ json: await site().transparency(filters) }), {
        key: keyOf(ctx.path, filters),
      });
    },

    /** GET /api/site/transparency/facets */
    async transparencyFacets(ctx: Ctx) {
      noQuery(ctx.query);
      await cache().respondCached(ctx, async () => ({
        json: { data: await site().transparencyFacets() },
      }));
    },

    /** GET /api/site/transparency/:documentId */
    async transparencyDocument(ctx: Ctx) {
      noQuery(ctx.query);
      const documentId = String(ctx.params.documentId ?? '');
      await cache().respondCached(ctx, async () => {
        const found = TOKEN.test(documentId) ? await site().transparencyDocument(documentId) : null;
        if (!found)
          throw notFound('No existe un documento de transparencia con ese identificador.');
        return { json: { data: found } };
      });
    },
  };
};
