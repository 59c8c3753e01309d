import type { Core } from '@strapi/strapi';
import { Client } from 'pg';
import { advisoryKey } from '../utils/locks';
import { dedicatedClientConfig } from '../utils/postgres-client';

let release: (() => Promise<void>) | null = null;

/**
 * Several instances may start at once on an empty PostgreSQL database; Strapi's migrations and
 * schema sync, and the app's seeding, must then run on one at a time (the others find the tables
 * made). From the app's `register` (before Strapi touches the database) to the end of its
 * `bootstrap`, each instance holds a session advisory lock on a connection of its own; a process
 * that dies lets go of it with its connection. SQLite needs none: one file, one process.
 */
export const acquireBootLock = async (strapi: Core.Strapi) => {
  const settings = dedicatedClientConfig(strapi);
  if (!settings || release) return;
  const client = new Client(settings);
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
