import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createStaffReads } from '../app';
import { getPluginService } from '../utils/get-plugin-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** `Content-Disposition` with an ASCII name and the UTF-8 one (RFC 5987) for accents. */
const disposition = (name: string) => {
  const ascii = name
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii || 'archivo'}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * GET /comunicacion/files/:id — a file of a record the staff member may read (the oficio's scan,
   * attachments, acuse and answer; an item's files), private files included. 404 for a file that
   * does not exist, belongs to no record or to one the reader may not read.
   */
  async get(ctx: Ctx) {
    const id = Number(ctx.params.id);
    const reads = createStaffReads(strapi, {
      user: ctx.state.user,
      userAbility: ctx.state.userAbility,
    });
    const file =
      Number.isSafeInteger(id) && id > 0
        ? await getPluginService('file-access', strapi).readable(id, reads)
        : null;
    if (!file) throw new errors.NotFoundError('No existe ese archivo.', { code: 'NOT_FOUND' });
    ctx.set('Content-Type', file.mime || 'application/octet-stream');
    ctx.set('Content-Length', String(file.onDisk.size));
    ctx.set('Content-Disposition', disposition(file.name));
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('X-Content-Type-Options', 'nosniff');
    // An SVG or HTML file opened from here runs nothing.
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    ctx.body = fs.createReadStream(file.onDisk.path);
  },
});
