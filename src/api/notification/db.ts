import crypto from 'node:crypto';
import os from 'node:os';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * The notification tables are the app's own (not content types) and are reached with knex.
 * `appTable` queries outside any transaction (the worker, the leases); `inCurrentTransaction`
 * joins the caller's Strapi transaction when there is one, so a notice commits or rolls back
 * with the change that caused it (Strapi's `db.transaction` reuses an open one).
 */
export const appTable = (strapi: Core.Strapi, table: string): Knex.QueryBuilder =>
  strapi.db.getConnection(table) as unknown as Knex.QueryBuilder;

export const inCurrentTransaction = <T>(
  strapi: Core.Strapi,
  fn: (table: (name: string) => Knex.QueryBuilder) => Promise<T>
): Promise<T> =>
  strapi.db.transaction(({ trx }) => {
    const schema = strapi.db.getSchemaName();
    const knexTrx = trx as unknown as Knex.Transaction;
    return fn((name) => (schema ? knexTrx(name).withSchema(schema) : knexTrx(name)));
  }) as Promise<T>;

/** Timestamps come back as Date (PostgreSQL) or epoch milliseconds (SQLite). */
export const toDate = (value: string | number | Date | null | undefined): Date | null =>
  value === null || value === undefined ? null : new Date(value);

export const toIso = (value: string | number | Date | null | undefined): string | null =>
  toDate(value)?.toISOString() ?? null;

/** A text cut to a column's width, with an ellipsis where it was cut. */
export const clip = (value: string, length: number) =>
  value.length > length ? `${value.slice(0, length - 1)}…` : value;

/** Who holds a claim or a lease: the host and process for whoever reads the table, plus a nonce. */
export const workerToken = () =>
  `${os.hostname().slice(0, 60)}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;

interface ClaimOptions {
  /** A table with `id`, `next_attempt_at`, `claimed_by` and `claimed_until` columns. */
  table: string;
  token: string;
  now: Date;
  /** How long the rows stay reserved for `token`. */
  claimMs: number;
  limit: number;
  /** Which rows are candidates (besides being unclaimed or with a lapsed claim). */
  where: (query: Knex.QueryBuilder) => void;
}

/**
 * Reserves up to `limit` rows of a delivery queue for `token`; safe to run on several instances at
 * once. The rows are selected and marked in one short transaction; on PostgreSQL the selection
 * locks them and skips rows another instance is claiming at that moment (a single UPDATE … WHERE
 * id IN (SELECT … LIMIT … FOR UPDATE) may re-run its subquery and take more than `limit` rows).
 * Resolves to the claimed rows, oldest due first.
 */
export const claimRows = <T>(
  strapi: Core.Strapi,
  { table, token, now, claimMs, limit, where }: ClaimOptions
): Promise<T[]> =>
  strapi.db.connection.transaction(async (trx) => {
    // `now` says which rows are due (a cron tick passes its scheduled time, so a retry set for
    // the next tick is due at it); claims follow the clock, never behind it.
    const clock = new Date(Math.max(now.getTime(), Date.now()));
    const schema = strapi.db.getSchemaName();
    const rows = () => (schema ? trx(table).withSchema(schema) : trx(table));
    const order = [{ column: 'next_attempt_at' }, { column: 'id' }];
    const candidates = rows()
      .select('id')
      .where((free) => free.whereNull('claimed_until').orWhere('claimed_until', '<', clock))
      .orderBy(order)
      .limit(limit);
    where(candidates);
    if (strapi.db.dialect.client === 'postgres') candidates.forUpdate().skipLocked();
    const ids = ((await candidates) as Array<{ id: number }>).map((row) => row.id);
    if (ids.length === 0) return [] as T[];
    await rows()
      .whereIn('id', ids)
      .update({ claimed_by: token, claimed_until: new Date(clock.getTime() + claimMs) });
    return (await rows().whereIn('id', ids).orderBy(order)) as T[];
  });

/**
 * Keeps `token`'s claims on `table` (rows still in `status`) from lapsing while its instance works
 * through them, renewing them every third of `claimMs`; only the claims of an instance that
 * stopped lapse, and their rows go to another instance within `claimMs`. Returns the stop.
 */
export const renewClaims = (
  strapi: Core.Strapi,
  {
    table,
    token,
    claimMs,
    status,
  }: { table: string; token: string; claimMs: number; status: string }
): (() => void) => {
  const timer = setInterval(() => {
    appTable(strapi, table)
      .where({ claimed_by: token, status })
      .update({ claimed_until: new Date(Date.now() + claimMs) })
      .catch((error: unknown) =>
        strapi.log.warn(`No se pudo renovar la reserva de ${table}: ${String(error)}`)
      );
  }, claimMs / 3);
  timer.unref();
  return () => clearInterval(timer);
};
