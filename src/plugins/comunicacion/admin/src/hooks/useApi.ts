import * as React from 'react';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';

type Params = Record<string, string | number | null | undefined>;

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  /** Fetches again with the same URL and parameters. */
  refetch: () => void;
}

/** Query string with empty values left out; the fetch client does not encode values itself. */
export const toQueryString = (params: Params = {}) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  return search.toString();
};

/**
 * GETs an admin endpoint and keeps its answer. A null URL waits (e.g. until a dialog opens);
 * a newer request always wins over a slower older one.
 */
export const useApi = <T>(url: string | null, params?: Params): ApiState<T> => {
  const { get } = useFetchClient();
  const query = toQueryString(params);
  const [tick, setTick] = React.useState(0);
  const [state, setState] = React.useState<Omit<ApiState<T>, 'refetch'> & { url: string | null }>({
    data: undefined,
    error: undefined,
    isLoading: Boolean(url),
    url: null,
  });
  const latest = React.useRef(0);

  React.useEffect(() => {
    if (!url) return;
    const request = ++latest.current;
    setState((previous) => ({ ...previous, isLoading: true }));
    get<T>(query ? `${url}?${query}` : url).then(
      (response) => {
        if (request === latest.current) {
          setState({ data: response.data, error: undefined, isLoading: false, url });
        }
      },
      (error: unknown) => {
        if (request === latest.current) {
          setState((previous) => ({
            data: previous.url === url ? previous.data : undefined,
            error,
            isLoading: false,
            url,
          }));
        }
      }
    );
    // `get` is stable for the component's life.
  }, [url, query, tick]);

  const refetch = React.useCallback(() => setTick((value) => value + 1), []);
  // Another page's parameters keep the old answer on screen while loading; another URL does not.
  const current = state.url === url;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    isLoading: state.isLoading || (Boolean(url) && !current),
    refetch,
  };
};

/** The server's Spanish message of a refused request, or null when it did not send one. */
export const serverMessage = (error: unknown): string | null => {
  if (isFetchError(error)) {
    const message = error.response?.data?.error?.message;
    if (message) return message;
  }
  return null;
};

/** The server's stable error code (`error.details.code`), when it sent one. */
export const serverCode = (error: unknown): string | null => {
  if (!isFetchError(error)) return null;
  const details = error.response?.data?.error?.details as { code?: unknown } | undefined;
  return typeof details?.code === 'string' ? details.code : null;
};
