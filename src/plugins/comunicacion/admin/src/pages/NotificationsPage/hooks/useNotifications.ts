import * as React from 'react';
import {
  useListNotificationsQuery,
  useMarkAllNotificationsReadMutation,
  useMarkNotificationsReadMutation,
  type NotificationsArgs,
} from '../../../services/notifications';

export type NotificationsQuery = NotificationsArgs;

/** One page of the staff member's notices and the writes that mark them read. */
export const useNotifications = (query: NotificationsQuery) => {
  const { data, error, isFetching, refetch } = useListNotificationsQuery(query);
  const [markNotificationsRead] = useMarkNotificationsReadMutation();
  const [markAllNotificationsRead] = useMarkAllNotificationsReadMutation();

  const markRead = React.useCallback(
    (ids: number[]) => markNotificationsRead({ ids }).unwrap(),
    [markNotificationsRead]
  );
  const markAllRead = React.useCallback(
    () => markAllNotificationsRead().unwrap(),
    [markAllNotificationsRead]
  );

  return {
    notifications: data?.data,
    pagination: data?.meta.pagination,
    unreadCount: data?.meta.unreadCount ?? null,
    error,
    isLoading: isFetching,
    refetch,
    markRead,
    markAllRead,
  };
};
