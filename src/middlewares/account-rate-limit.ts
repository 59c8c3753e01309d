import type { Core } from '@strapi/strapi';
import {
  createRateLimiter,
  hashedKey,
  normalisePath,
  refuseRateLimited,
} from '../utils/rate-limiter';

interface AccountDoor {
  /** The door, e.g. `/admin/login` (matched on the normalised, lower-case path, POST only). */
  path: string;
  /** Body field naming the account: `email` (admin) or `identifier` (content API). */
  field: string;
  /**
   * `failures` (log-in): only refused attempts count and a successful log-in clears them;
   * `requests` (forgotten password): every request counts, so nobody floods an inbox.
   */
  count: 'failures' | 'requests';
}

interface AccountRateLimitConfig {
  doors: AccountDoor[];
  /** Attempts allowed per account and door within the window; 0 switches the limit off. */
  max: number;
  windowMs: number;
}

const accountMessage = (minutes: number) =>
  `Demasiados intentos para esta cuenta. Espera ${minutes} minuto(s) y vuelve a intentarlo.`;

/**
 * A limit per account on the log-in doors, on top of the limit per address: guessing one
 * account's password from many addresses stops after `max` failures, whichever address sends
 * the next one. It sits after the body parser because the account is named in the body; the
 * attempt is counted before it runs (concurrent guesses cannot slip past the limit) and given
 * back when it succeeds, so only failures remain. Someone else's failures on another account
 * never block a log-in.
 */
export default (config: AccountRateLimitConfig, { strapi }: { strapi: Core.Strapi }) => {
  const limiter = createRateLimiter(strapi, {
    name: 'account',
    max: config.max,
    windowMs: config.windowMs,
  });
  const doors = config.doors.map((door) => ({ ...door, path: normalisePath(door.path) }));

  return async (ctx: Parameters<Core.MiddlewareHandler>[0], next: () => Promise<unknown>) => {
    if (config.max <= 0 || ctx.method !== 'POST') return next();
    const path = normalisePath(ctx.path);
    const door = doors.find((candidate) => candidate.path === path);
    const body = (ctx.request as { body?: unknown }).body;
    const account =
      door && body && typeof body === 'object'
        ? (body as Record<string, unknown>)[door.field]
        : undefined;
    if (!door || typeof account !== 'string' || !account.trim()) return next();

    const key = `${door.path}|${hashedKey(account.trim().toLowerCase())}`;
    const verdict = await limiter.hit(key);
    if (!verdict.allowed) {
      refuseRateLimited(ctx, verdict.retryAfter, accountMessage);
      return undefined;
    }
    await next();
    if (door.count === 'failures' && ctx.status >= 200 && ctx.status < 300) {
      await limiter.refund(key);
    }
    return undefined;
  };
};
