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
} from '../app';
import type { AreaRef, Pagination } from '../../../shared/contracts/common';
import type { Choice, OficioSummary, SearchOficios } from '../../../shared/contracts/intake';
import { getPluginService } from '../utils/get-plugin-service';
import { isoInstant } from './presenters';

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
export const containsPattern = (text: string) =>
  `%${fold(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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

interface OficioRow {
  id: number;
  documentId: string;
  folio: string;
  senderReference: string | null;
  subject: string | null;
  receivedAt: unknown;
  workflowStatus: string;
  isLate: unknown;
  area?: AreaRef | null;
}

/** What a summary reads of an oficio: no personal data, no internal notes. */
const SUMMARY_SELECT = [
  'id',
  'documentId',
  'folio',
  'senderReference',
  'subject',
  'receivedAt',
  STATUS_FIELD,
  'isLate',
];

/** Oficio states and requested services, with their Spanish names, for the filters. */
export const searchChoices = (): { states: Choice[]; services: Choice[] } => ({
  states: Object.keys(WORKFLOWS.oficio.states).map((value) => ({
    value,
    label: STATE_LABELS.oficio[value] ?? value,
  })),
  services: WORK_ITEM_KEYS.map((value) => ({ value, label: WORKFLOW_LABELS[value] })),
});

/**
 * Every oficio in any state, filtered and paginated in the database: the Document Service's
 * query engine (`strapi.db.query`) with the text and service conditions as sub-queries.
 */
export const createOficioSearchService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const tables = () => getPluginService('queues', strapi);

  /** Ids of the oficios having at least one (draft) item of a workflow. */
  const withService = (workflow: WorkItemKey) => {
    const item = tables().tablesOf(WORKFLOW_UIDS[workflow]);
    const link = item.oficio!;
    const query = knex()
      .from({ l: link.table })
      .join({ t: item.table }, 't.id', `l.${link.from}`)
      .select(`l.${link.to}`);
    if (isDraftAndPublish(workflow)) query.whereNull('t.published_at');
    return query;
  };

  /**
   * Ids of the oficios whose folio, area reference or subject, or whose area's name or short name,
   * contain the text.
   */
  const withText = (text: string) => {
    const oficio = tables().tablesOf(OFICIO_UID);
    const area = tables().tablesOf(AREA_UID);
    const areaLink = tables().link(OFICIO_UID, 'area')!;
    const matches = (w: Knex.QueryBuilder, columns: string[]) => {
      for (const column of columns) w.orWhereRaw(...foldedContains(column, text));
    };
    const columns = ['folio', 'senderReference', 'subject'].map((name) => oficio.columns[name]);
    const areaColumns = ['name', 'shortName'].map((name) => area.columns[name]);
    // The areas first (a few dozen rows), then their oficios: never the folding per link row.
    const ofAreas = knex()
      .from({ al: areaLink.table })
      .select(`al.${areaLink.from}`)
      .whereIn(
        `al.${areaLink.to}`,
        knex()
          .from(area.table)
          .select('id')
          .where((w) => matches(w, areaColumns))
      );
    return knex()
      .from(oficio.table)
      .select('id')
      .where((w) => {
        matches(w, columns);
        w.orWhereIn('id', ofAreas);
      });
  };

  const whereOf = (filters: OficioFilters) => {
    const and: Record<string, unknown>[] = [];
    if (filters.status) and.push({ [STATUS_FIELD]: filters.status });
    if (filters.area) and.push({ area: { documentId: filters.area } });
    if (filters.folio) and.push({ folio: { $containsi: filters.folio } });
    if (filters.receivedFrom) {
      and.push({ receivedAt: { $gte: startOfMexicoCityDay(filters.receivedFrom).toISOString() } });
    }
    if (filters.receivedTo) {
      const next = startOfMexicoCityDay(addCalendarDays(filters.receivedTo, 1));
      and.push({ receivedAt: { $lt: next.toISOString() } });
    }
    if (filters.service) and.push({ id: { $in: withService(filters.service) } });
    if (filters.q) and.push({ id: { $in: withText(filters.q) } });
    return and.length ? { $and: and } : {};
  };

  /** Requested services of some oficios, counted per workflow, in one UNION ALL query. */
  const servicesOf = async (ids: number[]) => {
    const result = new Map<number, OficioSummary['services']>();
    if (ids.length === 0) return result;
    const db = knex();
    const branches = WORK_ITEM_KEYS.map((workflow) => {
      const item = tables().tablesOf(WORKFLOW_UIDS[workflow]);
      const link = item.oficio!;
      const query = db
        .from({ l: link.table })
        .join({ t: item.table }, 't.id', `l.${link.from}`)
        .whereIn(`l.${link.to}`, ids)
        .select({
          oficio: `l.${link.to}`,
          workflow: db.raw('CAST(? AS VARCHAR(255))', [workflow]),
        });
      // The draft rows, written so that no index can serve it: SQLite would otherwise read every
      // draft through the published_at index instead of the page's oficios through their links.
      if (isDraftAndPublish(workflow)) {
        query.whereRaw('(CASE WHEN t.published_at IS NULL THEN 1 ELSE 0 END) = 1');
      }
      return query;
    });
    const [first, ...rest] = branches;
    const rows = (await db
      .from(first.unionAll(rest).as('s'))
      .select('oficio', 'workflow')
      .count({ total: '*' })
      .groupBy('oficio', 'workflow')) as {
      oficio: unknown;
      workflow: WorkItemKey;
      total: unknown;
    }[];
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
    const services = await servicesOf(rows.map((row) => row.id));
    return rows.map((row) => {
      const status = String(row[STATUS_FIELD as 'workflowStatus']);
      return {
        documentId: row.documentId,
        folio: String(row.folio ?? ''),
        senderReference: row.senderReference ?? null,
        subject: String(row.subject ?? ''),
        area: row.area
          ? {
              documentId: row.area.documentId,
              name: row.area.name,
              shortName: row.area.shortName ?? null,
              kind: row.area.kind,
            }
          : null,
        receivedAt: isoInstant(row.receivedAt) ?? '',
        status,
        statusLabel: STATE_LABELS.oficio[status] ?? status,
        isLate: toBool(row.isLate),
        services: services.get(row.id) ?? [],
      };
    });
  };

  /** One page of oficios, newest reception first (id breaks ties so pages never overlap). */
  const findPage = async (filters: OficioFilters, limit: number, offset: number) =>
    (await strapi.db.query(OFICIO_UID).findMany({
      select: SUMMARY_SELECT,
      where: whereOf(filters),
      populate: { area: { select: ['documentId', 'name', 'shortName', 'kind'] } },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      limit,
      offset,
    })) as OficioRow[];

  return {
    /** GET /comunicacion/oficios */
    async search(
      filters: OficioFilters,
      { page, pageSize }: { page: number; pageSize: number }
    ): Promise<SearchOficios.Response> {
      const [total, rows] = await Promise.all([
        strapi.db.query(OFICIO_UID).count({ where: whereOf(filters) }),
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
      return Number(await strapi.db.query(OFICIO_UID).count({ where: whereOf(filters) }));
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
