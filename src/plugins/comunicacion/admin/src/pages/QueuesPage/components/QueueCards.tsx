import { Box, EmptyStateLayout, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { QueueItem } from '../../../../../shared/contracts/queues';
import type { ItemAction } from '../../../components/ItemActionDialogs';
import { ItemBadges } from '../../../components/ItemBadges';
import { ItemWarnings } from '../../../components/ItemWarnings';
import { StatusBadge } from '../../../components/StatusBadge';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { PLUGIN_ID } from '../../../pluginId';
import { ItemActionsMenu } from './ItemActionsMenu';

export interface QueueCardsProps {
  items: QueueItem[];
  isLoading: boolean;
  filtered: boolean;
  onAction: (action: ItemAction) => void;
}

/** The queue's items as cards, one under the other, for a phone: nothing scrolls sideways. */
export const QueueCards = ({ items, isLoading, filtered, onAction }: QueueCardsProps) => {
  const t = useT();
  const format = useFormatters();

  if (isLoading && !items.length) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('state.loading', 'Cargando…')}</Loader>
      </Flex>
    );
  }
  if (!items.length) {
    return (
      <EmptyStateLayout
        hasRadius
        shadow="tableShadow"
        content={
          filtered
            ? t('queues.empty.filtered', 'Ningún trabajo coincide con los filtros.')
            : t('queues.empty', 'No hay trabajos pendientes en esta bandeja. ¡Todo al día!')
        }
      />
    );
  }

  return (
    <Flex
      tag="ul"
      direction="column"
      alignItems="stretch"
      gap={3}
      aria-label={t('queues.cards.label', 'Trabajos de la bandeja')}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {items.map((item) => {
        const headingId = `queue-card-${item.documentId}`;
        return (
          <Box
            tag="li"
            key={`${item.uid}:${item.documentId}`}
            background="neutral0"
            hasRadius
            shadow="tableShadow"
            padding={4}
          >
            <Flex
              tag="article"
              aria-labelledby={headingId}
              direction="column"
              alignItems="stretch"
              gap={2}
              data-queue-card=""
            >
              <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
                <Flex direction="column" alignItems="flex-start" gap={1} style={{ minWidth: 0 }}>
                  <Typography variant="sigma" textColor="neutral600">
                    {item.workflowLabel}
                  </Typography>
                  <Typography
                    tag="h3"
                    id={headingId}
                    fontWeight="bold"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {item.title}
                  </Typography>
                </Flex>
                <ItemActionsMenu item={item} onAction={onAction} />
              </Flex>
              <Flex gap={1} wrap="wrap">
                <StatusBadge status={item.status} label={item.statusLabel} />
                <ItemBadges badges={item.badges} />
              </Flex>
              <ItemWarnings warnings={item.warnings} />
              <Box
                tag="dl"
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'auto 1fr',
                  columnGap: '12px',
                  rowGap: '4px',
                  margin: 0,
                }}
              >
                <Typography tag="dt" variant="pi" textColor="neutral600">
                  {t('queues.columns.due', 'Vence')}
                </Typography>
                <Typography tag="dd" variant="pi" style={{ margin: 0 }}>
                  {format.day(item.dueAt) ?? '—'}
                </Typography>
                <Typography tag="dt" variant="pi" textColor="neutral600">
                  {t('queues.columns.area', 'Área')}
                </Typography>
                <Typography tag="dd" variant="pi" style={{ margin: 0 }}>
                  {item.area?.shortName || item.area?.name || '—'}
                </Typography>
                <Typography tag="dt" variant="pi" textColor="neutral600">
                  {t('queues.columns.folio', 'Folio')}
                </Typography>
                <Typography tag="dd" variant="pi" style={{ margin: 0 }}>
                  {item.oficio ? (
                    <Link
                      tag={NavLink}
                      to={`/plugins/${PLUGIN_ID}/oficios/${item.oficio.documentId}`}
                    >
                      {item.oficio.folio}
                    </Link>
                  ) : (
                    '—'
                  )}
                </Typography>
                <Typography tag="dt" variant="pi" textColor="neutral600">
                  {t('queues.columns.assignees', 'Responsables')}
                </Typography>
                <Typography tag="dd" variant="pi" style={{ margin: 0 }}>
                  {item.assignees.length
                    ? item.assignees.map((person) => person.name).join(', ')
                    : t('queues.unassigned', 'Sin asignar')}
                </Typography>
              </Box>
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};
