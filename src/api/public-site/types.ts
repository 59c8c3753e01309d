/**
 * The public site API: anonymous, JSON UTF-8, every GET with a strong ETag (304 on
 * If-None-Match) and `Cache-Control: public, max-age=60, s-maxage=300, stale-while-revalidate=60`.
 * Errors are Strapi's `{ data: null, error: { status, name, message, details: { code } } }` with
 * a Spanish message: 400 `INVALID_QUERY` (naming the parameter), 404 `NOT_FOUND`.
 */
import { TRANSPARENCY_METADATA_FIELDS } from '../../domain/transparency';
import { labelOf } from '../../utils/field-labels';

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** An image as the site shows it; `url` as the upload provider stored it. */
export interface Cover {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
}

/** A downloadable file; `size` in kilobytes, as Strapi's media library records it. */
export interface PublicFile {
  url: string;
  name: string;
  mime: string | null;
  size: number | null;
}
export type Attachment = PublicFile;

export interface PublicationSummary {
  documentId: string;
  slug: string | null;
  title: string;
  summary: string | null;
  section: string | null;
  isNews: boolean;
  publishedAt: string | null;
  updatedAt: string | null;
  cover: Cover | null;
}

export interface PublicationDetail extends PublicationSummary {
  /** Markdown. */
  body: string;
  /** The body as sanitised HTML (markdown-it, then sanitize-html), what the site inserts. */
  bodyHtml: string;
  attachments: Attachment[];
}

export interface SectionCount {
  section: string;
  count: number;
  latestAt: string | null;
}

export interface TransparencyItem {
  documentId: string;
  title: string;
  law: string | null;
  lawVersion: string | null;
  article: string | null;
  fraccion: string | null;
  ejercicio: number | null;
  /** YYYY-MM-DD */
  periodStart: string | null;
  periodEnd: string | null;
  responsibleArea: string | null;
  updatedOn: string | null;
  validatedOn: string | null;
  note: string | null;
  publishedAt: string | null;
  file: PublicFile | null;
}

export interface TransparencyDetail extends TransparencyItem {
  /** Markdown. */
  body: string;
  /** The body as sanitised HTML (markdown-it, then sanitize-html), what the site inserts. */
  bodyHtml: string;
}

export interface TransparencyFacets {
  fracciones: { article: string | null; fraccion: string; count: number }[];
  ejercicios: number[];
}

/** GET /api/site/publications?section&q&news&page&pageSize */
export interface ListPublicationsResponse {
  data: PublicationSummary[];
  meta: { pagination: Pagination };
}

/** GET /api/site/publications/:slug */
export interface GetPublicationResponse {
  data: PublicationDetail;
}

/** GET /api/site/sections */
export interface ListSectionsResponse {
  data: SectionCount[];
}

/** GET /api/site/transparency?fraccion&article&ejercicio&period&q&page&pageSize */
export interface ListTransparencyResponse {
  data: TransparencyItem[];
  meta: { pagination: Pagination };
}

/** GET /api/site/transparency/:documentId */
export interface GetTransparencyDocumentResponse {
  data: TransparencyDetail;
}

/** GET /api/site/transparency/facets */
export interface GetTransparencyFacetsResponse {
  data: TransparencyFacets;
}

/** Columns of the open data exports, in order. */
export const OPEN_DATA_FIELDS = [
  'documentId',
  'title',
  ...TRANSPARENCY_METADATA_FIELDS,
  'publishedAt',
  'fileUrl',
] as const;

export type OpenDataField = (typeof OPEN_DATA_FIELDS)[number];

export type OpenDataRow = Record<OpenDataField, string | number | null>;

/**
 * The CSV's column headers, for people reading a spreadsheet. The JSON keeps the field names
 * above: they are the stable contract for programs, the CSV headers may be reworded.
 */
export const OPEN_DATA_HEADERS: Readonly<Record<OpenDataField, string>> = Object.freeze({
  documentId: 'Identificador',
  // The metadata read as the staff read them in the content manager.
  ...(Object.fromEntries(
    TRANSPARENCY_METADATA_FIELDS.map((field) => [field, labelOf(field)])
  ) as Record<(typeof TRANSPARENCY_METADATA_FIELDS)[number], string>),
  title: labelOf('title'),
  publishedAt: 'Fecha de publicación',
  fileUrl: 'URL del archivo',
});

/** GET /api/open-data/transparency.json (same filters as the transparency listing) */
export interface GetOpenDataJsonResponse {
  generatedAt: string;
  count: number;
  fields: string[];
  data: OpenDataRow[];
}
