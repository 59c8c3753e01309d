import * as React from 'react';
import { Box, EmptyStateLayout, Flex, Loader, Tabs, Typography } from '@strapi/design-system';
import { Layouts, Page, Pagination, useNotification } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import type { Delivery } from '../../../../shared/contracts/publications';
import { useFormatters } from '../../hooks/useFormatters';
import { usePluginPermissions } from '../../hooks/usePluginPermissions';
import { useT } from '../../hooks/useT';
import { errorMessage } from '../../services/api';
import { DeliveriesTable, DELIVERY_STATUSES } from './components/DeliveriesTable';
import { useSiteDeliveries } from './hooks/useSiteDeliveries';

export const DEFAULT_PAGE_SIZE = 20;

const ALL = 'todos';
const STATUS_FILTERS = Object.keys(DELIVERY_STATUSES) as Delivery['status'][];

const isStatus = (value: string | null): value is Delivery['status'] =>
  STATUS_FILTERS.includes(value as Delivery['status']);

/**
 * Avisos al sitio: every notice sent to the municipal site's webhook when something is published
 * or withdrawn, with its attempts, a status filter in the URL and «Reintentar ahora» for pending ones.
 */
const RESULTS_ID = 'site-deliveries-results';

export const SiteDeliveriesPage = () => {
  const t = useT();
  const format = useFormatters();
  const { canPublish } = usePluginPermissions();
  const { toggleNotification } = useNotification();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('status');
  const status = isStatus(requested) ? requested : null;
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const pageSize = Math.min(
    100,
    Math.max(1, Number(searchParams.get('pageSize')) || DEFAULT_PAGE_SIZE)
  );

  const { deliveries, pagination, error, isLoading, retry } = useSiteDeliveries({
    page,
    pageSize,
    status,
  });
  const [retrying, setRetrying] = React.useState<ReadonlySet<number>>(new Set());

  const setStatus = (value: string) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (isStatus(value)) next.set('status', value);
        else next.delete('status');
        next.delete('page');
        return next;
      },
      { replace: true }
    );
  };

  const handleRetry = async (delivery: Delivery) => {
    setRetrying((previous) => new Set(previous).add(delivery.id));
    try {
      const result = await retry(delivery.id);
      toggleNotification(
        result.status === 'entregado'
          ? {
              type: 'success',
              message: t('siteDeliveries.retry.done', 'El sitio recibió el aviso de «{title}».', {
                title: delivery.title,
              }),
            }
          : {
              type: 'warning',
              message: t(
                'siteDeliveries.retry.failed',
                'El sitio no recibió el aviso de «{title}» ({reason}). Se volverá a intentar {next}.',
                {
                  title: delivery.title,
                  reason:
                    result.lastError ??
                    (result.lastHttpStatus !== null ? `HTTP ${result.lastHttpStatus}` : '—'),
                  next: result.nextAttemptAt
                    ? t('siteDeliveries.retry.nextAt', 'el {at}', {
                        at: format.dateTime(result.nextAttemptAt) ?? '',
                      })
                    : t('siteDeliveries.retry.later', 'más tarde'),
                }
              ),
            }
      );
    } catch (retryError) {
      toggleNotification({
        type: 'danger',
        message:
          errorMessage(retryError) ??
          t('siteDeliveries.retry.error', 'No se pudo reintentar el aviso. Intenta de nuevo.'),
      });
    } finally {
      setRetrying((previous) => {
        const next = new Set(previous);
        next.delete(delivery.id);
        return next;
      });
    }
  };

  const title = t('siteDeliveries.title', 'Avisos al sitio');
  const list = deliveries ?? [];

  return (
    <Page.Main aria-busy={isLoading}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'siteDeliveries.subtitle',
          'Cada publicación y cada retiro se avisa al sitio municipal. Un aviso que no llega se reintenta solo y aquí queda cada intento.'
        )}
      />
      <Layouts.Content>
        {/* The tabs filter the list below: they control this region, not panels of their own. */}
        <Flex id={RESULTS_ID} direction="column" alignItems="stretch" gap={4}>
          <Tabs.Root value={status ?? ALL} onValueChange={setStatus} variant="simple">
            <Tabs.List aria-label={t('siteDeliveries.filter', 'Estado del aviso')}>
              <Tabs.Trigger value={ALL} aria-controls={RESULTS_ID}>
                {t('siteDeliveries.filter.all', 'Todos')}
              </Tabs.Trigger>
              {STATUS_FILTERS.map((value) => (
                <Tabs.Trigger key={value} value={value} aria-controls={RESULTS_ID}>
                  {t(DELIVERY_STATUSES[value].id, DELIVERY_STATUSES[value].label)}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs.Root>
          {!deliveries && isLoading ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>{t('siteDeliveries.loading', 'Cargando los avisos…')}</Loader>
            </Flex>
          ) : error && !deliveries ? (
            <EmptyStateLayout
              hasRadius
              shadow="tableShadow"
              content={
                errorMessage(error) ??
                t('siteDeliveries.loadError', 'No se pudieron cargar los avisos. Intenta de nuevo.')
              }
            />
          ) : list.length === 0 ? (
            <EmptyStateLayout
              hasRadius
              shadow="tableShadow"
              content={
                status
                  ? t('siteDeliveries.empty.filtered', 'No hay avisos con este estado.')
                  : t(
                      'siteDeliveries.empty',
                      'Aún no se ha enviado ningún aviso al sitio. Aparecerán al publicar o retirar contenido.'
                    )
              }
            />
          ) : (
            <DeliveriesTable
              deliveries={list}
              canRetry={canPublish}
              retrying={retrying}
              onRetry={handleRetry}
            />
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
                  'siteDeliveries.total',
                  '{total, plural, one {# aviso} other {# avisos}} en total',
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
