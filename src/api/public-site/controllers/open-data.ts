import type { Core } from '@strapi/strapi';
import { toCsv } from '../../../utils/csv';
import { getService } from '../../../utils/get-service';
import { keyOf, openDataQuery } from '../query';
import {
  OPEN_DATA_FIELDS,
  OPEN_DATA_HEADERS,
  type OpenDataRow,
  type TransparencyItem,
} from '../types';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/**
 * One row per document under a Spanish header for people (the JSON keeps the field names, the
 * stable contract for programs).
 */
const openDataCsv = (rows: OpenDataRow[]) =>
  toCsv([
    OPEN_DATA_FIELDS.map((field) => OPEN_DATA_HEADERS[field]),
    ...rows.map((row) => OPEN_DATA_FIELDS.map((field) => row[field])),
  ]);

/**
 * Where the files are downloaded from: the server's public URL (PUBLIC_URL) when set, else the
 * origin the request came to.
 */
const baseUrl = (strapi: Core.Strapi, ctx: Ctx) =>
  String(strapi.config.get('server.url', '') || ctx.origin).replace(/\/+$/, '');

const absolute = (base: string, url: string | undefined) => {
  if (!url) return null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url)
    ? url
    : `${base}${url.startsWith('/') ? '' : '/'}${url}`;
};

const toRow = (item: TransparencyItem, base: string): OpenDataRow => ({
  documentId: item.documentId,
  title: item.title,
  law: item.law,
  lawVersion: item.lawVersion,
  article: item.article,
  fraccion: item.fraccion,
  ejercicio: item.ejercicio,
  periodStart: item.periodStart,
  periodEnd: item.periodEnd,
  responsibleArea: item.responsibleArea,
  updatedOn: item.updatedOn,
  validatedOn: item.validatedOn,
  note: item.note,
  publishedAt: item.publishedAt,
  fileUrl: absolute(base, item.file?.url),
});

/** Open data exports of the published transparency documents, one row per document. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rowsFor = async (ctx: Ctx) => {
    const filters = openDataQuery(ctx.query);
    const base = baseUrl(strapi, ctx);
    return {
      key: keyOf(`${ctx.path} ${base}`, filters),
      rows: async () =>
        (await getService('public-site', strapi).allTransparency(filters)).map((item) =>
          toRow(item, base)
        ),
    };
  };

  return {
    /** GET /api/open-data/transparency.csv */
    async transparencyCsv(ctx: Ctx) {
      const { key, rows } = await rowsFor(ctx);
      await getService('site-cache', strapi).respondCached(
        ctx,
        async () => ({
          text: openDataCsv(await rows()),
          type: 'text/csv; charset=utf-8',
          headers: { 'Content-Disposition': 'attachment; filename="transparencia.csv"' },
        }),
        { key }
      );
    },

    /** GET /api/open-data/transparency.json */
    async transparencyJson(ctx: Ctx) {
      const { key, rows } = await rowsFor(ctx);
      await getService('site-cache', strapi).respondCached(
        ctx,
        async () => {
          const data = await rows();
          return {
            json: {
              generatedAt: new Date().toISOString(),
              count: data.length,
              fields: [...OPEN_DATA_FIELDS],
              data,
            },
          };
        },
        { key }
      );
    },
  };
};
