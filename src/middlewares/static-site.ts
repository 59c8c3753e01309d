import type { Core } from '@strapi/strapi';

interface StaticSiteConfig {
  /** Folders under `public/` served as sites, e.g. `/sitio`. */
  paths: string[];
}

/**
 * A static site's pages link to each other relatively, so its folder must be reached with the
 * trailing slash: `/sitio` answers 301 to `/sitio/` (keeping the query) instead of serving the
 * home page at an address where its styles and scripts would not resolve.
 */
export default (config: StaticSiteConfig, _: { strapi: Core.Strapi }) => {
  const paths = new Set(config.paths);
  return async (ctx: Parameters<Core.MiddlewareHandler>[0], next: () => Promise<unknown>) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !paths.has(ctx.path)) return next();
    ctx.status = 301;
    ctx.redirect(`${ctx.path}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
  };
};
