import type { Modules } from '@strapi/strapi';
import { writeContext } from '../services/write-context';
import { invalid } from '../utils/errors';

const TRANSITION_LOG_UID = 'api::transition-log.transition-log';
const WRITES = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);

/** The transition log is history: only the workflow engine appends to it, nobody edits it. */
export const transitionLogAppendOnly =
  (): Modules.Documents.Middleware.Middleware => async (ctx, next) => {
    if (ctx.uid !== TRANSITION_LOG_UID || !WRITES.has(ctx.action)) return next();
    if (ctx.action === 'create' && writeContext().internal) return next();
    throw invalid(
      'LOG_APPEND_ONLY',
      'La bitácora de cambios de estado solo la escribe el sistema al cambiar un estado; no se edita ni se borra.'
    );
  };
