import {
  Badge,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { getTranslation } from '../../../utils/getTranslation';
import type { DashboardData } from '../hooks/useDashboard';

interface QueueCountsTableProps {
  queues: DashboardData['queues'];
}

/** Open items of each visible queue, with overdue, due today and the split by state. */
export const QueueCountsTable = ({ queues }: QueueCountsTableProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });

  if (queues.length === 0) {
    return (
      <Typography textColor="neutral600">
        {t('dashboard.queues.empty', 'No tienes bandejas asignadas.')}
      </Typography>
    );
  }

  return (
    <Table colCount={5} rowCount={queues.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('dashboard.queues.queue', 'Bandeja')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('dashboard.queues.open', 'Abiertos')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('dashboard.queues.overdue', 'Vencidos')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('dashboard.queues.dueToday', 'Vencen hoy')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('dashboard.queues.byState', 'Por estado')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {queues.map((queue) => (
          <Tr key={queue.key} data-testid={`queue-row-${queue.key}`}>
            <Td>
              <Link tag={NavLink} to={`../bandejas/${queue.key}`}>
                {queue.label}
              </Link>
            </Td>
            <Td>
              <Typography fontWeight="bold">{queue.total}</Typography>
            </Td>
            <Td>
              <Typography textColor={queue.overdue > 0 ? 'danger600' : 'neutral800'}>
                {queue.overdue}
              </Typography>
            </Td>
            <Td>
              <Typography textColor={queue.dueToday > 0 ? 'warning600' : 'neutral800'}>
                {queue.dueToday}
              </Typography>
            </Td>
            <Td>
              {queue.byState.length === 0 ? (
                <Typography textColor="neutral600">—</Typography>
              ) : (
                <Flex tag="ul" gap={1} wrap="wrap" paddingTop={2} paddingBottom={2}>
                  {queue.byState.map((row) => (
                    <li key={`${row.workflow}:${row.state}`}>
                      {/* States holding work stand out; empty ones stay for reference. */}
                      <Badge variant={row.count > 0 ? 'secondary' : 'neutral'}>
                        {`${row.label}: ${row.count}`}
                      </Badge>
                    </li>
                  ))}
                </Flex>
              )}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
