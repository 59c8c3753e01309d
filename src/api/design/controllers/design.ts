import { factories } from '@strapi/strapi';
import { errors, yup } from '@strapi/utils';
import { requireArea } from '../../../utils/area-scope';
import { validateInput } from '../../../utils/validation';
import { getService } from '../../../utils/get-service';
import { scopeReads, workItemScope } from '../../workflow/scoped-controller';
import { DECISION_FIELDS, type Decision } from '../services/decision';

const UID = 'api::design.design';

const decisionSchema = yup
  .object({
    version: yup.number().integer().min(1).required('Indica la versión que revisaste.'),
    ...DECISION_FIELDS,
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

export default factories.createCoreController(UID, ({ strapi }) => {
  const scope = scopeReads(
    strapi,
    UID,
    workItemScope({
      logos: { logo: true },
      delivery: true,
      proposals: { file: true },
    })
  );
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
      const body = await validateInput<{
        version: number;
        decision: Decision;
        feedback?: string | null;
      }>(decisionSchema, ctx.request.body);
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
