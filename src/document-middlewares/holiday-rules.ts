import type { Core, Modules } from '@strapi/strapi';
import { HOLIDAY_SOURCES, parseIsoDate } from '../domain/calendar';
import { invalid } from '../utils/errors';

const HOLIDAY_UID = 'api::holiday.holiday';

interface HolidayInput {
  date?: string | null;
  endDate?: string | null;
  source?: string | null;
}

/**
 * A non-working day needs a real date, an end date that is not before it, and a known source:
 * the calendar would otherwise refuse to load and every due date would stop.
 */
export const holidayRules =
  ({ strapi }: { strapi: Core.Strapi }): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== HOLIDAY_UID || (ctx.action !== 'create' && ctx.action !== 'update')) {
      return next();
    }
    const params = ctx.params as { documentId?: string; data?: HolidayInput };
    const data: HolidayInput = params.data ?? {};

    let current: HolidayInput = {};
    if (
      ctx.action === 'update' &&
      params.documentId &&
      (!('date' in data) || !('endDate' in data))
    ) {
      current =
        (await strapi.db.query(HOLIDAY_UID).findOne({
          select: ['date', 'endDate'],
          where: { documentId: params.documentId },
        })) ?? {};
    }
    const date = 'date' in data ? data.date : current.date;
    const endDate = 'endDate' in data ? data.endDate : current.endDate;

    if (ctx.action === 'create' || 'date' in data) {
      if (!date || !parseIsoDate(String(date))) {
        throw invalid('INVALID_DATE', 'El día inhábil necesita una fecha válida (AAAA-MM-DD).', {
          field: 'date',
        });
      }
    }
    if (endDate) {
      if (!parseIsoDate(String(endDate))) {
        throw invalid('INVALID_DATE', 'La fecha final no es válida (AAAA-MM-DD).', {
          field: 'endDate',
        });
      }
      if (date && String(endDate) < String(date)) {
        throw invalid(
          'INVALID_RANGE',
          `La fecha final (${endDate}) no puede ser anterior a la fecha inicial (${date}).`,
          { field: 'endDate' }
        );
      }
    }
    if (data.source !== undefined && data.source !== null) {
      if (!(HOLIDAY_SOURCES as readonly string[]).includes(String(data.source))) {
        throw invalid(
          'INVALID_SOURCE',
          `La fuente «${data.source}» no existe; usa ${HOLIDAY_SOURCES.join(', ')}.`,
          { field: 'source' }
        );
      }
    }
    return next();
  };
