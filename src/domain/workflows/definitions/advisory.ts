import { missingData } from '../guards';
import { intakeGuard } from '../intake-requirements';
import { WORKFLOW_LABELS, WORKFLOW_UIDS } from '../labels';
import type { Guard, Item, RoleRef, WorkflowDefinition } from '../types';
import { dateOf, recordsOf } from '../values';
import { businessDue, CANCEL_COMMENT } from './common';

/**
 * Who attends the organismos auxiliares (manual 3.3): the Coordinador(a) de Atención a Organismos
 * Auxiliares with the Community Manager and the Diseñador(a) Junior, and the coordination of
 * Comunicación Social.
 */
export const ADVISORS: readonly RoleRef[] = [
  'coordinador_organismos',
  'community_manager',
  'disenador_junior',
  'coordinador_comunicacion',
];

// Business days to the first follow-up when none was set.
const FOLLOW_UP_DAYS = 5;

/** The follow-ups of an advisory, oldest first, as recorded. */
export const followUpsOf = (item: Item) => recordsOf(item.followUps);

const followedUp: Guard = {
  code: 'MISSING_DATA',
  description: 'Al menos un seguimiento registrado',
  check: ({ item }) =>
    followUpsOf(item).length > 0
      ? null
      : missingData(
          ['followUps'],
          'Para concluir la asesoría registra al menos un seguimiento: fecha, quién lo dio y qué ' +
            'se hizo.'
        ),
};

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
      guards: [intakeGuard('advisory')],
    },
    {
      from: ['en_seguimiento'],
      to: 'concluida',
      label: 'Concluir',
      roles: ADVISORS,
      guards: [followedUp],
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
  // The next follow-up is the one the last entry set.
  derive: (item) => {
    const last = followUpsOf(item).at(-1);
    const next = last ? dateOf(last.nextDate) : null;
    return next ? { followUpDate: next } : {};
  },
};
