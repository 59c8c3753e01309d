import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

/**
 * Repeats a cached public answer to an anonymous GET as early as the pipeline allows: after the
 * security headers, CORS and the rate limits, before body parsing, sessions, routing, the public
 * role's check and the controller, which already ran for the first request with that address.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const cache = () => getService('site-cache', strapi);
  return async (ctx: Parameters<Core.MiddlewareHandler>[0], next: () => Promise<unknown>) => {
    if (ctx.path.startsWith('/api/') && cache().answerEarly(ctx)) return;
    await next();
  };
};
