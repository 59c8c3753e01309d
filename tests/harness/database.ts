import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

export type DatabaseClient = 'sqlite' | 'postgres';

export interface TestDatabase {
  client: DatabaseClient;
  /** Environment variables that point Strapi at this database. */
  env: Record<string, string>;
  /** Removes the database (file or PostgreSQL database). */
  drop(): Promise<void>;
}

const APP_ROOT = path.resolve(__dirname, '..', '..');

export const testDatabaseClient = (): DatabaseClient =>
  process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';

/**
 * Connection settings for the PostgreSQL server the suite creates its databases on, read once
 * when the harness loads: booting an instance rewrites DATABASE_* to point at its own database.
 */
const POSTGRES_SERVER = {
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'comunicacion',
  password: process.env.DATABASE_PASSWORD || 'comunicacion',
  // Any database the role may connect to; test databases are created next to it.
  database: process.env.DATABASE_ADMIN_NAME || process.env.DATABASE_NAME || 'comunicacion',
};

export const postgresServer = () => ({ ...POSTGRES_SERVER });

const uniqueName = (prefix: string) =>
  `${prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;

const createSqlite = (): TestDatabase => {
  const dir = path.join(APP_ROOT, '.tmp', 'test');
  fs.mkdirSync(dir, { recursive: true });
  const filename = path.join(dir, `${uniqueName('db')}.db`);
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
    async drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) {
        fs.rmSync(`${filename}${suffix}`, { force: true });
      }
    },
  };
};

/** Settings and removal of one PostgreSQL database of the suite. */
const postgresDatabase = (name: string): TestDatabase => {
  const server = postgresServer();
  return {
    client: 'postgres',
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: server.host,
      DATABASE_PORT: String(server.port),
      DATABASE_USERNAME: server.user,
      DATABASE_PASSWORD: server.password,
      DATABASE_NAME: name,
      DATABASE_SCHEMA: 'public',
      DATABASE_URL: '',
    },
    async drop() {
      const client = new Client(server);
      await client.connect();
      try {
        try {
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } catch (error) {
          // FORCE may not terminate an autovacuum worker (it belongs to no role: 42501); a plain
          // DROP cancels autovacuum itself, and the app's own connections are already closed.
          if ((error as { code?: string }).code !== '42501') throw error;
          await client.query(`DROP DATABASE IF EXISTS "${name}"`);
        }
      } finally {
        await client.end();
      }
    },
  };
};

const createPostgres = async (): Promise<TestDatabase> => {
  const name = uniqueName('test');
  const admin = new Client(postgresServer());
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return postgresDatabase(name);
};

/**
 * The run's template database: every schema table created and every seed written once, by a
 * separate process in the global setup. A test file's instance starts from a copy of it (a file
 * copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL) instead of building all of that
 * again: the first boot of an empty database is most of a file's start-up time.
 */
export const TEMPLATE_ENV = 'TESTS_DATABASE_TEMPLATE';

/** Where the template is: a file name (SQLite) or a database name (PostgreSQL). */
export const templateDatabase = (client: DatabaseClient = testDatabaseClient()) =>
  process.env[TEMPLATE_ENV]?.startsWith(`${client}:`)
    ? process.env[TEMPLATE_ENV]!.slice(client.length + 1)
    : null;

/** An empty database to build the template in, named for the run. */
export const createTemplateDatabase = async (
  client: DatabaseClient = testDatabaseClient()
): Promise<{ database: TestDatabase; reference: string }> => {
  const database = await createTestDatabase(client);
  const reference =
    client === 'postgres' ? database.env.DATABASE_NAME : database.env.DATABASE_FILENAME;
  return { database, reference: `${client}:${reference}` };
};

const copySqlite = (template: string): TestDatabase => {
  const database = createSqlite();
  fs.copyFileSync(template, database.env.DATABASE_FILENAME);
  return database;
};

/** PostgreSQL refuses to copy a template another session is reading: those last milliseconds. */
const TEMPLATE_BUSY = '55006';

const copyPostgres = async (template: string): Promise<TestDatabase> => {
  const server = postgresServer();
  const name = uniqueName('test');
  const admin = new Client(server);
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== TEMPLATE_BUSY || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return postgresDatabase(name);
};

/** Removes the run's template (global teardown). */
export const dropTemplate = async (client: DatabaseClient = testDatabaseClient()) => {
  const template = templateDatabase(client);
  if (!template) return;
  if (client === 'postgres') await postgresDatabase(template).drop();
  else
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(`${template}${suffix}`, { force: true });
  delete process.env[TEMPLATE_ENV];
};

/** A copy of the run's template, or null when the run has none (a file run on its own). */
export const copyOfTemplate = async (
  client: DatabaseClient = testDatabaseClient()
): Promise<TestDatabase | null> => {
  const template = templateDatabase(client);
  if (!template) return null;
  return client === 'postgres' ? copyPostgres(template) : copySqlite(template);
};

/** A database of its own for one test file, on the client the run was asked for. */
export const createTestDatabase = async (
  client: DatabaseClient = testDatabaseClient()
): Promise<TestDatabase> => (client === 'postgres' ? createPostgres() : createSqlite());
