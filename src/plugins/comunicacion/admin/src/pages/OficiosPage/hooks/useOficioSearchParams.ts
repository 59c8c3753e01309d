import * as React from 'react';
import { useSearchParams } from 'react-router-dom';
import type { OficioSearchQuery } from '../../../../../shared/contracts/intake';

/** The search filters; they live in the URL so back, forward and shared links keep them. */
export const SEARCH_FILTER_KEYS = [
  'q',
  'folio',
  'area',
  'status',
  'receivedFrom',
  'receivedTo',
  'service',
] as const;
export type SearchFilterKey = (typeof SEARCH_FILTER_KEYS)[number];
export type SearchFilters = Partial<Record<SearchFilterKey, string>>;

export const DEFAULT_PAGE_SIZE = 25;

/** Reads and writes the «Oficios» page's filters, page and page size in the URL query. */
export const useOficioSearchParams = () => {
  const [searchParams, setSearchParams] = useSearchParams();

  const filters = React.useMemo(() => {
    const result: SearchFilters = {};
    for (const key of SEARCH_FILTER_KEYS) {
      const value = searchParams.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [searchParams]);

  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const pageSize = Math.min(
    100,
    Math.max(1, Number(searchParams.get('pageSize')) || DEFAULT_PAGE_SIZE)
  );

  /** Sets (or, with an empty value, removes) one filter and goes back to the first page. */
  const setFilter = React.useCallback(
    (key: SearchFilterKey, value: string | null | undefined) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete('page');
        return next;
      });
    },
    [setSearchParams]
  );

  const clearFilters = React.useCallback(() => {
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const key of SEARCH_FILTER_KEYS) next.delete(key);
      next.delete('page');
      return next;
    });
  }, [setSearchParams]);

  const query: OficioSearchQuery = React.useMemo(
    () => ({ ...filters, page: String(page), pageSize: String(pageSize) }),
    [filters, page, pageSize]
  );

  return { filters, page, pageSize, query, setFilter, clearFilters };
};
