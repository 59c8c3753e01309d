import type { Core, Modules } from '@strapi/strapi';
import { writeContext } from '../services/write-context';
import { clusterEvents } from '../utils/cluster-events';
import { getService } from '../utils/get-service';

const CALENDAR_UIDS = new Set<string>(['api::holiday.holiday', 'api::setting.setting']);
const READS = new Set<string>(['findOne', 'findMany', 'findFirst', 'count']);

/**
 * Any write to holidays or settings drops the in-memory calendar, on every instance, so the next
 * read reloads it, then moves the due dates of the open work items that the change affects.
 */
export const calendarReload =
  ({ strapi }: { strapi: Core.Strapi }): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (!CALENDAR_UIDS.has(ctx.uid) || READS.has(ctx.action)) {
      return next();
    }
    let result;
    try {
      result = await next();
    } catch (error) {
      getService('business-calendar', strapi).invalidate();
      throw error;
    }
    // Every instance reloads, the others once the write is committed.
    await clusterEvents(strapi).publish('calendar');
    // Writes the engine makes itself (LFT days for a new year) move nothing that exists.
    if (!writeContext().internal) await getService('workflow', strapi).recomputeOpenItems();
    return result;
  };
