import * as React from 'react';
import { useSearchParams } from 'react-router-dom';

/** The queue filters staff can set; they live in the URL so a filtered page can be shared. */
export const FILTER_KEYS = ['area', 'state', 'assignee', 'dueFrom', 'dueTo', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type QueueFilters = Partial<Record<FilterKey, string>>;

export const DEFAULT_PAGE_SIZE = 25;

/** Reads and writes the queue's page, page size and filters in the URL query. */
export const useQueueQuery = () => {
  const [searchParams, setSearchParams] = useSearchParams();

  const filters = React.useMemo(() => {
    const result: QueueFilters = {};
    for (const key of FILTER_KEYS) {
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
    (key: FilterKey, value: string | null | undefined) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(key, value);
          else next.delete(key);
          next.delete('page');
          return next;
        },
        { replace: true }
      );
    },
    [setSearchParams]
  );

  const clearFilters = React.useCallback(() => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const key of FILTER_KEYS) next.delete(key);
        next.delete('page');
        return next;
      },
      { replace: true }
    );
  }, [setSearchParams]);

  return { filters, page, pageSize, setFilter, clearFilters };
};
