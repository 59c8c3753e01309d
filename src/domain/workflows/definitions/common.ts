import type { IsoDate } from '../../calendar';
import type { Effect, ScheduleContext, SideEffect } from '../types';

/** Sets an instant attribute to the moment of the transition. */
export function stamp(field: string): Effect {
  return {
    description: `${field} = ahora`,
    apply: ({ now }) => ({ changes: { [field]: now.toISOString() } }),
  };
}

/** Copies the transition's comment into an attribute, when a comment was given. */
export function commentInto(field: string): Effect {
  return {
    description: `${field} = comentario`,
    apply: ({ comment }) => (comment ? { changes: { [field]: comment } } : {}),
  };
}

/** Adds a side effect for the caller to run in the same transaction. */
export function sideEffect(effect: SideEffect): Effect {
  return { description: `efecto: ${effect.type}`, apply: () => ({ sideEffects: [effect] }) };
}

/** Reception business day of `start` plus `days` business days, extended by the paused days. */
export function businessDue(ctx: ScheduleContext, start: Date, days: number): IsoDate {
  return ctx.calendar.dueDate({ start, businessDays: days, pauses: ctx.pauses, asOf: ctx.now });
}

/** The standard comment prompt of a cancellation. */
export const CANCEL_COMMENT = { required: true, prompt: 'Indica el motivo de la cancelación.' };

/** The standard comment prompt of a rejection. */
export const REJECT_COMMENT = { required: true, prompt: 'Indica el motivo del rechazo.' };
