import type { Core, Modules } from '@strapi/strapi';
import { getService } from '../utils/get-service';

const CALENDAR_UIDS = new Set<string>(['api::holiday.holiday', 'api::setting.setting']);
const READS = new Set<string>(['findOne', 'findMany', 'findFirst', 'count']);

/** Any write to holidays or settings drops the in-memory calendar so the next read reloads it. */
export const calendarReload =
  ({ strapi }: { strapi: Core.Strapi }): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (!CALENDAR_UIDS.has(ctx.uid) || READS.has(ctx.action)) {
      return next();
    }
    try {
      return await next();
    } finally {
      getService('business-calendar', strapi).invalidate();
    }
  };
