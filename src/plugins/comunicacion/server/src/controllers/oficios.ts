import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminActor, createStaffReads, invalid } from '../app';
import type { AcceptLate, GetOficio } from '../../../shared/contracts/oficios';
import { getPluginService } from '../utils/get-plugin-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const MAX_JUSTIFICATION = 2000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService('oficio-view', strapi);

  return {
    /** GET /comunicacion/oficios/:documentId */
    async get(ctx: Ctx) {
      const data = await service().get(
        String(ctx.params.documentId),
        adminActor(ctx.state.user),
        createStaffReads(strapi, { user: ctx.state.user, userAbility: ctx.state.userAbility })
      );
      if (!data) throw new errors.NotFoundError('No existe ese oficio.', { code: 'NOT_FOUND' });
      const body: GetOficio.Response = { data };
      ctx.body = body;
    },

    /** POST /comunicacion/oficios/:documentId/accept-late */
    async acceptLate(ctx: Ctx) {
      const input = (ctx.request.body ?? {}) as Partial<AcceptLate.Request['body']>;
      if (typeof input.justification !== 'string') {
        throw invalid(
          'COMMENT_REQUIRED',
          'Escribe la justificación para aceptar la solicitud extemporánea.',
          { fields: ['justification'] }
        );
      }
      if (input.justification.length > MAX_JUSTIFICATION) {
        throw invalid(
          'INVALID_REQUEST',
          `La justificación admite hasta ${MAX_JUSTIFICATION} caracteres.`,
          { fields: ['justification'] }
        );
      }
      const body: AcceptLate.Response = {
        data: await service().acceptLate(
          String(ctx.params.documentId),
          input.justification,
          adminActor(ctx.state.user)
        ),
      };
      ctx.body = body;
    },
  };
};
