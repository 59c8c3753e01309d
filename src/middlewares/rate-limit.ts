import type { Core } from '@strapi/strapi';
import {
  clientAddress,
  createRateLimiter,
  prefixMatcher,
  refuseRateLimited,
} from '../utils/rate-limiter';

interface RateLimitConfig {
  /** Names this limit's counters in the shared store; one name per limit. */
  name?: string;
  /** Doors this limit watches, e.g. `/api/auth/` (matched on the normalised, lower-case path). */
  prefixes: string[];
  /** Requests allowed per client and prefix within the window; 0 switches the limit off. */
  max: number;
  windowMs: number;
  /** The Spanish refusal, given the minutes left; by default the log-in wording. */
  message?: (minutes: number) => string;
}

/**
 * A fixed-window limit per client address on sensitive doors (log-in, password reset, approval
 * links), so guessing passwords or tokens costs hours instead of seconds. The path is compared
 * after decoding and normalising it, so `/API//approvals/…` or `%2F` spellings that the router
 * still serves are counted as the door they reach. Counters are shared by all instances on
 * PostgreSQL (see `createRateLimiter`).
 */
export default (config: RateLimitConfig, { strapi }: { strapi: Core.Strapi }) => {
  const limiter = createRateLimiter(strapi, {
    name: config.name ?? 'address',
    max: config.max,
    windowMs: config.windowMs,
  });
  const match = prefixMatcher(config.prefixes);

  return async (ctx: Parameters<Core.MiddlewareHandler>[0], next: () => Promise<unknown>) => {
    if (config.max <= 0) return next();
    const found = match(ctx.path);
    if (!found) return next();

    const verdict = await limiter.hit(`${clientAddress(ctx)}|${found.door}`);
    ctx.set('RateLimit-Limit', String(config.max));
    ctx.set('RateLimit-Remaining', String(verdict.remaining));
    if (!verdict.allowed) {
      refuseRateLimited(ctx, verdict.retryAfter, config.message);
      return undefined;
    }
    return next();
  };
};
