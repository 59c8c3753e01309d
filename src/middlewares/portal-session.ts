import type { Core } from '@strapi/strapi';
import { sendRefusal } from '../utils/error-translation';

/**
 * The Portal de áreas' API has no anonymous reading at all: a request without a token is told to
 * log in (401), as the pages expect, instead of Strapi's «no permission» for the public role (403).
 */
export default () =>
  async (ctx: Parameters<Core.MiddlewareHandler>[0], next: () => Promise<unknown>) => {
    if (ctx.path.startsWith('/api/portal/') && !ctx.get('authorization')) {
      sendRefusal(
        ctx,
        401,
        'UNAUTHENTICATED',
        'Inicia sesión con la cuenta de tu área para usar el portal.'
      );
      return undefined;
    }
    return next();
  };
