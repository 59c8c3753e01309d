import { errors, validateYupSchema, yup } from '@strapi/utils';
import { invalid } from './errors';

/** When a schema's own transform (e.g. yup's trim on an object) fails before its checks speak. */
export const WRONG_TYPE_MESSAGE =
  'Algún campo de la solicitud no tiene el tipo esperado (por ejemplo, un objeto donde va un texto).';

/** When the body itself is not an object (a list, a text, null). */
export const ROOT_MESSAGE = 'El cuerpo de la solicitud debe ser un objeto JSON con los datos.';

interface YupFailure {
  type?: string;
  message: string;
  params?: { unknown?: string };
  inner?: YupFailure[];
}

/**
 * The first field a schema's `noUnknown()` does not admit, anywhere in the body. Yup checks it
 * only in strict mode: otherwise `noUnknown()` quietly strips the unknown keys, and a misspelt or
 * unsupported field would be dropped without a word. Only this check is read from the strict pass;
 * types and transforms are the normal pass's.
 */
const unknownField = async (schema: yup.AnySchema, body: unknown): Promise<YupFailure | null> => {
  try {
    await schema.validate(body, { strict: true, abortEarly: false });
    return null;
  } catch (error) {
    const failure = error as YupFailure;
    const all = failure.inner && failure.inner.length > 0 ? failure.inner : [failure];
    return all.find((one) => one.type === 'noUnknown') ?? null;
  }
};

/**
 * Validates a request body at the edge; a refusal is a 400 with the schema's Spanish message and
 * the stable code `INVALID_REQUEST`. A transform that throws on a value of the wrong type (yup's
 * `trim()` on an object, say) is answered the same way, in Spanish, never as its own message.
 */
export const validateInput = async <T>(schema: yup.AnySchema, body: unknown): Promise<T> => {
  const unknown =
    body !== null && typeof body === 'object' ? await unknownField(schema, body) : null;
  if (unknown) {
    const fields = String(unknown.params?.unknown ?? '')
      .split(',')
      .map((field) => field.trim())
      .filter(Boolean);
    // A schema without its own Spanish message gets yup's English one: say it in Spanish.
    const message = /^Campo/.test(unknown.message)
      ? unknown.message
      : `Campo no admitido: ${fields.join(', ')}.`;
    throw invalid('INVALID_REQUEST', message, { fields });
  }
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
