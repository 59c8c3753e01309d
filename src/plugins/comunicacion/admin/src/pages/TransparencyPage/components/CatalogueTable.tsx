import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ObligationWarningDto } from '../../../../../shared/contracts/transparency';
import { useT } from '../../../hooks/useT';
import { FREQUENCIES } from '../utils/labels';
import {
  LatestDocument,
  ObligationReference,
  ObligationStatusBadge,
  ObligationTitle,
} from './ObligationCells';

/** Every active obligation of the catalogue with its frequency, window and state. */
export const CatalogueTable = ({ obligations }: { obligations: ObligationWarningDto[] }) => {
  const t = useT();
  return (
    <Table colCount={6} rowCount={obligations.length + 1}>
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
              {t('transparency.column.frequency', 'Periodicidad')}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('transparency.column.window', 'Días para publicar')}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('transparency.column.status', 'Estado')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {t('transparency.column.latest', 'Último documento')}
            </Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {obligations.map((obligation) => (
          <Tr key={obligation.documentId} data-testid="catalogue-row">
            <Td>
              <ObligationReference obligation={obligation} />
            </Td>
            <Td>
              <ObligationTitle obligation={obligation} />
            </Td>
            <Td>
              <Typography>
                {t(FREQUENCIES[obligation.frequency].id, FREQUENCIES[obligation.frequency].label)}
              </Typography>
            </Td>
            <Td>
              <Typography>{obligation.updateWindowDays}</Typography>
            </Td>
            <Td>
              <ObligationStatusBadge obligation={obligation} />
            </Td>
            <Td>
              <LatestDocument obligation={obligation} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
