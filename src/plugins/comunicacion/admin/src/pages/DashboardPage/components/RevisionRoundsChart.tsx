import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../../utils/getTranslation';
import type { DashboardData } from '../../../services/dashboard';

interface RevisionRoundsChartProps {
  rows: DashboardData['revisionRoundsByArea'];
}

/** Average revision rounds of the designs of each area, as horizontal bars with their figures. */
export const RevisionRoundsChart = ({ rows }: RevisionRoundsChartProps) => {
  const { formatMessage, formatNumber } = useIntl();

  if (rows.length === 0) {
    return (
      <Typography textColor="neutral600">
        {formatMessage({
          id: getTranslation('dashboard.rounds.none'),
          defaultMessage: 'Sin diseños recibidos en el periodo.',
        })}
      </Typography>
    );
  }

  const max = Math.max(1, ...rows.map((row) => row.average));

  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
      {rows.map((row) => {
        const figures = formatMessage(
          {
            id: getTranslation('dashboard.rounds.figures'),
            defaultMessage:
              '{averageValue, plural, one {{average} ronda} other {{average} rondas}} en promedio ({designs, plural, one {# diseño} other {# diseños}}, {rounds, plural, one {# ronda} other {# rondas}})',
          },
          {
            average: formatNumber(row.average, { maximumFractionDigits: 1 }),
            // The number as shown (one decimal) chooses «ronda» or «rondas».
            averageValue: Math.round(row.average * 10) / 10,
            designs: row.designs,
            rounds: row.rounds,
          }
        );
        return (
          <Flex key={row.area} tag="li" direction="column" alignItems="stretch" gap={1}>
            <Flex justifyContent="space-between" gap={2} wrap="wrap">
              <Typography fontWeight="semiBold">{row.area}</Typography>
              <Typography variant="pi" textColor="neutral600">
                {figures}
              </Typography>
            </Flex>
            <Box background="neutral150" hasRadius height="10px" aria-hidden>
              <Box
                background="primary500"
                hasRadius
                height="10px"
                width={`${Math.max(2, (row.average / max) * 100)}%`}
              />
            </Box>
          </Flex>
        );
      })}
    </Flex>
  );
};
