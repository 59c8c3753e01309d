import type { IsoDate } from '../../calendar';
import { missingData } from '../guards';
import type { Effect, Guard, ScheduleContext, SideEffect } from '../types';
import { isBlank, isRecord, joinList } from '../values';

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

/** A field of the delivery oficio (`workflow.delivery-oficio`). */
export type DeliveryOficioField = 'number' | 'date' | 'document';

const DELIVERY_FIELD_WORDS: Readonly<Record<DeliveryOficioField, string>> = {
  number: 'su número',
  date: 'su fecha',
  document: 'el documento firmado (escaneado, con acuse)',
};

/**
 * Work the office delivers «vía oficio» (print material, an e-mail account): the delivery oficio
 * in `delivery` must carry the `required` fields before the delivery is recorded.
 */
export function deliveryOficio(input: {
  /** What is delivered, as the sentence's subject: «el material impreso», «la cuenta». */
  what: string;
  required: readonly DeliveryOficioField[];
  /** Said after the missing fields, e.g. where the password goes. */
  note?: string;
}): Guard {
  return {
    code: 'MISSING_DATA',
    description: `${input.what} se entrega con un oficio (${input.required.join(', ')})`,
    check: ({ item }) => {
      const delivery = isRecord(item.delivery) ? item.delivery : {};
      const missing = input.required.filter((field) => isBlank(delivery[field]));
      if (missing.length === 0) return null;
      return missingData(
        missing.map((field) => `delivery.${field}`),
        `Falta información: ${input.what} se entrega con un oficio. Registra en «Oficio de ` +
          `entrega» ${joinList(missing.map((field) => DELIVERY_FIELD_WORDS[field]))}.` +
          (input.note ? ` ${input.note}` : '')
      );
    },
  };
}
