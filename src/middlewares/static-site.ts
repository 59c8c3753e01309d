import type { Core, UID } from '@strapi/strapi';

/** A page of the site that shows one published record, named by a query parameter. */
interface ItemPage {
  param: string;
  uid: string;
  field: string;
}

interface StaticSiteConfig {
  /** Folders under `public/` served as sites, e.g. `/sitio`. */
  paths: string[];
  /** Pages answering 404 when their record is not published, e.g. `/sitio/publicacion.html`. */
  itemPages?: Record<string, ItemPage>;
}

/**
 * A static site's pages link to each other relatively, so its folder must be reached with the
 * trailing slash: `/sitio` answers 301 to `/sitio/` (keeping the query) instead of serving the
 * home page at an address where its styles and scripts would not resolve.
 *
 * A page of one publication answers 404 (with the same page, which then says so) when nothing
 * published has that address, as any site does: the publish verification and search engines rely
 * on the status, not on what a script draws.
 */
export default (config: StaticSiteConfig, { strapi }: { strapi: Core.Strapi }) => {
  const paths = new Set(config.paths);
  const itemPages = config.itemPages ?? {};

  const isPublished = async (page: ItemPage, value: string) =>
    (await strapi.db.query(page.uid as UID.ContentType).count({
      where: { [page.field]: value, publishedAt: { $notNull: true } },
    })) > 0;

  return async (ctx: Parameters<Core.MiddlewareHandler>[0], next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (paths.has(ctx.path)) {
      ctx.status = 301;
      ctx.redirect(`${ctx.path}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      return undefined;
    }
    const page = itemPages[ctx.path];
    await next();
    if (!page || ctx.status !== 200) return undefined;
    const value = ctx.query[page.param];
    if (typeof value !== 'string' || value === '' || !(await isPublished(page, value))) {
      // Koa keeps the body: the page itself tells the reader it does not exist.
      ctx.status = 404;
      ctx.set('Cache-Control', 'no-store');
    }
    return undefined;
  };
};
