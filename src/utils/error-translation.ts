import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { labelOf } from './field-labels';

/** The error body every answer of this server carries on a refusal. */
export interface ErrorBody {
  status: number;
  name: string;
  message: string;
  details: Record<string, unknown> & { code: string };
}

/** What a refusal looked like before translation (Strapi's, a library's or this project's). */
export interface RawError {
  status: number;
  name?: string;
  message?: string;
  details?: Record<string, unknown> | null;
}

interface AttributeError {
  path?: (string | number)[] | string;
  message?: string;
}

const MISSING = /must be defined|is a required field|cannot be null|must not be null/;

/** One attribute's problem, as Strapi's yup validation words it, in Spanish. */
export const explainAttribute = (field: string, message: string): string => {
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
  if (/must be a `boolean`/.test(message)) return `${label} debe ser verdadero o falso.`;
  if (/must be a `string`/.test(message)) return `${label} debe ser un texto.`;
  if (/must be a `date`|Invalid format|invalid date/i.test(message))
    return `${label} no es una fecha válida (se espera AAAA-MM-DD o una fecha y hora ISO 8601).`;
  if (/must be a `(array|object)`/.test(message)) return `${label} no tiene la forma esperada.`;
  if (/must be a valid email/.test(message)) return `${label} debe ser un correo válido.`;
  if (/must match/.test(message)) return `${label} no tiene el formato esperado.`;
  return `El valor de ${label} no es válido.`;
};

/** The Spanish wording and code of each status, when nothing more precise is known. */
export const STATUS_DEFAULTS: Readonly<
  Record<number, { name: string; code: string; message: string }>
> = {
  400: {
    name: 'ValidationError',
    code: 'INVALID_REQUEST',
    message: 'La solicitud no es válida.',
  },
  401: {
    name: 'UnauthorizedError',
    code: 'UNAUTHORIZED',
    message: 'Necesitas iniciar sesión: la sesión no existe, no es válida o ya venció.',
  },
  403: {
    name: 'ForbiddenError',
    code: 'FORBIDDEN',
    message: 'Tu cuenta no tiene permiso para hacer esto.',
  },
  404: { name: 'NotFoundError', code: 'NOT_FOUND', message: 'No se encontró lo que se pidió.' },
  405: {
    name: 'MethodNotAllowedError',
    code: 'METHOD_NOT_ALLOWED',
    message: 'Esta dirección no admite ese método.',
  },
  406: {
    name: 'NotAcceptableError',
    code: 'NOT_ACCEPTABLE',
    message: 'No se puede responder en el formato pedido.',
  },
  409: {
    name: 'ConflictError',
    code: 'CONFLICT',
    message: 'Otro cambio se adelantó; vuelve a cargar y revisa.',
  },
  410: { name: 'GoneError', code: 'GONE', message: 'Esto ya no está disponible.' },
  411: {
    name: 'LengthRequiredError',
    code: 'INVALID_BODY',
    message: 'La solicitud debe indicar el tamaño de su contenido.',
  },
  413: {
    name: 'PayloadTooLargeError',
    code: 'PAYLOAD_TOO_LARGE',
    message: 'La solicitud es demasiado grande.',
  },
  414: {
    name: 'URITooLongError',
    code: 'INVALID_QUERY',
    message: 'La dirección de la solicitud es demasiado larga.',
  },
  415: {
    name: 'UnsupportedMediaTypeError',
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message:
      'El tipo de contenido de la solicitud no se admite: envía JSON (application/json) o un formulario con archivos (multipart/form-data).',
  },
  422: {
    name: 'ValidationError',
    code: 'INVALID_REQUEST',
    message: 'La solicitud no se puede procesar.',
  },
  429: {
    name: 'RateLimitError',
    code: 'RATE_LIMITED',
    message: 'Demasiados intentos. Espera unos minutos y vuelve a intentarlo.',
  },
  500: {
    name: 'InternalServerError',
    code: 'INTERNAL_ERROR',
    message:
      'Ocurrió un error inesperado en el servidor. Ya quedó registrado; si se repite, comunícate con la Dirección e indica el número de solicitud.',
  },
  501: {
    name: 'NotImplementedError',
    code: 'NOT_IMPLEMENTED',
    message: 'Esta función no está disponible.',
  },
  502: {
    name: 'BadGatewayError',
    code: 'UPSTREAM_ERROR',
    message: 'Un servicio externo no respondió bien; intenta más tarde.',
  },
  503: {
    name: 'ServiceUnavailableError',
    code: 'UNAVAILABLE',
    message: 'El servicio no está disponible por ahora; intenta en unos minutos.',
  },
};

const defaultsOf = (status: number) =>
  STATUS_DEFAULTS[status] ?? STATUS_DEFAULTS[status >= 500 ? 500 : 400];

type Rule = {
  /** Statuses the rule applies to; any 4xx when absent. */
  status?: number[];
  test: RegExp;
  /** The error's name must also match (e.g. `PaginationError`). */
  errorName?: string;
  code: string;
  message: string | ((match: RegExpMatchArray) => string);
  /** Keep the original message (a client reads it literally). */
  keepMessage?: boolean;
};

/**
 * Known messages of Strapi, users-permissions, koa-body and the query parsers, in Spanish with
 * a stable code. First match wins. Anything unknown falls back to the status's wording.
 */
const RULES: readonly Rule[] = [
  // The admin panel compares this text to choose its page: the code is added, the text kept.
  { test: /^User not active$/, code: 'USER_NOT_ACTIVE', message: '', keepMessage: true },
  {
    test: /^(Invalid credentials|Invalid identifier or password)$/i,
    code: 'INVALID_CREDENTIALS',
    message: 'El correo o la contraseña no son correctos.',
  },
  {
    test: /account has been blocked/i,
    code: 'ACCOUNT_BLOCKED',
    message: 'La cuenta está bloqueada. Comunícate con la Dirección.',
  },
  {
    test: /email is not confirmed/i,
    code: 'EMAIL_NOT_CONFIRMED',
    message: 'El correo de la cuenta aún no está confirmado.',
  },
  {
    test: /Incorrect code provided|Invalid token|token is invalid/i,
    code: 'INVALID_TOKEN',
    message: 'El enlace o código ya no es válido; pide uno nuevo.',
  },
  {
    test: /Passwords do not match/i,
    code: 'PASSWORD_MISMATCH',
    message: 'Las contraseñas no coinciden.',
  },
  {
    test: /current password is invalid|The provided current password is invalid/i,
    code: 'INVALID_CREDENTIALS',
    message: 'La contraseña actual no es correcta.',
  },
  {
    test: /Email or Username are already taken|Email already taken|already taken/i,
    code: 'ALREADY_EXISTS',
    message: 'Ya existe una cuenta con ese correo o usuario.',
  },
  {
    test: /Register action is currently disabled/i,
    code: 'REGISTRATION_DISABLED',
    message: 'El registro de cuentas no está abierto; la Dirección crea las cuentas.',
  },
  {
    test: /This provider is disabled/i,
    code: 'PROVIDER_DISABLED',
    message: 'Ese medio de acceso no está habilitado.',
  },
  {
    test: /^Invalid key (.+)$/,
    code: 'INVALID_QUERY',
    message: (m) => `La consulta usa un campo que no existe o no se puede consultar: «${m[1]}».`,
  },
  {
    test: /Invalid (relation|populate|sort|filter|fields?|status) /i,
    code: 'INVALID_QUERY',
    message: 'La consulta tiene un parámetro que no es válido.',
  },
  {
    test: /.*/,
    errorName: 'PaginationError',
    code: 'INVALID_QUERY',
    message:
      'Los parámetros de paginación no son válidos: la página y su tamaño son números enteros positivos.',
  },
  {
    test: /convertStartQueryParams|convertLimitQueryParams|Invalid pagination/i,
    status: [400],
    code: 'INVALID_QUERY',
    message:
      'Los parámetros de paginación no son válidos: la página y su tamaño son números enteros positivos.',
  },
  {
    test: /Invalid format, expected|invalid date|Invalid time|must be a valid date/i,
    code: 'INVALID_REQUEST',
    message:
      'Una fecha no tiene un formato válido: se espera AAAA-MM-DD o una fecha y hora ISO 8601.',
  },
  {
    test: /forbidden prototype property/i,
    code: 'INVALID_BODY',
    message:
      'El cuerpo de la solicitud usa un nombre de campo reservado (__proto__ o constructor).',
  },
  {
    test: /JSON|Unexpected (token|end|non-whitespace)|Expected (property|',' or)/i,
    status: [400],
    code: 'INVALID_BODY',
    message: 'El cuerpo de la solicitud no es JSON válido.',
  },
  {
    test: /invalid (urlencoded|form)|Bad Request/i,
    status: [400],
    code: 'INVALID_BODY',
    message: 'El cuerpo de la solicitud no se pudo leer.',
  },
  {
    test: /maxFileSize|FileTooBig|too large|entity too large/i,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'El archivo o la solicitud es demasiado grande.',
  },
  {
    test: /Policy Failed/i,
    code: 'FORBIDDEN',
    message: STATUS_DEFAULTS[403].message,
  },
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Spanish wording of yup's field errors (`details.errors[]`), the first one named. */
const fieldErrors = (details: Record<string, unknown> | null | undefined) => {
  const list = Array.isArray(details?.errors) ? (details.errors as AttributeError[]) : [];
  const explained = list
    .filter((e) => isRecord(e))
    .map((e) => {
      const path = Array.isArray(e.path) ? e.path.map(String) : e.path ? [String(e.path)] : [];
      const field = path.filter((p) => !/^\d+$/.test(p)).pop() ?? '';
      return { ...e, path, message: explainAttribute(field, String(e.message ?? '')) };
    });
  if (explained.length === 0) return undefined;
  const first = explained[0].message;
  return {
    message:
      explained.length === 1
        ? first
        : `Hay ${explained.length} datos no válidos; el primero: ${first}`,
    errors: explained,
  };
};

/**
 * The answer to a refusal, in Spanish with a stable `details.code`. An error that already has a
 * code is this project's own and passes unchanged; anything else is matched against the known
 * messages, then worded by its status. `details.errors[].path` is kept (the content manager maps
 * field errors by it), with Spanish messages.
 */
export const translateError = (raw: RawError): ErrorBody => {
  const status = raw.status;
  const details = isRecord(raw.details) ? raw.details : {};
  const defaults = defaultsOf(status);
  if (typeof details.code === 'string' && details.code) {
    return {
      status,
      name: raw.name || defaults.name,
      message: raw.message || defaults.message,
      details: details as ErrorBody['details'],
    };
  }
  const message = String(raw.message ?? '');
  if (status < 500) {
    const rule = RULES.find(
      (r) =>
        (r.status ? r.status.includes(status) : status < 500) &&
        (!r.errorName || r.errorName === raw.name) &&
        r.test.test(message)
    );
    if (rule) {
      const match = message.match(rule.test) as RegExpMatchArray;
      return {
        status,
        name: raw.name || defaults.name,
        message: rule.keepMessage
          ? message
          : typeof rule.message === 'function'
            ? rule.message(match)
            : rule.message,
        details: { ...details, code: rule.code },
      };
    }
    const fields = fieldErrors(details);
    if (fields) {
      return {
        status,
        name: raw.name || defaults.name,
        message: fields.message,
        details: { ...details, errors: fields.errors, code: defaults.code },
      };
    }
  }
  return {
    status,
    name: status >= 500 ? defaults.name : raw.name || defaults.name,
    message: defaults.message,
    // A 500's details may carry internals: none of them leave the server.
    details: status >= 500 ? { code: defaults.code } : { ...details, code: defaults.code },
  };
};

/**
 * Answers a refusal directly (without throwing), in the shape Strapi's error middleware gives:
 * `{ data: null, error: { status, name, message, details: { code, … } } }`.
 */
export const sendRefusal = (
  ctx: Pick<Context, 'status' | 'body' | 'set'>,
  status: number,
  code: string,
  message?: string,
  details: Record<string, unknown> = {}
) => {
  const defaults = defaultsOf(status);
  ctx.status = status;
  ctx.body = {
    data: null,
    error: {
      status,
      name: defaults.name,
      message: message ?? defaults.message,
      details: { ...details, code },
    },
  };
};

/**
 * The body parser's refusal (malformed JSON, a prototype key, a form it cannot read, a body over
 * the limit) as a coded client error, so it is answered 4xx and never logged as a server failure.
 */
export const bodyParseError = (error: Error & { status?: number }): never => {
  const tooLarge = error.status === 413 || /too large|maxFileSize|exceeded/i.test(error.message);
  const status = tooLarge ? 413 : 400;
  const { message, details } = translateError({ status, message: error.message });
  if (tooLarge) throw new errors.PayloadTooLargeError(message, details);
  throw new errors.ValidationError(message, details);
};
