import * as React from 'react';
import { Box, Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Filter } from '@strapi/icons';
import { Layouts, Page, Pagination, useIsMobile } from '@strapi/strapi/admin';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { ExportButtons } from '../../components/ExportButtons';
import { ItemActionDialogs, type ItemAction } from '../../components/ItemActionDialogs';
import { OficioSearchBox } from '../../components/OficioSearchBox';
import { usePluginPermissions } from '../../hooks/usePluginPermissions';
import { useT } from '../../hooks/useT';
import { PLUGIN_ID } from '../../pluginId';
import { errorMessage } from '../../services/api';
import { useGetMetaQuery } from '../../services/items';
import { useGetQueueQuery, useGetQueuesQuery } from '../../services/queues';
import { QueueCards } from './components/QueueCards';
import { QueueFilters } from './components/QueueFilters';
import { QueueTable } from './components/QueueTable';
import { QueueTabs } from './components/QueueTabs';
import { DEFAULT_PAGE_SIZE, useQueueQuery } from './hooks/useQueueQuery';

const queuePath = (key: string) => `/plugins/${PLUGIN_ID}/bandejas/${key}`;
const FILTERS_ID = 'queue-filters';

/**
 * Bandejas: the staff member's queues as tabs and the selected one as a server-paginated table
 * (cards on a phone) with filters in the URL, each item's actions and the queue's export.
 */
export const QueuesPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { canReadOficios } = usePluginPermissions();
  const { key } = useParams<{ key?: string }>();
  const queues = useGetQueuesQuery();
  const meta = useGetMetaQuery();
  const { filters, page, pageSize, setFilter, clearFilters } = useQueueQuery();
  const [action, setAction] = React.useState<ItemAction | null>(null);
  // On a phone the filters wait behind the «Filtros» button.
  const [filtersOpen, setFiltersOpen] = React.useState(false);

  const list = queues.data ?? [];
  const current = list.find((queue) => queue.key === key);
  const items = useGetQueueQuery(
    { key: current?.key ?? '', page: String(page), pageSize: String(pageSize), ...filters },
    { skip: !current }
  );

  const title = t('queues.title', 'Bandejas');

  if (queues.isLoading) return <Page.Loading />;
  if (queues.isError) {
    return (
      <Page.Main>
        <Layouts.Header title={title} />
        <Layouts.Content>
          <EmptyStateLayout
            content={
              errorMessage(queues.error) ??
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

  // The dialogs tell when something changed: read the queue and its counts again.
  const refresh = () => {
    void queues.refetch();
    void items.refetch();
  };
  // Another page of the same queue keeps the old rows on screen while loading; another queue does not.
  const response =
    items.currentData ?? (items.data?.meta.queue.key === current.key ? items.data : undefined);
  const pagination = response?.meta.pagination;
  const activeFilters = Object.values(filters).filter(Boolean).length;
  const showFilters = !isMobile || filtersOpen;
  const rows = response?.data ?? [];
  const loadingRows = !response && !items.isError;

  return (
    <Page.Main aria-busy={items.isFetching}>
      <Page.Title>{`${current.label} · ${title}`}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('queues.subtitle', '{label}: {description}', {
          label: current.label,
          description: current.description,
        })}
      />
      <Layouts.Content>
        {isMobile && canReadOficios && <OficioSearchBox inPage />}
        <QueueTabs
          queues={list}
          selected={current.key}
          onSelect={(next) => navigate(queuePath(next))}
        >
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
              {isMobile ? (
                <Button
                  variant="tertiary"
                  startIcon={<Filter />}
                  aria-expanded={filtersOpen}
                  aria-controls={FILTERS_ID}
                  onClick={() => setFiltersOpen((open) => !open)}
                >
                  {activeFilters
                    ? t('queues.filters.toggleCount', 'Filtros ({count})', {
                        count: activeFilters,
                      })
                    : t('queues.filters.toggle', 'Filtros')}
                </Button>
              ) : (
                <span />
              )}
              <ExportButtons
                target={{ kind: 'queue', key: current.key }}
                filters={filters}
                disabled={!pagination?.total}
              />
            </Flex>
            {showFilters && (
              <QueueFilters
                id={FILTERS_ID}
                filters={filters}
                onChange={setFilter}
                onClear={clearFilters}
                areas={meta.data?.areas ?? []}
                staff={meta.data?.staff ?? []}
                states={response?.meta.states ?? []}
              />
            )}
            {items.isError ? (
              <EmptyStateLayout
                content={
                  errorMessage(items.error) ??
                  t('queues.error.items', 'No se pudo cargar la bandeja. Intenta de nuevo.')
                }
              />
            ) : isMobile ? (
              <QueueCards
                items={rows}
                isLoading={loadingRows}
                filtered={activeFilters > 0}
                onAction={setAction}
              />
            ) : (
              <QueueTable
                items={rows}
                isLoading={loadingRows}
                filtered={activeFilters > 0}
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
                  {t(
                    'queues.total',
                    '{total, plural, one {# trabajo} other {# trabajos}} en total',
                    { total: pagination.total }
                  )}
                </Typography>
              </Box>
            )}
          </Flex>
        </QueueTabs>
      </Layouts.Content>
      <ItemActionDialogs action={action} onClose={() => setAction(null)} onChanged={refresh} />
    </Page.Main>
  );
};
