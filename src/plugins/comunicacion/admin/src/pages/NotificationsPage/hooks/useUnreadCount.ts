import * as React from 'react';
import type { UnreadNotificationsCount } from '../../../../../shared/contracts/notifications';
import { useApi } from '../../../hooks/useApi';

/** How often the badge asks the server for new notices. */
export const UNREAD_POLL_MS = 60_000;

const subscribers = new Set<() => void>();

/** Asks every unread badge on screen to fetch its count again (e.g. after marking read). */
export const refreshUnreadCount = () => {
  for (const refetch of subscribers) refetch();
};

/**
 * The logged-in staff member's unread notices: fetched on mount, every minute while the tab is
 * visible, and whenever `refreshUnreadCount()` is called. Null until the first answer.
 */
export const useUnreadCount = (): number | null => {
  const { data, refetch } = useApi<UnreadNotificationsCount.Response>(
    '/comunicacion/notifications/unread-count'
  );

  React.useEffect(() => {
    subscribers.add(refetch);
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') refetch();
    }, UNREAD_POLL_MS);
    // Back on the tab after a while: the count may be stale.
    const onVisible = () => {
      if (document.visibilityState === 'visible') refetch();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      subscribers.delete(refetch);
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refetch]);

  return data?.data.count ?? null;
};
