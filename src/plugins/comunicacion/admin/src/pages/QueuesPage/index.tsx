import * as React from 'react';
import { Box, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, Pagination } from '@strapi/strapi/admin';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import type { GetMeta } from '../../../../shared/contracts/items';
import type { GetQueue, ListQueues } from '../../../../shared/contracts/queues';
import { ItemActionDialogs, type ItemAction } from '../../components/ItemActionDialogs';
import { serverMessage, useApi } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';
import { PLUGIN_ID } from '../../pluginId';
import { QueueFilters } from './components/QueueFilters';
import { QueueTable } from './components/QueueTable';
import { QueueTabs } from './components/QueueTabs';
import { DEFAULT_PAGE_SIZE, useQueueQuery } from './hooks/useQueueQuery';

const queuePath = (key: string) => `/plugins/${PLUGIN_ID}/bandejas/${key}`;

/**
 * Bandejas: the staff member's queues as tabs and the selected one as a server-paginated table
 * with filters in the URL and each item's actions.
 */
export const QueuesPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const { key } = useParams<{ key?: string }>();
  const queues = useApi<ListQueues.Response>('/comunicacion/queues');
  const meta = useApi<GetMeta.Response>('/comunicacion/meta');
  const { filters, page, pageSize, setFilter, clearFilters } = useQueueQuery();
  const [action, setAction] = React.useState<ItemAction | null>(null);

  const list = queues.data?.data ?? [];
  const current = list.find((queue) => queue.key === key);
  const items = useApi<GetQueue.Response>(current ? `/comunicacion/queues/${current.key}` : null, {
    page,
    pageSize,
    ...filters,
  });

  const title = t('queues.title', 'Bandejas');

  if (queues.isLoading && !queues.data) return <Page.Loading />;
  if (queues.error) {
    return (
      <Page.Main>
        <Layouts.Header title={title} />
        <Layouts.Content>
          <EmptyStateLayout
            content={
              serverMessage(queues.error) ??
              t('queues.error', 'No se pudieron cargar las bandejas. Intenta de nuevo.')
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!list.length) {
    return (
      <Page.Main>
        <Page.Title>{title}</Page.Title>
        <Layouts.Header title={title} />
        <Layouts.Content>
          <EmptyStateLayout
            content={t(
              'queues.none',
              'No tienes bandejas asignadas. Pide a la Dirección que revise tu rol.'
            )}
          />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!current) return <Navigate to={queuePath(list[0].key)} replace />;

  const refresh = () => {
    items.refetch();
    queues.refetch();
  };
  const response = items.data;
  const pagination = response?.meta.pagination;

  return (
    <Page.Main aria-busy={items.isLoading}>
      <Page.Title>{`${current.label} · ${title}`}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('queues.subtitle', '{label}: {description}', {
          label: current.label,
          description: current.description,
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <QueueTabs
            queues={list}
            selected={current.key}
            onSelect={(next) => navigate(queuePath(next))}
          />
          <QueueFilters
            filters={filters}
            onChange={setFilter}
            onClear={clearFilters}
            areas={meta.data?.data.areas ?? []}
            staff={meta.data?.data.staff ?? []}
            states={response?.meta.states ?? []}
          />
          {items.error ? (
            <EmptyStateLayout
              content={
                serverMessage(items.error) ??
                t('queues.error.items', 'No se pudo cargar la bandeja. Intenta de nuevo.')
              }
            />
          ) : (
            <QueueTable
              items={response?.data ?? []}
              isLoading={items.isLoading}
              filtered={Object.keys(filters).length > 0}
              onAction={setAction}
            />
          )}
          {pagination && pagination.total > 0 && (
            <Box>
              <Pagination.Root
                pageCount={pagination.pageCount}
                total={pagination.total}
                defaultPageSize={DEFAULT_PAGE_SIZE}
              >
                <Pagination.PageSize options={['10', '25', '50', '100']} />
                <Pagination.Links />
              </Pagination.Root>
              <Typography variant="pi" textColor="neutral600">
                {t('queues.total', '{total, plural, one {# trabajo} other {# trabajos}} en total', {
                  total: pagination.total,
                })}
              </Typography>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
      <ItemActionDialogs action={action} onClose={() => setAction(null)} onChanged={refresh} />
    </Page.Main>
  );
};
