import type { Core } from '@strapi/strapi';
import { sendRefusal } from '../utils/error-translation';

type Context = Parameters<Core.MiddlewareHandler>[0];

interface BodyGuardConfig {
  /** Deepest nesting of objects and arrays a body or query may have. */
  maxDepth?: number;
}

const NUL_MESSAGE =
  'La solicitud contiene un carácter nulo (\\0), que no se admite en ningún dato.';

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * How a parsed value breaks the house's limits: too deep, or a key that names an object's
 * prototype, or a NUL character. Breadth-first with an explicit queue, so a hostile value cannot exhaust the stack.
 */
export const inspectValue = (
  value: unknown,
  maxDepth: number
): { problem: 'depth' } | { problem: 'key'; key: string } | { problem: 'nul' } | undefined => {
  const queue: [unknown, number][] = [[value, 0]];
  for (let i = 0; i < queue.length; i += 1) {
    const [current, depth] = queue[i];
    // PostgreSQL stores no NUL character in a text: refused here rather than by the database.
    if (typeof current === 'string' && current.includes('\u0000')) return { problem: 'nul' };
    if (typeof current !== 'object' || current === null || Buffer.isBuffer(current)) continue;
    if (depth >= maxDepth) return { problem: 'depth' };
    for (const key of Object.keys(current)) {
      if (PROTOTYPE_KEYS.has(key)) return { problem: 'key', key };
      if (key.includes('\u0000')) return { problem: 'nul' };
      queue.push([(current as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
};

/** A reserved name as a query parameter or inside one's brackets (the query parser drops them silently). */
const RESERVED_IN_QUERY = /(^|[&[\]])(__proto__|constructor|prototype)(?=[\][=&]|$)/;

const decodedQuery = (querystring: string) => {
  try {
    return decodeURIComponent(querystring.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
};

type Problem = NonNullable<ReturnType<typeof inspectValue>>;

/** The refusal of a query or a body that breaks a limit, worded for where the problem is. */
const refuse = (ctx: Context, problem: Problem, where: 'query' | 'body', maxDepth: number) => {
  const code = where === 'query' ? 'INVALID_QUERY' : 'INVALID_BODY';
  const what = where === 'query' ? 'La consulta' : 'El cuerpo de la solicitud';
  if (problem.problem === 'nul') return sendRefusal(ctx, 400, code, NUL_MESSAGE);
  if (problem.problem === 'depth') {
    const levels = where === 'query' ? 'niveles de parámetros' : 'niveles de objetos o listas';
    return sendRefusal(ctx, 400, 'BODY_TOO_DEEP', `${what} anida más de ${maxDepth} ${levels}.`);
  }
  return sendRefusal(
    ctx,
    400,
    code,
    `${what} usa un nombre ${where === 'query' ? 'de parámetro' : 'de campo'} reservado: «${problem.key}».`,
    { [where === 'query' ? 'parameter' : 'field']: problem.key }
  );
};

/**
 * After the body parser: bodies and queries deeper than `maxDepth` levels (400 `BODY_TOO_DEEP`),
 * keys `__proto__`, `constructor` or `prototype` (400 `INVALID_BODY` / `INVALID_QUERY`) are refused
 * before any route sees them, and a method with a body that sent none gets an empty one, so
 * handlers always read an object.
 */
export default (config: BodyGuardConfig, _: { strapi: Core.Strapi }) => {
  const maxDepth = config.maxDepth ?? 32;
  return async (ctx: Context, next: () => Promise<unknown>) => {
    if (ctx.querystring) {
      const raw = decodedQuery(ctx.querystring);
      if (raw === undefined) {
        return sendRefusal(
          ctx,
          400,
          'INVALID_QUERY',
          'La consulta tiene una codificación no válida.'
        );
      }
      const reserved = RESERVED_IN_QUERY.exec(raw);
      if (reserved) {
        return sendRefusal(
          ctx,
          400,
          'INVALID_QUERY',
          `La consulta usa un nombre de parámetro reservado: «${reserved[2]}».`,
          { parameter: reserved[2] }
        );
      }
    }
    const query = inspectValue(ctx.query, maxDepth);
    if (query) return refuse(ctx, query, 'query', maxDepth);
    const request = ctx.request as typeof ctx.request & { body?: unknown };
    if (request.body === undefined && ['POST', 'PUT', 'PATCH'].includes(ctx.method)) {
      request.body = {};
    }
    const body = inspectValue(request.body, maxDepth);
    if (body) return refuse(ctx, body, 'body', maxDepth);
    return next();
  };
};
