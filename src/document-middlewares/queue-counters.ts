import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, Modules, UID } from '@strapi/strapi';
import { WORKFLOW_UIDS, workflowForUid, type WorkflowKey } from '../domain/workflows';
import { lockForTransaction } from '../utils/locks';

const AREA_UID = 'api::area.area';
const WRITES = new Set<string>([
  'create',
  'update',
  'delete',
  'clone',
  'publish',
  'unpublish',
  'discardDraft',
]);

/** The part of the plugin's counters service that writes use. */
interface Counters {
  reconcile(
    workflow: WorkflowKey,
    documentIds: readonly string[],
    options?: { cascade?: boolean }
  ): Promise<void>;
  rebuild(): Promise<void>;
}

type Params = { documentId?: string; data?: Record<string, unknown> };

const documentWrites = new AsyncLocalStorage<true>();

/**
 * Whether the current code runs inside a Document Service write of a counted type, which
 * adjusts the counters itself once its row is written (the query engine's lifecycles leave it).
 */
export const insideCountedWrite = () => documentWrites.getStore() === true;

/** The plugin's counters service, as the writes use it. */
export const countersOf = (strapi: Core.Strapi) =>
  strapi.plugin('comunicacion').service('counters') as unknown as Counters;

/** The oficio's attributes that link it to its work items (written from the oficio's side). */
export const oficioItemRelations = (strapi: Core.Strapi) => {
  const targets = new Set(Object.values(WORKFLOW_UIDS));
  const attributes = strapi.contentType(WORKFLOW_UIDS.oficio as UID.ContentType).attributes;
  return Object.entries(attributes)
    .filter(([, attribute]) => targets.has((attribute as { target?: string }).target ?? ''))
    .map(([name]) => name);
};

/**
 * Keeps the queue and dashboard counters exact: every write of an oficio or a work item, through
 * whatever door (the engine's own writes included), adjusts them in its own transaction right
 * after the row is written, so a refused or failed write takes its adjustment back with it. A
 * change of an area's kind (or of which oficios it holds) moves the counts of every item under it:
 * rare enough to count everything again.
 */
export const queueCounters = ({
  strapi,
}: {
  strapi: Core.Strapi;
}): Modules.Documents.Middleware.Middleware => {
  const counters = () => countersOf(strapi);
  let itemRelations: string[] | null = null;
  const relations = () => (itemRelations ??= oficioItemRelations(strapi));

  const areaKind = async (documentId: string | undefined) =>
    documentId
      ? (
          (await strapi.db.query(AREA_UID as UID.ContentType).findOne({
            where: { documentId },
            select: ['kind'],
          })) as { kind?: string } | null
        )?.kind
      : undefined;

  return async (ctx, next) => {
    if (!WRITES.has(ctx.action)) return next();
    const params = (ctx.params ?? {}) as Params;
    const workflow = workflowForUid(ctx.uid);
    if (workflow) {
      return documentWrites.run(true, () =>
        strapi.db.transaction(async () => {
          // Before the row: a write holding the counters never waits on this one's row.
          await lockForTransaction(strapi, 'counters');
          const result = await next();
          const written = (result as { documentId?: string } | null)?.documentId;
          const documentIds = [...new Set([params.documentId, written])].filter(
            (id): id is string => typeof id === 'string' && id.length > 0
          );
          const data = params.data ?? {};
          const cascade =
            workflow === 'oficio' &&
            (ctx.action === 'delete' || relations().some((name) => name in data));
          await counters().reconcile(workflow, documentIds, { cascade });
          return result;
        })
      );
    }
    if (ctx.uid !== AREA_UID) return next();
    return documentWrites.run(true, () =>
      strapi.db.transaction(async () => {
        const before = ctx.action === 'update' ? await areaKind(params.documentId) : undefined;
        const result = await next();
        const data = params.data ?? {};
        const moved =
          ctx.action === 'delete' ||
          'oficios' in data ||
          (ctx.action === 'update' && (await areaKind(params.documentId)) !== before);
        if (moved) await counters().rebuild();
        return result;
      })
    );
  };
};
