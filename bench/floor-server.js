'use strict';
/**
 * The floor of a bench: the plainest server that gives the same answer. Node's `http` and the
 * database driver, nothing else: no framework, no token verification, no cache. For each path it
 * runs the SQL statements the application ran to answer it (captured by the bench from the
 * application's own connection, bindings included; for a staff route, the session and roles
 * lookups too) and sends the same JSON body the application sent, serialized again on every
 * request (an exported file: the same bytes).
 *
 * Environment: FLOOR_ROUTES (a JSON file { path: { queries: [{ sql, bindings }], body } }),
 * DATABASE_CLIENT (sqlite | postgres) and the DATABASE_* settings the application uses. Prints
 * `READY <port>` once listening; GET /__rss answers its resident memory in bytes.
 */
const fs = require('node:fs');
const http = require('node:http');

const routes = JSON.parse(fs.readFileSync(process.env.FLOOR_ROUTES, 'utf8'));
const postgres = process.env.DATABASE_CLIENT === 'postgres';

/** Bindings travel as JSON: a date is { $date: epoch ms }. */
const revive = (binding) =>
  binding && typeof binding === 'object' && '$date' in binding
    ? postgres
      ? new Date(binding.$date)
      : binding.$date
    : typeof binding === 'boolean' && !postgres
      ? Number(binding)
      : binding;

const openDatabase = () => {
  if (postgres) {
    const { Pool } = require('pg');
    const pool = new Pool({
      host: process.env.DATABASE_HOST,
      port: Number(process.env.DATABASE_PORT || 5432),
      database: process.env.DATABASE_NAME,
      user: process.env.DATABASE_USERNAME,
      password: process.env.DATABASE_PASSWORD,
      max: Number(process.env.DATABASE_POOL_MAX || 10),
    });
    return async (sql, bindings) => (await pool.query(sql, bindings)).rows;
  }
  const Database = require('better-sqlite3');
  const db = new Database(process.env.DATABASE_FILENAME, { readonly: true });
  const statements = new Map();
  return async (sql, bindings) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement.all(bindings);
  };
};

const query = openDatabase();
const prepared = Object.fromEntries(
  Object.entries(routes).map(([path, route]) => [
    path,
    {
      queries: route.queries.map((q) => ({ sql: q.sql, bindings: q.bindings.map(revive) })),
      body: route.body,
    },
  ])
);

const server = http.createServer(async (req, res) => {
  if (req.url === '/__rss') {
    res.end(String(process.memoryUsage().rss));
    return;
  }
  const route = prepared[req.url];
  if (!route) {
    res.statusCode = 404;
    res.end();
    return;
  }
  try {
    // One after another, as the application's request awaited them (its parallel ones too).
    for (const q of route.queries) await query(q.sql, q.bindings);
    if (route.file) {
      res.setHeader('Content-Type', route.file.type);
      res.end(route.file.bytes);
      return;
    }
    const body = JSON.stringify(route.body);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(body);
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${server.address().port}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
