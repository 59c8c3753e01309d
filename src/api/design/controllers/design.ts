import { factories } from '@strapi/strapi';
import { errors, yup, validateYupSchema } from '@strapi/utils';
import { requireArea } from '../../../utils/area-scope';
import { invalid } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { scopeReads, workItemScope } from '../../workflow/scoped-controller';

const UID = 'api::design.design';

const decisionSchema = yup
  .object({
    version: yup.number().integer().min(1).required('Indica la versión que revisaste.'),
    decision: yup
      .string()
      .oneOf(['aprobada', 'observaciones'], 'La decisión es «aprobada» u «observaciones».')
      .required('Indica la decisión: «aprobada» u «observaciones».'),
    feedback: yup.string().nullable().max(5000, 'Las observaciones admiten hasta 5000 caracteres.'),
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

export default factories.createCoreController(UID, ({ strapi }) => {
  const scope = scopeReads(strapi, UID, workItemScope({ logos: true, proposals: { file: true } }));
  return {
    async find(ctx) {
      return scope.find(this, ctx);
    },
    async findOne(ctx) {
      return scope.findOne(this, ctx);
    },

    /** POST /api/designs/:id/decision — the area approves or observes the latest proposal. */
    async decision(ctx) {
      const area = await requireArea(strapi, ctx);
      let body: {
        version: number;
        decision: 'aprobada' | 'observaciones';
        feedback?: string | null;
      };
      try {
        body = (await validateYupSchema(decisionSchema, { strict: false, abortEarly: true })(
          ctx.request.body ?? {}
        )) as typeof body;
      } catch (error) {
        throw invalid('INVALID_REQUEST', (error as Error).message);
      }
      const decisions = getService('design-decision', strapi);
      const design = await decisions.load(String(ctx.params.id));
      if (!design || design.oficio?.area?.id !== area.id) {
        throw new errors.NotFoundError('No existe ese diseño.', { code: 'NOT_FOUND' });
      }
      const user = ctx.state.user as { id: number; username?: string; email?: string };
      const updated = await decisions.decide({
        design,
        version: body.version,
        decision: body.decision,
        feedback: body.feedback,
        actor: {
          kind: 'api',
          roles: ['area'],
          id: user.id,
          name: `${area.name} (${user.username ?? user.email ?? user.id})`,
        },
      });
      ctx.body = {
        data: {
          documentId: updated.documentId,
          workflowStatus: updated.workflowStatus,
          version: body.version,
        },
      };
    },
  };
});
