import type { Core } from '@strapi/strapi';
import { yup } from '@strapi/utils';
import type { Actor } from '../../../domain/workflows';
import { runAs } from '../../../services/write-context';
import { invalid } from '../../../utils/errors';

const UID = 'api::design.design';

export type Decision = 'aprobada' | 'observaciones';

/** What the area says about a proposal, whichever way it arrives. */
export const DECISION_FIELDS = {
  decision: yup
    .string()
    .oneOf(['aprobada', 'observaciones'], 'La decisión es «aprobada» u «observaciones».')
    .required('Indica la decisión: «aprobada» u «observaciones».'),
  feedback: yup.string().nullable().max(5000, 'Las observaciones admiten hasta 5000 caracteres.'),
};

interface Proposal {
  id: number;
  version: number;
  sentAt: string | null;
  decision?: string | null;
  feedback?: string | null;
  decidedAt?: string | null;
  decidedBy?: string | null;
  file?: { id: number; url?: string; name?: string; mime?: string } | null;
}

export interface DesignUnderReview {
  documentId: string;
  title: string;
  workflowStatus: string;
  eventName?: string | null;
  eventDate?: string | null;
  proposals: Proposal[];
  oficio?: { area?: { id: number; name: string } | null } | null;
}

/** The latest version sent to the area, if any. */
export const latestSent = (design: DesignUnderReview) =>
  design.proposals
    .filter((p) => p.sentAt)
    .reduce<Proposal | null>((best, p) => (!best || p.version > best.version ? p : best), null);

/**
 * The area's decision on the latest proposal, by whichever way it arrives (its account or an
 * approval link): recorded on that version and moving the design to `aprobado` or
 * `con_observaciones` through the workflow rules.
 */
export const createDecisionService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async load(documentId: string): Promise<DesignUnderReview | null> {
    return (await strapi.db.query(UID).findOne({
      where: { documentId },
      populate: {
        proposals: { populate: { file: { select: ['id', 'url', 'name', 'mime'] } } },
        oficio: { select: ['id'], populate: { area: { select: ['id', 'name'] } } },
      },
    })) as DesignUnderReview | null;
  },

  /** Throws with a stable code when the version may not be decided now. */
  check(design: DesignUnderReview, version: number) {
    if (design.workflowStatus !== 'en_revision') {
      throw invalid(
        'NOT_IN_REVIEW',
        'Este diseño no espera tu revisión: la Dirección aún no envía una propuesta o ya se decidió.'
      );
    }
    const latest = latestSent(design);
    if (!latest || latest.version !== version) {
      throw invalid(
        'STALE_VERSION',
        `Solo se decide sobre la última versión enviada${latest ? ` (la ${latest.version})` : ''}.`,
        { latestVersion: latest?.version ?? null }
      );
    }
    return latest;
  },

  async decide(input: {
    design: DesignUnderReview;
    version: number;
    decision: Decision;
    feedback?: string | null;
    actor: Actor;
  }) {
    const latest = this.check(input.design, input.version);
    const feedback = input.feedback?.trim() || null;
    if (input.decision === 'observaciones' && !feedback) {
      throw invalid(
        'MISSING_DATA',
        'Escribe tus observaciones para que el diseñador las atienda.',
        {
          fields: ['feedback'],
        }
      );
    }
    const decidedAt = new Date().toISOString();
    const updated = await runAs(
      input.actor,
      () =>
        strapi.documents(UID).update({
          documentId: input.design.documentId,
          data: {
            proposals: input.design.proposals.map((p) => {
              const mine = p.id === latest.id;
              return {
                id: p.id,
                version: p.version,
                sentAt: p.sentAt,
                file: p.file?.id ?? null,
                decision: mine ? input.decision : p.decision,
                feedback: mine ? feedback : p.feedback,
                decidedAt: mine ? decidedAt : p.decidedAt,
                decidedBy: mine ? input.actor.name : p.decidedBy,
              };
            }),
            workflowStatus: input.decision === 'aprobada' ? 'aprobado' : 'con_observaciones',
          } as never,
        }),
      feedback
    );
    return updated as unknown as { documentId: string; workflowStatus: string };
  },
});

export type DecisionService = ReturnType<typeof createDecisionService>;

export default createDecisionService;
