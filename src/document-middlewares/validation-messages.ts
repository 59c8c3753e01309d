import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { labelOf } from '../utils/field-labels';
import { invalid } from '../utils/errors';

interface AttributeError {
  path?: (string | number)[];
  message?: string;
}

const MISSING = /must be defined|is a required field|cannot be null|must not be null/;

/** One attribute's problem in Spanish. */
const explain = (field: string, message: string): string => {
  const label = `«${labelOf(field)}»`;
  let match: RegExpMatchArray | null;
  if (MISSING.test(message)) return `Falta ${label}.`;
  if ((match = message.match(/at most (\d+) characters/)))
    return `${label} admite hasta ${match[1]} caracteres.`;
  if ((match = message.match(/at least (\d+) characters/)))
    return `${label} necesita al menos ${match[1]} caracteres.`;
  if ((match = message.match(/one of the following values: (.*)$/))) {
    const values = match[1]
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    return `${label} debe ser uno de: ${values.join(', ')}.`;
  }
  if ((match = message.match(/less than or equal to (-?\d+)/)))
    return `${label} debe ser como máximo ${match[1]}.`;
  if ((match = message.match(/greater than or equal to (-?\d+)/)))
    return `${label} debe ser al menos ${match[1]}.`;
  if (/must be unique/.test(message)) return `Ya existe otro registro con el mismo ${label}.`;
  if (/must be a `number`|must be an integer/.test(message))
    return `${label} debe ser un número entero.`;
  if (/must match/.test(message)) return `${label} no tiene el formato esperado.`;
  return `El valor de ${label} no es válido.`;
};

/**
 * Strapi's own attribute validation (required, lengths, enumerations, min/max, unique) answers in
 * English without a code. For the office's content types it becomes one Spanish message with a
 * stable code: `MISSING_DATA` when only required fields are missing, `INVALID_DATA` otherwise, and
 * the attribute names in `details.fields`.
 */
export const validationMessages =
  (): Modules.Documents.Middleware.Middleware => async (ctx, next) => {
    if (!ctx.uid.startsWith('api::') && ctx.uid !== 'plugin::users-permissions.user') return next();
    try {
      return await next();
    } catch (error) {
      const details = (error as { details?: { code?: unknown; errors?: AttributeError[] } })
        .details;
      if (
        !(error instanceof errors.ValidationError) ||
        details?.code ||
        !Array.isArray(details?.errors)
      ) {
        throw error;
      }
      const problems = details.errors.map((e) => ({
        field: String(e.path?.[0] ?? ''),
        message: String(e.message ?? ''),
      }));
      const fields = [...new Set(problems.map((p) => p.field).filter(Boolean))];
      const onlyMissing = problems.every((p) => MISSING.test(p.message));
      throw invalid(
        onlyMissing ? 'MISSING_DATA' : 'INVALID_DATA',
        problems.map((p) => explain(p.field, p.message)).join(' '),
        { fields }
      );
    }
  };
