import { requireFields } from '../guards';
import { WORKFLOW_LABELS, WORKFLOW_UIDS } from '../labels';
import type { RoleRef, WorkflowDefinition } from '../types';
import { dateOf } from '../values';
import { businessDue, CANCEL_COMMENT } from './common';

const ADVISORS: readonly RoleRef[] = ['coordinador_organismos', 'coordinador_comunicacion'];

// Business days to the first follow-up when none was set.
const FOLLOW_UP_DAYS = 5;

/** Advisory to the organismos auxiliares, by oficio or informally ("económica"). */
export const ADVISORY: WorkflowDefinition = {
  key: 'advisory',
  uid: WORKFLOW_UIDS.advisory,
  label: WORKFLOW_LABELS.advisory,
  initial: 'abierta',
  states: {
    abierta: 'Abierta',
    en_seguimiento: 'En seguimiento',
    concluida: 'Concluida',
    cancelada: 'Cancelada',
  },
  closed: ['concluida', 'cancelada'],
  waitingStates: [],
  transitions: [
    {
      from: ['abierta'],
      to: 'en_seguimiento',
      label: 'Dar seguimiento',
      roles: ADVISORS,
      guards: [requireFields(['topic'])],
    },
    {
      from: ['en_seguimiento'],
      to: 'concluida',
      label: 'Concluir',
      roles: ADVISORS,
      guards: [requireFields(['notes'])],
    },
    {
      from: ['abierta', 'en_seguimiento'],
      to: 'cancelada',
      label: 'Cancelar',
      roles: ADVISORS,
      kind: 'cancel',
      comment: CANCEL_COMMENT,
    },
  ],
  // No request lead time: recorded as met from the reception day.
  leadTime: {
    of: () => ({ days: 0, unit: 'business', blocking: false, target: null }),
    waived: () => true,
  },
  due: (ctx) => dateOf(ctx.item.followUpDate) ?? businessDue(ctx, ctx.received, FOLLOW_UP_DAYS),
};
