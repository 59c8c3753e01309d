import type { Core } from '@strapi/strapi';

/** Statements kept per connection: the distinct shapes of query the application runs. */
const MAX_STATEMENTS = 1000;

interface Statement {
  reader: boolean;
  all(bindings: unknown[]): unknown;
  run(bindings: unknown[]): { lastInsertRowid: number | bigint; changes: number };
}

interface Connection {
  prepare(sql: string): Statement;
}

interface QueryObject {
  sql: string;
  bindings?: unknown[];
  response?: unknown;
  context?: { lastID: number | bigint; changes: number };
}

interface BetterSqliteClient {
  driverName?: string;
  _query(connection: Connection, obj: QueryObject): Promise<QueryObject>;
  _formatBindings(bindings?: unknown[]): unknown[];
}

/**
 * On SQLite, knex compiles every statement again for every query (better-sqlite3's `prepare`),
 * although the application runs a few hundred distinct statements over and over. This keeps each
 * connection's compiled statements by their SQL text and runs them again with new bindings, as
 * knex's own better-sqlite3 dialect does otherwise (same results, same `lastID`/`changes`).
 * SQLite recompiles a kept statement by itself when the schema changes under it.
 */
export const reuseSqliteStatements = (strapi: Core.Strapi) => {
  const client = (strapi.db.connection as unknown as { client: BetterSqliteClient }).client;
  if (client.driverName !== 'better-sqlite3') return;
  const kept = new WeakMap<Connection, Map<string, Statement>>();

  client._query = async function query(connection, obj) {
    if (!obj.sql) throw new Error('The query is empty');
    if (!connection) throw new Error('No connection provided');
    let statements = kept.get(connection);
    if (!statements) {
      statements = new Map();
      kept.set(connection, statements);
    }
    let statement = statements.get(obj.sql);
    if (statement) {
      // Most recently used last: eviction takes from the front.
      statements.delete(obj.sql);
    } else {
      statement = connection.prepare(obj.sql);
      if (statements.size >= MAX_STATEMENTS) {
        statements.delete(statements.keys().next().value as string);
      }
    }
    statements.set(obj.sql, statement);
    const bindings = this._formatBindings(obj.bindings);
    if (statement.reader) {
      obj.response = statement.all(bindings);
      return obj;
    }
    const response = statement.run(bindings);
    obj.response = response;
    obj.context = { lastID: response.lastInsertRowid, changes: response.changes };
    return obj;
  };
};
