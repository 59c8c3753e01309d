import type { Core } from '@strapi/strapi';
import {
  LFT_MAX_YEAR,
  LFT_MIN_YEAR,
  mexicoCityParts,
  parseInstant,
  parseIsoDate,
  type IsoDate,
} from '../../../domain/calendar';
import { invalid } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const MAX_DAYS = 365;

const queryParam = (ctx: Ctx, name: string): string | undefined => {
  const value = (ctx.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim() : undefined;
};

const inRange = (date: IsoDate) => {
  const year = Number(date.slice(0, 4));
  return year >= LFT_MIN_YEAR && year <= LFT_MAX_YEAR;
};

const requireDate = (ctx: Ctx, name: string): IsoDate => {
  const raw = queryParam(ctx, name);
  if (!raw) {
    throw invalid('INVALID_DATE', `Falta el parámetro «${name}» con una fecha AAAA-MM-DD.`, {
      parameter: name,
    });
  }
  const date = parseIsoDate(raw);
  if (!date) {
    throw invalid('INVALID_DATE', `«${raw}» no es una fecha válida; usa el formato AAAA-MM-DD.`, {
      parameter: name,
    });
  }
  if (!inRange(date)) {
    throw invalid(
      'INVALID_DATE',
      `La fecha ${date} está fuera del calendario (${LFT_MIN_YEAR} a ${LFT_MAX_YEAR}).`,
      { parameter: name }
    );
  }
  return date;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/business-calendar/holidays?year=YYYY */
  async holidays(ctx: Ctx) {
    const raw = queryParam(ctx, 'year');
    const year = raw && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(year) || year < LFT_MIN_YEAR || year > LFT_MAX_YEAR) {
      throw invalid(
        'INVALID_YEAR',
        raw
          ? `El año «${raw}» no es válido; se admite de ${LFT_MIN_YEAR} a ${LFT_MAX_YEAR}.`
          : `Falta el parámetro «year» (un año de ${LFT_MIN_YEAR} a ${LFT_MAX_YEAR}).`
      );
    }
    const days = await getService('business-calendar', strapi).holidaysOfYear(year);
    ctx.body = {
      data: days.map(({ date, endDate, name, source }) => ({
        date,
        ...(endDate ? { endDate } : {}),
        name,
        source,
      })),
    };
  },

  /** GET /api/business-calendar/add?from=<date or date-time>&days=N */
  async add(ctx: Ctx) {
    const from = queryParam(ctx, 'from');
    if (!from) {
      throw invalid(
        'INVALID_DATE',
        'Falta el parámetro «from» (fecha AAAA-MM-DD o fecha y hora ISO).',
        {
          parameter: 'from',
        }
      );
    }
    const rawDays = queryParam(ctx, 'days');
    const days = rawDays !== undefined && /^\d+$/.test(rawDays) ? Number(rawDays) : NaN;
    if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
      throw invalid(
        'INVALID_DAYS',
        `«days» debe ser un número entero de 0 a ${MAX_DAYS}${rawDays === undefined ? '' : ` (se recibió «${rawDays}»)`}.`,
        { parameter: 'days' }
      );
    }

    const asDate = parseIsoDate(from);
    const instant = asDate ? null : parseInstant(from);
    if (!asDate && !instant) {
      throw invalid(
        'INVALID_DATE',
        `«${from}» no es una fecha ni una fecha y hora válidas; usa AAAA-MM-DD o AAAA-MM-DDTHH:mm.`,
        { parameter: 'from' }
      );
    }

    const service = getService('business-calendar', strapi);
    // The local date decides the years to load; a date-time is read in Mexico City time.
    const probe = asDate ?? mexicoCityParts(instant!).date;
    if (!inRange(probe)) {
      throw invalid(
        'INVALID_DATE',
        `La fecha ${probe} está fuera del calendario (${LFT_MIN_YEAR} a ${LFT_MAX_YEAR}).`,
        { parameter: 'from' }
      );
    }
    const calendar = await service.getCalendar(service.yearsSpanned(probe, days));
    const receptionDay = asDate
      ? calendar.nextBusinessDayOnOrAfter(asDate)
      : calendar.receptionDay(instant!);
    ctx.body = {
      data: { from, receptionDay, days, date: calendar.addBusinessDays(receptionDay, days) },
    };
  },

  /** GET /api/business-calendar/check?date=YYYY-MM-DD */
  async check(ctx: Ctx) {
    const date = requireDate(ctx, 'date');
    const calendar = await getService('business-calendar', strapi).getCalendar({
      from: Number(date.slice(0, 4)),
    });
    const { businessDay, reason } = calendar.explain(date);
    ctx.body = { data: { date, businessDay, reason } };
  },
});
