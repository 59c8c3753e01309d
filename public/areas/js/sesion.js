/**
 * La sesión del área y su acceso a la API: el token vive en sessionStorage (se olvida al cerrar la
 * pestaña), viaja en `Authorization` y, si el servidor lo rechaza (401), la página vuelve al
 * inicio de sesión con el motivo. Los archivos se bajan con el token: fetch → blob → dirección
 * `blob:` (nunca una dirección pública).
 */
import { ApiError, failure as apiFailure } from '../../sitio/js/api.js';
import { byId, h, replace } from '../../sitio/js/dom.js';

export { ApiError };

const TOKEN_KEY = 'portal-areas.token';
const NOTICE_KEY = 'portal-areas.aviso';

const GENERIC = 'No pudimos completar la operación en este momento. Intenta de nuevo más tarde.';
const OFFLINE = 'No pudimos conectar con el servidor. Revisa tu conexión e intenta de nuevo.';

export const getToken = () => window.sessionStorage.getItem(TOKEN_KEY);

export const setToken = (token) => window.sessionStorage.setItem(TOKEN_KEY, token);

export const clearToken = () => window.sessionStorage.removeItem(TOKEN_KEY);

/** Un aviso para la página de inicio de sesión (sesión cerrada, contraseña cambiada). */
export const leaveNotice = (text) => window.sessionStorage.setItem(NOTICE_KEY, text);

/** El aviso que dejó otra página, una sola vez. */
export const takeNotice = () => {
  const text = window.sessionStorage.getItem(NOTICE_KEY);
  window.sessionStorage.removeItem(NOTICE_KEY);
  return text;
};

/** La página actual del portal, para volver a ella después de iniciar sesión. */
const here = () => {
  const name = window.location.pathname.split('/').pop() || 'oficios.html';
  return `${name}${window.location.search}`;
};

/** Al inicio de sesión, con un aviso y la página a la que volver. */
export const toLogin = (notice) => {
  clearToken();
  if (notice) leaveNotice(notice);
  window.location.replace(`index.html?volver=${encodeURIComponent(here())}`);
};

/**
 * El token o, sin él, a iniciar sesión: lanza un `ApiError` 401, que las páginas ya dejan pasar
 * en silencio mientras el navegador cambia de página.
 */
export const requireSession = () => {
  const token = getToken();
  if (!token) {
    toLogin(null);
    throw new ApiError(401, 'Inicia sesión.', 'NO_SESSION');
  }
  return token;
};

/** Una página del portal a la que se puede volver (nunca otra dirección). */
export const safeReturn = (value) =>
  /^[a-z-]+\.html(\?[^#]*)?$/.test(value || '') && !/^index\.html/.test(value)
    ? value
    : 'oficios.html';

const retryText = (seconds) => {
  if (!seconds) return '';
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1
    ? ' Podrás intentarlo de nuevo en un minuto.'
    : ` Podrás intentarlo de nuevo en ${minutes} minutos.`;
};

/** El error del servidor; a un 429 sin su espera se le añade cuándo intentar de nuevo. */
const failure = async (response) => {
  const error = await apiFailure(response, GENERIC);
  if (response.status === 429 && !/\d|minuto/.test(error.message)) {
    error.message += retryText(error.retryAfter);
  }
  return error;
};

/**
 * Una llamada a la API. `json` va como JSON, `form` (FormData) como multipart; `auth: false` para
 * las puertas sin sesión (inicio de sesión, contraseña olvidada). Resuelve a la respuesta
 * (`raw: true`) o a su JSON; lanza `ApiError` con el mensaje en español del servidor.
 */
export const api = async (path, { method = 'GET', json, form, auth = true, raw = false } = {}) => {
  const headers = { Accept: raw ? '*/*' : 'application/json' };
  if (auth) headers.Authorization = `Bearer ${requireSession()}`;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, cache: 'no-store' });
  } catch {
    throw new ApiError(0, OFFLINE, 'NETWORK');
  }
  if (!response.ok) {
    const error = await failure(response);
    // Sesión cerrada, vencida o de una cuenta bloqueada: a iniciar sesión de nuevo.
    if (auth && response.status === 401) {
      toLogin(error.fromServer ? error.message : 'Tu sesión terminó. Inicia sesión de nuevo.');
    }
    throw error;
  }
  if (raw) return response;
  if (response.status === 204) return null;
  try {
    return await response.json();
  } catch {
    throw new ApiError(response.status, GENERIC, 'BAD_RESPONSE');
  }
};

/** El nombre del archivo que da el servidor (`Content-Disposition`), o `fallback`. */
const fileNameOf = (response, fallback) => {
  const header = response.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* el nombre simple */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
};

/** Un archivo del área como dirección `blob:` (para verlo en la página). */
export const blobUrl = async (url) => {
  const response = await api(url, { raw: true });
  return URL.createObjectURL(await response.blob());
};

/** Descarga un archivo del área con el token: el navegador lo guarda con su nombre. */
export const download = async (url, fallbackName = 'archivo') => {
  const response = await api(url, { raw: true });
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = h('a', { href, download: fileNameOf(response, fallbackName), hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // El navegador ya tomó el archivo; la dirección se libera después.
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
};

/** Título de la pestaña: «<página> · Portal de áreas · Calimaya». */
export const setTitle = (text) => {
  document.title = `${text} · Portal de áreas · Calimaya`;
};

/**
 * El encabezado de las páginas con sesión: el área y la cuenta, y cuántos oficios esperan algo
 * del área. Resuelve a los datos de `GET /api/portal/me` (o null si no se pudieron leer).
 */
export const loadHeader = async () => {
  try {
    const { data } = await api('/api/portal/me');
    const who = document.getElementById('cuenta-actual');
    if (who) replace(who, h('strong', {}, data.area.name), ` · ${data.username || data.email}`);
    const badge = document.getElementById('pendientes');
    if (badge && data.pendingActions > 0) {
      replace(
        badge,
        h('span', { class: 'insignia', 'aria-hidden': 'true' }, String(data.pendingActions)),
        h(
          'span',
          { class: 'visualmente-oculto' },
          ` (${data.pendingActions} ${data.pendingActions === 1 ? 'requiere' : 'requieren'} tu atención)`
        )
      );
    }
    return data;
  } catch {
    // Sin sesión la página ya va al inicio de sesión; sin encabezado, la página sirve igual.
    return null;
  }
};

/** Pone el foco en un elemento (un resumen de errores, un resultado) para que se anuncie. */
export const focusOn = (element) => {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus();
};

/** El contenedor principal de la página. */
export const mainOf = () => byId('contenido');
