import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ValueCount } from '../../../../../shared/contracts/surveys';
import { useT } from '../../../hooks/useT';

interface ValueBarsProps {
  rows: ValueCount[];
  /** Accessible name of the list, e.g. the question. */
  label: string;
}

/** Count and percentage of each option or scale value, as horizontal bars with their figures. */
export const ValueBars = ({ rows, label }: ValueBarsProps) => {
  const t = useT();
  const { formatNumber } = useIntl();

  return (
    <Flex tag="ul" aria-label={label} direction="column" alignItems="stretch" gap={3}>
      {rows.map((row) => (
        <Flex key={row.value} tag="li" direction="column" alignItems="stretch" gap={1}>
          <Flex justifyContent="space-between" gap={2} wrap="wrap">
            <Typography fontWeight="semiBold">
              {row.value}
              {row.retired && (
                <Typography variant="pi" textColor="neutral600">
                  {` (${t('surveys.results.retired', 'ya no es una opción')})`}
                </Typography>
              )}
            </Typography>
            <Typography variant="pi" textColor="neutral700">
              {t(
                'surveys.results.count',
                '{count, plural, one {# respuesta} other {# respuestas}} ({percentage} %)',
                {
                  count: row.count,
                  percentage: formatNumber(row.percentage, { maximumFractionDigits: 1 }),
                }
              )}
            </Typography>
          </Flex>
          <Box background="neutral150" hasRadius height="10px" aria-hidden>
            <Box
              background="primary500"
              hasRadius
              height="10px"
              width={`${row.count === 0 ? 0 : Math.max(1, Math.min(100, row.percentage))}%`}
            />
          </Box>
        </Flex>
      ))}
    </Flex>
  );
};
