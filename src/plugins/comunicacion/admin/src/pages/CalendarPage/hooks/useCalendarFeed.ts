import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useApi } from '../../../hooks/useApi';
import type { GetCalendarFeed } from '../../../../../shared/contracts/calendar';

/** The staff member's private iCalendar URL and a way to replace it with a new one. */
export const useCalendarFeed = () => {
  const { post } = useFetchClient();
  const { data, error, isLoading, refetch } = useApi<GetCalendarFeed.Response>(
    '/comunicacion/calendar/feed'
  );
  const [rotated, setRotated] = React.useState<string | null>(null);
  const [isRotating, setIsRotating] = React.useState(false);

  /** Resolves with the new URL; rejects with the server's error. */
  const rotate = React.useCallback(async () => {
    setIsRotating(true);
    try {
      const response = await post<GetCalendarFeed.Response>('/comunicacion/calendar/feed/rotate');
      setRotated(response.data.data.url);
      return response.data.data.url;
    } finally {
      setIsRotating(false);
    }
  }, [post]);

  return { url: rotated ?? data?.data.url ?? null, error, isLoading, isRotating, rotate, refetch };
};
