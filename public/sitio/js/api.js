/** Acceso a la API pública del municipio (mismo origen, sin credenciales). */

const GENERIC = 'No pudimos cargar la información en este momento. Intenta de nuevo más tarde.';
const OFFLINE = 'No pudimos conectar con el servidor. Revisa tu conexión e intenta de nuevo.';

/** Una respuesta de error de la API, con el mensaje en español que dio el servidor. */
export class ApiError extends Error {
  constructor(status, message, code, details = {}, retryAfter = null, fromServer = false) {
    super(message);
    /** El mensaje es el del servidor (y no uno genérico de esta página). */
    this.fromServer = fromServer;
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }
}

/** `/api/...?a=1&b=2` sin los parámetros vacíos. */
export const apiUrl = (path, params = {}) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

/**
 * El `ApiError` de una respuesta fallida: el mensaje en español del servidor, o `generic` cuando
 * no lo hay (un 5xx no explica nada útil a quien lee).
 */
export const failure = async (response, generic = GENERIC) => {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const error = body && body.error ? body.error : {};
  const details = error.details || {};
  const code = details.code || (response.status === 404 ? 'NOT_FOUND' : 'ERROR');
  // Los mensajes del servidor ya están en español; un 5xx no explica nada útil al público.
  const fromServer = response.status < 500 && Boolean(error.message);
  const message = fromServer ? error.message : generic;
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiError(
    response.status,
    message,
    code,
    details,
    Number.isFinite(retry) && retry > 0 ? retry : null,
    fromServer
  );
};

const request = async (url, init) => {
  let response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { Accept: 'application/json', ...(init && init.headers) },
    });
  } catch {
    throw new ApiError(0, OFFLINE, 'NETWORK');
  }
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return null;
  try {
    return await response.json();
  } catch {
    throw new ApiError(response.status, GENERIC, 'BAD_RESPONSE');
  }
};

/** GET de la API pública; resuelve al JSON o lanza `ApiError`. */
export const getJson = (path, params) => request(apiUrl(path, params));

/** POST JSON de la API pública; resuelve al JSON o lanza `ApiError`. */
export const postJson = (path, body) =>
  request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
