import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** Table of the counters shared by every instance on PostgreSQL (database/migrations). */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** What a limiter says about one key. */
export interface RateLimitVerdict {
  allowed: boolean;
  /** Hits left in the current window. */
  remaining: number;
  /** Seconds until the window ends (at least 1). */
  retryAfter: number;
}

/** A fixed window of `max` hits per key; `max` 0 or less means no limit. */
export interface RateLimiter {
  readonly max: number;
  /** Counts one hit; `allowed` is false once the key went over `max` in this window. */
  hit(key: string): Promise<RateLimitVerdict>;
  /** Whether the key is already over `max`, without counting. */
  check(key: string): Promise<RateLimitVerdict>;
  /** Gives back one hit (a log-in counted beforehand that turned out to succeed). */
  refund(key: string): Promise<void>;
}

export interface RateLimiterOptions {
  /** Distinguishes this limit's keys from the others' in the shared store. */
  name: string;
  max: number;
  windowMs: number;
}

const isPostgres = (strapi: Core.Strapi) =>
  strapi.config.get<string>('database.connection.client') === 'postgres';

/**
 * The store behind a limit. On SQLite (one instance by design) a counter in memory. On PostgreSQL,
 * where several instances may serve behind a balancer, the counters live in the `rate_limits`
 * table so a client cannot multiply its attempts by the number of instances; if the database does
 * not answer, each instance falls back to its own memory instead of letting everything through.
 */
const createStore = (strapi: Core.Strapi, { name, max, windowMs }: RateLimiterOptions) => {
  const options = { keyPrefix: name, points: max, duration: windowMs / 1000 };
  const memory = new RateLimiterMemory(options);
  if (!isPostgres(strapi)) return memory;
  return new RateLimiterPostgres({
    ...options,
    storeClient: strapi.db.connection,
    storeType: 'knex',
    tableName: RATE_LIMIT_TABLE,
    schemaName: strapi.config.get<string>('database.connection.connection.schema') || undefined,
    // The migration created it; the library's own CREATE TABLE would race between instances.
    tableCreated: true,
    insuranceLimiter: memory,
  });
};

const verdictOf = (res: RateLimiterRes, max: number): RateLimitVerdict => ({
  allowed: res.consumedPoints <= max,
  remaining: Math.max(0, max - res.consumedPoints),
  retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
});

/**
 * A limit on rate-limiter-flexible. The store is built on first use: by then the database
 * connection exists, whoever created the limit and whenever.
 */
export const createRateLimiter = (
  strapi: Core.Strapi,
  options: RateLimiterOptions
): RateLimiter => {
  let store: RateLimiterAbstract | undefined;
  const limiter = () => (store ??= createStore(strapi, options));
  const { max } = options;
  const open: RateLimitVerdict = { allowed: true, remaining: max, retryAfter: 1 };
  // A limit of 0 (or less) switches the limit off.
  if (max <= 0) {
    return { max, hit: async () => open, check: async () => open, refund: async () => {} };
  }

  return {
    max,
    async hit(key) {
      try {
        return verdictOf(await limiter().consume(key), max);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return verdictOf(rejection, max);
        throw rejection;
      }
    },
    async check(key) {
      const res = await limiter().get(key);
      return res ? verdictOf(res, max) : open;
    },
    async refund(key) {
      await limiter().reward(key, 1);
    },
  };
};

/**
 * The path as the router will understand it: percent-decoded (repeatedly, for double encoding),
 * backslashes as slashes, empty and `.` segments dropped, `..` resolved, lower case, no trailing
 * slash. `/API//Approvals/%2e%2e/approvals/x` and `/api/approvals/x` are then the same door.
 */
export const normalisePath = (raw: string, { resolveDots = true } = {}): string => {
  let path = raw;
  for (let round = 0; round < 3; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      break;
    }
    if (decoded === path) break;
    path = decoded;
  }
  const segments: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || (resolveDots && segment === '.')) continue;
    if (resolveDots && segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`.toLowerCase();
};

/** Whether a normalised path is the normalised `door` or lies under it. */
const within = (path: string, door: string) =>
  door === '/' || path === door || path.startsWith(`${door}/`);

/** Whether a normalised path is the door `prefix` or lies under it. */
export const underPrefix = (path: string, prefix: string): boolean =>
  within(path, normalisePath(prefix));

/**
 * For a list of doors (a limit's configuration, normalised once here): the first one a raw request
 * path falls under, with its normalised form, read with dot segments resolved and as written:
 * `/api/approvals/x%2F..%2F..%2Fy` stays an approval link for the router, `/api/x/../auth` is the
 * log-in door for a client that resolves dots.
 */
export const prefixMatcher = (prefixes: string[]) => {
  const doors = prefixes.map((prefix) => ({ prefix, door: normalisePath(prefix) }));
  return (rawPath: string): { prefix: string; door: string } | undefined => {
    const readings = [normalisePath(rawPath), normalisePath(rawPath, { resolveDots: false })];
    return doors.find(({ door }) => readings.some((path) => within(path, door)));
  };
};

/** The first of `prefixes` a raw request path falls under (see {@link prefixMatcher}). */
export const matchPrefix = (rawPath: string, prefixes: string[]): string | undefined =>
  prefixMatcher(prefixes)(rawPath)?.prefix;

/** The client's address as limits count it (behind TRUST_PROXY, the first X-Forwarded-For). */
export const clientAddress = (ctx: Ctx) => (ctx.ip.length > 64 ? hashedKey(ctx.ip) : ctx.ip);

/** A short, fixed-length key for an account or token, so the store never holds the value. */
export const hashedKey = (value: string) =>
  crypto.createHash('sha256').update(value).digest('base64url');

export const defaultRateLimitMessage = (minutes: number) =>
  `Demasiados intentos. Espera ${minutes} minuto(s) y vuelve a intentarlo.`;

/** The one refusal of every limit: 429, Spanish, `RATE_LIMITED`, and `Retry-After`. */
export const refuseRateLimited = (
  ctx: Ctx,
  retryAfter: number,
  message: (minutes: number) => string = defaultRateLimitMessage
) => {
  ctx.set('Retry-After', String(retryAfter));
  ctx.status = 429;
  ctx.body = {
    data: null,
    error: {
      status: 429,
      name: 'RateLimitError',
      message: message(Math.ceil(retryAfter / 60)),
      details: { code: 'RATE_LIMITED', retryAfter },
    },
  };
};
