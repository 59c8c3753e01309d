import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * PostgreSQL advisory locks of the app: one key space, one key per kind of work that must run on
 * one instance at a time. SQLite needs none of them: a transaction there has the database to itself
 * (one connection, one writer).
 */
const LOCK_SPACE = 0x43414c49; // "CALI"

export const ADVISORY_LOCKS = {
  /** Changes to a coverage's crew, start or end: an overlap spans oficios. */
  crew: 1,
  /** Writing a year's LFT days and the list of generated years. */
  calendar: 2,
  /** First start of an instance: Strapi's migrations, schema sync and the app's seeding. */
  boot: 3,
  /** The queue and dashboard counters: each write adjusts them from what is committed. */
  counters: 4,
} as const;

export type AdvisoryLock = keyof typeof ADVISORY_LOCKS;

export const usesAdvisoryLocks = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** The locks each open transaction holds already: they last until it ends. */
const held = new WeakMap<object, Set<AdvisoryLock>>();

/**
 * Holds `lock` until the current transaction ends (no-op on SQLite). Asking again within the same
 * transaction (a middleware and the rules under it) costs no second round trip.
 */
export const lockForTransaction = async (strapi: Core.Strapi, lock: AdvisoryLock) => {
  if (!usesAdvisoryLocks(strapi)) return;
  if (!strapi.db.inTransaction()) {
    throw new Error(`El candado «${lock}» solo se toma dentro de una transacción.`);
  }
  await strapi.db.transaction(async ({ trx }) => {
    const locks = held.get(trx) ?? new Set<AdvisoryLock>();
    if (locks.has(lock)) return;
    await (trx as unknown as Knex.Transaction).raw('SELECT pg_advisory_xact_lock(?, ?)', [
      LOCK_SPACE,
      ADVISORY_LOCKS[lock],
    ]);
    locks.add(lock);
    held.set(trx, locks);
  });
};

/** The SQL arguments of `lock`, for a session-level lock taken on a connection of its own. */
export const advisoryKey = (lock: AdvisoryLock): [number, number] => [
  LOCK_SPACE,
  ADVISORY_LOCKS[lock],
];
