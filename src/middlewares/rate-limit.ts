import type { Core } from '@strapi/strapi';

interface RateLimitConfig {
  /** Path prefixes this limit watches, e.g. `/api/auth/`. */
  prefixes: string[];
  /** Requests allowed per client and prefix within the window. */
  max: number;
  windowMs: number;
  /** The Spanish refusal, given the minutes left; by default the log-in wording. */
  message?: (minutes: number) => string;
}

const defaultMessage = (minutes: number) =>
  `Demasiados intentos. Espera ${minutes} minuto(s) y vuelve a intentarlo.`;

/**
 * A fixed-window limit per client address on sensitive endpoints (log-in, password reset, approval
 * links), so guessing passwords or tokens costs hours instead of seconds. In memory: each instance
 * counts its own clients, which behind one proxy is what a single office needs.
 */
export default (config: RateLimitConfig, _: { strapi: Core.Strapi }) => {
  const hits = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = Date.now() + config.windowMs;

  return async (ctx: Parameters<Core.MiddlewareHandler>[0], next: () => Promise<unknown>) => {
    const prefix = config.prefixes.find((p) => ctx.path.startsWith(p));
    if (!prefix || config.max <= 0) return next();

    const now = Date.now();
    if (now > nextSweep) {
      for (const [key, entry] of hits) if (entry.resetAt <= now) hits.delete(key);
      nextSweep = now + config.windowMs;
    }
    const key = `${ctx.ip}|${prefix}`;
    let entry = hits.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + config.windowMs };
      hits.set(key, entry);
    }
    entry.count += 1;
    ctx.set('RateLimit-Limit', String(config.max));
    ctx.set('RateLimit-Remaining', String(Math.max(0, config.max - entry.count)));
    if (entry.count > config.max) {
      const retryAfter = Math.ceil((entry.resetAt - now) / 1000);
      ctx.set('Retry-After', String(retryAfter));
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: {
          status: 429,
          name: 'RateLimitError',
          message: (config.message ?? defaultMessage)(Math.ceil(retryAfter / 60)),
          details: { code: 'RATE_LIMITED', retryAfter },
        },
      };
      return undefined;
    }
    return next();
  };
};
