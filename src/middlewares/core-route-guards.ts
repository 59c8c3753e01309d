import type { Core } from '@strapi/strapi';
import { yup } from '@strapi/utils';
import { sendRefusal } from '../utils/error-translation';

type Context = Parameters<Core.MiddlewareHandler>[0];

interface Guard {
  method: string;
  path: RegExp;
  /** What the route's own code assumes of its body without checking it. */
  body: yup.AnySchema;
  message: string;
}

const text = () => yup.string().strict(true);

/**
 * Routes of Strapi and its plugins that read their input without validating its shape and answer
 * 500 on a body of the wrong form. Each gets the schema its code assumes, checked before it runs.
 */
const GUARDS: readonly Guard[] = [
  {
    method: 'POST',
    path: /^\/admin\/permissions\/check$/,
    body: yup
      .object({
        permissions: yup
          .array()
          .of(
            yup
              .object({
                action: text().required(),
                subject: text().nullable(),
                field: text().nullable(),
              })
              .required()
          )
          .max(1000)
          .required(),
      })
      .required(),
    message: 'Indica en «permissions» la lista de permisos a comprobar (acción, tipo y campo).',
  },
  {
    method: 'PUT',
    path: /^\/users-permissions\/email-templates$/,
    body: yup
      .object({
        'email-templates': yup
          .object()
          .required()
          .test(
            'templates',
            'Cada plantilla lleva sus opciones y su mensaje.',
            (value: unknown) =>
              typeof value === 'object' &&
              value !== null &&
              Object.values(value).every(
                (template) =>
                  typeof template === 'object' &&
                  template !== null &&
                  typeof (template as { options?: { message?: unknown } }).options?.message ===
                    'string'
              )
          ),
      })
      .required(),
    message: 'Las plantillas de correo deben enviarse completas, cada una con su mensaje.',
  },
];

/** Media-library fields that name a folder or file by its numeric id. */
const UPLOAD_ID_FIELDS = ['parent', 'destinationFolderId', 'folder', 'folderIds', 'fileIds'];

const isNumericId = (value: unknown) =>
  value === null ||
  (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) ||
  (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value));

/**
 * The media library looks folders up by these ids inside its validation, in parallel checks whose
 * database error nobody awaits once another check failed: on PostgreSQL a text where an integer
 * goes would surface as an unhandled rejection. Ids are checked for their form first.
 */
const uploadIdsProblem = (ctx: Context) => {
  if (!ctx.path.startsWith('/upload/')) return undefined;
  const folderOrFile = /^\/upload\/(folders|files)\/([^/]+)/.exec(ctx.path);
  if (folderOrFile && !isNumericId(folderOrFile[2])) return 'id';
  const body = (ctx.request as { body?: unknown }).body;
  const sources: unknown[] = [body];
  const fileInfo = (body as { fileInfo?: unknown } | undefined)?.fileInfo;
  for (const info of Array.isArray(fileInfo) ? fileInfo : [fileInfo]) {
    if (typeof info !== 'string') sources.push(info);
    else {
      try {
        sources.push(JSON.parse(info));
      } catch {
        return 'fileInfo';
      }
    }
  }
  for (const source of sources) {
    if (typeof source !== 'object' || source === null) continue;
    for (const field of UPLOAD_ID_FIELDS) {
      if (!(field in source)) continue;
      const value = (source as Record<string, unknown>)[field];
      const values = Array.isArray(value) ? value : [value];
      if (values.length > 1000 || !values.every(isNumericId)) return field;
    }
  }
  return undefined;
};

/**
 * Routes that only make sense on Strapi's commercial edition and would call its licence server
 * from here: this installation has no licence, so they are not found.
 */
const ENTERPRISE_ONLY = [/^\/admin\/license-trial-time-left$/];

/** A schema library's refusal (zod, used by some of Strapi's newer admin routes). */
const isSchemaRefusal = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  Array.isArray((error as { issues?: unknown }).issues) &&
  /ZodError/.test(String((error as { name?: unknown }).name));

/** Errors of the query engine that come from what the client asked for, not from the server. */
const QUERY_ERRORS = [/^Attribute .+ not found on model /, /^Undefined attribute level operator /];

/**
 * Shape checks for the core routes that trust their input, and the query engine's refusals of
 * unknown attributes (thrown as plain errors, which Strapi would answer with 500) as 400
 * `INVALID_QUERY`.
 */
export default (_config: unknown, _: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<unknown>) => {
    if (ENTERPRISE_ONLY.some((path) => path.test(ctx.path))) {
      return sendRefusal(ctx, 404, 'NOT_FOUND');
    }
    const uploadProblem = uploadIdsProblem(ctx);
    if (uploadProblem) {
      return sendRefusal(
        ctx,
        400,
        'INVALID_REQUEST',
        `«${uploadProblem}» debe ser el número de una carpeta o un archivo de la biblioteca de medios.`,
        { field: uploadProblem }
      );
    }
    const guard = GUARDS.find((g) => g.method === ctx.method && g.path.test(ctx.path));
    if (guard) {
      const body = (ctx.request as { body?: unknown }).body;
      if (!(await guard.body.isValid(body, { strict: true }))) {
        return sendRefusal(ctx, 400, 'INVALID_REQUEST', guard.message);
      }
    }
    try {
      return await next();
    } catch (error) {
      // Some routes write a refusal (`ctx.forbidden()`) and then go on to crash on the nothing it
      // returned; the refusal is the answer.
      const answered = ctx.body as { error?: unknown } | undefined;
      if (ctx.status >= 400 && ctx.status < 500 && answered?.error) return undefined;
      if (isSchemaRefusal(error)) {
        return sendRefusal(
          ctx,
          400,
          'INVALID_REQUEST',
          'Los datos enviados no tienen la forma esperada.'
        );
      }
      const message = error instanceof Error ? error.message : '';
      // Plain errors only: the engine throws these as `Error`, never as an application error.
      if (error?.constructor === Error && QUERY_ERRORS.some((re) => re.test(message))) {
        return sendRefusal(
          ctx,
          400,
          'INVALID_QUERY',
          'La consulta ordena, filtra o incluye un campo que no existe en este tipo de registro.'
        );
      }
      throw error;
    }
  };
