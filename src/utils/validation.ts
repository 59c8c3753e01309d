import { errors, validateYupSchema, yup } from '@strapi/utils';
import { invalid } from './errors';

/** When a schema's own transform (e.g. yup's trim on an object) fails before its checks speak. */
export const WRONG_TYPE_MESSAGE =
  'Algún campo de la solicitud no tiene el tipo esperado (por ejemplo, un objeto donde va un texto).';

/** When the body itself is not an object (a list, a text, null). */
export const ROOT_MESSAGE = 'El cuerpo de la solicitud debe ser un objeto JSON con los datos.';

/**
 * Validates a request body at the edge; a refusal is a 400 with the schema's Spanish message and
 * the stable code `INVALID_REQUEST`. A transform that throws on a value of the wrong type (yup's
 * `trim()` on an object, say) is answered the same way, in Spanish, never as its own message.
 */
export const validateInput = async <T>(schema: yup.AnySchema, body: unknown): Promise<T> => {
  try {
    return (await validateYupSchema(schema, { strict: false, abortEarly: true })(body ?? {})) as T;
  } catch (error) {
    // yup names the whole body «this»: its wording is English and says nothing to a person.
    const ownMessage = error instanceof errors.ValidationError && !/^this\b/.test(error.message);
    throw invalid(
      'INVALID_REQUEST',
      ownMessage
        ? (error as Error).message
        : body !== null && typeof body === 'object' && !Array.isArray(body)
          ? WRONG_TYPE_MESSAGE
          : ROOT_MESSAGE
    );
  }
};
