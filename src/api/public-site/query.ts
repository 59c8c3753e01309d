import { invalid } from '../../utils/errors';
import type { PublicationFilters, TransparencyFilters } from './services/public-site';

export const DEFAULT_PAGE_SIZE = 12;
export const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 10_000;
const MAX_TEXT = 120;
const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

type Query = Record<string, unknown>;

const refuse = (parameter: string, message: string) =>
  invalid('INVALID_QUERY', message, { parameter });

/** Refuses parameters the endpoint does not know, so a typo never passes for "no filter". */
const onlyKnown = (query: Query, known: readonly string[]) => {
  for (const name of Object.keys(query)) {
    if (!known.includes(name)) {
      throw refuse(
        name,
        known.length === 0
          ? `Esta consulta no admite parámetros; sobra «${name}».`
          : `El parámetro «${name}» no existe en esta consulta; se admiten: ${known.join(', ')}.`
      );
    }
  }
};

/** One value as text (a repeated parameter is refused); undefined when absent or blank. */
const single = (query: Query, name: string): string | undefined => {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw refuse(name, `El parámetro «${name}» debe aparecer una sola vez y con un solo valor.`);
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const textParam = (query: Query, name: string, max = MAX_TEXT) => {
  const value = single(query, name);
  if (value !== undefined && value.length > max) {
    throw refuse(name, `El parámetro «${name}» admite hasta ${max} caracteres.`);
  }
  return value;
};

const integer = (query: Query, name: string, fallback: number, min: number, max: number) => {
  const value = single(query, name);
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw refuse(name, `El parámetro «${name}» debe ser un número entero de ${min} a ${max}.`);
  }
  return parsed;
};

const page = (query: Query) => ({
  page: integer(query, 'page', 1, 1, MAX_PAGE),
  pageSize: integer(query, 'pageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
});

/** `?section&q&news&page&pageSize` of the publications listing. */
export const publicationQuery = (query: Query): PublicationFilters => {
  onlyKnown(query, ['section', 'q', 'news', 'page', 'pageSize']);
  const news = single(query, 'news');
  if (news !== undefined && news !== 'true' && news !== 'false') {
    throw refuse('news', 'El parámetro «news» admite «true» o «false».');
  }
  return {
    section: textParam(query, 'section'),
    q: textParam(query, 'q'),
    news: news === undefined ? undefined : news === 'true',
    ...page(query),
  };
};

/** First and last day of a quarter written `YYYY-T1` … `YYYY-T4`. */
const quarter = (value: string) => {
  const match = /^(\d{4})-T([1-4])$/i.exec(value);
  const year = match ? Number(match[1]) : NaN;
  if (!match || year < YEAR_MIN || year > YEAR_MAX) {
    throw refuse(
      'period',
      `El parámetro «period» debe tener la forma AAAA-T1 a AAAA-T4 (por ejemplo 2026-T3); se recibió «${value}».`
    );
  }
  const q = Number(match[2]);
  const endMonth = q * 3;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    start: `${year}-${pad(endMonth - 2)}-01`,
    end: `${year}-${pad(endMonth)}-${pad(lastDay)}`,
  };
};

const TRANSPARENCY_FILTERS = ['fraccion', 'article', 'ejercicio', 'period', 'q'] as const;

const transparencyFilters = (query: Query): TransparencyFilters => {
  const ejercicio = single(query, 'ejercicio');
  if (ejercicio !== undefined && !/^\d{4}$/.test(ejercicio)) {
    throw refuse('ejercicio', `El parámetro «ejercicio» debe ser un año de cuatro cifras.`);
  }
  const year = ejercicio === undefined ? undefined : Number(ejercicio);
  if (year !== undefined && (year < YEAR_MIN || year > YEAR_MAX)) {
    throw refuse('ejercicio', `El parámetro «ejercicio» admite de ${YEAR_MIN} a ${YEAR_MAX}.`);
  }
  const period = single(query, 'period');
  return {
    fraccion: textParam(query, 'fraccion', 40),
    article: textParam(query, 'article', 40),
    ejercicio: year,
    period: period === undefined ? undefined : quarter(period),
    q: textParam(query, 'q'),
  };
};

/** `?fraccion&article&ejercicio&period&q&page&pageSize` of the transparency listing. */
export const transparencyQuery = (query: Query) => {
  onlyKnown(query, [...TRANSPARENCY_FILTERS, 'page', 'pageSize']);
  return { ...transparencyFilters(query), ...page(query) };
};

/** The same filters, without pages, for the open data exports. */
export const openDataQuery = (query: Query) => {
  onlyKnown(query, TRANSPARENCY_FILTERS);
  return transparencyFilters(query);
};

/** Endpoints that take no parameter at all. */
export const noQuery = (query: Query) => onlyKnown(query, []);

/** A cache key built from the validated values, so equivalent queries share one entry. */
export const keyOf = (path: string, values: object) =>
  `GET ${path}?${JSON.stringify(
    Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
  )}`;
