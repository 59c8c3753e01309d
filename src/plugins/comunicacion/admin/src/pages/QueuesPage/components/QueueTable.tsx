import {
  Box,
  EmptyStateLayout,
  Flex,
  Link,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
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

const COLUMNS = 9;

export interface QueueTableProps {
  items: QueueItem[];
  isLoading: boolean;
  filtered: boolean;
  onAction: (action: ItemAction) => void;
}

/** The queue's items, in the server's order (due date, then reception). */
export const QueueTable = ({ items, isLoading, filtered, onAction }: QueueTableProps) => {
  const t = useT();
  const format = useFormatters();

  if (!isLoading && !items.length) {
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

  const headers = [
    t('queues.columns.folio', 'Folio'),
    t('queues.columns.title', 'Título'),
    t('queues.columns.type', 'Tipo'),
    t('queues.columns.area', 'Área'),
    t('queues.columns.state', 'Estado y avisos'),
    t('queues.columns.due', 'Vence'),
    t('queues.columns.received', 'Recibido'),
    t('queues.columns.assignees', 'Responsables'),
  ];

  return (
    <Table colCount={COLUMNS} rowCount={items.length + 1}>
      <Thead>
        <Tr>
          {headers.map((header) => (
            <Th key={header}>
              <Typography variant="sigma">{header}</Typography>
            </Th>
          ))}
          <Th>
            <VisuallyHidden>{t('queues.columns.actions', 'Acciones')}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {isLoading && !items.length ? (
          <Tr>
            <Td colSpan={COLUMNS}>
              <Flex justifyContent="center" padding={8}>
                <Loader>{t('state.loading', 'Cargando…')}</Loader>
              </Flex>
            </Td>
          </Tr>
        ) : (
          items.map((item) => (
            <Tr key={`${item.uid}:${item.documentId}`} aria-label={item.title}>
              <Td>
                {item.oficio ? (
                  <Link
                    tag={NavLink}
                    to={`/plugins/${PLUGIN_ID}/oficios/${item.oficio.documentId}`}
                  >
                    {item.oficio.folio}
                  </Link>
                ) : (
                  <Typography textColor="neutral600">—</Typography>
                )}
              </Td>
              <Td>
                <Box maxWidth="20rem" style={{ whiteSpace: 'normal' }}>
                  <Typography fontWeight="semiBold">{item.title}</Typography>
                </Box>
              </Td>
              <Td>
                <Typography>{item.workflowLabel}</Typography>
              </Td>
              <Td>
                <Typography>{item.area?.shortName || item.area?.name || '—'}</Typography>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <StatusBadge status={item.status} label={item.statusLabel} />
                  <ItemBadges badges={item.badges} />
                  <ItemWarnings warnings={item.warnings} />
                </Flex>
              </Td>
              <Td>
                <Typography>{format.day(item.dueAt) ?? '—'}</Typography>
              </Td>
              <Td>
                <Typography>{format.dateTime(item.receivedAt) ?? '—'}</Typography>
              </Td>
              <Td>
                <Typography>
                  {item.assignees.length
                    ? item.assignees.map((person) => person.name).join(', ')
                    : t('queues.unassigned', 'Sin asignar')}
                </Typography>
              </Td>
              <Td>
                <Flex justifyContent="flex-end">
                  <ItemActionsMenu item={item} onAction={onAction} />
                </Flex>
              </Td>
            </Tr>
          ))
        )}
      </Tbody>
    </Table>
  );
};
