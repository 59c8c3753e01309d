import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { sendRefusal, translateError } from '../utils/error-translation';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** Methods whose body the server reads. */
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Content types a body may have: what koa-body parses. */
const PARSED = [
  /^application\/(.+\+)?json$/,
  /^application\/x-www-form-urlencoded$/,
  /^multipart\/form-data$/,
  /^text\/plain$/,
];

const SEGMENT_FORBIDDEN = /(^|\/)(__proto__|constructor|prototype)(\/|$)/i;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/** Answers that are JSON errors (Strapi's shape) or a bare text/empty body: the rest is content. */
const errorOf = (ctx: Context) => {
  const body = ctx.body as unknown;
  if (isRecord(body) && isRecord(body.error)) return body.error;
  if (body === undefined || body === null || body === '') return {};
  if (typeof body === 'string' && !/html|calendar|csv|xml/i.test(ctx.type ?? '')) {
    return { message: body };
  }
  return undefined;
};

/**
 * The first line of defence, in front of Strapi's own error middleware and body parser:
 * - every request gets an `X-Request-Id`, logged with any server error;
 * - a body that nobody can parse is refused before parsing (multipart without boundary, a content
 *   type no parser reads), a path naming an object's prototype is not looked up;
 * - every 4xx/5xx answer leaves with a Spanish message and a stable `error.details.code`
 *   (`translateError`), whoever produced it: Strapi, a plugin, a library or this project;
 * - an exception nobody caught becomes a coded Spanish 500 without internals.
 * HTML pages, files, calendars and CSVs pass untouched.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<unknown>) => {
    const requestId = crypto.randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);

    let path: string;
    try {
      path = decodeURIComponent(ctx.path);
    } catch {
      sendRefusal(ctx, 400, 'INVALID_REQUEST', 'La dirección tiene una codificación no válida.');
      return;
    }
    if (path.includes('\u0000')) {
      sendRefusal(ctx, 400, 'INVALID_REQUEST', 'La dirección contiene un carácter nulo (\\0).');
      return;
    }
    if (SEGMENT_FORBIDDEN.test(path)) {
      sendRefusal(ctx, 404, 'NOT_FOUND');
      return;
    }
    if (WITH_BODY.has(ctx.method) && ctx.request.length !== 0 && ctx.get('Content-Type')) {
      const type = ctx.get('Content-Type').split(';')[0].trim().toLowerCase();
      if (type === 'multipart/form-data' && !/boundary=[^;\s]+/i.test(ctx.get('Content-Type'))) {
        sendRefusal(
          ctx,
          400,
          'INVALID_BODY',
          'El formulario con archivos (multipart/form-data) no indica su separador («boundary»); el navegador o la biblioteca que lo envía lo agrega sola si no se fija el encabezado a mano.'
        );
        return;
      }
      if (ctx.request.length && !PARSED.some((pattern) => pattern.test(type))) {
        sendRefusal(ctx, 415, 'UNSUPPORTED_MEDIA_TYPE', undefined, { contentType: type });
        return;
      }
    }

    try {
      await next();
    } catch (error) {
      // Strapi's error middleware answers nearly everything; what escapes it lands here.
      const status = (error as { status?: number; expose?: boolean }).status;
      const exposed = typeof status === 'number' && status >= 400 && status < 500;
      if (!exposed) {
        strapi.log.error(
          `Error interno ${requestId} en ${ctx.method} ${ctx.path}: ${(error as Error)?.stack ?? String(error)}`
        );
      }
      ctx.status = exposed ? (status as number) : 500;
      ctx.body = {
        data: null,
        error: {
          status: ctx.status,
          message: (error as Error)?.message,
          details: (error as { details?: Record<string, unknown> }).details,
        },
      };
    }

    if (ctx.status < 400) return;
    const raw = errorOf(ctx);
    if (!raw) return;
    const error = translateError({
      status: ctx.status,
      name: typeof raw.name === 'string' ? raw.name : undefined,
      message: typeof raw.message === 'string' ? raw.message : undefined,
      details: isRecord(raw.details) ? raw.details : undefined,
    });
    if (ctx.status >= 500) {
      error.details.requestId = requestId;
      strapi.log.error(
        `Respuesta ${ctx.status} ${requestId} a ${ctx.method} ${ctx.path} (${String(raw.message ?? '')})`
      );
    }
    const status = ctx.status;
    ctx.body = { data: null, error };
    // Setting a body resets a status Koa inferred; the refusal keeps its own.
    ctx.status = status;
  };
