import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** What browsers and a CDN in front of the site may keep (the contract of the public API). */
export const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=60';

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_ENTRIES = 500;
/** Request addresses remembered for early answers (several may lead to one entry). */
const MAX_ALIASES = MAX_ENTRIES * 4;
const MAX_BYTES = 32 * 1024 * 1024;
/**
 * Every instance on the database is told of a publish (`utils/cluster-events`); entries still
 * expire after this long in case a notice is lost.
 */
const DEFAULT_TTL_MS = 60_000;

/** A serialized response, ready to send again. */
export interface CachedResponse {
  body: Buffer;
  etag: string;
  type: string;
  headers: Record<string, string>;
  expiresAt: number;
}

/** What a producer hands back: a JSON body, or text with its own type and headers. */
export type Produced =
  | { json: unknown; headers?: Record<string, string> }
  | { text: string | Buffer; type: string; headers?: Record<string, string> };

export interface CacheOptions {
  /** Cache key; by default the method, path and the query with its keys sorted. */
  key?: string;
  /** Shorter life for answers that change with the clock (e.g. surveys that open or close). */
  ttlMs?: number;
}

/** Strong validator: the SHA-256 of the exact bytes sent. */
export const etagOf = (body: Buffer) =>
  `"${crypto.createHash('sha256').update(body).digest('base64url')}"`;

/** Method, path and query with sorted keys, so `?a=1&b=2` and `?b=2&a=1` share an entry. */
export const defaultKey = (ctx: Ctx) => {
  const params = new URLSearchParams(ctx.querystring);
  const sorted = [...params.entries()].sort(([a, av], [b, bv]) =>
    a === b ? av.localeCompare(bv) : a.localeCompare(b)
  );
  return `${ctx.method} ${ctx.path}?${new URLSearchParams(sorted).toString()}`;
};

/** The matched route lets anyone in: no authentication, no policy, no route middleware. */
const openToEveryone = (ctx: Ctx) => {
  const config = (ctx.state as { route?: { config?: Record<string, unknown> } }).route?.config;
  const none = (list: unknown) => !Array.isArray(list) || list.length === 0;
  return config?.auth === false && none(config.policies) && none(config.middlewares);
};

/** A GET without credentials: the only request an early answer may serve. */
const anonymousGet = (ctx: Ctx) => ctx.method === 'GET' && !ctx.get('Authorization');

/** What an early answer is looked up by: the origin too, as answers may hold absolute URLs. */
const frontKey = (ctx: Ctx) => `${ctx.origin} ${defaultKey(ctx)}`;

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for GET). */
const matches = (header: string | undefined, etag: string) => {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
};

/**
 * In-process LRU of serialized public responses, bounded by entries and bytes. Publishing,
 * unpublishing or deleting public content, on this instance or another one on the same database,
 * calls {@link invalidate}; a generation number keeps a response computed before an invalidation
 * from being stored after it.
 */
const createSiteCacheService = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = new Map<string, CachedResponse>();
  /**
   * Anonymous request (origin, method, path, sorted query) → the entry its controller answered
   * with: the same request again is answered before routing (see {@link answerEarly}).
   */
  const aliases = new Map<string, string>();
  let bytes = 0;
  let generation = 0;
  let hits = 0;
  let misses = 0;
  const ttlMs = () => {
    const seconds = Number(process.env.SITE_CACHE_TTL_SECONDS);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_TTL_MS;
  };

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length;
  };

  const get = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      remove(key);
      return undefined;
    }
    // Most recently used goes last; eviction takes from the front.
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  };

  const set = (key: string, entry: CachedResponse) => {
    remove(key);
    if (entry.body.length > MAX_BYTES / 4) return;
    entries.set(key, entry);
    bytes += entry.body.length;
    for (const oldest of entries.keys()) {
      if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
      remove(oldest);
    }
  };

  const send = (ctx: Ctx, entry: CachedResponse) => {
    ctx.set('ETag', entry.etag);
    ctx.set('Cache-Control', CACHE_CONTROL);
    // Appended, not set: CORS has already added `Origin`, which a CDN must keep apart too.
    ctx.vary('Accept-Encoding');
    for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
    if (matches(ctx.get('If-None-Match'), entry.etag)) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.status = 200;
    ctx.type = entry.type;
    ctx.body = entry.body;
  };

  return {
    /** Drops every entry; responses being computed right now are not stored. */
    invalidate() {
      generation += 1;
      if (entries.size > 0)
        strapi.log.debug(`Caché del sitio: ${entries.size} respuestas descartadas`);
      entries.clear();
      aliases.clear();
      bytes = 0;
    },

    /**
     * Answers an anonymous GET with the entry an anonymous request with the same origin, path and
     * query was answered with, before the router and the controller run again for it; false when
     * there is none. Only answers of routes open to everyone (`auth: false`, no policy or route
     * middleware) are repeated this way: nothing is skipped that could refuse the request.
     */
    answerEarly(ctx: Ctx) {
      if (!anonymousGet(ctx)) return false;
      const key = aliases.get(frontKey(ctx));
      const entry = key === undefined ? undefined : get(key);
      if (!entry) return false;
      hits += 1;
      send(ctx, entry);
      return true;
    },

    /**
     * Answers a public GET from the cache, or runs `producer`, stores its serialized answer and
     * sends it; either way with ETag, Cache-Control and a 304 when `If-None-Match` matches. An
     * error thrown by the producer is not cached.
     */
    async respondCached(ctx: Ctx, producer: () => Promise<Produced>, options: CacheOptions = {}) {
      const key = options.key ?? defaultKey(ctx);
      const cached = get(key);
      if (cached) {
        hits += 1;
        send(ctx, cached);
        return;
      }
      misses += 1;
      const startedAt = generation;
      const produced = await producer();
      const body =
        'json' in produced
          ? Buffer.from(JSON.stringify(produced.json), 'utf8')
          : Buffer.isBuffer(produced.text)
            ? produced.text
            : Buffer.from(produced.text, 'utf8');
      const entry: CachedResponse = {
        body,
        etag: etagOf(body),
        type: 'json' in produced ? JSON_TYPE : produced.type,
        headers: produced.headers ?? {},
        expiresAt: Date.now() + (options.ttlMs ?? ttlMs()),
      };
      if (startedAt === generation) {
        set(key, entry);
        if (anonymousGet(ctx) && openToEveryone(ctx)) {
          const alias = frontKey(ctx);
          aliases.delete(alias);
          aliases.set(alias, key);
          if (aliases.size > MAX_ALIASES) aliases.delete(aliases.keys().next().value as string);
        }
      }
      send(ctx, entry);
    },

    /** Entries, bytes and hit counts, for logs and tests. */
    stats() {
      return { entries: entries.size, bytes, hits, misses, generation };
    },
  };
};

export type SiteCacheService = ReturnType<typeof createSiteCacheService>;

export default createSiteCacheService;
