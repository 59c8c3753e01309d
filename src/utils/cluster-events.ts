import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { Client } from 'pg';
import { dedicatedClientConfig, isPostgres } from './postgres-client';

/**
 * What an instance keeps in memory and another instance's writes can make stale:
 * - `site`: the public response cache (published web publications, transparency documents,
 *   surveys);
 * - `calendar`: the business calendar with the office settings it carries (lead times, cutoff,
 *   blackout periods);
 * - `staff-permissions`: the staff members' compiled abilities (admin roles' permissions).
 */
export type ClusterTopic = 'site' | 'calendar' | 'staff-permissions';

export const CLUSTER_TOPICS: readonly ClusterTopic[] = ['site', 'calendar', 'staff-permissions'];

/** The one PostgreSQL channel every instance listens on. */
export const CLUSTER_CHANNEL = 'comunicacion_events';

/** How an instance's listening connection shows in `pg_stat_activity`: with its process id. */
export const listenerApplicationName = (pid = process.pid) => `comunicacion-events ${pid}`;

export interface ClusterMessage {
  topic: ClusterTopic;
  /** The instance that sent it: it has already delivered the message to itself. */
  origin: string;
}

export const encodeMessage = (message: ClusterMessage) =>
  JSON.stringify({ topic: message.topic, origin: message.origin });

/** The message in a notification's payload, or null for anything this version does not know. */
export const decodeMessage = (payload: string | undefined | null): ClusterMessage | null => {
  if (!payload) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const { topic, origin } = value as Record<string, unknown>;
  if (typeof origin !== 'string' || !CLUSTER_TOPICS.includes(topic as ClusterTopic)) return null;
  return { topic: topic as ClusterTopic, origin };
};

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 10_000;

/** Wait before reconnection attempt `attempt` (0, 1, …): doubling from 100 ms up to 10 s. */
export const reconnectDelay = (attempt: number) =>
  Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(attempt, 20)));

type Handler = () => void;

/**
 * Invalidations shared by every instance on one PostgreSQL database, over `LISTEN/NOTIFY` (no
 * server of its own). A publish is delivered to this instance at once and, when it runs inside a
 * transaction, again when that transaction ends (a cache refilled meanwhile may hold what it
 * wrote or undid); other instances get it through `pg_notify` sent in the same transaction, which
 * PostgreSQL delivers only at commit, so they never reload before the change is visible. Each
 * instance listens on a connection of its own, reconnects with backoff when it drops and, having
 * possibly missed messages, then invalidates everything. On SQLite (one instance by design) the
 * delivery is local only.
 */
export const createClusterEvents = (strapi: Core.Strapi) => {
  const origin = crypto.randomUUID();
  const handlers = new Map<ClusterTopic, Set<Handler>>();
  let listener: Client | null = null;
  let listenerPid: number | null = null;
  let attempt = 0;
  let connects = 0;
  let retry: NodeJS.Timeout | null = null;
  let started = false;
  let closed = false;

  const deliver = (topic: ClusterTopic) => {
    for (const handler of handlers.get(topic) ?? []) {
      try {
        handler();
      } catch (error) {
        strapi.log.error(`Aviso entre instancias «${topic}»: ${String(error)}`);
      }
    }
  };
  const deliverAll = () => CLUSTER_TOPICS.forEach(deliver);

  const lost = (client: Client, error?: unknown) => {
    if (client !== listener) return;
    listener = null;
    listenerPid = null;
    client.end().catch(() => undefined);
    if (closed) return;
    strapi.log.warn(
      `Se perdió la conexión que escucha los avisos de las otras instancias${error ? ` (${String(error)})` : ''}; se reintenta.`
    );
    scheduleRetry();
  };

  const connect = async () => {
    const settings = dedicatedClientConfig(strapi, {
      application_name: listenerApplicationName(),
    });
    if (!settings) return;
    const client = new Client(settings);
    // Errors of a live connection arrive as events; without a handler they would crash the process.
    let ended = false;
    client.on('error', (error) => {
      ended = true;
      lost(client, error);
    });
    client.on('end', () => {
      ended = true;
      lost(client);
    });
    client.on('notification', ({ channel, payload }) => {
      if (channel !== CLUSTER_CHANNEL) return;
      const message = decodeMessage(payload);
      if (message && message.origin !== origin) deliver(message.topic);
    });
    let pid: number;
    try {
      await client.connect();
      await client.query(`LISTEN ${CLUSTER_CHANNEL}`);
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      pid = rows[0].pid;
      if (ended) throw new Error('la conexión se cerró al abrirse');
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await client.end().catch(() => undefined);
      return;
    }
    listener = client;
    listenerPid = pid;
    attempt = 0;
    connects += 1;
    // Whatever was sent while nobody listened is lost: everything is read again.
    deliverAll();
  };

  const scheduleRetry = () => {
    if (closed || retry) return;
    const delay = reconnectDelay(attempt);
    attempt += 1;
    retry = setTimeout(() => {
      retry = null;
      connect().catch((error: unknown) => {
        if (closed) return;
        strapi.log.warn(`No se pudo escuchar los avisos de las otras instancias: ${String(error)}`);
        scheduleRetry();
      });
    }, delay);
  };

  return {
    /** Runs `handler` whenever `topic` is published, here or on another instance. */
    subscribe(topic: ClusterTopic, handler: Handler) {
      const set = handlers.get(topic) ?? new Set<Handler>();
      set.add(handler);
      handlers.set(topic, set);
      return () => set.delete(handler);
    },

    /**
     * Tells every instance that what `topic` names changed. Inside a transaction the notice to
     * the others is part of it: sent at commit, never on rollback.
     */
    async publish(topic: ClusterTopic) {
      deliver(topic);
      const payload = encodeMessage({ topic, origin });
      if (strapi.db.inTransaction()) {
        await strapi.db.transaction(async ({ trx, onCommit, onRollback }) => {
          onCommit(() => deliver(topic));
          onRollback(() => deliver(topic));
          if (isPostgres(strapi)) {
            await (trx as unknown as Knex.Transaction).raw('SELECT pg_notify(?, ?)', [
              CLUSTER_CHANNEL,
              payload,
            ]);
          }
        });
        return;
      }
      if (!isPostgres(strapi)) return;
      try {
        await strapi.db.connection.raw('SELECT pg_notify(?, ?)', [CLUSTER_CHANNEL, payload]);
      } catch (error) {
        // The change is written; the other instances pick it up when their copies expire.
        strapi.log.warn(`No se pudo avisar a las otras instancias («${topic}»): ${String(error)}`);
      }
    },

    /** Starts listening (PostgreSQL only); keeps retrying in the background if it cannot yet. */
    async start() {
      if (started || closed || !isPostgres(strapi)) return;
      started = true;
      try {
        await connect();
      } catch (error) {
        strapi.log.warn(`No se pudo escuchar los avisos de las otras instancias: ${String(error)}`);
        scheduleRetry();
      }
    },

    /** Stops listening and retrying (Strapi's destroy). */
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      retry = null;
      const client = listener;
      listener = null;
      listenerPid = null;
      await client?.end().catch(() => undefined);
    },

    /** Whether this instance listens now, on which backend, and how many times it connected. */
    status() {
      return { listening: listener !== null, pid: listenerPid, connects, origin };
    },
  };
};

export type ClusterEvents = ReturnType<typeof createClusterEvents>;

const buses = new WeakMap<Core.Strapi, ClusterEvents>();

/** The bus of this Strapi instance. */
export const clusterEvents = (strapi: Core.Strapi): ClusterEvents => {
  let bus = buses.get(strapi);
  if (!bus) {
    bus = createClusterEvents(strapi);
    buses.set(strapi, bus);
  }
  return bus;
};
