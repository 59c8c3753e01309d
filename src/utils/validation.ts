import { validateYupSchema, yup } from '@strapi/utils';
import { invalid } from './errors';

/**
 * Validates a request body at the edge; a refusal is a 400 with the schema's Spanish message and
 * the stable code `INVALID_REQUEST`.
 */
export const validateInput = async <T>(schema: yup.AnySchema, body: unknown): Promise<T> => {
  try {
    return (await validateYupSchema(schema, { strict: false, abortEarly: true })(body ?? {})) as T;
  } catch (error) {
    throw invalid(
      'INVALID_REQUEST',
      error instanceof Error ? error.message : 'Solicitud inválida.'
    );
  }
};
