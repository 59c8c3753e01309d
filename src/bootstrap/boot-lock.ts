import type { Core } from '@strapi/strapi';
import { Client, type ClientConfig } from 'pg';
import { advisoryKey } from '../utils/locks';

let release: (() => Promise<void>) | null = null;

/**
 * Several instances may start at once on an empty PostgreSQL database; Strapi's migrations and
 * schema sync, and the app's seeding, must then run on one at a time (the others find the tables
 * made). From the app's `register` (before Strapi touches the database) to the end of its
 * `bootstrap`, each instance holds a session advisory lock on a connection of its own; a process
 * that dies lets go of it with its connection. SQLite needs none: one file, one process.
 */
export const acquireBootLock = async (strapi: Core.Strapi) => {
  const database = strapi.config.get('database.connection') as {
    client?: string;
    connection?: ClientConfig & { schema?: string };
  };
  if (database?.client !== 'postgres' || release) return;
  // Named one by one: Strapi keeps the password out of the config's enumerable keys.
  const settings = database.connection ?? {};
  const client = new Client({
    connectionString: settings.connectionString,
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    password: settings.password,
    ssl: settings.ssl,
  });
  await client.connect();
  const key = advisoryKey('boot');
  const started = Date.now();
  const notice = setTimeout(
    () => strapi.log.info('Esperando a que otra instancia termine de preparar la base de datos…'),
    2_000
  );
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', key);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(notice);
  }
  const waited = Date.now() - started;
  if (waited > 2_000)
    strapi.log.info(`Base de datos lista tras esperar ${Math.round(waited / 1000)} s.`);
  release = async () => {
    release = null;
    try {
      await client.query('SELECT pg_advisory_unlock($1, $2)', key);
    } finally {
      await client.end();
    }
  };
};

/** Lets the next instance start (end of bootstrap, or when the start failed). */
export const releaseBootLock = async () => {
  await release?.();
};
