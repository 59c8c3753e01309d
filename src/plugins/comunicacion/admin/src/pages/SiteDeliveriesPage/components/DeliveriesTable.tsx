import * as React from 'react';
import {
  Badge,
  type BadgeProps,
  Button,
  Flex,
  IconButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { ArrowClockwise, ChevronDown, ChevronRight } from '@strapi/icons';
import type { Delivery } from '../../../../../shared/contracts/publications';
import { badgeTone } from '../../../components/StatusBadge';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { DeliveryLog } from './DeliveryLog';

const COLUMNS = 7;

/** Spanish label and badge colour of each delivery status. */
export const DELIVERY_STATUSES: Record<
  Delivery['status'],
  { id: string; label: string; variant: NonNullable<BadgeProps['variant']> }
> = {
  pendiente: { id: 'siteDeliveries.status.pendiente', label: 'Pendiente', variant: 'warning' },
  entregado: { id: 'siteDeliveries.status.entregado', label: 'Entregado', variant: 'success' },
  sin_destino: {
    id: 'siteDeliveries.status.sin_destino',
    label: 'Sin destino',
    variant: 'neutral',
  },
};

const EVENTS: Record<Delivery['event'], [id: string, label: string]> = {
  'publicacion.publicada': ['siteDeliveries.event.publicada', 'Publicación'],
  'publicacion.retirada': ['siteDeliveries.event.retirada', 'Retiro'],
};

const TYPES: Record<Delivery['uid'], [id: string, label: string]> = {
  'api::web-publication.web-publication': ['siteDeliveries.type.webPublication', 'Publicación web'],
  'api::transparency-document.transparency-document': [
    'siteDeliveries.type.transparencyDocument',
    'Documento de transparencia',
  ],
};

export interface DeliveriesTableProps {
  deliveries: Delivery[];
  /** Shows «Reintentar ahora» on pending notices. */
  canRetry: boolean;
  /** Ids whose retry is in flight. */
  retrying: ReadonlySet<number>;
  onRetry: (delivery: Delivery) => void;
}

/** The notices sent to the site, newest first; each row opens to its attempt log. */
export const DeliveriesTable = ({
  deliveries,
  canRetry,
  retrying,
  onRetry,
}: DeliveriesTableProps) => {
  const t = useT();
  const format = useFormatters();
  const [expanded, setExpanded] = React.useState<ReadonlySet<number>>(new Set());

  const toggle = (id: number) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const headers = [
    t('siteDeliveries.columns.createdAt', 'Fecha'),
    t('siteDeliveries.columns.item', 'Contenido'),
    t('siteDeliveries.columns.status', 'Estado'),
    t('siteDeliveries.columns.attempts', 'Intentos'),
    t('siteDeliveries.columns.result', 'Último resultado'),
  ];

  const lastResult = (delivery: Delivery) => {
    if (delivery.status === 'entregado') {
      return t('siteDeliveries.result.delivered', 'Entregado el {at}', {
        at: format.dateTime(delivery.deliveredAt) ?? '—',
      });
    }
    if (delivery.status === 'sin_destino') {
      return t(
        'siteDeliveries.result.noTarget',
        'No hay una dirección de aviso configurada para el sitio.'
      );
    }
    const parts = [
      delivery.lastHttpStatus !== null
        ? t('siteDeliveries.result.httpStatus', 'HTTP {status}', {
            status: delivery.lastHttpStatus,
          })
        : null,
      delivery.lastError,
      delivery.nextAttemptAt
        ? t('siteDeliveries.result.next', 'Próximo intento: {at}', {
            at: format.dateTime(delivery.nextAttemptAt) ?? '',
          })
        : null,
    ].filter(Boolean);
    return parts.length
      ? parts.join(' · ')
      : t('siteDeliveries.result.waiting', 'En espera del primer intento.');
  };

  return (
    <Table
      colCount={COLUMNS}
      rowCount={
        deliveries.length + 1 + deliveries.filter((delivery) => expanded.has(delivery.id)).length
      }
    >
      <Thead>
        <Tr>
          <Th>
            <VisuallyHidden>{t('siteDeliveries.columns.expand', 'Ver intentos')}</VisuallyHidden>
          </Th>
          {headers.map((header) => (
            <Th key={header}>
              <Typography variant="sigma">{header}</Typography>
            </Th>
          ))}
          <Th>
            <VisuallyHidden>{t('siteDeliveries.columns.actions', 'Acciones')}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {deliveries.map((delivery) => {
          const open = expanded.has(delivery.id);
          const logId = `delivery-log-${delivery.id}`;
          const status = DELIVERY_STATUSES[delivery.status];
          const [eventId, eventLabel] = EVENTS[delivery.event] ?? [delivery.event, delivery.event];
          const [typeId, typeLabel] = TYPES[delivery.uid] ?? [delivery.uid, delivery.uid];
          return (
            <React.Fragment key={delivery.id}>
              <Tr
                data-testid="delivery-row"
                data-status={delivery.status}
                data-event={delivery.event}
              >
                <Td>
                  <IconButton
                    variant="ghost"
                    label={
                      open
                        ? t('siteDeliveries.log.hide', 'Ocultar los intentos de «{title}»', {
                            title: delivery.title,
                          })
                        : t('siteDeliveries.log.show', 'Ver los intentos de «{title}»', {
                            title: delivery.title,
                          })
                    }
                    aria-expanded={open}
                    aria-controls={open ? logId : undefined}
                    onClick={() => toggle(delivery.id)}
                  >
                    {open ? <ChevronDown /> : <ChevronRight />}
                  </IconButton>
                </Td>
                <Td>
                  <Typography>{format.dateTime(delivery.createdAt)}</Typography>
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start">
                    <Typography fontWeight="semiBold">{delivery.title}</Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {`${t(eventId, eventLabel)} · ${t(typeId, typeLabel)}`}
                    </Typography>
                  </Flex>
                </Td>
                <Td>
                  <Badge {...badgeTone(status.variant)}>{t(status.id, status.label)}</Badge>
                </Td>
                <Td>
                  <Typography>{String(delivery.attempts)}</Typography>
                </Td>
                <Td>
                  <Typography
                    variant="pi"
                    textColor={delivery.status === 'pendiente' ? 'danger600' : 'neutral600'}
                    style={{ whiteSpace: 'normal', display: 'block', minWidth: '14rem' }}
                  >
                    {lastResult(delivery)}
                  </Typography>
                </Td>
                <Td>
                  {canRetry && delivery.status === 'pendiente' && (
                    <Button
                      variant="secondary"
                      size="S"
                      startIcon={<ArrowClockwise />}
                      loading={retrying.has(delivery.id)}
                      onClick={() => onRetry(delivery)}
                    >
                      {t('siteDeliveries.retry', 'Reintentar ahora')}
                    </Button>
                  )}
                </Td>
              </Tr>
              {open && (
                <Tr id={logId}>
                  <Td colSpan={COLUMNS} style={{ whiteSpace: 'normal' }}>
                    <Flex
                      direction="column"
                      alignItems="stretch"
                      gap={3}
                      paddingTop={2}
                      paddingBottom={4}
                      paddingLeft={4}
                    >
                      <Typography variant="pi" textColor="neutral600">
                        {delivery.target
                          ? t('siteDeliveries.target', 'Destino: {url}', { url: delivery.target })
                          : t(
                              'siteDeliveries.result.noTarget',
                              'No hay una dirección de aviso configurada para el sitio.'
                            )}
                      </Typography>
                      <DeliveryLog
                        label={t('siteDeliveries.log.label', 'Intentos del aviso de «{title}»', {
                          title: delivery.title,
                        })}
                        log={delivery.log}
                      />
                    </Flex>
                  </Td>
                </Tr>
              )}
            </React.Fragment>
          );
        })}
      </Tbody>
    </Table>
  );
};
