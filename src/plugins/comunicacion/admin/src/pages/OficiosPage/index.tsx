import * as React from 'react';
import { Box, Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Filter } from '@strapi/icons';
import { Layouts, Page, Pagination, useIsMobile } from '@strapi/strapi/admin';
import { ExportButtons } from '../../components/ExportButtons';
import { useT } from '../../hooks/useT';
import { errorMessage } from '../../services/api';
import { useGetMetaQuery } from '../../services/items';
import { useSearchOficiosQuery } from '../../services/search';
import { OficioSearchFilters } from './components/OficioSearchFilters';
import { OficioCards, OficiosTable } from './components/OficiosTable';
import { DEFAULT_PAGE_SIZE, useOficioSearchParams } from './hooks/useOficioSearchParams';

const FILTERS_ID = 'oficio-search-filters';

/**
 * Oficios: every oficio in any state, filtered and paginated by the server, with the filters in
 * the URL and the current view's export.
 */
export const OficiosPage = () => {
  const t = useT();
  const isMobile = useIsMobile();
  const { filters, query, setFilter, clearFilters } = useOficioSearchParams();
  const meta = useGetMetaQuery();
  const search = useSearchOficiosQuery(query);
  const [filtersOpen, setFiltersOpen] = React.useState(false);

  const title = t('oficios.title', 'Oficios');
  // Another page keeps the old rows on screen while loading.
  const response = search.data;
  const oficios = response?.data ?? [];
  const pagination = response?.meta.pagination;
  const activeFilters = Object.values(filters).filter(Boolean).length;
  const isLoading = !response && !search.isError;

  return (
    <Page.Main aria-busy={search.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'oficios.subtitle',
          'Todos los oficios recibidos, en cualquier estado. Busca por folio, área, asunto o fecha.'
        )}
      />
      <Layouts.Content>
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
                  ? t('queues.filters.toggleCount', 'Filtros ({count})', { count: activeFilters })
                  : t('queues.filters.toggle', 'Filtros')}
              </Button>
            ) : (
              <span />
            )}
            <ExportButtons
              target={{ kind: 'oficios' }}
              filters={filters}
              disabled={!pagination?.total}
            />
          </Flex>
          {(!isMobile || filtersOpen) && (
            <OficioSearchFilters
              id={FILTERS_ID}
              filters={filters}
              onChange={setFilter}
              onClear={clearFilters}
              areas={meta.data?.areas ?? []}
              states={response?.meta.states ?? []}
              services={response?.meta.services ?? []}
            />
          )}
          {search.isError ? (
            <EmptyStateLayout
              hasRadius
              shadow="tableShadow"
              content={
                errorMessage(search.error) ??
                t('oficios.error', 'No se pudo hacer la búsqueda. Intenta de nuevo.')
              }
            />
          ) : !isLoading && !oficios.length ? (
            <EmptyStateLayout
              hasRadius
              shadow="tableShadow"
              content={
                activeFilters
                  ? t('oficios.empty.filtered', 'Ningún oficio coincide con la búsqueda.')
                  : t('oficios.empty', 'Todavía no se ha registrado ningún oficio.')
              }
            />
          ) : isMobile ? (
            <OficioCards oficios={oficios} isLoading={isLoading} />
          ) : (
            <OficiosTable oficios={oficios} isLoading={isLoading} />
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
                {t('oficios.total', '{total, plural, one {# oficio} other {# oficios}} en total', {
                  total: pagination.total,
                })}
              </Typography>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
