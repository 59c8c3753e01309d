import type { Core } from '@strapi/strapi';
import { errors, yup } from '@strapi/utils';
import { getService, validateInput } from '../app';
import type {
  ListNotifications,
  MarkAllNotificationsRead,
  MarkNotificationsRead,
  UnreadNotificationsCount,
} from '../../../shared/contracts/notifications';

type Context = Parameters<Core.MiddlewareHandler>[0];

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
const MAX_IDS = 200;

const pageMessage = 'La página (page) debe ser un entero mayor que cero.';
const pageSizeMessage = `El tamaño de página (pageSize) debe ser un entero entre 1 y ${MAX_PAGE_SIZE}.`;
const idsMessage = 'Los avisos (ids) deben ser números enteros positivos.';

/** A query value may come repeated (`?page=1&page=2`) or empty: the first counts, empty is absent. */
const queryValues = (query: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries(query)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])
      .filter(([, value]) => value !== undefined && value !== '')
  );

const listSchema = yup.object({
  page: yup.number().typeError(pageMessage).integer(pageMessage).min(1, pageMessage),
  pageSize: yup
    .number()
    .typeError(pageSizeMessage)
    .integer(pageSizeMessage)
    .min(1, pageSizeMessage)
    .max(MAX_PAGE_SIZE, pageSizeMessage),
  unread: yup
    .string()
    .oneOf(['true', 'false'], 'El filtro de no leídas (unread) debe ser «true» o «false».'),
});

const markSchema = yup
  .object({
    ids: yup
      .array()
      .typeError('Indica los avisos a marcar como leídos (ids).')
      .of(
        yup
          .number()
          .typeError(idsMessage)
          .integer(idsMessage)
          .positive(idsMessage)
          .required(idsMessage)
      )
      .required('Indica los avisos a marcar como leídos (ids).')
      .min(1, 'Indica al menos un aviso a marcar como leído.')
      .max(MAX_IDS, `Se pueden marcar hasta ${MAX_IDS} avisos a la vez.`),
  })
  // Whose notices they are comes from the session only: any other field is dropped.
  .noUnknown();

/** The logged-in admin; each person only ever reads and marks their own notices. */
const callerId = (ctx: Context): number => {
  const id = Number((ctx.state.user as { id?: unknown } | undefined)?.id);
  if (!Number.isInteger(id)) throw new errors.UnauthorizedError('Inicia sesión de nuevo.');
  return id;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('staff-notifications', strapi);

  const marked = async (userId: number, ids: number[] | 'all') => {
    const updated = await service().markRead(userId, ids);
    return { updated, unreadCount: await service().unreadCount(userId) };
  };

  return {
    /** GET /comunicacion/notifications */
    async list(ctx: Context) {
      const userId = callerId(ctx);
      const query = await validateInput<{ page?: number; pageSize?: number; unread?: string }>(
        listSchema,
        queryValues(ctx.query)
      );
      const page = await service().list(userId, {
        page: query.page ?? 1,
        pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
        unread: query.unread === 'true',
      });
      const response: ListNotifications.Response = {
        data: page.results,
        meta: { pagination: page.pagination, unreadCount: await service().unreadCount(userId) },
      };
      ctx.body = response;
    },

    /** GET /comunicacion/notifications/unread-count */
    async unreadCount(ctx: Context) {
      const response: UnreadNotificationsCount.Response = {
        data: { count: await service().unreadCount(callerId(ctx)) },
      };
      ctx.body = response;
    },

    /** POST /comunicacion/notifications/read */
    async markRead(ctx: Context) {
      const userId = callerId(ctx);
      const { ids } = await validateInput<MarkNotificationsRead.Request['body']>(
        markSchema,
        ctx.request.body
      );
      const response: MarkNotificationsRead.Response = {
        data: await marked(userId, Array.from(new Set(ids))),
      };
      ctx.body = response;
    },

    /** POST /comunicacion/notifications/read-all */
    async markAllRead(ctx: Context) {
      const response: MarkAllNotificationsRead.Response = {
        data: await marked(callerId(ctx), 'all'),
      };
      ctx.body = response;
    },
  };
};
