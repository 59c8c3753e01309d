import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  STATE_LABELS,
  WORKFLOWS,
  WORKFLOW_LABELS,
  WORKFLOW_UIDS,
  addCalendarDays,
  WORK_ITEM_KEYS,
  deliveredStates,
  isDraftAndPublish,
  queuesOverlap,
  startOfMexicoCityDay,
  sundayOf,
  weekStarts,
  type QueueDefinition,
  type WorkflowKey,
  isPostgres,
} from '../app';
import type { GetDashboard } from '../../../shared/contracts/dashboard';
import { getPluginService } from '../utils/get-plugin-service';
import { mexicoCityToday } from './queues';

const DAY_MS = 86_400_000;

type WorkItemKey = Exclude<WorkflowKey, 'oficio'>;

/** One requesting area's figures over a period (the dashboard's export). */
export interface AreaFigures {
  area: string;
  /** Oficios received in the period, and how many of them late. */
  oficios: number;
  lateOficios: number;
  /** Services requested in those oficios, per workflow key. */
  requested: Record<string, number>;
  /** Services delivered in the period, and how many on or before their due date. */
  delivered: number;
  deliveredOnTime: number;
  /** Designs of the period sent for review at least once, and their revision rounds. */
  reviewedDesigns: number;
  revisionRounds: number;
}

const toNumber = (value: unknown) => Number(value ?? 0) || 0;

/** The server's own time zone: PostgreSQL `timestamp` columns hold its wall-clock time. */
const serverTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const createDashboardService = ({ strapi }: { strapi: Core.Strapi }) => {
  const queues = () => getPluginService('queues', strapi);
  const knex = (): Knex => strapi.db.connection as unknown as Knex;

  /**
   * 1 when an item closed on or before its due date (Mexico City day), else 0. Items without a
   * due date had no deadline to miss.
   */
  const onTimeSql = (closedAt: string, dueAt: string): Knex.Raw =>
    isPostgres(strapi)
      ? knex().raw(
          `CASE WHEN ${dueAt} IS NULL OR ` +
            `CAST((${closedAt} AT TIME ZONE ?) AT TIME ZONE 'America/Mexico_City' AS DATE) <= ${dueAt} ` +
            'THEN 1 ELSE 0 END',
          [serverTimeZone()]
        )
      : // SQLite keeps date-times as epoch milliseconds; Mexico City is UTC-6 all year.
        knex().raw(
          `CASE WHEN ${dueAt} IS NULL OR ` +
            `date(${closedAt} / 1000, 'unixepoch', '-6 hours') <= ${dueAt} THEN 1 ELSE 0 END`
        );

  /** Week index (0 = oldest) of an instant column, from the weeks' start instants. */
  const weekIndexSql = (column: string, starts: Date[]): Knex.Raw =>
    knex().raw(
      `CASE ${starts
        .slice(1)
        .map((_, index) => `WHEN ${column} < ? THEN ${index}`)
        .join(' ')} ELSE ${starts.length - 1} END`,
      starts.slice(1)
    );

  /** Closed work per week: one branch per work-item table, grouped once. */
  const throughput = async (starts: Date[], end: Date) => {
    const db = knex();
    const branches = WORK_ITEM_KEYS.map((workflow) => {
      const tables = queues().tablesOf(WORKFLOW_UIDS[workflow]);
      const col = (name: string) => `t.${tables.columns[name]}`;
      const query = db
        .from({ t: tables.table })
        .select({
          week: weekIndexSql(col('closedAt'), starts),
          on_time: onTimeSql(col('closedAt'), col('dueAt')),
        })
        .where(col('closedAt'), '>=', starts[0])
        .andWhere(col('closedAt'), '<', end)
        .whereIn(col('workflowStatus'), deliveredStates(workflow));
      if (isDraftAndPublish(workflow)) query.whereNull('t.published_at');
      return query;
    });
    const [first, ...rest] = branches;
    return (await db
      .from(first.unionAll(rest).as('c'))
      .select('week')
      .count({ closed: '*' })
      .sum({ on_time: 'on_time' })
      .groupBy('week')) as { week: unknown; closed: unknown; on_time: unknown }[];
  };

  /** Designs and revision rounds per requesting area, for designs received since `since`. */
  const revisionRounds = async (since: Date) => {
    const db = knex();
    const service = queues();
    const design = service.tablesOf(WORKFLOW_UIDS.design);
    const oficio = service.tablesOf(WORKFLOW_UIDS.oficio);
    const area = service.tablesOf('api::area.area');
    const areaLink = service.link(WORKFLOW_UIDS.oficio, 'area')!;
    const oficioLink = design.oficio!;
    return (
      (await db
        .from({ d: design.table })
        .leftJoin({ ol: oficioLink.table }, `ol.${oficioLink.from}`, 'd.id')
        .leftJoin({ o: oficio.table }, 'o.id', `ol.${oficioLink.to}`)
        .leftJoin({ al: areaLink.table }, `al.${areaLink.from}`, 'o.id')
        .leftJoin({ a: area.table }, 'a.id', `al.${areaLink.to}`)
        .whereRaw(`COALESCE(o.${oficio.columns.receivedAt}, d.${design.columns.createdAt}) >= ?`, [
          since,
        ])
        // Only designs sent for review at least once: one never sent has no rounds to average.
        .where(`d.${design.columns.revisionRounds}`, '>', 0)
        .groupBy(`a.${area.columns.name}`)
        .orderBy(`a.${area.columns.name}`)
        .select({ area: `a.${area.columns.name}` })
        .count({ designs: '*' })
        .select(
          db.raw(`SUM(COALESCE(d.${design.columns.revisionRounds}, 0)) AS rounds`) as never
        )) as { area: string | null; designs: unknown; rounds: unknown }[]
    );
  };

  /** Open oficios received late whose acceptance is still pending. */
  const lateAwaitingAcceptance = async () => {
    const oficio = queues().tablesOf(WORKFLOW_UIDS.oficio);
    const row = await knex()
      .from(oficio.table)
      .whereNotIn(oficio.columns.workflowStatus, [...WORKFLOWS.oficio.closed])
      .where(oficio.columns.isLate, true)
      .whereNull(oficio.columns.lateAcceptedAt)
      .count({ total: '*' })
      .first();
    return toNumber((row as { total?: unknown } | undefined)?.total);
  };

  /**
   * One work-item table joined to its requesting area: `area_id` (an advisory given informally
   * has no oficio: its area is the organismo it is for) and `received` (the oficio's reception).
   */
  const areaBranch = (workflow: WorkItemKey) => {
    const db = knex();
    const service = queues();
    const item = service.tablesOf(WORKFLOW_UIDS[workflow]);
    const oficio = service.tablesOf(WORKFLOW_UIDS.oficio);
    const areaLink = service.link(WORKFLOW_UIDS.oficio, 'area')!;
    const link = item.oficio!;
    const query = db
      .from({ t: item.table })
      .leftJoin({ ol: link.table }, `ol.${link.from}`, 't.id')
      .leftJoin({ o: oficio.table }, 'o.id', `ol.${link.to}`)
      .leftJoin({ al: areaLink.table }, `al.${areaLink.from}`, 'o.id');
    let areaId = `al.${areaLink.to}`;
    if (item.organism) {
      query.leftJoin({ gl: item.organism.table }, `gl.${item.organism.from}`, 't.id');
      areaId = `COALESCE(al.${areaLink.to}, gl.${item.organism.to})`;
    }
    if (isDraftAndPublish(workflow)) query.whereNull('t.published_at');
    const own = item.columns.receivedAt ?? item.columns.createdAt;
    return {
      query,
      areaId,
      received: `COALESCE(o.${oficio.columns.receivedAt}, t.${own})`,
      col: (name: string) => `t.${item.columns[name]}`,
    };
  };

  /**
   * Figures per requesting area over a period (Mexico City days, inclusive): oficios received and
   * how many late, services requested in them per workflow, services delivered in the period and
   * how many on time, and the revision rounds of the period's designs sent for review.
   */
  const areaFigures = async (from: string, to: string): Promise<AreaFigures[]> => {
    const db = knex();
    const start = startOfMexicoCityDay(from);
    const end = startOfMexicoCityDay(addCalendarDays(to, 1));
    const service = queues();
    const oficio = service.tablesOf(WORKFLOW_UIDS.oficio);
    const areaLink = service.link(WORKFLOW_UIDS.oficio, 'area')!;
    const oc = (name: string) => `o.${oficio.columns[name]}`;

    const requested = WORK_ITEM_KEYS.map((workflow) => {
      const branch = areaBranch(workflow);
      return branch.query
        .select({
          area_id: db.raw(branch.areaId),
          workflow: db.raw('CAST(? AS VARCHAR(255))', [workflow]),
        })
        .whereRaw(`${branch.received} >= ? AND ${branch.received} < ?`, [start, end]);
    });
    const delivered = WORK_ITEM_KEYS.map((workflow) => {
      const branch = areaBranch(workflow);
      return branch.query
        .select({
          area_id: db.raw(branch.areaId),
          on_time: onTimeSql(branch.col('closedAt'), branch.col('dueAt')),
        })
        .where(branch.col('closedAt'), '>=', start)
        .andWhere(branch.col('closedAt'), '<', end)
        .whereIn(branch.col('workflowStatus'), deliveredStates(workflow));
    });
    const design = areaBranch('design');
    const [oficios, items, closed, rounds, areas] = await Promise.all([
      db
        .from({ o: oficio.table })
        .leftJoin({ al: areaLink.table }, `al.${areaLink.from}`, 'o.id')
        .where(oc('receivedAt'), '>=', start)
        .andWhere(oc('receivedAt'), '<', end)
        .groupBy(`al.${areaLink.to}`)
        .select({ area_id: `al.${areaLink.to}` })
        .count({ total: '*' })
        .select(
          db.raw(`SUM(CASE WHEN ${oc('isLate')} = ? THEN 1 ELSE 0 END) AS late`, [true]) as never
        ) as Promise<{ area_id: unknown; total: unknown; late: unknown }[]>,
      db
        .from(requested[0].unionAll(requested.slice(1)).as('r'))
        .select('area_id', 'workflow')
        .count({ total: '*' })
        .groupBy('area_id', 'workflow') as Promise<
        { area_id: unknown; workflow: string; total: unknown }[]
      >,
      db
        .from(delivered[0].unionAll(delivered.slice(1)).as('c'))
        .select('area_id')
        .count({ total: '*' })
        .sum({ on_time: 'on_time' })
        .groupBy('area_id') as Promise<{ area_id: unknown; total: unknown; on_time: unknown }[]>,
      design.query
        .whereRaw(`${design.received} >= ? AND ${design.received} < ?`, [start, end])
        .where(design.col('revisionRounds'), '>', 0)
        .groupBy(db.raw(design.areaId) as never)
        .select({ area_id: db.raw(design.areaId) })
        .count({ total: '*' })
        .sum({ rounds: design.col('revisionRounds') }) as Promise<
        { area_id: unknown; total: unknown; rounds: unknown }[]
      >,
      strapi.db.query('api::area.area').findMany({ select: ['id', 'name'] }) as Promise<
        { id: number; name: string }[]
      >,
    ]);

    const key = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
    const figures = new Map<number, AreaFigures>();
    const names = new Map(areas.map((area) => [area.id, area.name]));
    const entry = (value: unknown) => {
      const id = key(value);
      let found = figures.get(id);
      if (!found) {
        found = {
          area: names.get(id) ?? 'Sin área',
          oficios: 0,
          lateOficios: 0,
          requested: Object.fromEntries(WORK_ITEM_KEYS.map((workflow) => [workflow, 0])),
          delivered: 0,
          deliveredOnTime: 0,
          reviewedDesigns: 0,
          revisionRounds: 0,
        };
        figures.set(id, found);
      }
      return found;
    };
    for (const row of oficios) {
      const area = entry(row.area_id);
      area.oficios = toNumber(row.total);
      area.lateOficios = toNumber(row.late);
    }
    for (const row of items) entry(row.area_id).requested[row.workflow] = toNumber(row.total);
    for (const row of closed) {
      const area = entry(row.area_id);
      area.delivered = toNumber(row.total);
      area.deliveredOnTime = toNumber(row.on_time);
    }
    for (const row of rounds) {
      const area = entry(row.area_id);
      area.reviewedDesigns = toNumber(row.total);
      area.revisionRounds = toNumber(row.rounds);
    }
    return [...figures.values()].sort((a, b) => a.area.localeCompare(b.area, 'es'));
  };

  return {
    areaFigures,

    /**
     * The Tablero over the given (visible) queues, read from the counters every write keeps
     * (`counters` service): a few small grouped reads whatever the number of items.
     */
    async summary(
      visible: readonly QueueDefinition[],
      weeks: number,
      now = new Date()
    ): Promise<GetDashboard.Response['data']> {
      const period = periodOf(weeks, now);
      const { today, weekEnd, mondays } = period;
      const counters = getPluginService('counters', strapi);
      const end = addCalendarDays(mondays[mondays.length - 1], 7);
      const [counted, delivered, rounds, late] = await Promise.all([
        counters.queueCounts(visible, today, weekEnd),
        counters.delivered(mondays[0], end, deliveredStates),
        counters.revisionRounds(mondays[0]),
        counters.lateAwaitingAcceptance(),
      ]);
      const closed = mondays.map((monday, week) => {
        const next = addCalendarDays(monday, 7);
        const days = delivered.filter((row) => row.day >= monday && row.day < next);
        return {
          week,
          closed: days.reduce((total, row) => total + row.n, 0),
          on_time: days.reduce((total, row) => total + (row.onTime ? row.n : 0), 0),
        };
      });
      return present({
        visible,
        period,
        byState: counted.rows as unknown as Record<string, unknown>[],
        totals: counted.distinct,
        closed,
        rounds,
        late,
      });
    },

    /**
     * The same Tablero aggregated from every item with SQL on each call: what the counters must
     * always equal (the tests compare them after random writes).
     */
    async recount(
      visible: readonly QueueDefinition[],
      weeks: number,
      now = new Date()
    ): Promise<GetDashboard.Response['data']> {
      const db = knex();
      const period = periodOf(weeks, now);
      const { today, weekEnd, mondays } = period;
      const starts = mondays.map(startOfMexicoCityDay);
      const end = new Date(starts[starts.length - 1].getTime() + 7 * DAY_MS);
      const union = () => queues().countUnion(visible);
      const flag = (condition: string, bindings: string[]) =>
        db.raw(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`, bindings);

      const [byState, totals, closed, rounds, late] = await Promise.all([
        visible.length
          ? (db
              .from(union())
              .select('queue', 'workflow', 'status')
              .count({ total: '*' })
              .select({
                overdue: flag('due_at < ?', [today]),
                due_today: flag('due_at = ?', [today]),
                due_this_week: flag('due_at >= ? AND due_at <= ?', [today, weekEnd]),
              })
              .groupBy('queue', 'workflow', 'status') as Promise<Record<string, unknown>[]>)
          : Promise.resolve([] as Record<string, unknown>[]),
        // Totals count each item once; when no item can sit in two visible queues they are the
        // sums of the per-state counts and the second pass over the queues is skipped.
        visible.length && queuesOverlap(visible)
          ? (db
              .from(db.from(union()).distinct('uid', 'id', 'due_at').as('d'))
              .count({ total: '*' })
              .select({
                overdue: flag('due_at < ?', [today]),
                due_today: flag('due_at = ?', [today]),
                due_this_week: flag('due_at >= ? AND due_at <= ?', [today, weekEnd]),
              })
              .first() as Promise<Record<string, unknown> | undefined>)
          : Promise.resolve(undefined),
        throughput(starts, end),
        revisionRounds(starts[0]),
        lateAwaitingAcceptance(),
      ]);
      return present({ visible, period, byState, totals, closed, rounds, late });
    },
  };
};

/** The dashboard's period: today, the end of this week and the Mondays of the weeks shown. */
const periodOf = (weeks: number, now: Date) => {
  const today = mexicoCityToday(now);
  return { today, weekEnd: sundayOf(today), mondays: weekStarts(today, weeks) };
};

/** What the Tablero is built from, however it was counted. */
interface Figures {
  visible: readonly QueueDefinition[];
  period: ReturnType<typeof periodOf>;
  /** Per queue, workflow and state: total, overdue, due_today, due_this_week. */
  byState: Record<string, unknown>[];
  /** The same over distinct items; when absent, the sums of `byState`. */
  totals: Record<string, unknown> | undefined;
  /** Per week index (0 = oldest): closed and on_time. */
  closed: { week: unknown; closed: unknown; on_time: unknown }[];
  rounds: { area: string | null; designs: unknown; rounds: unknown }[];
  late: number;
}

/** The Tablero's response from its figures. */
const present = ({
  visible,
  period,
  byState,
  totals,
  closed,
  rounds,
  late,
}: Figures): GetDashboard.Response['data'] => {
  const { today, weekEnd, mondays } = period;
  const queueCounts: GetDashboard.QueueCounts[] = visible.map((queue) => {
    const rows = byState.filter((row) => row.queue === queue.key);
    const sum = (key: string) => rows.reduce((total, row) => total + toNumber(row[key]), 0);
    return {
      key: queue.key,
      label: queue.label,
      total: sum('total'),
      overdue: sum('overdue'),
      dueToday: sum('due_today'),
      byState: queue.sources.flatMap((source) =>
        source.states.map((state) => ({
          workflow: source.workflow,
          workflowLabel: WORKFLOW_LABELS[source.workflow],
          state,
          label: STATE_LABELS[source.workflow][state] ?? state,
          count: toNumber(
            rows.find((row) => row.workflow === source.workflow && row.status === state)?.total
          ),
        }))
      ),
    };
  });

  /** The one visible queue whose rows have `key` counted, if exactly one does. */
  const onlyQueue = (key: string) => {
    const holding = visible.filter((queue) =>
      byState.some((row) => row.queue === queue.key && toNumber(row[key]) > 0)
    );
    return holding.length === 1 ? holding[0].key : null;
  };
  const links: GetDashboard.Response['data']['links'] = {
    open: { queueKey: onlyQueue('total'), query: {} },
    overdue: { queueKey: onlyQueue('overdue'), query: { dueTo: addCalendarDays(today, -1) } },
    dueToday: { queueKey: onlyQueue('due_today'), query: { dueFrom: today, dueTo: today } },
    dueThisWeek: {
      queueKey: onlyQueue('due_this_week'),
      query: { dueFrom: today, dueTo: weekEnd },
    },
    // A late oficio waits for acceptance before any of its work starts: in Recepción.
    lateAwaitingAcceptance: {
      queueKey: visible.some((queue) => queue.key === 'recepcion') ? 'recepcion' : null,
      query: {},
    },
  };

  const weekly = mondays.map((weekStart, index) => {
    const row = closed.find((r) => toNumber(r.week) === index);
    const count = toNumber(row?.closed);
    const onTime = toNumber(row?.on_time);
    return { weekStart, closed: count, onTime, late: count - onTime };
  });
  const closedTotal = weekly.reduce((total, week) => total + week.closed, 0);
  const onTimeTotal = weekly.reduce((total, week) => total + week.onTime, 0);

  // Areas by name (two areas of one name are one line), in Spanish alphabetical order.
  const byArea = new Map<string, { designs: number; rounds: number }>();
  for (const row of rounds) {
    const name = row.area ?? 'Sin área';
    const entry = byArea.get(name) ?? { designs: 0, rounds: 0 };
    entry.designs += toNumber(row.designs);
    entry.rounds += toNumber(row.rounds);
    byArea.set(name, entry);
  }

  const sumOf = (key: string) => byState.reduce((total, row) => total + toNumber(row[key]), 0);
  const counted = totals ?? {
    total: sumOf('total'),
    overdue: sumOf('overdue'),
    due_today: sumOf('due_today'),
    due_this_week: sumOf('due_this_week'),
  };

  return {
    today,
    weekEnd,
    queues: queueCounts,
    totals: {
      open: toNumber(counted.total),
      overdue: toNumber(counted.overdue),
      dueToday: toNumber(counted.due_today),
      dueThisWeek: toNumber(counted.due_this_week),
      lateAwaitingAcceptance: late,
    },
    links,
    throughput: weekly,
    onTimePercentage:
      closedTotal === 0 ? null : Math.round((1000 * onTimeTotal) / closedTotal) / 10,
    revisionRoundsByArea: [...byArea.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'es'))
      .map(([area, { designs, rounds: total }]) => ({
        area,
        designs,
        rounds: total,
        average: designs === 0 ? 0 : Math.round((100 * total) / designs) / 100,
      })),
  };
};

export type DashboardService = ReturnType<typeof createDashboardService>;

export default createDashboardService;
