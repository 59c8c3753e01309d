import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  WORKFLOWS,
  WORKFLOW_UIDS,
  WORK_ITEM_KEYS,
  isDraftAndPublish,
  lockForTransaction,
  mexicoCityParts,
  sourceHolds,
  type QueueDefinition,
  type WorkflowKey,
} from '../app';
import { getPluginService } from '../utils/get-plugin-service';
import { toDay, toIso } from './queues';

const OFICIO_UID = WORKFLOW_UIDS.oficio;
const AREA_UID = 'api::area.area';
/** Rows per INSERT: well under SQLite's limit of bound values per statement. */
const CHUNK = 200;

/** What one document (an oficio or a work item) adds to the counters: a row of `counted_items`. */
export interface CountedKey {
  uid: string;
  document_id: string;
  /** The oficio it belongs to (an oficio's own id for an oficio), to find it when the oficio moves. */
  oficio_id: number | null;
  workflow: string;
  status: string;
  medium: string;
  area_kind: string;
  due_day: string;
  /** An oficio received late whose acceptance is pending. */
  late_pending: number;
  /** Mexico City day it closed ('' while open). */
  closed_day: string;
  on_time: number;
  area_id: number;
  /** Mexico City day its oficio was received (its own creation or reception without one). */
  received_day: string;
  rounds: number;
}

const QUEUE_KEY = ['workflow', 'status', 'medium', 'area_kind', 'due_day', 'late_pending'] as const;
const DELIVERED_KEY = ['closed_day', 'workflow', 'status', 'on_time'] as const;
const ROUNDS_KEY = ['received_day', 'area_id'] as const;
const ITEM_COLUMNS = [
  'oficio_id',
  'workflow',
  'status',
  'medium',
  'area_kind',
  'due_day',
  'late_pending',
  'closed_day',
  'on_time',
  'area_id',
  'received_day',
  'rounds',
] as const;

/** Per-day and per-key totals read back for the dashboard and the queue list. */
export interface QueueCountRow {
  queue: string;
  workflow: string;
  status: string;
  total: number;
  overdue: number;
  due_today: number;
  due_this_week: number;
}

const toNumber = (value: unknown) => Number(value ?? 0) || 0;
const toBool = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';
/** The Mexico City day of a stored instant ('' for none). */
const mexicoDay = (value: unknown) => {
  const iso = toIso(value);
  return iso ? mexicoCityParts(new Date(iso)).date : '';
};

/**
 * The counters behind the queue list and the dashboard (tables of the `queue-counters`
 * migration). A write of an oficio or a work item calls {@link reconcile} in its own transaction
 * (`src/document-middlewares/queue-counters.ts`): the document's counted key is read from what the
 * tables hold now, compared with what it added before, and the difference applied. On PostgreSQL
 * the adjustment holds the `counters` advisory lock until the transaction ends, and reads after
 * taking it, so concurrent writes (also from other instances) never count from a stale read.
 */
export const createCountersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const queues = () => getPluginService('queues', strapi);
  const schema = () => strapi.db.getSchemaName();
  const qualified = (name: string) => {
    const found = schema();
    return found ? `${found}.${name}` : name;
  };
  const table = (db: Knex, name: string) => db(qualified(name));
  /** Runs `fn` with the write's transaction (a new one when there is none). */
  const inTransaction = <T>(fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.transaction(({ trx }) => fn(trx as unknown as Knex.Transaction)) as Promise<T>;

  /**
   * The counted keys of documents of one workflow as the tables hold them now (all of them when
   * `documentIds` is null). Draft & publish types count their draft, as the queues do.
   */
  const keysOf = async (
    db: Knex,
    workflow: WorkflowKey,
    documentIds: readonly string[] | null
  ): Promise<CountedKey[]> => {
    const service = queues();
    const uid = WORKFLOW_UIDS[workflow];
    const item = service.tablesOf(uid);
    const oficio = service.tablesOf(OFICIO_UID);
    const areaLink = service.link(OFICIO_UID, 'area')!;
    const area = service.tablesOf(AREA_UID);
    const isOficio = workflow === 'oficio';
    const t = isOficio ? 'o' : 't';
    const c = (name: string) => (item.columns[name] ? `${t}.${item.columns[name]}` : null);
    const ref = (column: string | null) => (column ? db.ref(column) : db.raw('NULL'));

    const build = (ids: readonly string[] | null) => {
      const from = db.from({ [t]: qualified(item.table) });
      if (!isOficio && item.oficio) {
        from
          .leftJoin({ ol: qualified(item.oficio.table) }, `ol.${item.oficio.from}`, `${t}.id`)
          .leftJoin({ o: qualified(oficio.table) }, 'o.id', `ol.${item.oficio.to}`);
      }
      from.leftJoin({ al: qualified(areaLink.table) }, `al.${areaLink.from}`, 'o.id');
      if (item.organism) {
        // An advisory given informally has no oficio: its area is the organismo it is for.
        from
          .leftJoin({ gl: qualified(item.organism.table) }, `gl.${item.organism.from}`, `${t}.id`)
          .leftJoin(
            { a: qualified(area.table) },
            'a.id',
            db.raw(`COALESCE(al.${areaLink.to}, gl.${item.organism.to})`)
          );
      } else {
        from.leftJoin({ a: qualified(area.table) }, 'a.id', `al.${areaLink.to}`);
      }
      if (isDraftAndPublish(workflow)) from.whereNull(`${t}.published_at`);
      if (ids) from.whereIn(`${t}.document_id`, [...ids]);
      const own = item.columns.receivedAt ?? item.columns.createdAt;
      return from.select({
        document_id: `${t}.document_id`,
        status: c('workflowStatus')!,
        medium: ref(c('medium')),
        due_at: ref(c('dueAt')),
        closed_at: ref(c('closedAt')),
        rounds: ref(c('revisionRounds')),
        is_late: ref(isOficio ? c('isLate') : null),
        late_accepted_at: ref(isOficio ? c('lateAcceptedAt') : null),
        oficio_id: 'o.id',
        oficio_received_at: `o.${oficio.columns.receivedAt}`,
        own_received_at: `${t}.${own}`,
        area_id: 'a.id',
        area_kind: `a.${area.columns.kind}`,
      });
    };

    const rows: Record<string, unknown>[] = [];
    if (documentIds === null) rows.push(...((await build(null)) as Record<string, unknown>[]));
    else {
      for (let start = 0; start < documentIds.length; start += CHUNK) {
        const ids = documentIds.slice(start, start + CHUNK);
        if (ids.length) rows.push(...((await build(ids)) as Record<string, unknown>[]));
      }
    }

    const delivered = new Set(WORKFLOWS[workflow].closed);
    return rows.map((row): CountedKey => {
      const status = String(row.status ?? '');
      const dueDay = toDay(row.due_at) ?? '';
      const closedDay = delivered.has(status) ? mexicoDay(row.closed_at) : '';
      const rounds = workflow === 'design' ? toNumber(row.rounds) : 0;
      return {
        uid,
        document_id: String(row.document_id),
        oficio_id:
          row.oficio_id === null || row.oficio_id === undefined ? null : Number(row.oficio_id),
        workflow,
        status,
        medium: row.medium ? String(row.medium) : '',
        area_kind: row.area_kind ? String(row.area_kind) : '',
        due_day: dueDay,
        late_pending: isOficio && toBool(row.is_late) && !toIso(row.late_accepted_at) ? 1 : 0,
        closed_day: closedDay,
        // Closed by its due day, or without a due day to miss.
        on_time: closedDay && (!dueDay || closedDay <= dueDay) ? 1 : 0,
        area_id: toNumber(row.area_id),
        received_day: mexicoDay(row.oficio_received_at ?? row.own_received_at),
        rounds: rounds > 0 ? rounds : 0,
      };
    });
  };

  /** Net change of each counter row between what documents added before and what they add now. */
  class Deltas {
    queue = new Map<string, { key: Record<string, unknown>; n: number }>();
    delivered = new Map<string, { key: Record<string, unknown>; n: number }>();
    rounds = new Map<string, { key: Record<string, unknown>; designs: number; rounds: number }>();

    add(counted: CountedKey, sign: 1 | -1) {
      const pick = (names: readonly string[]) =>
        Object.fromEntries(names.map((name) => [name, counted[name as keyof CountedKey]]));
      const bump = (
        map: Map<string, { key: Record<string, unknown>; n: number }>,
        key: Record<string, unknown>
      ) => {
        const id = JSON.stringify(key);
        const entry = map.get(id) ?? { key, n: 0 };
        entry.n += sign;
        map.set(id, entry);
      };
      bump(this.queue, pick(QUEUE_KEY));
      // Every closed item is kept (whatever its state): what counts as delivered is read later.
      if (counted.closed_day) bump(this.delivered, pick(DELIVERED_KEY));
      if (counted.workflow === 'design' && counted.rounds > 0) {
        const key = pick(ROUNDS_KEY);
        const id = JSON.stringify(key);
        const entry = this.rounds.get(id) ?? { key, designs: 0, rounds: 0 };
        entry.designs += sign;
        entry.rounds += sign * counted.rounds;
        this.rounds.set(id, entry);
      }
    }
  }

  /** Applies the deltas: upserts adding to each row, then drops the rows left at zero. */
  const apply = async (trx: Knex.Transaction, deltas: Deltas) => {
    const upsert = async (
      name: string,
      keyColumns: readonly string[],
      entries: { key: Record<string, unknown>; values: Record<string, number> }[]
    ) => {
      const changed = entries.filter((entry) => Object.values(entry.values).some((v) => v !== 0));
      for (let start = 0; start < changed.length; start += CHUNK) {
        const chunk = changed.slice(start, start + CHUNK);
        const merge = Object.fromEntries(
          Object.keys(chunk[0].values).map((column) => [
            column,
            trx.raw(`${name}.${column} + excluded.${column}`),
          ])
        );
        await table(trx, name)
          .insert(chunk.map((entry) => ({ ...entry.key, ...entry.values })))
          .onConflict([...keyColumns])
          .merge(merge);
      }
      const lowered = changed.filter((entry) => Object.values(entry.values).some((v) => v < 0));
      for (const entry of lowered) {
        const first = Object.keys(entry.values)[0];
        await table(trx, name).where(entry.key).andWhere(first, '<=', 0).delete();
      }
    };
    await upsert(
      'queue_counters',
      QUEUE_KEY,
      [...deltas.queue.values()].map(({ key, n }) => ({ key, values: { n } }))
    );
    await upsert(
      'delivered_counters',
      DELIVERED_KEY,
      [...deltas.delivered.values()].map(({ key, n }) => ({ key, values: { n } }))
    );
    await upsert(
      'design_round_counters',
      ROUNDS_KEY,
      [...deltas.rounds.values()].map(({ key, designs, rounds }) => ({
        key,
        values: { designs, rounds },
      }))
    );
  };

  const sameKey = (a: CountedKey, b: Record<string, unknown>) =>
    ITEM_COLUMNS.every((column) => {
      const left = a[column];
      const right = b[column];
      if (column === 'oficio_id') {
        return (left === null ? null : Number(left)) === (right === null ? null : Number(right));
      }
      return typeof left === 'number' ? left === toNumber(right) : left === String(right ?? '');
    });

  const storedRow = (row: Record<string, unknown>): CountedKey => ({
    uid: String(row.uid),
    document_id: String(row.document_id),
    oficio_id: row.oficio_id === null || row.oficio_id === undefined ? null : Number(row.oficio_id),
    workflow: String(row.workflow),
    status: String(row.status),
    medium: String(row.medium ?? ''),
    area_kind: String(row.area_kind ?? ''),
    due_day: String(row.due_day ?? ''),
    late_pending: toNumber(row.late_pending),
    closed_day: String(row.closed_day ?? ''),
    on_time: toNumber(row.on_time),
    area_id: toNumber(row.area_id),
    received_day: String(row.received_day ?? ''),
    rounds: toNumber(row.rounds),
  });

  /**
   * Brings the counted keys of some documents of one workflow up to date; returns the keys
   * before and after of those that changed.
   */
  const reconcileDocuments = async (
    trx: Knex.Transaction,
    workflow: WorkflowKey,
    documentIds: readonly string[]
  ) => {
    const uid = WORKFLOW_UIDS[workflow];
    const current = new Map(
      (await keysOf(trx, workflow, documentIds)).map((key) => [key.document_id, key])
    );
    const stored = new Map<string, CountedKey>();
    for (let start = 0; start < documentIds.length; start += CHUNK) {
      const rows = (await table(trx, 'counted_items')
        .where('uid', uid)
        .whereIn('document_id', documentIds.slice(start, start + CHUNK))
        .select('*')) as Record<string, unknown>[];
      for (const row of rows) stored.set(String(row.document_id), storedRow(row));
    }
    const deltas = new Deltas();
    const changed: { before: CountedKey | null; after: CountedKey | null }[] = [];
    for (const documentId of new Set(documentIds)) {
      const before = stored.get(documentId) ?? null;
      const after = current.get(documentId) ?? null;
      if (before && after && sameKey(after, before as unknown as Record<string, unknown>)) continue;
      if (!before && !after) continue;
      if (before) deltas.add(before, -1);
      if (after) deltas.add(after, 1);
      if (before && !after) {
        await table(trx, 'counted_items').where({ uid, document_id: documentId }).delete();
      } else if (after) {
        const values = Object.fromEntries(ITEM_COLUMNS.map((column) => [column, after[column]]));
        await table(trx, 'counted_items')
          .insert({ uid, document_id: documentId, ...values })
          .onConflict(['uid', 'document_id'])
          .merge(values);
      }
      changed.push({ before, after });
    }
    await apply(trx, deltas);
    return changed;
  };

  /** The work items linked to these oficios now, or counted with them before. */
  const itemsOfOficios = async (trx: Knex.Transaction, oficioIds: number[]) => {
    const service = queues();
    const found = new Map<WorkflowKey, Set<string>>();
    const note = (workflow: WorkflowKey, documentId: string) => {
      const set = found.get(workflow) ?? new Set<string>();
      set.add(documentId);
      found.set(workflow, set);
    };
    if (oficioIds.length === 0) return found;
    for (const workflow of WORK_ITEM_KEYS) {
      const item = service.tablesOf(WORKFLOW_UIDS[workflow]);
      if (!item.oficio) continue;
      const rows = (await trx
        .from({ l: qualified(item.oficio.table) })
        .join({ t: qualified(item.table) }, 't.id', `l.${item.oficio.from}`)
        .whereIn(`l.${item.oficio.to}`, oficioIds)
        .distinct({ document_id: 't.document_id' })) as { document_id: string }[];
      for (const row of rows) note(workflow, String(row.document_id));
    }
    const counted = (await table(trx, 'counted_items')
      .whereIn('oficio_id', oficioIds)
      .whereNot('uid', OFICIO_UID)
      .select('workflow', 'document_id')) as { workflow: WorkflowKey; document_id: string }[];
    for (const row of counted) note(row.workflow, String(row.document_id));
    return found;
  };

  const service = {
    keysOf,

    /**
     * Brings the counters up to date with documents of `workflow` just written, in the write's
     * transaction. For oficios, their work items follow when what they take from the oficio
     * (its area, its reception) changed, or always with `cascade` (a relation changed from the
     * oficio's side).
     */
    async reconcile(
      workflow: WorkflowKey,
      documentIds: readonly string[],
      { cascade = false }: { cascade?: boolean } = {}
    ): Promise<void> {
      if (documentIds.length === 0) return;
      await inTransaction(async (trx) => {
        await lockForTransaction(strapi, 'counters');
        const changed = await reconcileDocuments(trx, workflow, documentIds);
        if (workflow !== 'oficio') return;
        const moved = cascade
          ? null
          : changed.filter(
              ({ before, after }) =>
                before &&
                after &&
                (before.area_kind !== after.area_kind ||
                  before.area_id !== after.area_id ||
                  before.received_day !== after.received_day)
            );
        if (moved && moved.length === 0) return;
        const oficioIds = cascade
          ? (
              (await table(trx, 'counted_items')
                .where('uid', OFICIO_UID)
                .whereIn('document_id', [...documentIds])
                .select('oficio_id')) as { oficio_id: unknown }[]
            ).map((row) => Number(row.oficio_id))
          : moved!.map(({ before, after }) => Number((after ?? before)!.oficio_id));
        const items = await itemsOfOficios(
          trx,
          oficioIds.filter((id) => Number.isFinite(id) && id > 0)
        );
        for (const [itemWorkflow, ids] of items) {
          await reconcileDocuments(trx, itemWorkflow, [...ids]);
        }
      });
    },

    /** Counts everything again from the items, in one transaction (rows written with SQL). */
    async rebuild(): Promise<void> {
      await inTransaction(async (trx) => {
        await lockForTransaction(strapi, 'counters');
        for (const name of [
          'counted_items',
          'queue_counters',
          'delivered_counters',
          'design_round_counters',
        ]) {
          await table(trx, name).delete();
        }
        const deltas = new Deltas();
        for (const workflow of ['oficio', ...WORK_ITEM_KEYS] as WorkflowKey[]) {
          const keys = await keysOf(trx, workflow, null);
          for (const key of keys) deltas.add(key, 1);
          for (let start = 0; start < keys.length; start += CHUNK) {
            await table(trx, 'counted_items').insert(keys.slice(start, start + CHUNK));
          }
        }
        await apply(trx, deltas);
      });
    },

    /** Fills the counters when they are empty but documents exist (a database from before them). */
    async ensure(): Promise<boolean> {
      const db = strapi.db.connection as unknown as Knex;
      const counted = await table(db, 'counted_items').first('uid');
      if (counted) return false;
      const oficios = await table(db, queues().tablesOf(OFICIO_UID).table).first('id');
      const advisories = await table(db, queues().tablesOf(WORKFLOW_UIDS.advisory).table).first(
        'id'
      );
      if (!oficios && !advisories) return false;
      await service.rebuild();
      return true;
    },

    /**
     * Counts per visible queue and state: total, overdue, due today and due by `weekEnd`; and
     * the same over distinct items (an item in two visible queues once).
     */
    async queueCounts(
      visible: readonly QueueDefinition[],
      today: string,
      weekEnd: string
    ): Promise<{
      rows: QueueCountRow[];
      distinct: Omit<QueueCountRow, 'queue' | 'workflow' | 'status'>;
    }> {
      const distinct = { total: 0, overdue: 0, due_today: 0, due_this_week: 0 };
      if (visible.length === 0) return { rows: [], distinct };
      const db = strapi.db.connection as unknown as Knex;
      const wanted = new Map<string, Set<string>>();
      for (const source of visible.flatMap((queue) => queue.sources)) {
        const states = wanted.get(source.workflow) ?? new Set<string>();
        for (const state of source.states) states.add(state);
        wanted.set(source.workflow, states);
      }
      const sum = (condition: string, bindings: string[]) =>
        db.raw(`SUM(CASE WHEN ${condition} THEN n ELSE 0 END)`, bindings);
      const groups = (await table(db, 'queue_counters')
        .where((where) => {
          for (const [workflow, states] of wanted) {
            where.orWhere((w) => w.where('workflow', workflow).whereIn('status', [...states]));
          }
        })
        .groupBy('workflow', 'status', 'medium', 'area_kind')
        .select('workflow', 'status', 'medium', 'area_kind')
        .sum({ total: 'n' })
        .select({
          overdue: sum("due_day <> '' AND due_day < ?", [today]),
          due_today: sum('due_day = ?', [today]),
          due_this_week: sum('due_day >= ? AND due_day <= ?', [today, weekEnd]),
        })) as Record<string, unknown>[];

      const rows = new Map<string, QueueCountRow>();
      for (const group of groups) {
        const facts = {
          workflow: String(group.workflow) as WorkflowKey,
          status: String(group.status),
          medium: String(group.medium ?? ''),
          areaKind: String(group.area_kind ?? ''),
        };
        const figures = {
          total: toNumber(group.total),
          overdue: toNumber(group.overdue),
          due_today: toNumber(group.due_today),
          due_this_week: toNumber(group.due_this_week),
        };
        let held = false;
        for (const queue of visible) {
          for (const source of queue.sources) {
            if (!sourceHolds(source, facts)) continue;
            held = true;
            const id = `${queue.key}\u0000${facts.workflow}\u0000${facts.status}`;
            const row = rows.get(id) ?? {
              queue: queue.key,
              workflow: facts.workflow,
              status: facts.status,
              total: 0,
              overdue: 0,
              due_today: 0,
              due_this_week: 0,
            };
            row.total += figures.total;
            row.overdue += figures.overdue;
            row.due_today += figures.due_today;
            row.due_this_week += figures.due_this_week;
            rows.set(id, row);
          }
        }
        if (held) {
          distinct.total += figures.total;
          distinct.overdue += figures.overdue;
          distinct.due_today += figures.due_today;
          distinct.due_this_week += figures.due_this_week;
        }
      }
      return { rows: [...rows.values()], distinct };
    },

    /** Open oficios received late whose acceptance is still pending. */
    async lateAwaitingAcceptance(): Promise<number> {
      const db = strapi.db.connection as unknown as Knex;
      const row = (await table(db, 'queue_counters')
        .where({ workflow: 'oficio', late_pending: 1 })
        .whereNotIn('status', [...WORKFLOWS.oficio.closed])
        .sum({ total: 'n' })
        .first()) as { total?: unknown } | undefined;
      return toNumber(row?.total);
    },

    /** Delivered work per Mexico City day in [from, to), and how much of it on time. */
    async delivered(from: string, to: string, deliveredStates: (w: WorkflowKey) => string[]) {
      const db = strapi.db.connection as unknown as Knex;
      const rows = (await table(db, 'delivered_counters')
        .where('closed_day', '>=', from)
        .andWhere('closed_day', '<', to)
        // The throughput is the work items' (an oficio closes when its items are done).
        .whereIn('workflow', [...WORK_ITEM_KEYS])
        .groupBy('closed_day', 'workflow', 'status', 'on_time')
        .select('closed_day', 'workflow', 'status', 'on_time')
        .sum({ n: 'n' })) as Record<string, unknown>[];
      return rows
        .filter((row) =>
          deliveredStates(String(row.workflow) as WorkflowKey).includes(String(row.status))
        )
        .map((row) => ({
          day: String(row.closed_day),
          onTime: toNumber(row.on_time) === 1,
          n: toNumber(row.n),
        }));
    },

    /** Designs sent for review, and their rounds, per requesting area since a reception day. */
    async revisionRounds(from: string) {
      const db = strapi.db.connection as unknown as Knex;
      const area = queues().tablesOf(AREA_UID);
      return (await db
        .from({ r: qualified('design_round_counters') })
        .leftJoin({ a: qualified(area.table) }, 'a.id', 'r.area_id')
        .where('r.received_day', '>=', from)
        .groupBy('r.area_id', `a.${area.columns.name}`)
        .select({ area: `a.${area.columns.name}` })
        .sum({ designs: 'r.designs', rounds: 'r.rounds' })) as {
        area: string | null;
        designs: unknown;
        rounds: unknown;
      }[];
    },
  };
  return service;
};

export type CountersService = ReturnType<typeof createCountersService>;

export default createCountersService;
