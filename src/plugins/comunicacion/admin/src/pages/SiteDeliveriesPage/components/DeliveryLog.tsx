import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { DeliveryAttempt } from '../../../../../shared/contracts/publications';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';

export interface DeliveryLogProps {
  /** Labels the table: «Intentos del aviso de …». */
  label: string;
  log: DeliveryAttempt[];
}

/** Every attempt of one notice: when, what the site answered, the error and how long it took. */
export const DeliveryLog = ({ label, log }: DeliveryLogProps) => {
  const t = useT();
  const format = useFormatters();

  if (!log.length) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('siteDeliveries.log.empty', 'Aún no se ha intentado enviar este aviso.')}
      </Typography>
    );
  }

  const headers = [
    t('siteDeliveries.log.attempt', 'Intento'),
    t('siteDeliveries.log.at', 'Hora'),
    t('siteDeliveries.log.httpStatus', 'Respuesta HTTP'),
    t('siteDeliveries.log.error', 'Error'),
    t('siteDeliveries.log.duration', 'Duración'),
  ];

  return (
    <Table colCount={headers.length} rowCount={log.length + 1} aria-label={label}>
      <Thead>
        <Tr>
          {headers.map((header) => (
            <Th key={header}>
              <Typography variant="sigma">{header}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {log.map((entry) => (
          <Tr key={entry.attempt}>
            <Td>
              <Typography>{String(entry.attempt)}</Typography>
            </Td>
            <Td>
              <Typography>{format.dateTime(entry.at)}</Typography>
            </Td>
            <Td>
              <Typography textColor={entry.httpStatus === null ? 'neutral600' : 'neutral800'}>
                {entry.httpStatus === null
                  ? t('siteDeliveries.log.noResponse', 'Sin respuesta')
                  : String(entry.httpStatus)}
              </Typography>
            </Td>
            <Td>
              <Typography
                textColor={entry.error ? 'danger600' : 'neutral600'}
                style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}
              >
                {entry.error ?? '—'}
              </Typography>
            </Td>
            <Td>
              <Typography>
                {t('siteDeliveries.log.durationMs', '{ms} ms', { ms: entry.durationMs })}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
