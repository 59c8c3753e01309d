import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { invalid } from '../app';
import type { GetSurveyResults, ListSurveys } from '../../../shared/contracts/surveys';
import { getPluginService } from '../utils/get-plugin-service';

type Context = Parameters<Core.MiddlewareHandler>[0];

const DEFAULT_TEXT_PAGE_SIZE = 10;
const MAX_TEXT_PAGE_SIZE = 50;

const notFound = () => new errors.NotFoundError('No existe esa encuesta.', { code: 'NOT_FOUND' });

const positiveInteger = (raw: unknown, name: string, max = Number.MAX_SAFE_INTEGER) => {
  const text = String(raw);
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw invalid(
      'INVALID_QUERY',
      `«${name}» debe ser un número entero de 1 a ${max === Number.MAX_SAFE_INTEGER ? 'en adelante' : max}.`,
      { parameter: name }
    );
  }
  return Number(text);
};

/** `textPage[<key>]=N` as parsed by qs, or left flat by another parser. */
const textPages = (query: Record<string, unknown>) => {
  const pages: Record<string, number> = {};
  const nested = query.textPage;
  const entries: [string, unknown][] =
    nested && typeof nested === 'object'
      ? Object.entries(nested as Record<string, unknown>)
      : Object.entries(query)
          .filter(([name]) => /^textPage\[.+\]$/.test(name))
          .map(([name, value]) => [name.slice('textPage['.length, -1), value]);
  if (nested !== undefined && (typeof nested !== 'object' || nested === null)) {
    throw invalid('INVALID_QUERY', '«textPage» se indica por pregunta: textPage[clave]=página.', {
      parameter: 'textPage',
    });
  }
  for (const [key, value] of entries) pages[key] = positiveInteger(value, `textPage[${key}]`);
  return pages;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService('survey-results', strapi);

  return {
    /** GET /comunicacion/surveys */
    async list(ctx: Context) {
      const response: ListSurveys.Response = { data: await service().list() };
      ctx.body = response;
    },

    /** GET /comunicacion/surveys/:documentId/results */
    async results(ctx: Context) {
      const query = (ctx.query ?? {}) as Record<string, unknown>;
      const textPageSize =
        query.textPageSize === undefined || query.textPageSize === ''
          ? DEFAULT_TEXT_PAGE_SIZE
          : positiveInteger(query.textPageSize, 'textPageSize', MAX_TEXT_PAGE_SIZE);
      const data = await service().results(String(ctx.params.documentId), {
        textPage: textPages(query),
        textPageSize,
      });
      if (!data) throw notFound();
      const response: GetSurveyResults.Response = { data };
      ctx.body = response;
    },

    /** GET /comunicacion/surveys/:documentId/responses.csv */
    async responsesCsv(ctx: Context) {
      const csv = await service().csv(String(ctx.params.documentId));
      if (!csv) throw notFound();
      ctx.set('Content-Disposition', `attachment; filename="${csv.filename}"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = csv.body;
    },
  };
};
