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

const createPostgres = async (): Promise<TestDatabase> => {
  const server = postgresServer();
  const name = uniqueName('test');
  const admin = new Client(server);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
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

/** A database of its own for one test file, on the client the run was asked for. */
export const createTestDatabase = async (
  client: DatabaseClient = testDatabaseClient()
): Promise<TestDatabase> => (client === 'postgres' ? createPostgres() : createSqlite());
