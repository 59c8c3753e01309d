import {
  Flex,
  IconButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import type { HolidayDto } from '../../../../../shared/contracts/configuration';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { SOURCES } from '../utils/sources';

interface HolidaysTableProps {
  holidays: HolidayDto[];
  onEdit: (holiday: HolidayDto) => void;
  onDelete: (holiday: HolidayDto) => void;
}

/** The year's non-working days in date order, each with edit and delete. */
export const HolidaysTable = ({ holidays, onEdit, onDelete }: HolidaysTableProps) => {
  const t = useT();
  const { day } = useFormatters();
  const sourceLabel = (value: HolidayDto['source']) => {
    const source = SOURCES.find((candidate) => candidate.value === value);
    return source ? t(source.id, source.label) : value;
  };

  return (
    <Table colCount={6} rowCount={holidays.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('holidays.form.date', 'Fecha')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('holidays.form.endDate', 'Hasta')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('holidays.form.name', 'Nombre')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('holidays.form.source', 'Origen')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('holidays.form.note', 'Nota')}</Typography>
          </Th>
          <Th>
            <VisuallyHidden>{t('holidays.actions', 'Acciones')}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {holidays.map((holiday) => (
          <Tr key={holiday.documentId} data-testid="holiday-row">
            <Td>
              <Typography>{day(holiday.date)}</Typography>
            </Td>
            <Td>
              <Typography textColor={holiday.endDate ? 'neutral800' : 'neutral600'}>
                {day(holiday.endDate) ?? '—'}
              </Typography>
            </Td>
            <Td>
              <Typography fontWeight="semiBold">{holiday.name}</Typography>
            </Td>
            <Td>
              <Typography>{sourceLabel(holiday.source)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral600" ellipsis title={holiday.note ?? undefined}>
                {holiday.note ?? ''}
              </Typography>
            </Td>
            <Td>
              <Flex gap={1} justifyContent="flex-end">
                <IconButton
                  label={t('holidays.editOne', 'Editar {name}', { name: holiday.name })}
                  variant="ghost"
                  onClick={() => onEdit(holiday)}
                >
                  <Pencil />
                </IconButton>
                <IconButton
                  label={t('holidays.deleteOne', 'Eliminar {name}', { name: holiday.name })}
                  variant="ghost"
                  onClick={() => onDelete(holiday)}
                >
                  <Trash />
                </IconButton>
              </Flex>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
