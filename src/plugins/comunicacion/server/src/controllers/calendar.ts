import type { Core } from '@strapi/strapi';
import { env, errors } from '@strapi/utils';
import {
  clientAddress,
  createRateLimiter,
  invalid,
  parseInstant,
  parseIsoDate,
  refuseRateLimited,
  toDayNumber,
} from '../app';
import type { GetCalendar, GetCalendarFeed } from '../../../shared/contracts/calendar';
import { getPluginService } from '../utils/get-plugin-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** Longest range one request may ask for: two months and a day, for the month view's edges. */
const MAX_RANGE_DAYS = 62;

const dateParam = (ctx: Ctx, name: 'from' | 'to') => {
  const raw = (ctx.query as Record<string, unknown>)[name];
  const text = typeof raw === 'string' ? raw.trim() : '';
  const date = text ? parseIsoDate(text) : null;
  if (!date) {
    throw invalid(
      'INVALID_DATE',
      text
        ? `«${text}» no es una fecha válida para «${name}»; usa el formato AAAA-MM-DD.`
        : `Falta el parámetro «${name}» con una fecha AAAA-MM-DD.`,
      { parameter: name }
    );
  }
  return date;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService('coverage-calendar', strapi);

  const userId = (ctx: Ctx) => Number((ctx.state.user as { id: number }).id);

  // Wrong feed links per client address: the link's MAC cannot be guessed one try at a time.
  const feedFailures = createRateLimiter(strapi, {
    name: 'calendar-feed',
    max: env.int('RATE_LIMIT_FEED_MAX', 10),
    windowMs: env.int('RATE_LIMIT_WINDOW_MS', 5 * 60 * 1000),
  });

  return {
    /** GET /comunicacion/calendar?from&to[&crew] */
    async get(ctx: Ctx) {
      const from = dateParam(ctx, 'from');
      const to = dateParam(ctx, 'to');
      const span = toDayNumber(to) - toDayNumber(from) + 1;
      if (span < 1) {
        throw invalid(
          'INVALID_DATE',
          `La fecha final (${to}) es anterior a la inicial (${from}).`,
          {
            parameter: 'to',
          }
        );
      }
      if (span > MAX_RANGE_DAYS) {
        throw invalid(
          'INVALID_DATE',
          `El calendario se consulta por periodos de hasta ${MAX_RANGE_DAYS} días; se pidieron ${span}.`,
          { parameter: 'to' }
        );
      }
      const rawCrew = (ctx.query as Record<string, unknown>).crew;
      let crew: number | undefined;
      if (rawCrew !== undefined && rawCrew !== '') {
        crew = typeof rawCrew === 'string' && /^\d{1,12}$/.test(rawCrew) ? Number(rawCrew) : NaN;
        if (!Number.isInteger(crew) || crew <= 0) {
          throw invalid(
            'INVALID_DATA',
            '«crew» debe ser el id numérico de una persona del personal.',
            {
              parameter: 'crew',
            }
          );
        }
      }
      // Mexico City days: from the first day's midnight to the midnight after the last day.
      const start = parseInstant(`${from}T00:00`)!;
      const end = new Date(parseInstant(`${to}T00:00`)!.getTime() + 86_400_000);
      const body: GetCalendar.Response = {
        data: await service().events({ start, end, crew }),
        meta: { from, to },
      };
      ctx.body = body;
    },

    /** GET /comunicacion/calendar/feed */
    async feed(ctx: Ctx) {
      const body: GetCalendarFeed.Response = {
        data: { url: await service().feedUrl(userId(ctx)) },
      };
      ctx.body = body;
    },

    /** POST /comunicacion/calendar/feed/rotate */
    async rotateFeed(ctx: Ctx) {
      const body: GetCalendarFeed.Response = {
        data: { url: await service().rotateFeed(userId(ctx)) },
      };
      ctx.body = body;
    },

    /** GET /api/comunicacion/calendar/:token (no login: the token is the key) */
    async ical(ctx: Ctx) {
      const address = clientAddress(ctx);
      const earlier = await feedFailures.check(address);
      if (!earlier.allowed) return refuseRateLimited(ctx, earlier.retryAfter);
      const person = await service().verify(String(ctx.params.token ?? ''));
      if (!person) {
        const failure = await feedFailures.hit(address);
        if (!failure.allowed) return refuseRateLimited(ctx, failure.retryAfter);
        throw new errors.NotFoundError('No existe ese calendario.', { code: 'NOT_FOUND' });
      }
      ctx.set('Cache-Control', 'private, max-age=300');
      ctx.set('Content-Disposition', 'inline; filename="coberturas.ics"');
      ctx.type = 'text/calendar; charset=utf-8';
      ctx.body = await service().ical(person);
    },
  };
};
