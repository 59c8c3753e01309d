import * as React from 'react';
import {
  Box,
  Button,
  DatePicker,
  Field,
  Flex,
  Grid,
  IconButton,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useT } from '../../../hooks/useT';
import { blackoutRow, SCOPE_MAX, type BlackoutRow, type FormErrors } from '../utils/form';

interface BlackoutPeriodsFieldProps {
  rows: BlackoutRow[];
  errors: FormErrors;
  onChange: (rows: BlackoutRow[]) => void;
}

const toDay = (date: Date | undefined) =>
  date
    ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(
        date.getDate()
      ).padStart(2, '0')}`
    : '';

const fromDay = (day: string) => {
  if (!day) return undefined;
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
};

/** The electoral blackout periods (vedas): start, end, scope and note, added and removed. */
export const BlackoutPeriodsField = ({ rows, errors, onChange }: BlackoutPeriodsFieldProps) => {
  const t = useT();
  const { locale } = useIntl();

  const update = (key: number, changes: Partial<BlackoutRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...changes } : row)));

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {rows.length === 0 && (
        <Typography textColor="neutral600">
          {t('settings.blackout.none', 'No hay periodos de veda registrados.')}
        </Typography>
      )}
      {rows.map((row, index) => {
        const prefix = `blackoutPeriods.${index}`;
        const number = index + 1;
        return (
          <Box
            key={row.key}
            tag="fieldset"
            aria-label={t('settings.blackout.period', 'Periodo de veda {number}', { number })}
            data-testid="blackout-period"
            padding={4}
            hasRadius
            borderColor="neutral200"
            borderStyle="solid"
            borderWidth="1px"
            background="neutral100"
          >
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Flex justifyContent="space-between">
                <Typography variant="sigma" textColor="neutral700">
                  {t('settings.blackout.period', 'Periodo de veda {number}', { number })}
                </Typography>
                <IconButton
                  label={t('settings.blackout.remove', 'Quitar el periodo de veda {number}', {
                    number,
                  })}
                  variant="ghost"
                  onClick={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
                >
                  <Trash />
                </IconButton>
              </Flex>
              <Grid.Root gap={4}>
                <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                  <Field.Root name={`${prefix}.start`} error={errors[`${prefix}.start`]} required>
                    <Field.Label>{t('settings.blackout.start', 'Inicio')}</Field.Label>
                    <DatePicker
                      locale={locale}
                      value={fromDay(row.start)}
                      onChange={(date) => update(row.key, { start: toDay(date) })}
                      onClear={() => update(row.key, { start: '' })}
                      clearLabel={t('actions.clear', 'Borrar')}
                      calendarLabel={t('datePicker.calendar', 'Elegir fecha')}
                      monthSelectLabel={t('datePicker.month', 'Mes')}
                      yearSelectLabel={t('datePicker.year', 'Año')}
                    />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                  <Field.Root name={`${prefix}.end`} error={errors[`${prefix}.end`]} required>
                    <Field.Label>
                      {t('settings.blackout.end', 'Fin (día de la elección)')}
                    </Field.Label>
                    <DatePicker
                      locale={locale}
                      value={fromDay(row.end)}
                      minDate={fromDay(row.start)}
                      onChange={(date) => update(row.key, { end: toDay(date) })}
                      onClear={() => update(row.key, { end: '' })}
                      clearLabel={t('actions.clear', 'Borrar')}
                      calendarLabel={t('datePicker.calendar', 'Elegir fecha')}
                      monthSelectLabel={t('datePicker.month', 'Mes')}
                      yearSelectLabel={t('datePicker.year', 'Año')}
                    />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name={`${prefix}.scope`}
                    error={errors[`${prefix}.scope`]}
                    hint={t(
                      'settings.blackout.scope.hint',
                      'Qué elección y dónde, p. ej. «Elección local 2027, Estado de México».'
                    )}
                  >
                    <Field.Label>{t('settings.blackout.scope', 'Alcance')}</Field.Label>
                    <TextInput
                      value={row.scope}
                      maxLength={SCOPE_MAX}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        update(row.key, { scope: event.target.value })
                      }
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <Field.Root name={`${prefix}.note`}>
                    <Field.Label>{t('settings.blackout.note', 'Nota')}</Field.Label>
                    <TextInput
                      value={row.note}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        update(row.key, { note: event.target.value })
                      }
                    />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
            </Flex>
          </Box>
        );
      })}
      <Box>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          onClick={() => onChange([...rows, blackoutRow()])}
        >
          {t('settings.blackout.add', 'Agregar periodo de veda')}
        </Button>
      </Box>
    </Flex>
  );
};
