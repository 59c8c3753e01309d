import * as React from 'react';
import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Loader,
  Tabs,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, Pagination, useNotification } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import type { NotificationDto } from '../../../../shared/contracts/notifications';
import { useT } from '../../hooks/useT';
import { errorMessage } from '../../services/api';
import { NotificationItem } from './components/NotificationItem';
import { useNotifications } from './hooks/useNotifications';
import { useNow } from './hooks/useNow';

export const DEFAULT_PAGE_SIZE = 20;

type Filter = 'all' | 'unread';

/**
 * Notificaciones: the staff member's own notices, newest first, unread ones highlighted, with
 * «Marcar como leída» per notice, «Marcar todas como leídas» and an unread filter in the URL.
 */
const RESULTS_ID = 'notifications-results';

export const NotificationsPage = () => {
  const t = useT();
  const now = useNow();
  const { toggleNotification } = useNotification();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter: Filter = searchParams.get('unread') === 'true' ? 'unread' : 'all';
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const pageSize = Math.min(
    100,
    Math.max(1, Number(searchParams.get('pageSize')) || DEFAULT_PAGE_SIZE)
  );

  const { notifications, pagination, unreadCount, error, isLoading, markRead, markAllRead } =
    useNotifications({ page, pageSize, unread: filter === 'unread' });
  const [busy, setBusy] = React.useState<Set<number | 'all'>>(new Set());

  // Marking the last notices of a filtered page read can leave it empty: go to the last page.
  React.useEffect(() => {
    if (pagination && page > Math.max(1, pagination.pageCount)) {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (pagination.pageCount > 1) next.set('page', String(pagination.pageCount));
          else next.delete('page');
          return next;
        },
        { replace: true }
      );
    }
  }, [pagination, page, setSearchParams]);

  const setFilter = (value: string) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === 'unread') next.set('unread', 'true');
        else next.delete('unread');
        next.delete('page');
        return next;
      },
      { replace: true }
    );
  };

  const withBusy = async (key: number | 'all', work: () => Promise<unknown>) => {
    setBusy((previous) => new Set(previous).add(key));
    try {
      await work();
    } catch (markError) {
      toggleNotification({
        type: 'danger',
        message:
          errorMessage(markError) ??
          t('notifications.markError', 'No se pudo marcar como leída. Intenta de nuevo.'),
      });
    } finally {
      setBusy((previous) => {
        const next = new Set(previous);
        next.delete(key);
        return next;
      });
    }
  };

  const handleMarkRead = (notification: NotificationDto) =>
    withBusy(notification.id, () => markRead([notification.id]));

  const handleOpen = (notification: NotificationDto) => {
    // Fire and forget: the page changes, the badge refreshes when the answer arrives.
    if (notification.readAt === null) markRead([notification.id]).catch(() => undefined);
  };

  const handleMarkAll = () =>
    withBusy('all', async () => {
      const { updated } = await markAllRead();
      toggleNotification({
        type: 'success',
        message: t(
          'notifications.allRead',
          '{count, plural, one {Se marcó # notificación como leída.} other {Se marcaron # notificaciones como leídas.}}',
          { count: updated }
        ),
      });
    });

  const title = t('notifications.title', 'Notificaciones');
  const list = notifications ?? [];

  return (
    <Page.Main aria-busy={isLoading}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          unreadCount === null
            ? undefined
            : unreadCount === 0
              ? t('notifications.subtitle.none', 'Estás al día: no tienes notificaciones sin leer.')
              : t(
                  'notifications.subtitle',
                  '{count, plural, one {Tienes # notificación sin leer.} other {Tienes # notificaciones sin leer.}}',
                  { count: unreadCount }
                )
        }
        primaryAction={
          <Button
            startIcon={<Check />}
            variant="secondary"
            disabled={!unreadCount}
            loading={busy.has('all')}
            onClick={handleMarkAll}
          >
            {t('notifications.markAllRead', 'Marcar todas como leídas')}
          </Button>
        }
      />
      <Layouts.Content>
        {/* The tabs filter the list below: they control this region, not panels of their own. */}
        <Flex id={RESULTS_ID} direction="column" alignItems="stretch" gap={4}>
          <Tabs.Root value={filter} onValueChange={setFilter} variant="simple">
            <Tabs.List aria-label={t('notifications.filter', 'Mostrar')}>
              <Tabs.Trigger value="all" aria-controls={RESULTS_ID}>
                {t('notifications.filter.all', 'Todas')}
              </Tabs.Trigger>
              <Tabs.Trigger value="unread" aria-controls={RESULTS_ID}>
                {t('notifications.filter.unread', 'No leídas')}
              </Tabs.Trigger>
            </Tabs.List>
          </Tabs.Root>
          {!notifications && isLoading ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>{t('notifications.loading', 'Cargando notificaciones…')}</Loader>
            </Flex>
          ) : error && !notifications ? (
            <EmptyStateLayout
              hasRadius
              shadow="tableShadow"
              content={
                errorMessage(error) ??
                t(
                  'notifications.loadError',
                  'No se pudieron cargar las notificaciones. Intenta de nuevo.'
                )
              }
            />
          ) : list.length === 0 ? (
            <EmptyStateLayout
              hasRadius
              shadow="tableShadow"
              content={
                filter === 'unread'
                  ? t('notifications.empty.unread', 'No tienes notificaciones sin leer.')
                  : t(
                      'notifications.empty',
                      'Aún no tienes notificaciones. Aquí verás asignaciones, observaciones, entregas y vencimientos.'
                    )
              }
            />
          ) : (
            <Flex
              tag="ul"
              direction="column"
              alignItems="stretch"
              gap={2}
              aria-label={t('notifications.list', 'Lista de notificaciones')}
            >
              {list.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  now={now}
                  busy={busy.has(notification.id)}
                  onMarkRead={handleMarkRead}
                  onOpen={handleOpen}
                />
              ))}
            </Flex>
          )}
          {pagination && pagination.total > 0 && (
            <Box>
              <Pagination.Root
                pageCount={pagination.pageCount}
                total={pagination.total}
                defaultPageSize={DEFAULT_PAGE_SIZE}
              >
                <Pagination.PageSize options={['10', '20', '50', '100']} />
                <Pagination.Links />
              </Pagination.Root>
              <Typography variant="pi" textColor="neutral600">
                {t(
                  'notifications.total',
                  '{total, plural, one {# notificación} other {# notificaciones}} en total',
                  { total: pagination.total }
                )}
              </Typography>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
