import { toDayNumber, type IsoDate } from '../calendar';
import { fieldLabel } from './labels';
import { actorMayAct, ROLE_LABELS } from './roles';
import type { ErrorCode, Failure, Guard, Item, Role, RuleContext } from './types';
import { dateOf, formatDate, isBlank, joinList, missingFields, textOf } from './values';

/** A refused transition. Guards refuse with 400 unless told otherwise. */
export function fail(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
  status: 400 | 403 = 400
): Failure {
  return { ok: false, status, code, message, details };
}

/** MISSING_DATA for the given attributes, listing their Spanish labels. */
export function missingData(
  fields: readonly string[],
  message = `Falta información: ${fields.map(fieldLabel).join(', ')}.`
): Failure {
  return fail('MISSING_DATA', message, { fields: [...fields] });
}

/** A required attribute, or one satisfied by any of several attributes (e.g. text or files). */
export type FieldRequirement = string | { field: string; anyOf: readonly string[] };

/** MISSING_DATA unless every requirement is filled in. */
export function requireFields(
  requirements: readonly FieldRequirement[],
  options: { when?: (item: Item) => boolean; message?: string } = {}
): Guard {
  const names = requirements.map((r) => fieldLabel(typeof r === 'string' ? r : r.field));
  return {
    code: 'MISSING_DATA',
    description: `Datos obligatorios: ${names.join(', ')}`,
    check: ({ item }) => {
      if (options.when && !options.when(item)) return null;
      const missing: string[] = [];
      for (const requirement of requirements) {
        if (typeof requirement === 'string') {
          if (isBlank(item[requirement])) missing.push(requirement);
        } else if (missingFields(item, requirement.anyOf).length === requirement.anyOf.length) {
          missing.push(requirement.field);
        }
      }
      if (missing.length === 0) return null;
      return options.message ? missingData(missing, options.message) : missingData(missing);
    },
  };
}

/** MISSING_DATA unless every boolean check is true (the content reviews before publishing). */
export function requireChecks(fields: readonly string[]): Guard {
  return {
    code: 'MISSING_DATA',
    description: `Revisiones confirmadas: ${fields.map(fieldLabel).join(', ')}`,
    check: ({ item }) => {
      const pending = fields.filter((field) => item[field] !== true);
      if (pending.length === 0) return null;
      return missingData(
        pending,
        `Falta confirmar ${pending.length === 1 ? 'la revisión' : 'las revisiones'}: ${pending
          .map(fieldLabel)
          .join(', ')}.`
      );
    },
  };
}

/**
 * LATE_NOT_ACCEPTED while the lead time is not met and no coordinator has accepted the late
 * request: it may be registered, but its work may not start.
 */
export function lateAcceptance(): Guard {
  return {
    code: 'LATE_NOT_ACCEPTED',
    description: 'Una solicitud fuera de plazo requiere la aceptación de un(a) coordinador(a)',
    check: ({ lead, facts }) => {
      if (!lead || !lead.lead.blocking || lead.met !== false) return null;
      if (facts.oficio?.lateAccepted === true) return null;
      const { days, unit, target } = lead.lead;
      const span = `${days} ${unit === 'business' ? 'días hábiles' : 'días naturales'}`;
      return fail(
        'LATE_NOT_ACCEPTED',
        `La solicitud llegó sin la anticipación requerida (${span}): la fecha solicitada es el ` +
          `${target ? formatDate(target) : '(sin fecha)'} y la más próxima posible era el ` +
          `${formatDate(lead.earliest)}. Un(a) coordinador(a) debe aceptarla con una ` +
          'justificación por escrito antes de iniciar el trabajo.',
        { targetDate: target, earliestAllowedDate: lead.earliest, leadDays: days, unit }
      );
    },
  };
}

/** Exceptions to the electoral blackout (Constitución art. 41 base III apartado C). */
export const BLACKOUT_EXCEPTIONS = Object.freeze({
  salud: 'salud',
  educacion: 'educación',
  proteccion_civil: 'protección civil',
  autoridad_electoral: 'autoridad electoral',
  tramites_servicios: 'trámites y servicios',
  autorizada_autoridad_electoral: 'autorizada por la autoridad electoral',
} as const);

/** Key of an allowed blackout exception. */
export type BlackoutException = keyof typeof BLACKOUT_EXCEPTIONS;

function isBlackoutException(value: unknown): value is BlackoutException {
  return (
    typeof value === 'string' && Object.prototype.hasOwnProperty.call(BLACKOUT_EXCEPTIONS, value)
  );
}

/**
 * BLACKOUT when the date chosen by `dateOfRule` falls inside a blackout period, unless the
 * item carries an allowed exception; an exception authorized by the electoral authority also
 * needs its reference (MISSING_DATA otherwise).
 */
/** What the blackout rule looks at. */
export type BlackoutContext = Pick<RuleContext, 'item' | 'settings' | 'now'>;

export function blackout(
  dateOfRule: (ctx: BlackoutContext) => IsoDate | null,
  options: { what: string; when?: (item: Item) => boolean }
): Guard & { check: (ctx: BlackoutContext) => Failure | null } {
  return {
    code: 'BLACKOUT',
    description: `Veda electoral: ${options.what}`,
    check: (ctx) => {
      if (options.when && !options.when(ctx.item)) return null;
      const date = dateOfRule(ctx);
      if (!date) return null;
      const day = toDayNumber(date);
      const period = ctx.settings.blackoutPeriods.find((p) => {
        const start = dateOf(p.start);
        const end = dateOf(p.end);
        return (
          start !== null && end !== null && toDayNumber(start) <= day && day <= toDayNumber(end)
        );
      });
      if (!period) return null;

      const exception = ctx.item.blackoutException;
      if (isBlackoutException(exception)) {
        if (exception !== 'autorizada_autoridad_electoral') return null;
        if (textOf(ctx.item.blackoutExceptionReference)) return null;
        return missingData(
          ['blackoutExceptionReference'],
          'Falta información: referencia de la autorización de la autoridad electoral ' +
            '(número de oficio o acuerdo) para publicar durante la veda.'
        );
      }
      const note = textOf(period.note);
      const exceptions = joinList(Object.values(BLACKOUT_EXCEPTIONS), 'o');
      return fail(
        'BLACKOUT',
        `Veda electoral del ${formatDate(period.start)} al ${formatDate(period.end)}` +
          `${note ? ` (${note})` : ''}: no se puede ${options.what} el ${formatDate(date)}. ` +
          `Solo se permite con una excepción: ${exceptions} (con su referencia).`,
        {
          date,
          period: { start: period.start, end: period.end, note: note ?? null },
          allowedExceptions: Object.keys(BLACKOUT_EXCEPTIONS),
        }
      );
    },
  };
}

/**
 * PUBLIC_SERVANT_MENTION (Constitución art. 134): content that names or shows a public servant
 * is published only by a reviewing role.
 */
export function publicServantReview(reviewers: readonly Role[]): Guard {
  const labels = reviewers.filter((role) => role !== 'system').map((role) => ROLE_LABELS[role]);
  return {
    code: 'PUBLIC_SERVANT_MENTION',
    description: `Menciona a una persona servidora pública: la publica ${joinList(labels, 'o')}`,
    check: ({ item, actor }) => {
      if (item.mentionsPublicServant !== true) return null;
      if (actorMayAct(actor, reviewers)) return null;
      return fail(
        'PUBLIC_SERVANT_MENTION',
        'El contenido nombra o muestra a una persona servidora pública (art. 134 ' +
          `constitucional): debe revisarlo y publicarlo ${joinList(labels, 'o')}.`,
        { roles: labels }
      );
    },
  };
}

/**
 * A guard that refuses when neither the comment nor the attribute holds a text of at least
 * `minLength` characters (a reason someone can act on, not a placeholder).
 */
export function commentOrField(field: string, message: string, minLength = 1): Guard {
  const lengthOf = (value: unknown) => {
    if (isBlank(value)) return 0;
    return typeof value === 'string' ? value.trim().length : Number.POSITIVE_INFINITY;
  };
  const label = fieldLabel(field);
  return {
    code: 'MISSING_DATA',
    description: `${label} o un comentario`,
    check: ({ item, comment }) => {
      const given = Math.max(lengthOf(comment), lengthOf(item[field]));
      if (given >= minLength) return null;
      if (given === 0) return missingData([field], message);
      return missingData(
        [field],
        `${label[0].toUpperCase()}${label.slice(1)}: escribe al menos ${minLength} caracteres.`
      );
    },
  };
}
