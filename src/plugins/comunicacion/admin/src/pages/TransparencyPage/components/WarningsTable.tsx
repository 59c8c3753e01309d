import { Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ObligationWarningDto } from '../../../../../shared/contracts/transparency';
import { useT } from '../../../hooks/useT';
import {
  Deadline,
  LatestDocument,
  ObligationReference,
  ObligationStatusBadge,
  ObligationTitle,
} from './ObligationCells';

/** Obligations whose last closed period is not on the site yet: overdue first, then due soonest. */
export const WarningsTable = ({ warnings }: { warnings: ObligationWarningDto[] }) => {
  const t = useT();
  return (
    <Table colCount={5} rowCount={warnings.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('transparency.column.fraccion', 'Fracción')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('transparency.column.obligation', 'Obligación')}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('transparency.column.period', 'Periodo por publicar')}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('transparency.column.deadline', 'Plazo')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('transparency.column.latest', 'Último documento')}
            </Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {warnings.map((warning) => (
          <Tr
            key={warning.documentId}
            data-testid="obligation-warning"
            data-status={warning.status}
          >
            <Td>
              <ObligationReference obligation={warning} />
            </Td>
            <Td>
              <ObligationTitle obligation={warning} />
            </Td>
            <Td>
              <Typography>{warning.lastClosedPeriod.label}</Typography>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <ObligationStatusBadge obligation={warning} />
                <Deadline obligation={warning} />
              </Flex>
            </Td>
            <Td>
              <LatestDocument obligation={warning} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
