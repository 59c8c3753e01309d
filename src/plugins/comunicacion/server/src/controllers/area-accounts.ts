import type { Core } from '@strapi/strapi';
import { yup } from '@strapi/utils';
import { adminActor, invalid, validateInput } from '../app';
import type {
  CreateAreaAccount,
  ListAreaAccounts,
  ResendAreaInvitation,
  SetAreaAccountState,
} from '../../../shared/contracts/area-accounts';
import { getPluginService } from '../utils/get-plugin-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

const listSchema = yup.object({
  area: yup.string().typeError('El área se indica con su identificador.').transform(trimmed),
  state: yup
    .string()
    .transform(trimmed)
    .oneOf(['activa', 'desactivada', ''], 'El estado debe ser «activa» o «desactivada».'),
});

const createSchema = yup.object({
  email: yup
    .string()
    .typeError('El correo debe ser un texto.')
    .transform(trimmed)
    .required('Escribe el correo de la cuenta.')
    .max(254, 'El correo admite hasta 254 caracteres.')
    .matches(
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
      'Escribe un correo válido, p. ej. cultura@calimaya.gob.mx.'
    ),
  username: yup
    .string()
    .typeError('El nombre debe ser un texto.')
    .transform(trimmed)
    .nullable()
    .test(
      'length',
      'El nombre de la cuenta debe tener de 3 a 100 caracteres.',
      (value) => !value || (value.length >= 3 && value.length <= 100)
    ),
  area: yup
    .string()
    .typeError('El área se indica con su identificador.')
    .transform(trimmed)
    .required('Elige el área de la cuenta.'),
});

const documentIdOf = (ctx: Ctx) => String(ctx.params.documentId);

/** yup lets unknown keys through outside strict mode: they are refused here, by name. */
const refuseUnknown = (schema: yup.AnyObjectSchema, body: unknown) => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  const unknown = Object.keys(body).filter((key) => !(key in schema.fields));
  if (unknown.length > 0) {
    throw invalid('INVALID_REQUEST', `Campo no admitido: ${unknown.join(', ')}.`, {
      fields: unknown,
    });
  }
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService('area-accounts', strapi);

  return {
    /** GET /comunicacion/area-accounts */
    async list(ctx: Ctx) {
      refuseUnknown(listSchema, ctx.query);
      const query = await validateInput<ListAreaAccounts.Request['query']>(listSchema, ctx.query);
      const body: ListAreaAccounts.Response = await service().list({
        area: query.area || undefined,
        state: query.state || undefined,
      });
      ctx.body = body;
    },

    /** POST /comunicacion/area-accounts */
    async create(ctx: Ctx) {
      refuseUnknown(createSchema, ctx.request.body);
      const input = await validateInput<CreateAreaAccount.Request['body']>(
        createSchema,
        ctx.request.body
      );
      const body: CreateAreaAccount.Response = {
        data: await service().create(input, adminActor(ctx.state.user)),
      };
      ctx.status = 201;
      ctx.body = body;
    },

    /** POST /comunicacion/area-accounts/:documentId/invitation */
    async resendInvitation(ctx: Ctx) {
      const body: ResendAreaInvitation.Response = {
        data: await service().resendInvitation(documentIdOf(ctx), adminActor(ctx.state.user)),
      };
      ctx.body = body;
    },

    /** POST /comunicacion/area-accounts/:documentId/deactivate */
    async deactivate(ctx: Ctx) {
      const body: SetAreaAccountState.Response = {
        data: await service().deactivate(documentIdOf(ctx), adminActor(ctx.state.user)),
      };
      ctx.body = body;
    },

    /** POST /comunicacion/area-accounts/:documentId/reactivate */
    async reactivate(ctx: Ctx) {
      const body: SetAreaAccountState.Response = {
        data: await service().reactivate(documentIdOf(ctx), adminActor(ctx.state.user)),
      };
      ctx.body = body;
    },
  };
};
