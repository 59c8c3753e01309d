import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useTheme } from 'styled-components';
import { getTranslation } from '../../../utils/getTranslation';
import type { DashboardData } from '../../../services/dashboard';

interface OnTimeGaugeProps {
  percentage: DashboardData['onTimePercentage'];
  throughput: DashboardData['throughput'];
}

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** Share of closed items delivered on or before their due date, as a ring with its figures. */
export const OnTimeGauge = ({ percentage, throughput }: OnTimeGaugeProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const theme = useTheme();
  const onTime = throughput.reduce((sum, week) => sum + week.onTime, 0);
  const closed = throughput.reduce((sum, week) => sum + week.closed, 0);

  if (percentage === null) {
    return (
      <Typography textColor="neutral600" data-testid="on-time-percentage">
        {formatMessage({
          id: getTranslation('dashboard.onTime.none'),
          defaultMessage: 'Sin trabajos cerrados en el periodo.',
        })}
      </Typography>
    );
  }

  const shown = formatNumber(percentage / 100, { style: 'percent', maximumFractionDigits: 0 });
  const summary = formatMessage(
    {
      id: getTranslation('dashboard.onTime.summary'),
      defaultMessage:
        '{percentage} a tiempo ({onTime} de {closed, plural, one {# cerrado} other {# cerrados}}).',
    },
    { percentage: shown, onTime, closed }
  );
  const color =
    percentage >= 80
      ? theme.colors.success500
      : percentage >= 50
        ? theme.colors.warning500
        : theme.colors.danger500;

  return (
    <Flex direction="column" alignItems="center" gap={3}>
      <svg width="140" height="140" viewBox="0 0 140 140" role="img" aria-label={summary}>
        <title>{summary}</title>
        <circle
          cx="70"
          cy="70"
          r={RADIUS}
          fill="none"
          stroke={theme.colors.neutral150}
          strokeWidth="14"
        />
        <circle
          cx="70"
          cy="70"
          r={RADIUS}
          fill="none"
          stroke={color}
          strokeWidth="14"
          strokeLinecap="round"
          strokeDasharray={`${(percentage / 100) * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
          transform="rotate(-90 70 70)"
        />
        <text
          x="70"
          y="78"
          textAnchor="middle"
          fontSize="24"
          fontWeight="600"
          fill={theme.colors.neutral800}
        >
          {shown}
        </text>
      </svg>
      <Typography variant="omega" textColor="neutral700" data-testid="on-time-percentage">
        {summary}
      </Typography>
    </Flex>
  );
};
