import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { explainAttribute } from '../utils/error-translation';
import { invalid } from '../utils/errors';

interface AttributeError {
  path?: (string | number)[];
  message?: string;
}

const MISSING = /must be defined|is a required field|cannot be null|must not be null/;

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
        problems.map((p) => explainAttribute(p.field, p.message)).join(' '),
        { fields }
      );
    }
  };
