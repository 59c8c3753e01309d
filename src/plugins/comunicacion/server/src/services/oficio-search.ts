import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  OFICIO_UID,
  STATE_LABELS,
  STATUS_FIELD,
  WORKFLOWS,
  WORKFLOW_LABELS,
  WORKFLOW_UIDS,
  WORK_ITEM_KEYS,
  addCalendarDays,
  invalid,
  isDraftAndPublish,
  parseIsoDate,
  startOfMexicoCityDay,
  type WorkflowKey,
  likePattern,
} from '../app';
import type { AreaRef, Pagination } from '../../../shared/contracts/common';
import type { Choice, OficioSummary, SearchOficios } from '../../../shared/contracts/intake';
import { getPluginService } from '../utils/get-plugin-service';
import { toIso } from './queues';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
const MAX_TEXT = 200;
const AREA_UID = 'api::area.area';

type WorkItemKey = Exclude<WorkflowKey, 'oficio'>;

/** Filters of the «Oficios» search, already validated. */
export interface OficioFilters {
  q?: string;
  folio?: string;
  area?: string;
  status?: string;
  /** Mexico City days, inclusive. */
  receivedFrom?: string;
  receivedTo?: string;
  service?: WorkItemKey;
}

const bad = (message: string, field: string) => invalid('INVALID_QUERY', message, { field });

/** One value of a query parameter; a repeated parameter is a bad filter. */
const single = (query: Record<string, unknown>, name: string): string | undefined => {
  const value = query[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw bad(`El filtro «${name}» admite un solo valor.`, name);
  }
  const text = value.trim();
  return text === '' ? undefined : text;
};

const positive = (query: Record<string, unknown>, name: string, fallback: number, max?: number) => {
  const text = single(query, name);
  if (text === undefined) return fallback;
  const range = max ? `entre 1 y ${max}` : 'mayor que cero';
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1 || (max !== undefined && Number(text) > max)) {
    throw bad(`«${name}» debe ser un número entero ${range}.`, name);
  }
  return Number(text);
};

const boundedText = (query: Record<string, unknown>, name: string, what: string) => {
  const text = single(query, name);
  if (text !== undefined && text.length > MAX_TEXT) {
    throw bad(`${what} admite hasta ${MAX_TEXT} caracteres.`, name);
  }
  return text;
};

/**
 * The filters of the search (and of its export) from a request's query string. Anything it cannot
 * read is a 400 `INVALID_QUERY` with a Spanish message naming the filter; unknown parameters are
 * ignored (the export adds `format`).
 */
export const parseOficioFilters = (query: Record<string, unknown>): OficioFilters => {
  const filters: OficioFilters = {};
  const q = boundedText(query, 'q', 'La búsqueda');
  if (q) filters.q = q;
  const folio = boundedText(query, 'folio', 'El folio');
  if (folio) filters.folio = folio;
  const area = single(query, 'area');
  if (area) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(area)) throw bad('El área indicada no es válida.', 'area');
    filters.area = area;
  }
  const status = single(query, 'status');
  if (status) {
    if (!Object.prototype.hasOwnProperty.call(STATE_LABELS.oficio, status)) {
      throw bad(
        `El estado «${status.slice(0, 40)}» no existe; los estados de un oficio son: ` +
          `${Object.values(STATE_LABELS.oficio).join(', ')}.`,
        'status'
      );
    }
    filters.status = status;
  }
  for (const name of ['receivedFrom', 'receivedTo'] as const) {
    const day = single(query, name);
    if (day === undefined) continue;
    if (!parseIsoDate(day)) {
      throw bad(`La fecha «${name}» debe tener el formato AAAA-MM-DD.`, name);
    }
    filters[name] = day;
  }
  if (filters.receivedFrom && filters.receivedTo && filters.receivedFrom > filters.receivedTo) {
    throw bad(
      'La fecha inicial de recepción (receivedFrom) es posterior a la final (receivedTo).',
      'receivedFrom'
    );
  }
  const service = single(query, 'service');
  if (service) {
    if (!(WORK_ITEM_KEYS as readonly string[]).includes(service)) {
      throw bad(`El servicio «${service.slice(0, 40)}» no existe.`, 'service');
    }
    filters.service = service as WorkItemKey;
  }
  return filters;
};

/** Page and page size of the search (1-100, default 25). */
export const parsePage = (query: Record<string, unknown>) => ({
  page: positive(query, 'page', 1),
  pageSize: positive(query, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
});

/**
 * Accented letters folded to their base letter, lower and upper case: SQLite's LOWER() folds ASCII
 * only and neither database folds accents without extensions, so the search does it in SQL.
 */
const FOLDS: [string, string][] = [
  ['á', 'a'],
  ['à', 'a'],
  ['ä', 'a'],
  ['â', 'a'],
  ['é', 'e'],
  ['è', 'e'],
  ['ë', 'e'],
  ['ê', 'e'],
  ['í', 'i'],
  ['ì', 'i'],
  ['ï', 'i'],
  ['î', 'i'],
  ['ó', 'o'],
  ['ò', 'o'],
  ['ö', 'o'],
  ['ô', 'o'],
  ['ú', 'u'],
  ['ù', 'u'],
  ['ü', 'u'],
  ['û', 'u'],
  ['ñ', 'n'],
];

/** SQL of a text column lower-cased and without accents. */
export const foldedSql = (column: string) =>
  `LOWER(${FOLDS.flatMap(([accented, base]) => [
    [accented, base],
    [accented.toUpperCase(), base],
  ]).reduce((sql, [from, to]) => `REPLACE(${sql}, '${from}', '${to}')`, column)})`;

/** The same folding in JavaScript, for the searched text. */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** A LIKE pattern for `text` anywhere, its wildcards escaped. */
export const containsPattern = (text: string) => likePattern(fold(text));

/** The letters an accented letter folds to. */
const FOLD_TARGETS = new Set(FOLDS.map(([, base]) => base));

/**
 * A cheap necessary condition for a folded match, on the column only lower-cased: every letter an
 * accented one may fold to stands for any one character (`_`), every other character is itself.
 * Folding maps one character to one character and leaves every other character as LOWER() does, so
 * a column that matches the folded pattern always matches this one.
 */
export const prefilterPattern = (text: string) =>
  `%${Array.from(fold(text))
    .map((c) => (FOLD_TARGETS.has(c) ? '_' : /[\\%_]/.test(c) ? `\\${c}` : c))
    .join('')}%`;

/**
 * SQL and bindings of «the column, folded, contains the text», with the folding (forty-two
 * REPLACE() per column) computed last: a column failing the prefilter cannot match, and a column
 * that contains the folded text merely lower-cased matches already (the folded text has no
 * accented letter, so those characters were not folded).
 */
export const foldedContains = (column: string, text: string): [string, string[]] => [
  `CASE WHEN LOWER(${column}) NOT LIKE ? ESCAPE '\\' THEN FALSE ` +
    `WHEN LOWER(${column}) LIKE ? ESCAPE '\\' THEN TRUE ` +
    `ELSE ${foldedSql(column)} LIKE ? ESCAPE '\\' END`,
  [prefilterPattern(text), containsPattern(text), containsPattern(text)],
];

const toBool = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';

/** One row of a page: the oficio's summary columns and its area's. */
interface OficioRow {
  id: number;
  documentId: string;
  folio: string | null;
  senderReference: string | null;
  subject: string | null;
  receivedAt: unknown;
  status: string;
  isLate: unknown;
  areaDocumentId: string | null;
  areaName: string | null;
  areaShortName: string | null;
  areaKind: string | null;
}

/** A piece of SQL with its bindings, `?` placeholders in order. */
interface Sql {
  sql: string;
  bindings: unknown[];
}

/** Link and item tables of one workflow, to reach its oficio. */
interface ServiceTables {
  link: string;
  oficio: string;
  item: string;
  table: string;
}

/** An identifier quoted for SQLite and PostgreSQL alike. */
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Oficio states and requested services, with their Spanish names, for the filters. */
export const searchChoices = (): { states: Choice[]; services: Choice[] } => ({
  states: Object.keys(WORKFLOWS.oficio.states).map((value) => ({
    value,
    label: STATE_LABELS.oficio[value] ?? value,
  })),
  services: WORK_ITEM_KEYS.map((value) => ({ value, label: WORKFLOW_LABELS[value] })),
});

/**
 * Every oficio in any state, filtered and paginated in the database. Its three statements (count,
 * page with the area joined, services of the page) are written out here, with the table and
 * column names of Strapi's metadata, rather than composed again by the query engine on every
 * request.
 */
export const createOficioSearchService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const tables = () => getPluginService('queues', strapi);

  const run = async <T>({ sql, bindings }: Sql): Promise<T[]> => {
    const result = (await knex().raw(sql, bindings as Knex.RawBinding[])) as T[] | { rows: T[] };
    return Array.isArray(result) ? result : result.rows;
  };

  /** Quoted names of what the search reads, from the metadata once it is loaded. */
  let schema:
    | {
        oficios: string;
        /** A column of `oficios` under the alias `o`. */
        o: (attribute: string) => string;
        areas: string;
        areaColumn: (attribute: string) => string;
        areaLink: { table: string; oficio: string; area: string };
        services: Record<WorkItemKey, ServiceTables>;
      }
    | undefined;
  const names = () => {
    if (schema) return schema;
    const oficio = tables().tablesOf(OFICIO_UID);
    const area = tables().tablesOf(AREA_UID);
    const areaLink = tables().link(OFICIO_UID, 'area')!;
    const column = (of: { table: string; columns: Record<string, string> }, attribute: string) => {
      const name = of.columns[attribute];
      if (!name) throw new Error(`La tabla ${of.table} no tiene columna para «${attribute}».`);
      return quote(name);
    };
    schema = {
      oficios: quote(oficio.table),
      o: (attribute) => `o.${column(oficio, attribute)}`,
      areas: quote(area.table),
      areaColumn: (attribute) => column(area, attribute),
      areaLink: {
        table: quote(areaLink.table),
        oficio: quote(areaLink.from),
        area: quote(areaLink.to),
      },
      services: Object.fromEntries(
        WORK_ITEM_KEYS.map((workflow) => {
          const item = tables().tablesOf(WORKFLOW_UIDS[workflow]);
          const link = item.oficio!;
          return [
            workflow,
            {
              link: quote(link.table),
              item: quote(link.from),
              oficio: quote(link.to),
              table: quote(item.table),
            },
          ];
        })
      ) as Record<WorkItemKey, ServiceTables>,
    };
    return schema;
  };

  /** Ids of the oficios having at least one (draft) item of a workflow. */
  const withService = (workflow: WorkItemKey): string => {
    const { link, oficio, item, table } = names().services[workflow];
    const drafts = isDraftAndPublish(workflow) ? ' WHERE t.published_at IS NULL' : '';
    return `SELECT l.${oficio} FROM ${link} l JOIN ${table} t ON t.id = l.${item}${drafts}`;
  };

  /**
   * Ids of the oficios whose folio, area reference or subject, or whose area's name or short name,
   * contain the text.
   */
  const withText = (text: string): Sql => {
    const { oficios, o, areas, areaColumn, areaLink } = names();
    const bindings: unknown[] = [];
    const matches = (columns: string[]) =>
      columns
        .map((column) => {
          const [sql, values] = foldedContains(column, text);
          bindings.push(...values);
          return sql;
        })
        .join(' OR ');
    const own = matches(['folio', 'senderReference', 'subject'].map(o));
    // The areas first (a few dozen rows), then their oficios: never the folding per link row.
    const ofAreas =
      `SELECT al.${areaLink.oficio} FROM ${areaLink.table} al WHERE al.${areaLink.area} IN ` +
      `(SELECT id FROM ${areas} WHERE ${matches(['name', 'shortName'].map(areaColumn))})`;
    return { sql: `SELECT o.id FROM ${oficios} o WHERE ${own} OR o.id IN (${ofAreas})`, bindings };
  };

  /** The WHERE clause of the filters, on `oficios` under the alias `o`. */
  const whereOf = (filters: OficioFilters): Sql => {
    const { o, areas, areaColumn, areaLink } = names();
    const and: string[] = [];
    const bindings: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      and.push(sql);
      bindings.push(...values);
    };
    if (filters.status) add(`${o(STATUS_FIELD)} = ?`, filters.status);
    if (filters.area) {
      add(
        `o.id IN (SELECT al.${areaLink.oficio} FROM ${areaLink.table} al ` +
          `JOIN ${areas} a ON a.id = al.${areaLink.area} WHERE a.${areaColumn('documentId')} = ?)`,
        filters.area
      );
    }
    if (filters.folio) {
      add(`LOWER(${o('folio')}) LIKE LOWER(?) ESCAPE '\\'`, likePattern(filters.folio));
    }
    if (filters.receivedFrom) {
      add(`${o('receivedAt')} >= ?`, startOfMexicoCityDay(filters.receivedFrom));
    }
    if (filters.receivedTo) {
      add(`${o('receivedAt')} < ?`, startOfMexicoCityDay(addCalendarDays(filters.receivedTo, 1)));
    }
    if (filters.service) add(`o.id IN (${withService(filters.service)})`);
    if (filters.q) {
      const text = withText(filters.q);
      add(`o.id IN (${text.sql})`, ...text.bindings);
    }
    return { sql: and.length ? ` WHERE ${and.join(' AND ')}` : '', bindings };
  };

  /** SQL of the services count of a page of `size` oficios, by page size. */
  const servicesSql = new Map<number, string>();
  /** Requested services of some oficios, counted per workflow, in one UNION ALL query. */
  const servicesOf = async (ids: number[]) => {
    const result = new Map<number, OficioSummary['services']>();
    if (ids.length === 0) return result;
    let sql = servicesSql.get(ids.length);
    if (!sql) {
      const list = ids.map(() => '?').join(', ');
      const branches = WORK_ITEM_KEYS.map((workflow) => {
        const { link, oficio, item, table } = names().services[workflow];
        // The draft rows, written so that no index can serve it: SQLite would otherwise read
        // every draft through the published_at index instead of the page's oficios through
        // their links.
        const drafts = isDraftAndPublish(workflow)
          ? ' AND (CASE WHEN t.published_at IS NULL THEN 1 ELSE 0 END) = 1'
          : '';
        return (
          `SELECT l.${oficio} AS oficio, CAST('${workflow}' AS VARCHAR(255)) AS workflow ` +
          `FROM ${link} l JOIN ${table} t ON t.id = l.${item} WHERE l.${oficio} IN (${list})${drafts}`
        );
      });
      sql =
        `SELECT oficio, workflow, COUNT(*) AS total FROM (${branches.join(' UNION ALL ')}) s ` +
        'GROUP BY oficio, workflow';
      servicesSql.set(ids.length, sql);
    }
    const rows = await run<{ oficio: unknown; workflow: WorkItemKey; total: unknown }>({
      sql,
      bindings: WORK_ITEM_KEYS.flatMap(() => ids),
    });
    for (const key of WORK_ITEM_KEYS) {
      for (const row of rows.filter((entry) => entry.workflow === key)) {
        const id = Number(row.oficio);
        const list = result.get(id) ?? [];
        list.push({ workflow: key, label: WORKFLOW_LABELS[key], count: Number(row.total) || 0 });
        result.set(id, list);
      }
    }
    return result;
  };

  const summaries = async (rows: OficioRow[]): Promise<OficioSummary[]> => {
    const services = await servicesOf(rows.map((row) => Number(row.id)));
    return rows.map((row) => {
      const status = String(row.status);
      return {
        documentId: row.documentId,
        folio: String(row.folio ?? ''),
        senderReference: row.senderReference ?? null,
        subject: String(row.subject ?? ''),
        area: row.areaDocumentId
          ? {
              documentId: row.areaDocumentId,
              name: String(row.areaName ?? ''),
              shortName: row.areaShortName ?? null,
              kind: row.areaKind as AreaRef['kind'],
            }
          : null,
        receivedAt: toIso(row.receivedAt) ?? '',
        status,
        statusLabel: STATE_LABELS.oficio[status] ?? status,
        isLate: toBool(row.isLate),
        services: services.get(Number(row.id)) ?? [],
      };
    });
  };

  /** How many oficios match the filters. */
  const countOf = async (filters: OficioFilters) => {
    const where = whereOf(filters);
    const [row] = await run<{ total: unknown }>({
      sql: `SELECT COUNT(*) AS total FROM ${names().oficios} o${where.sql}`,
      bindings: where.bindings,
    });
    return Number(row?.total ?? 0);
  };

  /** One page of oficios, newest reception first (id breaks ties so pages never overlap). */
  const findPage = async (filters: OficioFilters, limit: number, offset: number) => {
    const { oficios, o, areas, areaColumn, areaLink } = names();
    const where = whereOf(filters);
    const a = (attribute: string) => `a.${areaColumn(attribute)}`;
    return run<OficioRow>({
      sql:
        `SELECT o.id, ${o('documentId')} AS "documentId", ${o('folio')} AS folio, ` +
        `${o('senderReference')} AS "senderReference", ${o('subject')} AS subject, ` +
        `${o('receivedAt')} AS "receivedAt", ${o(STATUS_FIELD)} AS status, ` +
        `${o('isLate')} AS "isLate", ${a('documentId')} AS "areaDocumentId", ` +
        `${a('name')} AS "areaName", ${a('shortName')} AS "areaShortName", ` +
        `${a('kind')} AS "areaKind" ` +
        `FROM ${oficios} o LEFT JOIN ${areaLink.table} al ON al.${areaLink.oficio} = o.id ` +
        `LEFT JOIN ${areas} a ON a.id = al.${areaLink.area}${where.sql} ` +
        `ORDER BY ${o('receivedAt')} DESC, o.id DESC LIMIT ? OFFSET ?`,
      bindings: [...where.bindings, limit, offset],
    });
  };

  return {
    /** GET /comunicacion/oficios */
    async search(
      filters: OficioFilters,
      { page, pageSize }: { page: number; pageSize: number }
    ): Promise<SearchOficios.Response> {
      const [total, rows] = await Promise.all([
        countOf(filters),
        findPage(filters, pageSize, (page - 1) * pageSize),
      ]);
      const pagination: Pagination = {
        page,
        pageSize,
        pageCount: Math.ceil(Number(total) / pageSize),
        total: Number(total),
      };
      return { data: await summaries(rows), meta: { pagination, ...searchChoices() } };
    },

    /** How many oficios match. */
    async count(filters: OficioFilters) {
      return countOf(filters);
    },

    /** Every matching oficio, read `chunk` rows at a time, in the search's order. */
    async *each(filters: OficioFilters, chunk = 500): AsyncGenerator<OficioSummary[]> {
      for (let offset = 0; ; offset += chunk) {
        const rows = await findPage(filters, chunk, offset);
        if (rows.length) yield await summaries(rows);
        if (rows.length < chunk) return;
      }
    },
  };
};

export type OficioSearchService = ReturnType<typeof createOficioSearchService>;

export default createOficioSearchService;
