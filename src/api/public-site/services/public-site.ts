import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TRANSPARENCY_METADATA_FIELDS } from '../../../domain/transparency';
import { toIso } from '../../notification/db';
import { renderMarkdown } from '../../../utils/markdown';
import { likePattern } from '../../../utils/like';
import { isPostgres } from '../../../utils/postgres-client';
import type {
  Attachment,
  PublicationDetail,
  PublicationSummary,
  PublicFile,
  SectionCount,
  TransparencyDetail,
  TransparencyFacets,
  TransparencyItem,
} from '../types';

export const WEB_PUBLICATION_UID = 'api::web-publication.web-publication';
export const TRANSPARENCY_UID = 'api::transparency-document.transparency-document';
export const SURVEY_UID = 'api::survey.survey';
const FILE_UID = 'plugin::upload.file';

export interface Page {
  page: number;
  pageSize: number;
}

export interface PublicationFilters extends Page {
  section?: string;
  q?: string;
  news?: boolean;
}

export interface TransparencyFilters {
  fraccion?: string;
  article?: string;
  ejercicio?: number;
  /** Inclusive ISO dates of the quarter asked for. */
  period?: { start: string; end: string };
  q?: string;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

type Row = Record<string, unknown>;

interface Meta {
  tableName: string;
  attributes: Record<
    string,
    {
      columnName?: string;
      joinTable?: {
        name: string;
        joinColumn: { name: string };
        morphColumn?: { typeColumn: { name: string }; idColumn: { name: string } };
      };
    }
  >;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** A date column as `YYYY-MM-DD` (both dialects hand dates back as text; be safe with Date). */
const isoDate = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

const num = (value: unknown): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);

/** Roman numerals (fracciones) and plain numbers (articles) in their natural order. */
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const ordinal = (value: string): number => {
  const trimmed = value.trim().toUpperCase();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const roman = /^([IVXLCDM]+)(.*)$/.exec(trimmed);
  if (!roman) return Number.POSITIVE_INFINITY;
  let total = 0;
  const digits = roman[1].split('').map((letter) => ROMAN[letter]);
  digits.forEach((digit, i) => {
    total += digit < (digits[i + 1] ?? 0) ? -digit : digit;
  });
  return total;
};
export const naturalCompare = (a: string, b: string) =>
  ordinal(a) - ordinal(b) || a.localeCompare(b, 'es');

/**
 * Read-only queries of the public site, straight on the indexed columns with knex: only published
 * rows (in draft & publish the published version is its own row, `published_at` not null) and
 * only public fields. One query for the page, one for the count, one for the media.
 */
const createPublicSiteService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;
  const schema = () => strapi.db.getSchemaName() as string | undefined;
  /** knex's withSchema also qualifies the tables joined to the query. */
  const from = (table: string) => {
    const query = knex()(table);
    return schema() ? query.withSchema(schema()!) : query;
  };

  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as Meta;
  const columns = (uid: string) => {
    const m = meta(uid);
    return {
      table: m.tableName,
      c: (attribute: string) => m.attributes[attribute]?.columnName ?? snake(attribute),
    };
  };

  /** Case-insensitive substring search over several columns. */
  const search = (query: Knex.QueryBuilder, cols: string[], term: string) => {
    const pattern = likePattern(term);
    const op = isPostgres(strapi) ? 'ILIKE' : 'LIKE';
    query.where((any) => {
      for (const col of cols) any.orWhereRaw(`?? ${op} ? ESCAPE '\\'`, [col, pattern]);
    });
  };

  const pagination = (page: Page, total: number): Pagination => ({
    page: page.page,
    pageSize: page.pageSize,
    pageCount: Math.ceil(total / page.pageSize),
    total,
  });

  const countOf = async (query: Knex.QueryBuilder) =>
    Number(((await query.count({ total: '*' })) as { total: number | string }[])[0]?.total ?? 0);

  /** Media of the given rows, by row id and attribute, in the order the editors gave them. */
  const mediaOf = async (uid: string, ids: number[], fields: string[]) => {
    const byRow = new Map<number, Map<string, Row[]>>();
    if (ids.length === 0) return byRow;
    const files = columns(FILE_UID);
    const link = meta(FILE_UID).attributes.related.joinTable!;
    const typeColumn = link.morphColumn?.typeColumn.name ?? 'related_type';
    const idColumn = link.morphColumn?.idColumn.name ?? 'related_id';
    const rows = (await from(link.name)
      .join(files.table, `${files.table}.id`, `${link.name}.${link.joinColumn.name}`)
      .where(`${link.name}.${typeColumn}`, uid)
      .whereIn(`${link.name}.${idColumn}`, ids)
      .whereIn(`${link.name}.field`, fields)
      .orderBy([
        { column: `${link.name}.order`, order: 'asc' },
        { column: `${link.name}.id`, order: 'asc' },
      ])
      .select({
        rowId: `${link.name}.${idColumn}`,
        field: `${link.name}.field`,
        url: `${files.table}.${files.c('url')}`,
        name: `${files.table}.${files.c('name')}`,
        alternativeText: `${files.table}.${files.c('alternativeText')}`,
        width: `${files.table}.${files.c('width')}`,
        height: `${files.table}.${files.c('height')}`,
        mime: `${files.table}.${files.c('mime')}`,
        size: `${files.table}.${files.c('size')}`,
      })) as Row[];
    for (const row of rows) {
      const rowId = Number(row.rowId);
      const fieldsOfRow = byRow.get(rowId) ?? new Map<string, Row[]>();
      byRow.set(rowId, fieldsOfRow);
      const list = fieldsOfRow.get(String(row.field)) ?? [];
      list.push(row);
      fieldsOfRow.set(String(row.field), list);
    }
    return byRow;
  };

  const asFile = (row: Row | undefined): PublicFile | null =>
    row
      ? { url: String(row.url), name: String(row.name), mime: text(row.mime), size: num(row.size) }
      : null;

  // ---------------------------------------------------------------- web publications

  const web = () => columns(WEB_PUBLICATION_UID);

  const publicationColumns = (withBody: boolean) => {
    const { c } = web();
    return {
      id: 'id',
      documentId: c('documentId'),
      slug: c('slug'),
      title: c('title'),
      summary: c('summary'),
      section: c('section'),
      isNews: c('isNews'),
      publishedAt: c('publishedAt'),
      updatedAt: c('updatedAt'),
      ...(withBody ? { body: c('body') } : {}),
    };
  };

  const toSummary = (row: Row, media: Map<string, Row[]> | undefined): PublicationSummary => {
    const cover = media?.get('cover')?.[0];
    return {
      documentId: String(row.documentId),
      slug: text(row.slug),
      title: String(row.title),
      summary: text(row.summary),
      section: text(row.section),
      isNews: Boolean(row.isNews),
      publishedAt: toIso(row.publishedAt as string),
      updatedAt: toIso(row.updatedAt as string),
      cover: cover
        ? {
            url: String(cover.url),
            alternativeText: text(cover.alternativeText),
            width: num(cover.width),
            height: num(cover.height),
          }
        : null,
    };
  };

  const publishedPublications = (filters: Omit<PublicationFilters, keyof Page>) => {
    const { table, c } = web();
    const query = from(table).whereNotNull(c('publishedAt'));
    if (filters.section !== undefined) query.where(c('section'), filters.section);
    if (filters.news === true) query.where(c('isNews'), true);
    if (filters.news === false) {
      query.where((not) => not.where(c('isNews'), false).orWhereNull(c('isNews')));
    }
    if (filters.q) search(query, [c('title'), c('summary'), c('body')], filters.q);
    return query;
  };

  // ---------------------------------------------------------------- transparency

  const docs = () => columns(TRANSPARENCY_UID);

  const transparencyColumns = (withBody: boolean) => {
    const { c } = docs();
    const names = [
      'documentId',
      'title',
      ...TRANSPARENCY_METADATA_FIELDS,
      'publishedAt',
      ...(withBody ? ['body'] : []),
    ];
    return Object.fromEntries([['id', 'id'], ...names.map((name) => [name, c(name)])]);
  };

  const toTransparencyItem = (
    row: Row,
    media: Map<string, Row[]> | undefined
  ): TransparencyItem => ({
    documentId: String(row.documentId),
    title: String(row.title),
    law: text(row.law),
    lawVersion: text(row.lawVersion),
    article: text(row.article),
    fraccion: text(row.fraccion),
    ejercicio: num(row.ejercicio),
    periodStart: isoDate(row.periodStart),
    periodEnd: isoDate(row.periodEnd),
    responsibleArea: text(row.responsibleArea),
    updatedOn: isoDate(row.updatedOn),
    validatedOn: isoDate(row.validatedOn),
    note: text(row.note),
    publishedAt: toIso(row.publishedAt as string),
    file: asFile(media?.get('file')?.[0]),
  });

  const publishedTransparency = (filters: TransparencyFilters) => {
    const { table, c } = docs();
    const query = from(table).whereNotNull(c('publishedAt'));
    if (filters.fraccion !== undefined) query.where(c('fraccion'), filters.fraccion);
    if (filters.article !== undefined) query.where(c('article'), filters.article);
    if (filters.ejercicio !== undefined) query.where(c('ejercicio'), filters.ejercicio);
    if (filters.period) {
      // Keeps the documents whose period overlaps the quarter.
      query
        .where(c('periodStart'), '<=', filters.period.end)
        .where(c('periodEnd'), '>=', filters.period.start);
    }
    if (filters.q) search(query, [c('title'), c('body'), c('note')], filters.q);
    return query;
  };

  const transparencyOrder = () => {
    const { c } = docs();
    return [
      { column: c('ejercicio'), order: 'desc' as const },
      { column: c('periodStart'), order: 'desc' as const },
      { column: 'id', order: 'desc' as const },
    ];
  };

  return {
    /** Published web publications, newest first. */
    async publications(filters: PublicationFilters) {
      const { c } = web();
      const [rows, total] = await Promise.all([
        publishedPublications(filters)
          .select(publicationColumns(false))
          .orderBy([
            { column: c('publishedAt'), order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .limit(filters.pageSize)
          .offset((filters.page - 1) * filters.pageSize) as Promise<Row[]>,
        countOf(publishedPublications(filters)),
      ]);
      const media = await mediaOf(
        WEB_PUBLICATION_UID,
        rows.map((row) => Number(row.id)),
        ['cover']
      );
      return {
        data: rows.map((row) => toSummary(row, media.get(Number(row.id)))),
        meta: { pagination: pagination(filters, total) },
      };
    },

    /** One published web publication by its slug, or null. */
    async publication(slug: string): Promise<PublicationDetail | null> {
      const { table, c } = web();
      const row = (await from(table)
        .whereNotNull(c('publishedAt'))
        .where(c('slug'), slug)
        .select(publicationColumns(true))
        .orderBy('id', 'desc')
        .first()) as Row | undefined;
      if (!row) return null;
      const media = (
        await mediaOf(WEB_PUBLICATION_UID, [Number(row.id)], ['cover', 'attachments'])
      ).get(Number(row.id));
      const body = text(row.body) ?? '';
      return {
        ...toSummary(row, media),
        body,
        bodyHtml: renderMarkdown(body),
        attachments: (media?.get('attachments') ?? []).map((file) => asFile(file) as Attachment),
      };
    },

    /** Sections with published content, by name, with how many and the latest date. */
    async sections(): Promise<SectionCount[]> {
      const { table, c } = web();
      const rows = (await from(table)
        .whereNotNull(c('publishedAt'))
        .whereNotNull(c('section'))
        .whereNot(c('section'), '')
        .groupBy(c('section'))
        .select({ section: c('section') })
        .count({ count: '*' })
        .max({ latestAt: c('publishedAt') })) as Row[];
      return rows
        .map((row) => ({
          section: String(row.section),
          count: Number(row.count),
          latestAt: toIso(row.latestAt as string),
        }))
        .sort((a, b) => a.section.localeCompare(b.section, 'es'));
    },

    /** Published transparency documents: newest ejercicio and period first. */
    async transparency(filters: TransparencyFilters & Page) {
      const [rows, total] = await Promise.all([
        publishedTransparency(filters)
          .select(transparencyColumns(false))
          .orderBy(transparencyOrder())
          .limit(filters.pageSize)
          .offset((filters.page - 1) * filters.pageSize) as Promise<Row[]>,
        countOf(publishedTransparency(filters)),
      ]);
      const media = await mediaOf(
        TRANSPARENCY_UID,
        rows.map((row) => Number(row.id)),
        ['file']
      );
      return {
        data: rows.map((row) => toTransparencyItem(row, media.get(Number(row.id)))),
        meta: { pagination: pagination(filters, total) },
      };
    },

    /** Every published transparency document that matches, for the open data exports. */
    async allTransparency(filters: TransparencyFilters): Promise<TransparencyItem[]> {
      const rows = (await publishedTransparency(filters)
        .select(transparencyColumns(false))
        .orderBy(transparencyOrder())) as Row[];
      const media = new Map<number, Map<string, Row[]>>();
      // Bounded IN lists: SQLite allows a limited number of bindings per statement.
      for (let start = 0; start < rows.length; start += 500) {
        const ids = rows.slice(start, start + 500).map((row) => Number(row.id));
        for (const [id, files] of await mediaOf(TRANSPARENCY_UID, ids, ['file'])) {
          media.set(id, files);
        }
      }
      return rows.map((row) => toTransparencyItem(row, media.get(Number(row.id))));
    },

    /** One published transparency document, or null. */
    async transparencyDocument(documentId: string): Promise<TransparencyDetail | null> {
      const { table, c } = docs();
      const row = (await from(table)
        .whereNotNull(c('publishedAt'))
        .where(c('documentId'), documentId)
        .select(transparencyColumns(true))
        .orderBy('id', 'desc')
        .first()) as Row | undefined;
      if (!row) return null;
      const media = (await mediaOf(TRANSPARENCY_UID, [Number(row.id)], ['file'])).get(
        Number(row.id)
      );
      const body = text(row.body) ?? '';
      return { ...toTransparencyItem(row, media), body, bodyHtml: renderMarkdown(body) };
    },

    /** Fracciones (with their article) and ejercicios that have published documents. */
    async transparencyFacets(): Promise<TransparencyFacets> {
      const { table, c } = docs();
      const [groups, years] = await Promise.all([
        from(table)
          .whereNotNull(c('publishedAt'))
          .whereNotNull(c('fraccion'))
          .groupBy(c('article'), c('fraccion'))
          .select({ article: c('article'), fraccion: c('fraccion') })
          .count({ count: '*' }) as Promise<Row[]>,
        from(table)
          .whereNotNull(c('publishedAt'))
          .whereNotNull(c('ejercicio'))
          .distinct({ ejercicio: c('ejercicio') })
          .orderBy(c('ejercicio'), 'desc') as Promise<Row[]>,
      ]);
      return {
        fracciones: groups
          .map((row) => ({
            article: text(row.article),
            fraccion: String(row.fraccion),
            count: Number(row.count),
          }))
          .sort(
            (a, b) =>
              naturalCompare(a.article ?? '', b.article ?? '') ||
              naturalCompare(a.fraccion, b.fraccion)
          ),
        ejercicios: years.map((row) => Number(row.ejercicio)),
      };
    },
  };
};

export type PublicSiteService = ReturnType<typeof createPublicSiteService>;

export default createPublicSiteService;
