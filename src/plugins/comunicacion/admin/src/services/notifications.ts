import * as React from 'react';
import type {
  ListNotifications,
  MarkAllNotificationsRead,
  MarkNotificationsRead,
  UnreadNotificationsCount,
} from '../../../shared/contracts/notifications';
import { comunicacionApi, queryString } from './api';

export interface NotificationsArgs {
  page: number;
  pageSize: number;
  /** Only the notices not yet read. */
  unread: boolean;
}

/** How often the unread badge asks the server for new notices. */
export const UNREAD_POLL_MS = 60_000;

/**
 * The logged-in staff member's own notices, their unread count and the writes that mark them
 * read. Marking read invalidates `ComunicacionNotification`, so the list and every badge refetch.
 */
const notificationsApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    listNotifications: build.query<ListNotifications.Response, NotificationsArgs>({
      query: ({ page, pageSize, unread }) => ({
        url: `/comunicacion/notifications${queryString({
          page,
          pageSize,
          unread: unread ? 'true' : undefined,
        })}`,
        method: 'GET',
      }),
      providesTags: [{ type: 'ComunicacionNotification', id: 'LIST' }],
    }),
    getUnreadCount: build.query<number, void>({
      query: () => ({ url: '/comunicacion/notifications/unread-count', method: 'GET' }),
      transformResponse: (response: UnreadNotificationsCount.Response) => response.data.count,
      providesTags: [{ type: 'ComunicacionNotification', id: 'UNREAD' }],
    }),
    markNotificationsRead: build.mutation<
      MarkNotificationsRead.Response['data'],
      MarkNotificationsRead.Request['body']
    >({
      query: (body) => ({ url: '/comunicacion/notifications/read', method: 'POST', data: body }),
      transformResponse: (response: MarkNotificationsRead.Response) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : ['ComunicacionNotification']),
    }),
    markAllNotificationsRead: build.mutation<MarkAllNotificationsRead.Response['data'], void>({
      query: () => ({
        url: '/comunicacion/notifications/read-all',
        method: 'POST',
        data: {} satisfies MarkAllNotificationsRead.Request['body'],
      }),
      transformResponse: (response: MarkAllNotificationsRead.Response) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : ['ComunicacionNotification']),
    }),
  }),
});

export const {
  useListNotificationsQuery,
  useGetUnreadCountQuery,
  useMarkNotificationsReadMutation,
  useMarkAllNotificationsReadMutation,
} = notificationsApi;

/** Whether the admin's tab is on screen. */
const useTabVisible = () => {
  const [visible, setVisible] = React.useState(() => document.visibilityState !== 'hidden');
  React.useEffect(() => {
    const onChange = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
};

/**
 * The logged-in staff member's unread notices (`data` is the count), for a badge: fetched on
 * mount, every minute while the tab is visible, on coming back to the tab, and whenever a write
 * invalidates `ComunicacionNotification` (marking read, any action on a work item).
 */
export const useUnreadCountQuery = () => {
  const visible = useTabVisible();
  const result = useGetUnreadCountQuery(undefined, {
    pollingInterval: visible ? UNREAD_POLL_MS : 0,
  });
  const { refetch } = result;
  const wasVisible = React.useRef(visible);
  React.useEffect(() => {
    // Back on the tab after a while: the count may be stale.
    if (visible && !wasVisible.current) refetch();
    wasVisible.current = visible;
  }, [visible, refetch]);
  return result;
};
