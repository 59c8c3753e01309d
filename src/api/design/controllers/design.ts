import { factories } from '@strapi/strapi';
import { errors, yup, validateYupSchema } from '@strapi/utils';
import { runAs } from '../../../services/write-context';
import { requireArea } from '../../../utils/area-scope';
import { invalid } from '../../../utils/errors';
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

interface Proposal {
  id: number;
  version: number;
  sentAt: string | null;
  decision?: string | null;
  feedback?: string | null;
  decidedAt?: string | null;
  decidedBy?: string | null;
  file?: { id: number } | null;
}

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
      const design = (await strapi.db.query(UID).findOne({
        where: { documentId: String(ctx.params.id), oficio: { area: { id: area.id } } },
        populate: { proposals: { populate: { file: { select: ['id'] } } } },
      })) as { documentId: string; workflowStatus: string; proposals: Proposal[] } | null;
      if (!design) throw new errors.NotFoundError('No existe ese diseño.', { code: 'NOT_FOUND' });

      if (design.workflowStatus !== 'en_revision') {
        throw invalid(
          'NOT_IN_REVIEW',
          'Este diseño no espera tu revisión: la Dirección aún no envía una propuesta o ya se decidió.'
        );
      }
      const sent = design.proposals.filter((p) => p.sentAt);
      const latest = sent.reduce<Proposal | null>(
        (a, p) => (!a || p.version > a.version ? p : a),
        null
      );
      if (!latest || latest.version !== body.version) {
        throw invalid(
          'STALE_VERSION',
          `Solo se decide sobre la última versión enviada${latest ? ` (la ${latest.version})` : ''}.`,
          { latestVersion: latest?.version ?? null }
        );
      }
      const feedback = body.feedback?.trim() || null;
      if (body.decision === 'observaciones' && !feedback) {
        throw invalid(
          'MISSING_DATA',
          'Escribe tus observaciones para que el diseñador las atienda.',
          {
            fields: ['feedback'],
          }
        );
      }

      const user = ctx.state.user as { id: number; username?: string; email?: string };
      const actor = {
        kind: 'api' as const,
        roles: ['area' as const],
        id: user.id,
        name: `${area.name} (${user.username ?? user.email ?? user.id})`,
      };
      const updated = await runAs(
        actor,
        () =>
          strapi.documents(UID).update({
            documentId: design.documentId,
            data: {
              proposals: design.proposals.map((p) => ({
                id: p.id,
                version: p.version,
                sentAt: p.sentAt,
                file: p.file?.id ?? null,
                decision: p.id === latest.id ? body.decision : p.decision,
                feedback: p.id === latest.id ? feedback : p.feedback,
                decidedAt: p.id === latest.id ? new Date().toISOString() : p.decidedAt,
                decidedBy: p.id === latest.id ? actor.name : p.decidedBy,
              })),
              workflowStatus: body.decision === 'aprobada' ? 'aprobado' : 'con_observaciones',
            } as never,
          }),
        feedback
      );
      const row = updated as unknown as { documentId: string; workflowStatus: string };
      ctx.body = {
        data: {
          documentId: row.documentId,
          workflowStatus: row.workflowStatus,
          version: body.version,
        },
      };
    },
  };
});
