import type { Core } from '@strapi/strapi';
import { sendRefusal } from '../utils/error-translation';
import { privateFileAt } from '../utils/private-files';

/**
 * Files in the private folder (an area's scan and attachments, every acuse) live under
 * public/uploads like the rest, but their public address, and that of their image formats, answers
 * 404 as if they did not exist: they are read only through routes that check who asks.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Parameters<Core.MiddlewareHandler>[0], next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (!ctx.path.startsWith('/uploads/')) return next();
    let address: string;
    try {
      address = decodeURIComponent(ctx.path);
    } catch {
      return next();
    }
    if (await privateFileAt(strapi, address)) {
      sendRefusal(ctx, 404, 'NOT_FOUND');
      return undefined;
    }
    return next();
  };
