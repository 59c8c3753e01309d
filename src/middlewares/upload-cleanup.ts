import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';

type Context = Parameters<Core.MiddlewareHandler>[0];

interface TemporaryFile {
  filepath?: string;
}

/**
 * Right after the body parser: when the request ends, however it ends (refused before its route,
 * unauthenticated, failed), the temporary copies of every uploaded field are removed. Strapi's
 * parser removes only the `files` field's; the Portal de áreas also receives `scan` and
 * `attachments`.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<unknown>) => {
    try {
      return await next();
    } finally {
      const fields = (ctx.request as { files?: Record<string, unknown> }).files;
      if (fields) {
        const paths = Object.values(fields)
          .flatMap((value) => (Array.isArray(value) ? value : [value]))
          .map((file) => (file as TemporaryFile | null)?.filepath)
          .filter((filepath): filepath is string => typeof filepath === 'string');
        await Promise.all(
          paths.map((filepath) =>
            fs
              .rm(filepath, { force: true })
              .catch((error: unknown) =>
                strapi.log.warn(
                  `No se pudo borrar el archivo temporal ${filepath}: ${String(error)}`
                )
              )
          )
        );
      }
    }
  };
