import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  ListNotifications,
  MarkAllNotificationsRead,
  MarkNotificationsRead,
} from '../../../../../shared/contracts/notifications';
import { useApi } from '../../../hooks/useApi';
import { refreshUnreadCount } from './useUnreadCount';

export interface NotificationsQuery {
  page: number;
  pageSize: number;
  unread: boolean;
}

/** One page of the staff member's notices and the writes that mark them read. */
export const useNotifications = ({ page, pageSize, unread }: NotificationsQuery) => {
  const { post } = useFetchClient();
  const { data, error, isLoading, refetch } = useApi<ListNotifications.Response>(
    '/comunicacion/notifications',
    { page, pageSize, unread: unread ? 'true' : undefined }
  );

  const afterMarking = React.useCallback(() => {
    refetch();
    refreshUnreadCount();
  }, [refetch]);

  const markRead = React.useCallback(
    async (ids: number[]) => {
      const body: MarkNotificationsRead.Request['body'] = { ids };
      const response = await post<MarkNotificationsRead.Response>(
        '/comunicacion/notifications/read',
        body
      );
      afterMarking();
      return response.data.data;
    },
    [post, afterMarking]
  );

  const markAllRead = React.useCallback(async () => {
    const response = await post<MarkAllNotificationsRead.Response>(
      '/comunicacion/notifications/read-all',
      {}
    );
    afterMarking();
    return response.data.data;
  }, [post, afterMarking]);

  return {
    notifications: data?.data,
    pagination: data?.meta.pagination,
    unreadCount: data?.meta.unreadCount ?? null,
    error,
    isLoading,
    refetch,
    markRead,
    markAllRead,
  };
};
