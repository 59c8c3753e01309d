import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { sendRefusal } from '../utils/error-translation';
import { privateFileAt } from '../utils/private-files';

/**
 * Files in the private folder (an area's scan and attachments, every acuse) live under
 * public/uploads like the rest, but their public address, and that of their image formats, answers
 * 404 as if they did not exist: they are read only through routes that check who asks.
 */
/** A `.` or `..` segment: a browser resolves them before asking, a crafted request does not. */
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Parameters<Core.MiddlewareHandler>[0], next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(ctx.path);
    } catch {
      // Not an address the static server can read either.
      return next();
    }
    if (!decoded.includes('uploads')) return next();
    // The static server resolves `/areas/../uploads/x` or `//uploads/x` to the same file: such an
    // address never reaches a file, and the check below reads the address the file is served at.
    if (DOT_SEGMENT.test(decoded) || decoded.includes('\\') || decoded.includes('\0')) {
      sendRefusal(ctx, 404, 'NOT_FOUND');
      return undefined;
    }
    const address = path.posix.normalize(decoded);
    if (!address.startsWith('/uploads/')) return next();
    if (await privateFileAt(strapi, address)) {
      sendRefusal(ctx, 404, 'NOT_FOUND');
      return undefined;
    }
    return next();
  };
