import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  STATE_LABELS,
  WORKFLOWS,
  WORKFLOW_LABELS,
  WORKFLOW_UIDS,
  getService,
  isDraftAndPublish,
  itemWarnings,
  mexicoCityParts,
  queueBadges,
  queueStates,
  type QueueDefinition,
  type QueueSource,
  type WorkflowKey,
  isPostgres,
  likePattern,
} from '../app';
import { getPluginService } from '../utils/get-plugin-service';
import type { Pagination, StaffMember } from '../../../shared/contracts/common';
import type { GetQueue, QueueItem, QueueSummary } from '../../../shared/contracts/queues';

const OFICIO_UID = WORKFLOW_UIDS.oficio;
const AREA_UID = 'api::area.area';
const ADMIN_USER_UID = 'admin::user';

/** Filters of one queue's listing, already validated. */
export interface QueueFilters {
  area?: string;
  state?: string;
  /** An admin user id, or 'none' for unassigned items. */
  assignee?: number | 'none';
  dueFrom?: string;
  dueTo?: string;
  q?: string;
}

/** One queue source with its position, so rows of several sources keep a stable order. */
interface Branch {
  queue: string;
  index: number;
  source: QueueSource;
}

interface LinkTable {
  table: string;
  from: string;
  to: string;
  order?: string;
}

/** Table and column names of one workflow's content type, read from Strapi's metadata. */
interface Tables {
  table: string;
  columns: Record<string, string>;
  oficio: LinkTable | null;
  assignees: LinkTable | null;
  /** Advisory only: the organismo auxiliar it is for, when there is no oficio. */
  organism: LinkTable | null;
}

/** Today in Mexico City, YYYY-MM-DD. */
export const mexicoCityToday = (now = new Date()) => mexicoCityParts(now).date;

/** A timestamp as the drivers hand it back (Date on PostgreSQL, epoch ms on SQLite) in ISO form. */
export const toIso = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date =
    value instanceof Date
      ? value
      : new Date(
          typeof value === 'number' || /^\d+$/.test(String(value)) ? Number(value) : String(value)
        );
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** A date column as YYYY-MM-DD. */
export const toDay = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};

const toBool = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';
const toNumber = (value: unknown) => Number(value ?? 0) || 0;

export const createQueuesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const metadata = (uid: string) =>
    strapi.db.metadata.get(uid as never) as unknown as {
      tableName: string;
      attributes: Record<
        string,
        {
          columnName?: string;
          joinTable?: {
            name: string;
            joinColumn: { name: string };
            inverseJoinColumn: { name: string };
            orderColumnName?: string;
          };
        }
      >;
    };

  const link = (uid: string, attribute: string): LinkTable | null => {
    const joinTable = metadata(uid).attributes[attribute]?.joinTable;
    if (!joinTable) return null;
    return {
      table: joinTable.name,
      from: joinTable.joinColumn.name,
      to: joinTable.inverseJoinColumn.name,
      order: joinTable.orderColumnName,
    };
  };

  const tablesCache = new Map<string, Tables>();
  /** Names of the tables and columns of a content type (Strapi may shorten long identifiers). */
  const tablesOf = (uid: string): Tables => {
    const cached = tablesCache.get(uid);
    if (cached) return cached;
    const meta = metadata(uid);
    const columns = Object.fromEntries(
      Object.entries(meta.attributes)
        .filter(([, attribute]) => attribute.columnName)
        .map(([name, attribute]) => [name, attribute.columnName as string])
    );
    const tables: Tables = {
      table: meta.tableName,
      columns,
      oficio: uid === OFICIO_UID ? null : link(uid, 'oficio'),
      assignees: link(uid, 'assignees'),
      organism: link(uid, 'organism'),
    };
    tablesCache.set(uid, tables);
    return tables;
  };

  const text = (value: string) => knex().raw('CAST(? AS VARCHAR(255))', [value]);

  /**
   * One branch of the queue UNION: the rows of one source with the shared column list, joined to
   * the owning oficio (link table) and its area (link table). `full` selects what a row shows;
   * `'keys'` only what orders a page (source, id, due date, reception); otherwise only what counts
   * need. With `ids`, the rows shown are those items, whatever the filters: the page's details.
   */
  const branch = (
    { queue, index, source }: Branch,
    filters: QueueFilters,
    full: boolean | 'keys',
    ids?: readonly number[]
  ): Knex.QueryBuilder => {
    const db = knex();
    const uid = WORKFLOW_UIDS[source.workflow];
    const oficio = tablesOf(OFICIO_UID);
    const areaLink = link(OFICIO_UID, 'area')!;
    const area = tablesOf(AREA_UID);
    const { item, isOficio, t, c, has, oc, ac } = aliasesOf(source);

    // Counts without area or text filters need neither the oficio nor the area: skipping those
    // joins keeps the queue list and the dashboard to index-only scans. A page's keys need the
    // oficio for its reception, and the area only to filter.
    const needsArea = full === true || Boolean(source.areaKind) || Boolean(filters.area);
    const needsOficio = needsArea || full === 'keys' || Boolean(filters.q);
    const query = db.from({ [t]: item.table });
    if (!isOficio && item.oficio && needsOficio) {
      query
        .leftJoin({ ol: item.oficio.table }, `ol.${item.oficio.from}`, `${t}.id`)
        .leftJoin({ o: oficio.table }, 'o.id', `ol.${item.oficio.to}`);
    }
    if (needsArea) {
      query.leftJoin({ al: areaLink.table }, `al.${areaLink.from}`, 'o.id');
      if (item.organism) {
        // An advisory given informally has no oficio: its area is the organismo it is for.
        query
          .leftJoin({ gl: item.organism.table }, `gl.${item.organism.from}`, `${t}.id`)
          .leftJoin(
            { a: area.table },
            'a.id',
            db.raw(`COALESCE(al.${areaLink.to}, gl.${item.organism.to})`)
          );
      } else {
        query.leftJoin({ a: area.table }, 'a.id', `al.${areaLink.to}`);
      }
    }

    const nullOf = (type: string) => db.raw(`CAST(NULL AS ${type})`);
    const dueAt = has('dueAt') ? db.ref(c('dueAt')) : nullOf('DATE');
    const receivedAt = has('receivedAt')
      ? db.raw(`COALESCE(${oc('receivedAt')}, ${c('receivedAt')})`)
      : db.ref(oc('receivedAt'));
    if (ids) query.whereIn(`${t}.id`, ids.length ? [...ids] : [0]);
    else filter(query, source, filters);

    if (full === 'keys') {
      return query.select({
        src: db.raw('CAST(? AS INTEGER)', [index]),
        id: `${t}.id`,
        due_at: dueAt,
        received_at: receivedAt,
      });
    }
    if (!full) {
      return query.select({
        queue: text(queue),
        uid: text(uid),
        id: `${t}.id`,
        workflow: text(source.workflow),
        status: c('workflowStatus'),
        due_at: dueAt,
      });
    }
    return query.select({
      src: db.raw('CAST(? AS INTEGER)', [index]),
      uid: text(uid),
      workflow: text(source.workflow),
      id: `${t}.id`,
      document_id: `${t}.document_id`,
      title: isOficio ? oc('subject') : c('title'),
      status: c('workflowStatus'),
      due_at: dueAt,
      status_changed_at: c('statusChangedAt'),
      received_at: receivedAt,
      oficio_document_id: 'o.document_id',
      folio: oc('folio'),
      is_late: oc('isLate'),
      late_accepted_at: oc('lateAcceptedAt'),
      area_document_id: 'a.document_id',
      area_name: ac('name'),
      area_short_name: ac('shortName'),
      area_kind: ac('kind'),
      medium: has('medium') ? c('medium') : nullOf('VARCHAR(255)'),
      revision_rounds: has('revisionRounds') ? c('revisionRounds') : nullOf('INTEGER'),
      starts_at: has('startsAt') ? c('startsAt') : nullOf('TIMESTAMP'),
      // What the warnings read (promotion asked with too little notice).
      lead_time_met: source.workflow === 'social-post' ? c('leadTimeMet') : nullOf('BOOLEAN'),
      event_date: source.workflow === 'social-post' ? c('eventDate') : nullOf('DATE'),
      earliest_allowed_date:
        source.workflow === 'social-post' ? c('earliestAllowedDate') : nullOf('DATE'),
    });
  };

  /**
   * Column references of a branch under its aliases: the item (`t`; in Recepción the row is the
   * oficio itself, `o`), its oficio (`o`) and the oficio's area (`a`).
   */
  const aliasesOf = (source: QueueSource) => {
    const item = tablesOf(WORKFLOW_UIDS[source.workflow]);
    const oficio = tablesOf(OFICIO_UID);
    const area = tablesOf(AREA_UID);
    const isOficio = source.workflow === 'oficio';
    const t = isOficio ? 'o' : 't';
    return {
      item,
      isOficio,
      t,
      c: (name: string) => `${t}.${item.columns[name]}`,
      has: (name: string) => Boolean(item.columns[name]),
      oc: (name: string) => `o.${oficio.columns[name]}`,
      ac: (name: string) => `a.${area.columns[name]}`,
    };
  };

  /** The conditions of one branch: the source's states and kind, and the listing's filters. */
  const filter = (query: Knex.QueryBuilder, source: QueueSource, filters: QueueFilters) => {
    const db = knex();
    const { item, isOficio, t, c, has, oc, ac } = aliasesOf(source);
    const states = filters.state
      ? source.states.filter((state) => state === filters.state)
      : [...source.states];
    query.whereIn(c('workflowStatus'), states.length ? states : ['']);
    if (isDraftAndPublish(source.workflow)) query.whereNull(`${t}.published_at`);
    if (source.medium) query.where(c('medium'), source.medium);
    if (source.areaKind === 'organismo_auxiliar') query.where(ac('kind'), 'organismo_auxiliar');
    if (source.areaKind === 'not_organismo_auxiliar') {
      query.where((w) => w.whereNull(ac('kind')).orWhereNot(ac('kind'), 'organismo_auxiliar'));
    }
    if (filters.area) query.where(ac('documentId'), filters.area);
    if (filters.dueFrom || filters.dueTo) {
      if (!has('dueAt')) query.whereRaw('1 = 0');
      else {
        if (filters.dueFrom) query.where(c('dueAt'), '>=', filters.dueFrom);
        if (filters.dueTo) query.where(c('dueAt'), '<=', filters.dueTo);
      }
    }
    if (filters.q) {
      // Wildcards escaped: a search for «50%» means the text «50%».
      const pattern = likePattern(filters.q.toLowerCase());
      const title = isOficio ? oc('subject') : c('title');
      query.where((w) =>
        w
          .whereRaw(`LOWER(${title}) LIKE ? ESCAPE '\\'`, [pattern])
          .orWhereRaw(`LOWER(${oc('folio')}) LIKE ? ESCAPE '\\'`, [pattern])
      );
    }
    if (filters.assignee !== undefined) {
      const assignees = item.assignees;
      if (!assignees) {
        // Oficios have no assignees: all are unassigned.
        if (filters.assignee !== 'none') query.whereRaw('1 = 0');
      } else {
        const sub = db
          .from({ l: assignees.table })
          .select(db.raw('1'))
          .whereRaw(`l.${assignees.from} = ${t}.id`);
        if (filters.assignee === 'none') query.whereNotExists(sub);
        else query.whereExists(sub.where(`l.${assignees.to}`, filters.assignee));
      }
    }
  };

  const branchesOf = (queues: readonly QueueDefinition[]): Branch[] =>
    queues.flatMap((queue) =>
      queue.sources.map((source, index) => ({ queue: queue.key, index, source }))
    );

  /** UNION ALL of every branch, as a derived table named `q`. */
  const union = (branches: Branch[], filters: QueueFilters, full: boolean) => {
    const [first, ...rest] = branches.map((b) => branch(b, filters, full));
    return (rest.length ? first.unionAll(rest) : first).as('q');
  };

  /** Assignees of the page's rows: one query per content type on the page. */
  const assigneesOf = async (rows: { uid: string; id: number }[]) => {
    const byUid = new Map<string, number[]>();
    for (const row of rows) byUid.set(row.uid, [...(byUid.get(row.uid) ?? []), row.id]);
    const users = metadata(ADMIN_USER_UID);
    const result = new Map<string, StaffMember[]>();
    for (const [uid, ids] of byUid) {
      const assignees = tablesOf(uid).assignees;
      if (!assignees) continue;
      const found = (await knex()
        .from({ l: assignees.table })
        .join({ u: users.tableName }, 'u.id', `l.${assignees.to}`)
        .whereIn(`l.${assignees.from}`, ids)
        .orderBy([`l.${assignees.from}`, ...(assignees.order ? [`l.${assignees.order}`] : [])])
        .select({
          item: `l.${assignees.from}`,
          id: 'u.id',
          firstname: 'u.firstname',
          lastname: 'u.lastname',
          email: 'u.email',
        })) as {
        item: number;
        id: number;
        firstname: string | null;
        lastname: string | null;
        email: string | null;
      }[];
      for (const user of found) {
        const key = `${uid}:${user.item}`;
        const name =
          [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `#${user.id}`;
        result.set(key, [...(result.get(key) ?? []), { id: Number(user.id), name }]);
      }
    }
    return result;
  };

  /** Open and overdue counts of each queue, read from the counters every write keeps. */
  const summaries = async (
    queues: readonly QueueDefinition[],
    now = new Date()
  ): Promise<QueueSummary[]> => {
    if (queues.length === 0) return [];
    const today = mexicoCityToday(now);
    const { rows } = await getPluginService('counters', strapi).queueCounts(queues, today, today);
    return queues.map((queue) => {
      const own = rows.filter((row) => row.queue === queue.key);
      return {
        key: queue.key,
        label: queue.label,
        description: queue.description,
        total: own.reduce((total, row) => total + row.total, 0),
        overdue: own.reduce((total, row) => total + row.overdue, 0),
      };
    });
  };

  /** The same counts aggregated from every item with SQL: what the counters must equal. */
  const recountSummaries = async (
    queues: readonly QueueDefinition[],
    now = new Date()
  ): Promise<QueueSummary[]> => {
    if (queues.length === 0) return [];
    const today = mexicoCityToday(now);
    const db = knex();
    const counts = (await db
      .from(union(branchesOf(queues), {}, false))
      .select('queue')
      .count({ total: '*' })
      .select(db.raw('SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END) AS overdue', [today]) as never)
      .groupBy('queue')) as { queue: string; total: unknown; overdue: unknown }[];
    const byKey = new Map(counts.map((row) => [row.queue, row]));
    return queues.map((queue) => ({
      key: queue.key,
      label: queue.label,
      description: queue.description,
      total: toNumber(byKey.get(queue.key)?.total),
      overdue: toNumber(byKey.get(queue.key)?.overdue),
    }));
  };

  /**
   * The rows of one page, in two steps: the page's keys first, sorting only what orders the queue
   * (source, id, due date, reception) with the joins the filters need, then what the page's rows
   * show, read by id. Sorting every matching row with all it shows made deep pages slow.
   */
  const pageRows = async (
    branches: Branch[],
    filters: QueueFilters,
    { page, pageSize }: { page: number; pageSize: number }
  ): Promise<Record<string, unknown>[]> => {
    const db = knex();
    const offset = (page - 1) * pageSize;
    // On PostgreSQL each source first keeps its own first rows, in the same order: it reads them
    // along its due-date index and stops, and the sources are merged in order. SQLite would sort
    // each source whole and then the union again, so there the union is sorted once.
    const perSource = isPostgres(strapi);
    const parts = branches.map((b): Knex.QueryBuilder => {
      const keys = branch(b, filters, 'keys');
      if (!perSource) return keys;
      return db
        .from(
          keys
            .orderByRaw('due_at NULLS LAST, received_at NULLS LAST, id')
            .limit(offset + pageSize)
            .as(`k${b.index}`)
        )
        .select('*');
    });
    const [first, ...rest] = parts;
    const keys = (await db
      .from((rest.length ? first.unionAll(rest) : first).as('q'))
      .select('src', 'id')
      .orderByRaw('due_at NULLS LAST, received_at NULLS LAST, src, id')
      .limit(pageSize)
      .offset(offset)) as { src: unknown; id: unknown }[];
    if (keys.length === 0) return [];
    const bySource = new Map<number, number[]>();
    for (const key of keys) {
      const src = Number(key.src);
      bySource.set(src, [...(bySource.get(src) ?? []), Number(key.id)]);
    }
    const details = await Promise.all(
      branches
        .filter((b) => bySource.has(b.index))
        .map((b) => branch(b, {}, true, bySource.get(b.index)))
    );
    const byKey = new Map(
      details
        .flat()
        .map((row: Record<string, unknown>) => [`${Number(row.src)}:${Number(row.id)}`, row])
    );
    return keys
      .map((key) => byKey.get(`${Number(key.src)}:${Number(key.id)}`))
      .filter((row): row is Record<string, unknown> => row !== undefined);
  };

  return {
    summaries,
    recountSummaries,

    /**
     * One page of a queue: its sources' rows in one UNION ALL query, sorted by due date (none
     * last), then reception (none last), then source and id so pages never overlap.
     */
    async page(
      queue: QueueDefinition,
      filters: QueueFilters,
      { page, pageSize }: { page: number; pageSize: number },
      now = new Date()
    ): Promise<GetQueue.Response> {
      const today = mexicoCityToday(now);
      const db = knex();
      const branches = branchesOf([queue]).filter(
        (b) => !filters.state || b.source.states.includes(filters.state)
      );

      const filtered = Object.values(filters).some((value) => value !== undefined);
      const [[summary], counted, rows] = await Promise.all([
        summaries([queue], now),
        // Unfiltered, the queue's own total is the page's total.
        filtered
          ? db
              .from(union(branches, filters, false))
              .count({ total: '*' })
              .first()
          : Promise.resolve(undefined),
        pageRows(branches, filters, { page, pageSize }),
      ]);
      const total = filtered
        ? toNumber((counted as { total?: unknown } | undefined)?.total)
        : summary.total;
      const records = rows as Record<string, unknown>[];
      const [assignees, settings] = await Promise.all([
        assigneesOf(records.map((row) => ({ uid: String(row.uid), id: Number(row.id) }))),
        getService('workflow', strapi).settings(),
      ]);

      const data: QueueItem[] = records.map((row) => {
        const workflow = row.workflow as WorkflowKey;
        const status = String(row.status);
        const dueAt = toDay(row.due_at);
        const isLate = toBool(row.is_late);
        const item: QueueItem = {
          uid: String(row.uid),
          workflow,
          workflowLabel: WORKFLOW_LABELS[workflow],
          documentId: String(row.document_id),
          title: String(row.title ?? ''),
          status,
          statusLabel: STATE_LABELS[workflow][status] ?? status,
          dueAt,
          receivedAt: toIso(row.received_at),
          statusChangedAt: toIso(row.status_changed_at),
          area: row.area_document_id
            ? {
                documentId: String(row.area_document_id),
                name: String(row.area_name),
                shortName: (row.area_short_name as string | null) ?? null,
                kind: row.area_kind as 'dependencia' | 'organismo_auxiliar' | 'presidencia',
              }
            : null,
          oficio: row.oficio_document_id
            ? { documentId: String(row.oficio_document_id), folio: String(row.folio ?? '') }
            : null,
          assignees: assignees.get(`${row.uid}:${row.id}`) ?? [],
          badges: queueBadges({
            dueAt,
            today,
            isLate,
            lateAccepted: Boolean(toIso(row.late_accepted_at)),
            waiting: WORKFLOWS[workflow].waitingStates.includes(status),
          }),
          warnings: itemWarnings(
            {
              workflow,
              status,
              leadTimeMet: row.lead_time_met === null ? null : toBool(row.lead_time_met),
              eventDate: toDay(row.event_date),
              earliestAllowedDate: toDay(row.earliest_allowed_date),
            },
            settings
          ),
        };
        if (workflow === 'design') {
          item.medium = (row.medium as string | null) ?? null;
          item.revisionRounds = row.revision_rounds === null ? null : toNumber(row.revision_rounds);
        }
        if (workflow === 'coverage-event') item.startsAt = toIso(row.starts_at);
        return item;
      });

      const pagination: Pagination = {
        page,
        pageSize,
        pageCount: Math.ceil(total / pageSize),
        total,
      };
      return {
        data,
        meta: {
          queue: summary,
          states: queueStates(queue).map(({ workflow, state }) => ({
            workflow,
            state,
            label: STATE_LABELS[workflow][state] ?? state,
          })),
          pagination,
        },
      };
    },

    /** The queue UNION as a derived table `q` (queue, uid, id, workflow, status, due_at). */
    countUnion(queues: readonly QueueDefinition[]) {
      return union(branchesOf(queues), {}, false);
    },

    tablesOf,
    link,
  };
};

export type QueuesService = ReturnType<typeof createQueuesService>;

export default createQueuesService;
