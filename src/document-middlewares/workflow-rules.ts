import type { Core, Modules } from '@strapi/strapi';
import { workflowForUid } from '../domain/workflows';
import { writeContext } from '../services/write-context';
import { getService } from '../utils/get-service';
import type { WriteParams } from '../api/workflow/services/workflow-writes';

export { MIN_JUSTIFICATION } from '../domain/workflows/invariants';
export { toError } from '../api/workflow/services/workflow-writes';

type Middleware = Modules.Documents.Middleware.Middleware;

/**
 * Every write to an oficio or a work item, whatever door it comes through, goes to the one
 * workflow engine (`api::workflow.workflow-writes`), which evaluates the invariants of
 * `src/domain/workflows` on it. The engine's own writes (effects, logs) pass straight through.
 */
export const workflowRules = ({ strapi }: { strapi: Core.Strapi }): Middleware => {
  const engine = () => getService('workflow-writes', strapi);
  return async (ctx, next) => {
    const workflow = workflowForUid(ctx.uid);
    if (!workflow || writeContext().internal) return next();
    const params = ctx.params as WriteParams;
    const run = (() => {
      switch (ctx.action) {
        case 'create':
          return engine().create(workflow, params, next);
        case 'update':
          return engine().update(workflow, params, next);
        case 'delete':
          return engine().delete(workflow, params, next);
        case 'clone':
          return engine().clone(workflow, params, next);
        case 'publish':
          return engine().publication('publicada', 'publish')(workflow, params, next);
        case 'unpublish':
          return engine().publication('retirada', 'unpublish')(workflow, params, next);
        case 'discardDraft':
          return engine().discardDraft(workflow, params, next);
        default:
          return null;
      }
    })();
    return (run ?? next()) as ReturnType<typeof next>;
  };
};
