import fs from 'node:fs';
import path from 'node:path';
import { compileStrapi, createStrapi, type Core } from '@strapi/strapi';
import request from 'supertest';
import { applyTestEnv } from './env';
import { copyOfTemplate, createTestDatabase, type TestDatabase } from './database';

export interface TestApp {
  strapi: Core.Strapi;
  db: TestDatabase;
  /** supertest bound to the running HTTP server */
  http: () => request.Agent;
  /** Stops the instance; drops the database unless `keepDatabase` */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface BootOptions {
  /** Reuse a database (e.g. to test a restart); a new one is created otherwise */
  db?: TestDatabase;
  /** Extra environment for this instance (NODE_ENV, ADMIN_EMAIL, …) */
  env?: Record<string, string | undefined>;
  /** An empty database instead of a copy of the run's template (first-boot behaviour). */
  fresh?: boolean;
}

/** Settings that change what the first boot writes: such an instance starts from an empty database. */
const SEEDING_ENV = /^(NODE_ENV|ADMIN_|DEMO_|DATABASE_)/;

const APP_ROOT = path.resolve(__dirname, '..', '..');
const LOCK = path.join(APP_ROOT, '.tmp', 'compile.lock');
const STALE_LOCK_MS = 180_000;

/**
 * compileStrapi() rewrites every file of dist/; two processes doing it at once could hand a third
 * a half-written file. A directory lock lets one compile at a time.
 */
const compileOnce = async () => {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const age =
        Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await compileStrapi();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
};

/**
 * The compiled application: the run's global setup compiled it (and workers must not rewrite
 * dist/ under each other); a file run outside it compiles under the lock.
 */
export const compiledApp = async (): Promise<{ appDir: string; distDir: string }> => {
  if (process.env.TESTS_DIST_COMPILED === '1') {
    return { appDir: APP_ROOT, distDir: path.join(APP_ROOT, 'dist') };
  }
  const { appDir, distDir } = await compileOnce();
  return { appDir, distDir: distDir ?? path.join(appDir, 'dist') };
};

/**
 * Boots the real application as `npm run develop` would, on its own database and a random port:
 * compileStrapi() + createStrapi(ctx).load() + start().
 */
export const bootApp = async ({
  db,
  env = {},
  fresh = false,
}: BootOptions = {}): Promise<TestApp> => {
  const seedsDiffer = fresh || Object.keys(env).some((key) => SEEDING_ENV.test(key));
  const database =
    db ?? (seedsDiffer ? null : await copyOfTemplate()) ?? (await createTestDatabase());
  applyTestEnv({ ...database.env, ...env });

  const ctx = await compiledApp();
  const strapi = await createStrapi({ ...ctx, autoReload: false, serveAdminPanel: true }).load();
  await strapi.start();

  const agent = () => request.agent(strapi.server.httpServer);

  /**
   * Strapi runs some work after a commit without awaiting it (events, webhooks); destroying the
   * pool under it would abort those queries. Wait, boundedly, until the pool is idle.
   */
  const settle = async () => {
    const pool = (
      strapi.db.connection.client as {
        pool?: { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };
      }
    ).pool;
    if (!pool) return;
    const deadline = Date.now() + 10_000;
    let idleRounds = 0;
    while (Date.now() < deadline && idleRounds < 3) {
      const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();
      idleRounds = busy === 0 ? idleRounds + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  return {
    strapi,
    db: database,
    http: agent,
    async close({ keepDatabase = false } = {}) {
      await settle();
      await strapi.destroy();
      if (!keepDatabase) await database.drop();
    },
  };
};
