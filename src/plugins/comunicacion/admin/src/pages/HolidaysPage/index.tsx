import * as React from 'react';
import {
  Box,
  Button,
  Dialog,
  EmptyStateLayout,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { ConfirmDialog, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import type { HolidayDto, Holidays } from '../../../../shared/contracts/configuration';
import { useFormatters } from '../../hooks/useFormatters';
import { useT } from '../../hooks/useT';
import { errorMessage } from '../../services/api';
import { HolidayModal } from './components/HolidayModal';
import { HolidaysTable } from './components/HolidaysTable';
import { useHolidays } from './hooks/useHolidays';

const currentYear = () =>
  Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric' }).format(
      new Date()
    )
  );

/** Días inhábiles: the office's calendar for a year, edited by staff. */
export const HolidaysPage = () => {
  const t = useT();
  const { day } = useFormatters();
  const { toggleNotification } = useNotification();
  const [searchParams, setSearchParams] = useSearchParams();
  const thisYear = currentYear();
  const requested = Number(searchParams.get('year'));
  const year =
    Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : thisYear;
  const years = Array.from(
    new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, year])
  ).sort((a, b) => a - b);

  const { holidays, businessDays, error, isLoading, save, remove } = useHolidays(year);
  const [editing, setEditing] = React.useState<HolidayDto | 'new' | null>(null);
  const [deleting, setDeleting] = React.useState<HolidayDto | null>(null);
  const title = t('holidays.title', 'Días inhábiles');

  const handleSave = async (documentId: string | null, body: Holidays.WriteBody) => {
    await save(documentId, body);
    toggleNotification({
      type: 'success',
      message: t(
        'holidays.saved',
        'Día inhábil guardado. Las fechas de entrega abiertas se recalcularon.'
      ),
    });
  };

  const handleDelete = async () => {
    if (!deleting) return;
    try {
      await remove(deleting.documentId);
      toggleNotification({
        type: 'success',
        message: t('holidays.deleted', 'Se eliminó «{name}».', { name: deleting.name }),
      });
    } catch (deleteError) {
      toggleNotification({
        type: 'danger',
        message:
          errorMessage(deleteError) ??
          t('holidays.deleteError', 'No se pudo eliminar el día inhábil.'),
      });
    } finally {
      setDeleting(null);
    }
  };

  return (
    <Page.Main aria-busy={isLoading}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'holidays.subtitle',
          'Los plazos se cuentan en días hábiles: de lunes a viernes que no estén en este calendario.'
        )}
        primaryAction={
          <Button startIcon={<Plus />} onClick={() => setEditing('new')}>
            {t('holidays.add', 'Agregar día inhábil')}
          </Button>
        }
      />
      <Layouts.Action
        startActions={
          <Flex gap={4} alignItems="flex-end" wrap="wrap">
            <Box minWidth="160px">
              <Field.Root name="year">
                <Field.Label>{t('holidays.year', 'Año')}</Field.Label>
                <SingleSelect
                  value={String(year)}
                  onChange={(value) => setSearchParams({ year: String(value) }, { replace: true })}
                >
                  {years.map((option) => (
                    <SingleSelectOption key={option} value={String(option)}>
                      {String(option)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            {businessDays !== null && (
              <Typography variant="omega" fontWeight="semiBold" data-testid="business-days">
                {t(
                  'holidays.businessDays',
                  '{year} tiene {count, plural, one {# día hábil} other {# días hábiles}}.',
                  {
                    year: String(year),
                    count: businessDays,
                  }
                )}
              </Typography>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        {!holidays && isLoading ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('holidays.loading', 'Cargando el calendario…')}</Loader>
          </Flex>
        ) : error && !holidays ? (
          <Page.Error
            content={
              errorMessage(error) ??
              t('holidays.loadError', 'No se pudo cargar el calendario. Intenta de nuevo.')
            }
          />
        ) : holidays && holidays.length > 0 ? (
          <HolidaysTable holidays={holidays} onEdit={setEditing} onDelete={setDeleting} />
        ) : (
          <EmptyStateLayout
            content={t('holidays.empty', 'No hay días inhábiles registrados para este año.')}
            action={
              <Button variant="secondary" startIcon={<Plus />} onClick={() => setEditing('new')}>
                {t('holidays.add', 'Agregar día inhábil')}
              </Button>
            }
          />
        )}
      </Layouts.Content>
      <HolidayModal
        holiday={editing}
        year={year}
        onClose={() => setEditing(null)}
        onSave={handleSave}
      />
      <Dialog.Root open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        <ConfirmDialog
          title={t('holidays.delete.title', '¿Eliminar este día inhábil?')}
          variant="danger"
          onConfirm={handleDelete}
        >
          {deleting &&
            t(
              'holidays.delete.confirm',
              '«{name}» ({date}) volverá a contar como día hábil y las fechas de entrega abiertas se recalcularán.',
              { name: deleting.name, date: day(deleting.date) ?? deleting.date }
            )}
        </ConfirmDialog>
      </Dialog.Root>
    </Page.Main>
  );
};
