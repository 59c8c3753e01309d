import type { Core } from '@strapi/strapi';
import { yup } from '@strapi/utils';
import {
  PUBLISHABLE_UIDS,
  adminActor,
  forbidden,
  getService,
  invalid,
  validateInput,
  type PublishableUid,
} from '../app';
import type {
  ListSiteDeliveries,
  PublicationStatus,
  PublishPublication,
  RetrySiteDelivery,
  VerifyPublication,
  WithdrawPublication,
} from '../../../shared/contracts/publications';
import { PERMISSIONS } from '../permissions';
import { can } from './queues';

type Context = Parameters<Core.MiddlewareHandler>[0];

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
const DELIVERY_STATUSES = ['pendiente', 'entregado', 'sin_destino'] as const;

const uid = () =>
  yup
    .string()
    .required('Indica el tipo de registro (uid).')
    .oneOf(
      [...PUBLISHABLE_UIDS],
      'Solo se publican en el sitio las publicaciones web y los documentos de transparencia.'
    );
const documentId = () => yup.string().trim().required('Indica el documentId del registro.');
const unknownField = 'Campo no admitido: ${unknown}.';

const publishSchema = yup
  .object({
    uid: uid(),
    documentId: documentId(),
    comment: yup.string().nullable().max(2000, 'El comentario admite hasta 2000 caracteres.'),
  })
  .noUnknown(true, unknownField);

const itemSchema = yup
  .object({ uid: uid(), documentId: documentId() })
  .noUnknown(true, unknownField);

const withdrawSchema = yup
  .object({
    uid: uid(),
    documentId: documentId(),
    // The length rule answers MISSING_DATA in the service, as every door does.
    reason: yup.string().nullable().max(2000, 'El motivo admite hasta 2000 caracteres.'),
  })
  .noUnknown(true, unknownField);

const pageMessage = 'La página (page) debe ser un entero mayor que cero.';
const pageSizeMessage = `El tamaño de página (pageSize) debe ser un entero entre 1 y ${MAX_PAGE_SIZE}.`;
const listSchema = yup.object({
  page: yup.number().typeError(pageMessage).integer(pageMessage).min(1, pageMessage),
  pageSize: yup
    .number()
    .typeError(pageSizeMessage)
    .integer(pageSizeMessage)
    .min(1, pageSizeMessage)
    .max(MAX_PAGE_SIZE, pageSizeMessage),
  status: yup
    .string()
    .oneOf(
      [...DELIVERY_STATUSES],
      'El estado (status) debe ser «pendiente», «entregado» o «sin_destino».'
    ),
});

/** A query value may come repeated or empty: the first counts, empty is absent. */
const queryValues = (query: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries(query)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])
      .filter(([, value]) => value !== undefined && value !== '')
  );

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const publishing = () => getService('site-publishing', strapi);
  const webhook = () => getService('site-webhook', strapi);

  return {
    /** POST /comunicacion/publications/publish */
    async publish(ctx: Context) {
      const body = await validateInput<PublishPublication.Request['body']>(
        publishSchema,
        ctx.request.body
      );
      const response: PublishPublication.Response = {
        data: await publishing().publish({
          uid: body.uid,
          documentId: body.documentId,
          actor: adminActor(ctx.state.user),
          comment: body.comment ?? null,
        }),
      };
      ctx.body = response;
    },

    /** POST /comunicacion/publications/verify */
    async verify(ctx: Context) {
      const body = await validateInput<VerifyPublication.Request['body']>(
        itemSchema,
        ctx.request.body
      );
      const response: VerifyPublication.Response = {
        data: await publishing().verify({
          uid: body.uid,
          documentId: body.documentId,
          actor: adminActor(ctx.state.user),
        }),
      };
      ctx.body = response;
    },

    /** POST /comunicacion/publications/withdraw */
    async withdraw(ctx: Context) {
      const body = await validateInput<WithdrawPublication.Request['body']>(
        withdrawSchema,
        ctx.request.body
      );
      const response: WithdrawPublication.Response = {
        data: await publishing().withdraw({
          uid: body.uid,
          documentId: body.documentId,
          actor: adminActor(ctx.state.user),
          reason: body.reason ?? '',
        }),
      };
      ctx.body = response;
    },

    /** GET /comunicacion/publications/status?uid=&documentId= */
    async status(ctx: Context) {
      if (!can(ctx, PERMISSIONS.publish) && !can(ctx, PERMISSIONS.siteDeliveries)) {
        throw forbidden(
          'FORBIDDEN',
          'No tienes acceso a la publicación en el sitio ni a sus avisos.'
        );
      }
      const query = await validateInput<PublicationStatus.Request['query']>(
        itemSchema,
        queryValues(ctx.query as Record<string, unknown>)
      );
      const response: PublicationStatus.Response = {
        data: await publishing().status(query.uid as PublishableUid, query.documentId),
      };
      ctx.body = response;
    },

    /** GET /comunicacion/site/deliveries?page&pageSize&status */
    async deliveries(ctx: Context) {
      const query = await validateInput<{
        page?: number;
        pageSize?: number;
        status?: (typeof DELIVERY_STATUSES)[number];
      }>(listSchema, queryValues(ctx.query as Record<string, unknown>));
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
      const { data, total } = await webhook().list({ page, pageSize, status: query.status });
      const response: ListSiteDeliveries.Response = {
        data,
        meta: {
          pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
        },
      };
      ctx.body = response;
    },

    /** POST /comunicacion/site/deliveries/:id/retry */
    async retry(ctx: Context) {
      const id = String(ctx.params.id ?? '');
      // A database integer: beyond 2³¹ − 1 PostgreSQL would refuse the lookup itself.
      if (!/^\d{1,10}$/.test(id) || Number(id) < 1 || Number(id) > 2_147_483_647) {
        throw invalid('INVALID_REQUEST', 'El aviso (id) debe ser un entero positivo.');
      }
      const response: RetrySiteDelivery.Response = { data: await webhook().retry(Number(id)) };
      ctx.body = response;
    },
  };
};
