import * as React from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Field,
  Flex,
  Grid,
  Modal,
  Radio,
  Typography,
} from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ExportFormat } from '../../../../../shared/contracts/intake';
import { useT } from '../../../hooks/useT';
import { useDashboardExport } from '../../../services/dashboard';
import { addDays } from '../utils/cardLinks';

/** A calendar day (YYYY-MM-DD) as the local date a DatePicker shows, and back. */
const fromDay = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
};
const toDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(
    date.getDate()
  ).padStart(2, '0')}`;

interface ExportDialogProps {
  /** Today in Mexico City (YYYY-MM-DD). */
  today: string;
  /** Weeks the charts cover: the period starts with them. */
  weeks: number;
}

/**
 * «Exportar»: the per-area figures of a period (on-time %, late ratio, revision rounds, items per
 * service) as CSV or Excel, downloaded with the staff member's session.
 */
export const ExportDialog = ({ today, weeks }: ExportDialogProps) => {
  const t = useT();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const { download, downloading } = useDashboardExport();
  const [open, setOpen] = React.useState(false);
  const [from, setFrom] = React.useState(() => addDays(today, -7 * weeks + 1));
  const [to, setTo] = React.useState(today);
  const [format, setFormat] = React.useState<ExportFormat>('xlsx');
  const [refusal, setRefusal] = React.useState<string | null>(null);

  const reset = () => {
    setFrom(addDays(today, -7 * weeks + 1));
    setTo(today);
    setRefusal(null);
  };

  const badRange = !from || !to || from > to;
  const datePickerLabels = {
    locale,
    clearLabel: t('actions.clear', 'Borrar'),
    calendarLabel: t('datePicker.calendar', 'Elegir fecha'),
    monthSelectLabel: t('datePicker.month', 'Mes'),
    yearSelectLabel: t('datePicker.year', 'Año'),
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (badRange) return;
    setRefusal(null);
    try {
      await download(format, { from, to });
      toggleNotification({
        type: 'success',
        message: t('dashboard.export.done', 'Se descargaron las cifras del periodo.'),
      });
      setOpen(false);
    } catch (error) {
      const message = (error as { serverMessage?: string | null }).serverMessage;
      setRefusal(message ?? t('dashboard.export.error', 'No se pudo exportar. Intenta de nuevo.'));
    }
  };

  return (
    <Modal.Root
      open={open}
      onOpenChange={(next) => {
        if (next) reset();
        setOpen(next);
      }}
    >
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<Download />} data-testid="dashboard-export">
          {t('dashboard.export.button', 'Exportar')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('actions.close', 'Cerrar')}>
            <Modal.Title>{t('dashboard.export.title', 'Exportar las cifras por área')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography textColor="neutral700">
                {t(
                  'dashboard.export.description',
                  'Una fila por área: oficios, trabajos por servicio, cerrados, porcentaje a tiempo, proporción con retraso y rondas de revisión del periodo.'
                )}
              </Typography>
              {refusal && (
                <Alert variant="danger" closeLabel={t('actions.close', 'Cerrar')} role="alert">
                  {refusal}
                </Alert>
              )}
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="from" required>
                    <Field.Label>{t('dashboard.export.from', 'Desde')}</Field.Label>
                    <DatePicker
                      {...datePickerLabels}
                      value={from ? fromDay(from) : undefined}
                      maxDate={to ? fromDay(to) : undefined}
                      onChange={(date) => setFrom(date ? toDay(date) : '')}
                      onClear={() => setFrom('')}
                    />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name="to"
                    required
                    error={
                      from && to && from > to
                        ? t('dashboard.export.range', 'La fecha final va después de la inicial.')
                        : undefined
                    }
                  >
                    <Field.Label>{t('dashboard.export.to', 'Hasta')}</Field.Label>
                    <DatePicker
                      {...datePickerLabels}
                      value={to ? fromDay(to) : undefined}
                      minDate={from ? fromDay(from) : undefined}
                      onChange={(date) => setTo(date ? toDay(date) : '')}
                      onClear={() => setTo('')}
                    />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
              <Field.Root name="format">
                <Field.Label>{t('dashboard.export.format', 'Formato')}</Field.Label>
                <Radio.Group
                  value={format}
                  onValueChange={(value: string) => setFormat(value as ExportFormat)}
                  aria-label={t('dashboard.export.format', 'Formato')}
                >
                  <Radio.Item value="xlsx">
                    {t('dashboard.export.xlsx', 'Excel (.xlsx)')}
                  </Radio.Item>
                  <Radio.Item value="csv">{t('dashboard.export.csv', 'CSV (.csv)')}</Radio.Item>
                </Radio.Group>
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('actions.cancel', 'Cancelar')}</Button>
            </Modal.Close>
            <Button
              type="submit"
              startIcon={<Download />}
              loading={Boolean(downloading)}
              disabled={badRange}
            >
              {t('dashboard.export.submit', 'Descargar')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
