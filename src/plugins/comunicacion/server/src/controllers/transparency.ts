import type { Core } from '@strapi/strapi';
import { yup } from '@strapi/utils';
import { validateInput } from '../app';
import type {
  ListTransparencyObligations,
  ObligationStatus,
} from '../../../shared/contracts/transparency';
import { getPluginService } from '../utils/get-plugin-service';

type Context = Parameters<Core.MiddlewareHandler>[0];

const STATUSES: ObligationStatus[] = ['al_dia', 'por_vencer', 'vencida'];

const querySchema = yup.object({
  status: yup
    .string()
    .oneOf(STATUSES, `El estado (status) debe ser uno de: ${STATUSES.join(', ')}.`),
});

/** A query value may come repeated or empty: the first counts, empty is absent. */
const firstValues = (query: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries(query)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])
      .filter(([, value]) => value !== undefined && value !== '')
  );

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /comunicacion/transparency/obligations */
  async obligations(ctx: Context) {
    const { status } = await validateInput<ListTransparencyObligations.Request['query']>(
      querySchema,
      firstValues(ctx.query as Record<string, unknown>)
    );
    const service = getPluginService('transparency-obligations', strapi);
    const response: ListTransparencyObligations.Response = await service.listByStatus(status);
    ctx.body = response;
  },
});
