import type { Core } from '@strapi/strapi';
import { appTable, workerToken } from '../db';

const TABLE = 'task_leases';

/**
 * Leases on scheduled tasks, so a task runs on one instance at a time even when several share the
 * database. A lease is a row in `task_leases` taken by one conditional UPDATE (free, or expired):
 * PostgreSQL re-checks the condition on the locked row, SQLite has one writer, so two instances
 * never both see their UPDATE succeed. The holder renews the lease while it runs; if its process
 * dies the lease expires after `ttlMs` and another instance takes over.
 */
export const createTaskLeaseService = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => appTable(strapi, TABLE);

  const tryAcquire = async (name: string, holder: string, ttlMs: number): Promise<boolean> => {
    const now = new Date();
    await table().insert({ name, holder: null, expires_at: null }).onConflict('name').ignore();
    const updated = await table()
      .where({ name })
      .andWhere((free) =>
        free.whereNull('holder').orWhereNull('expires_at').orWhere('expires_at', '<', now)
      )
      .update({ holder, expires_at: new Date(now.getTime() + ttlMs) });
    return Number(updated) === 1;
  };

  const renew = (name: string, holder: string, ttlMs: number) =>
    table()
      .where({ name, holder })
      .update({ expires_at: new Date(Date.now() + ttlMs) });

  const release = (name: string, holder: string) =>
    table()
      .where({ name, holder })
      .update({ holder: null, expires_at: null, last_run_at: new Date() });

  return {
    /**
     * Runs `fn` unless another instance (or another call in this one) holds the lease `name`.
     * Returns `{ ran: false }` without waiting when the lease is taken. Errors of `fn` are thrown
     * after the lease is released. Must be called outside any database transaction.
     */
    async runExclusive<T>(
      name: string,
      ttlMs: number,
      fn: () => Promise<T>
    ): Promise<{ ran: boolean; result?: T }> {
      if (strapi.db.inTransaction()) {
        throw new Error(`runExclusive("${name}") no puede ejecutarse dentro de una transacción.`);
      }
      const holder = workerToken();
      if (!(await tryAcquire(name, holder, ttlMs))) return { ran: false };

      // Keeps the lease while fn runs longer than its ttl; stops renewing if the row was lost.
      const heartbeat = setInterval(
        () => {
          renew(name, holder, ttlMs).catch((error: unknown) =>
            strapi.log.warn(`No se pudo renovar el turno de la tarea "${name}": ${String(error)}`)
          );
        },
        Math.max(250, Math.floor(ttlMs / 3))
      );
      heartbeat.unref();
      try {
        const result = await fn();
        return { ran: true, result };
      } finally {
        clearInterval(heartbeat);
        await release(name, holder);
      }
    },

    /** The lease row, for the panel and for tests. */
    async get(name: string) {
      const row = await table().where({ name }).first();
      return (row ?? null) as {
        name: string;
        holder: string | null;
        expires_at: string | number | Date | null;
        last_run_at: string | number | Date | null;
      } | null;
    },
  };
};

export type TaskLeaseService = ReturnType<typeof createTaskLeaseService>;

export default createTaskLeaseService;
