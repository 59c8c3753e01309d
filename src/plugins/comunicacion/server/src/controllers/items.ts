import type { Core } from '@strapi/strapi';
import { errors, yup } from '@strapi/utils';
import { WORKFLOW_UIDS, adminActor, validateInput } from '../app';
import type { AddProposal, AssignItem, GetItemTransitions } from '../../../shared/contracts/items';
import { getPluginService } from '../utils/get-plugin-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const UIDS = Object.values(WORKFLOW_UIDS);

const querySchema = yup.object({
  uid: yup
    .string()
    .required('Indica el tipo de registro (uid).')
    .oneOf(UIDS, 'El tipo de registro no tiene flujo de trabajo.'),
  documentId: yup.string().trim().required('Indica el documentId del registro.'),
});

const assignSchema = yup
  .object({
    uid: yup
      .string()
      .required('Indica el tipo de registro (uid).')
      .oneOf(UIDS, 'El tipo de registro no tiene flujo de trabajo.'),
    documentId: yup.string().trim().required('Indica el documentId del registro.'),
    assigneeIds: yup
      .array()
      .of(
        yup
          .number()
          .typeError('Cada responsable es el id numérico de una persona del personal.')
          .integer('Cada responsable es el id numérico de una persona del personal.')
          .positive('Cada responsable es el id numérico de una persona del personal.')
          .required()
      )
      .required('Indica los responsables (assigneeIds), o una lista vacía para quitarlos.')
      .max(20, 'Se asignan como máximo 20 personas.'),
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

const proposalSchema = yup
  .object({
    fileId: yup
      .number()
      .typeError('Indica el archivo de la propuesta (fileId).')
      .integer('Indica el archivo de la propuesta (fileId).')
      .positive('Indica el archivo de la propuesta (fileId).')
      .required('Indica el archivo de la propuesta (fileId).'),
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService('item-actions', strapi);

  return {
    /** GET /comunicacion/items/transitions?uid&documentId */
    async transitions(ctx: Ctx) {
      const query = await validateInput<GetItemTransitions.Request['query']>(
        querySchema,
        ctx.query
      );
      const data = await service().transitions(
        query.uid,
        query.documentId,
        adminActor(ctx.state.user)
      );
      if (!data) throw new errors.NotFoundError('No existe ese registro.', { code: 'NOT_FOUND' });
      const body: GetItemTransitions.Response = { data };
      ctx.body = body;
    },

    /** POST /comunicacion/items/assign */
    async assign(ctx: Ctx) {
      const input = await validateInput<AssignItem.Request['body']>(assignSchema, ctx.request.body);
      const body: AssignItem.Response = {
        data: await service().assign(
          input.uid,
          input.documentId,
          input.assigneeIds,
          adminActor(ctx.state.user)
        ),
      };
      ctx.body = body;
    },

    /** POST /comunicacion/designs/:documentId/proposals */
    async addProposal(ctx: Ctx) {
      const input = await validateInput<AddProposal.Request['body']>(
        proposalSchema,
        ctx.request.body
      );
      const body: AddProposal.Response = {
        data: await service().addProposal(
          String(ctx.params.documentId),
          input.fileId,
          adminActor(ctx.state.user)
        ),
      };
      ctx.body = body;
    },
  };
};
