import type { Modules } from '@strapi/strapi';
import { writeContext } from '../services/write-context';
import { invalid } from '../utils/errors';

import { AUDIT_RECORD_UID, TRANSITION_LOG_UID } from '../domain/workflows';
const WRITES = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);

const MESSAGES: Record<string, string> = {
  [TRANSITION_LOG_UID]:
    'La bitácora de cambios de estado solo la escribe el sistema al cambiar un estado; no se edita ni se borra.',
  [AUDIT_RECORD_UID]:
    'El registro de auditoría solo lo escribe el sistema con cada cambio; no se edita ni se borra.',
};

/**
 * The transition log and the audit trail are history: only the workflow engine appends to them,
 * in the transaction of the write they describe, and nobody edits or deletes them.
 */
export const transitionLogAppendOnly =
  (): Modules.Documents.Middleware.Middleware => async (ctx, next) => {
    const message = MESSAGES[ctx.uid];
    if (!message || !WRITES.has(ctx.action)) return next();
    if (ctx.action === 'create' && writeContext().internal) return next();
    throw invalid('LOG_APPEND_ONLY', message);
  };
