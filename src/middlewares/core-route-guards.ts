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

/** Errors of the query engine that come from what the client asked for, not from the server. */
const QUERY_ERRORS = [/^Attribute .+ not found on model /, /^Undefined attribute level operator /];

/**
 * Shape checks for the core routes that trust their input, and the query engine's refusals of
 * unknown attributes (thrown as plain errors, which Strapi would answer with 500) as 400
 * `INVALID_QUERY`.
 */
export default (_config: unknown, _: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<unknown>) => {
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
