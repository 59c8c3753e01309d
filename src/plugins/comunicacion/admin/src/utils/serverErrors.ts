interface ErrorBody {
  message?: unknown;
  details?: {
    fields?: unknown;
    errors?: unknown;
  } | null;
}

/** A refusal of the server, split into messages per field path and what is left for the top. */
export interface FieldRefusal {
  /** Spanish message per field path, e.g. `subject` or `services.0.fields.eventDate`. */
  byPath: Record<string, string>;
  message: string | null;
}

const bodyOf = (error: unknown): ErrorBody | null => {
  if (!error || typeof error !== 'object') return null;
  const candidate = error as ErrorBody & {
    error?: ErrorBody;
    response?: { data?: { error?: ErrorBody } };
  };
  return candidate.response?.data?.error ?? candidate.error ?? candidate;
};

const pathText = (path: unknown) =>
  Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : null;

/**
 * The fields a 400 names (`error.details.fields`, or yup's `error.details.errors[].path`) with the
 * message to show next to each; the message goes to each named field.
 */
export const fieldRefusal = (error: unknown): FieldRefusal => {
  const body = bodyOf(error);
  const message = typeof body?.message === 'string' && body.message ? body.message : null;
  const byPath: Record<string, string> = {};
  const details = body?.details;
  if (Array.isArray(details?.errors)) {
    for (const entry of details.errors as { path?: unknown; message?: unknown }[]) {
      const path = pathText(entry?.path);
      if (path) byPath[path] = typeof entry.message === 'string' ? entry.message : (message ?? '');
    }
  }
  if (Array.isArray(details?.fields)) {
    for (const field of details.fields) {
      if (typeof field === 'string' && !byPath[field]) byPath[field] = message ?? '';
    }
  }
  return { byPath, message };
};
