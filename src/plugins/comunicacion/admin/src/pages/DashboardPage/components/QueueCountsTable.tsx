import {
  Badge,
  Box,
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
import { WORKFLOW_LABELS } from '../../../app-domain';
import { getTranslation } from '../../../utils/getTranslation';
import type { DashboardData } from '../../../services/dashboard';

type StateRow = DashboardData['queues'][number]['byState'][number] & {
  /** The workflow's Spanish name (sent by newer servers). */
  workflowLabel?: string;
};

const workflowLabelOf = (row: StateRow) =>
  row.workflowLabel ??
  WORKFLOW_LABELS[row.workflow as keyof typeof WORKFLOW_LABELS] ??
  row.workflow;

const Chips = ({ rows }: { rows: StateRow[] }) => (
  <Flex tag="ul" gap={1} wrap="wrap">
    {rows.map((row) => (
      <li key={`${row.workflow}:${row.state}`}>
        {/* States holding work stand out; empty ones stay for reference. */}
        <Badge
          variant={row.count > 0 ? 'secondary' : 'neutral'}
        >{`${row.label}: ${row.count}`}</Badge>
      </li>
    ))}
  </Flex>
);

/**
 * The split by state. A queue fed by several workflows (Gobierno Digital: web publications,
 * transparency documents, e-mail accounts) shows one labelled line per workflow, so each state
 * reads with its own noun («Publicación en el sitio web: Recibida», «Documento…: Recibido»).
 */
const StateChips = ({ rows }: { rows: StateRow[] }) => {
  const workflows = [...new Set(rows.map((row) => row.workflow))];
  if (workflows.length < 2) {
    return (
      <Box paddingTop={2} paddingBottom={2}>
        <Chips rows={rows} />
      </Box>
    );
  }
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={2} paddingBottom={2}>
      {workflows.map((workflow) => {
        const own = rows.filter((row) => row.workflow === workflow);
        return (
          <Flex
            key={workflow}
            tag="li"
            direction="column"
            alignItems="flex-start"
            gap={1}
            data-testid={`workflow-states-${workflow}`}
          >
            <Typography variant="pi" fontWeight="bold" textColor="neutral700">
              {workflowLabelOf(own[0])}
            </Typography>
            <Chips rows={own} />
          </Flex>
        );
      })}
    </Flex>
  );
};

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
              {/* No warning shade reads on white at this size: due today is told by weight. */}
              <Typography
                textColor="neutral800"
                fontWeight={queue.dueToday > 0 ? 'bold' : undefined}
              >
                {queue.dueToday}
              </Typography>
            </Td>
            <Td>
              {queue.byState.length === 0 ? (
                <Typography textColor="neutral600">—</Typography>
              ) : (
                <StateChips rows={queue.byState} />
              )}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
