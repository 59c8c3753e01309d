import { adminApi } from '@strapi/admin/strapi-admin';

/**
 * The plugin's data layer: Strapi's own admin RTK Query API with the plugin's cache tags. Each
 * feature injects its endpoints (typed with the shared contracts) in its own file of this folder,
 * e.g. `services/queues.ts`, and pages use the generated hooks; a mutation invalidates the tags of
 * what it changes so every open page refetches on its own.
 */
export const comunicacionApi = adminApi.enhanceEndpoints({
  addTagTypes: [
    'ComunicacionQueue',
    'ComunicacionOficio',
    'ComunicacionItem',
    'ComunicacionDashboard',
    'ComunicacionCalendar',
    'ComunicacionNotification',
    'ComunicacionHoliday',
    'ComunicacionSettings',
    'ComunicacionSite',
    'ComunicacionSurvey',
    'ComunicacionTransparency',
    'ComunicacionIntake',
  ],
});

/** Every tag a staff action on a work item or an oficio can change. */
export const WORK_TAGS = [
  'ComunicacionQueue',
  'ComunicacionOficio',
  'ComunicacionItem',
  'ComunicacionDashboard',
  'ComunicacionCalendar',
  'ComunicacionNotification',
] as const;

/** Query string with empty values left out. */
export const queryString = (params: Record<string, unknown> = {}) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

interface ErrorLike {
  name?: unknown;
  status?: unknown;
  message?: unknown;
  details?: { code?: unknown } | null;
  response?: { data?: { error?: ErrorLike } };
}

/** The server's error of a refused request, from a query or mutation result or a thrown fetch. */
const errorOf = (error: unknown): ErrorLike | null => {
  if (!error || typeof error !== 'object') return null;
  const candidate = error as ErrorLike & { error?: ErrorLike };
  if (candidate.response?.data?.error) return candidate.response.data.error;
  if (candidate.error && typeof candidate.error === 'object') return candidate.error;
  return candidate;
};

/**
 * Whether the server wrote the error (its body has a status): a failed connection or an answer
 * without an error body only carries the browser's English wording.
 */
const fromServer = (error: ErrorLike | null): error is ErrorLike =>
  Boolean(error) &&
  typeof error?.status === 'number' &&
  error?.name !== 'UnknownError' &&
  error?.name !== 'FetchError';

/** The server's Spanish message of a refused request, or null when it did not send one. */
export const errorMessage = (error: unknown): string | null => {
  const server = errorOf(error);
  const message = fromServer(server) ? server.message : null;
  return typeof message === 'string' && message ? message : null;
};

/** The server's stable error code (`error.details.code`), when it sent one. */
export const errorCode = (error: unknown): string | null => {
  const code = errorOf(error)?.details?.code;
  return typeof code === 'string' ? code : null;
};
