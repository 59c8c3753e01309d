import {
  Accordion,
  Box,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../../utils/getTranslation';
import type { DashboardData } from '../../../services/dashboard';

interface ThroughputChartProps {
  throughput: DashboardData['throughput'];
}

const CHART_HEIGHT = 180;

/** Calendar dates (YYYY-MM-DD) are shown as they are, whatever the browser's zone. */
const useDayFormat = () => {
  const { locale } = useIntl();
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
};

/** Closed work items per week as stacked bars: on time (green) under late (red). */
export const ThroughputChart = ({ throughput }: ThroughputChartProps) => {
  const { formatMessage } = useIntl();
  const formatDay = useDayFormat();
  const max = Math.max(1, ...throughput.map((week) => week.closed));
  const closed = throughput.reduce((sum, week) => sum + week.closed, 0);
  const onTime = throughput.reduce((sum, week) => sum + week.onTime, 0);
  const late = throughput.reduce((sum, week) => sum + week.late, 0);
  // Label every week up to 12 bars, then every other or fourth so the axis stays legible.
  const labelEvery = throughput.length > 12 ? (throughput.length > 20 ? 4 : 2) : 1;

  const summary = formatMessage(
    {
      id: getTranslation('dashboard.throughput.summary'),
      defaultMessage:
        '{closed, plural, one {# cerrado} other {# cerrados}} en {weeks, plural, one {# semana} other {# semanas}}: {onTime} a tiempo y {late} con retraso.',
    },
    { closed, weeks: throughput.length, onTime, late }
  );
  const onTimeLabel = formatMessage({
    id: getTranslation('dashboard.throughput.onTime'),
    defaultMessage: 'A tiempo',
  });
  const lateLabel = formatMessage({
    id: getTranslation('dashboard.throughput.late'),
    defaultMessage: 'Con retraso',
  });
  const weekLabel = formatMessage({
    id: getTranslation('dashboard.throughput.week'),
    defaultMessage: 'Semana del',
  });
  const closedLabel = formatMessage({
    id: getTranslation('dashboard.throughput.closed'),
    defaultMessage: 'Cerrados',
  });

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="omega" textColor="neutral700" data-testid="throughput-summary">
        {summary}
      </Typography>
      <Flex gap={4} aria-hidden>
        <Flex gap={1}>
          <Box background="success500" width="12px" height="12px" hasRadius />
          <Typography variant="pi">{onTimeLabel}</Typography>
        </Flex>
        <Flex gap={1}>
          <Box background="danger500" width="12px" height="12px" hasRadius />
          <Typography variant="pi">{lateLabel}</Typography>
        </Flex>
      </Flex>
      <Box role="img" aria-label={summary}>
        <Flex
          alignItems="flex-end"
          gap={1}
          height={`${CHART_HEIGHT}px`}
          borderColor="neutral200"
          borderStyle="solid"
          borderWidth="0 0 1px 0"
        >
          {throughput.map((week) => {
            const title = `${weekLabel} ${formatDay(week.weekStart)}: ${week.closed} (${onTimeLabel.toLowerCase()} ${week.onTime}, ${lateLabel.toLowerCase()} ${week.late})`;
            return (
              <Flex
                key={week.weekStart}
                direction="column"
                justifyContent="flex-end"
                alignItems="stretch"
                flex="1 1 0"
                height="100%"
                title={title}
              >
                {week.late > 0 && (
                  <Box
                    background="danger500"
                    height={`${(week.late / max) * CHART_HEIGHT}px`}
                    borderRadius="4px 4px 0 0"
                  />
                )}
                {week.onTime > 0 && (
                  <Box
                    background="success500"
                    height={`${(week.onTime / max) * CHART_HEIGHT}px`}
                    borderRadius={week.late > 0 ? undefined : '4px 4px 0 0'}
                  />
                )}
              </Flex>
            );
          })}
        </Flex>
        <Flex gap={1} aria-hidden>
          {throughput.map((week, index) => (
            <Box key={week.weekStart} flex="1 1 0" textAlign="center" overflow="hidden">
              <Typography variant="pi" textColor="neutral600">
                {index % labelEvery === 0 ? formatDay(week.weekStart) : '\u00a0'}
              </Typography>
            </Box>
          ))}
        </Flex>
      </Box>
      <Accordion.Root>
        <Accordion.Item value="data">
          <Accordion.Header>
            <Accordion.Trigger>
              {formatMessage({
                id: getTranslation('dashboard.chart.data'),
                defaultMessage: 'Ver las cifras',
              })}
            </Accordion.Trigger>
          </Accordion.Header>
          <Accordion.Content>
            <Table colCount={4} rowCount={throughput.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{weekLabel}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{closedLabel}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{onTimeLabel}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{lateLabel}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {throughput.map((week) => (
                  <Tr key={week.weekStart}>
                    <Td>
                      <Typography>{formatDay(week.weekStart)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{week.closed}</Typography>
                    </Td>
                    <Td>
                      <Typography>{week.onTime}</Typography>
                    </Td>
                    <Td>
                      <Typography>{week.late}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Accordion.Content>
        </Accordion.Item>
      </Accordion.Root>
    </Flex>
  );
};
