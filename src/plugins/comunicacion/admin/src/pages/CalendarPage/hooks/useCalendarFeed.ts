import * as React from 'react';
import { useGetCalendarFeedQuery, useRotateCalendarFeedMutation } from '../../../services/calendar';

/** The staff member's private iCalendar URL and a way to replace it with a new one. */
export const useCalendarFeed = () => {
  const { data, error, isLoading, refetch } = useGetCalendarFeedQuery();
  const [rotateFeed, { isLoading: isRotating }] = useRotateCalendarFeedMutation();

  /** Resolves with the new URL; rejects with the server's error. */
  const rotate = React.useCallback(async () => (await rotateFeed().unwrap()).url, [rotateFeed]);

  return { url: data?.url ?? null, error, isLoading, isRotating, rotate, refetch };
};
