import type { Core } from '@strapi/strapi';
import { invalid } from '../app';
import type { GetDashboard } from '../../../shared/contracts/dashboard';
import { visibleQueues } from './queues';
import { getPluginService } from '../utils/get-plugin-service';

type Context = Parameters<Core.MiddlewareHandler>[0];

const DEFAULT_WEEKS = 12;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /comunicacion/dashboard */
  async get(ctx: Context) {
    const raw = (ctx.query as Record<string, unknown>)?.weeks;
    const text = raw === undefined || raw === '' ? String(DEFAULT_WEEKS) : String(raw);
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 52) {
      throw invalid('INVALID_REQUEST', 'Las semanas (weeks) deben ser un entero entre 1 y 52.');
    }
    const service = getPluginService('dashboard', strapi);
    const response: GetDashboard.Response = {
      data: await service.summary(visibleQueues(ctx), Number(text)),
    };
    ctx.body = response;
  },
});
