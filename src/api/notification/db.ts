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
