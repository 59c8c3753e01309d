import type { Core, UID } from '@strapi/strapi';
import { WORKFLOW_UIDS, workflowForUid } from '../domain/workflows';
import {
  countersOf,
  insideCountedWrite,
  oficioItemRelations,
} from '../document-middlewares/queue-counters';

const AREA_UID = 'api::area.area';

interface LifecycleEvent {
  model: { uid: string };
  params: { data?: unknown; where?: Record<string, unknown> };
  result?: unknown;
  state: Record<string, unknown>;
}

/**
 * The queue counters also follow rows written with the query engine (`strapi.db.query`), which
 * the project's own code never does for these types but a script or a test set-up may: each such
 * write adjusts the counters right after it. Writes of the Document Service are left to its
 * middleware (`document-middlewares/queue-counters.ts`), which sees the document as a whole.
 */
export const queueCounterLifecycles = ({ strapi }: { strapi: Core.Strapi }) => {
  const counted = [...Object.values(WORKFLOW_UIDS), AREA_UID];

  const documentIdsOf = async (uid: string, where: Record<string, unknown> | undefined) =>
    (
      (await strapi.db
        .query(uid as UID.ContentType)
        .findMany({ where: where ?? {}, select: ['documentId'] })) as { documentId: string }[]
    ).map((row) => row.documentId);

  const touched = async (event: LifecycleEvent, documentIds: string[]) => {
    const uid = event.model.uid;
    const data = (event.params.data ?? {}) as Record<string, unknown>;
    if (uid === AREA_UID) {
      if ('kind' in data || 'oficios' in data || !event.params.data)
        await countersOf(strapi).rebuild();
      return;
    }
    const workflow = workflowForUid(uid);
    if (!workflow || documentIds.length === 0) return;
    const cascade =
      workflow === 'oficio' &&
      (!event.params.data || oficioItemRelations(strapi).some((name) => name in data));
    await countersOf(strapi).reconcile(workflow, [...new Set(documentIds)], { cascade });
  };

  const one = async (event: LifecycleEvent) => {
    if (insideCountedWrite()) return;
    const documentId = (event.result as { documentId?: string } | null)?.documentId;
    await touched(event, documentId ? [documentId] : []);
  };
  const remember = async (event: LifecycleEvent) => {
    if (insideCountedWrite()) return;
    event.state.documentIds = await documentIdsOf(event.model.uid, event.params.where);
  };
  const many = async (event: LifecycleEvent) => {
    if (insideCountedWrite()) return;
    await touched(event, (event.state.documentIds as string[] | undefined) ?? []);
  };

  strapi.db.lifecycles.subscribe({
    models: counted,
    afterCreate: one,
    afterUpdate: one,
    afterDelete: one,
    beforeUpdateMany: remember,
    afterUpdateMany: many,
    beforeDeleteMany: remember,
    afterDeleteMany: many,
    async afterCreateMany(event: LifecycleEvent) {
      if (insideCountedWrite()) return;
      const ids = ((event.result as { ids?: number[] } | null)?.ids ?? []).map(Number);
      if (ids.length === 0) return;
      await touched(event, await documentIdsOf(event.model.uid, { id: { $in: ids } }));
    },
  });
};
