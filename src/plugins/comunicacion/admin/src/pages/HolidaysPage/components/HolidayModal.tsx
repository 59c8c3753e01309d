import * as React from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Field,
  Flex,
  Grid,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { HolidayDto, Holidays } from '../../../../../shared/contracts/configuration';
import { useT } from '../../../hooks/useT';
import { errorMessage } from '../../../services/api';
import { serverFields } from '../utils/serverFields';
import { fromDay, SOURCES, toDay, type HolidaySource } from '../utils/sources';

interface HolidayModalProps {
  /** `null`: closed; `'new'`: add a day; a holiday: edit it. */
  holiday: HolidayDto | 'new' | null;
  /** Year shown on the page: a new day starts in it. */
  year: number;
  onClose: () => void;
  onSave: (documentId: string | null, body: Holidays.WriteBody) => Promise<unknown>;
}

interface FormValues {
  date: string;
  endDate: string;
  name: string;
  source: HolidaySource | '';
  note: string;
}

type FormErrors = Partial<Record<keyof FormValues, string>>;

const NAME_MAX = 150;
const NOTE_MAX = 1000;

const initialValues = (holiday: HolidayDto | 'new' | null): FormValues =>
  holiday && holiday !== 'new'
    ? {
        date: holiday.date,
        endDate: holiday.endDate ?? '',
        name: holiday.name,
        source: holiday.source,
        note: holiday.note ?? '',
      }
    : { date: '', endDate: '', name: '', source: 'municipal', note: '' };

/** Add or edit a non-working day or range: dates, name, source and note. */
export const HolidayModal = ({ holiday, year, onClose, onSave }: HolidayModalProps) => {
  const t = useT();
  const { locale } = useIntl();
  const [values, setValues] = React.useState<FormValues>(() => initialValues(holiday));
  const [errors, setErrors] = React.useState<FormErrors>({});
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const [isSaving, setIsSaving] = React.useState(false);

  React.useEffect(() => {
    setValues(initialValues(holiday));
    setErrors({});
    setRefusal(null);
  }, [holiday]);

  if (!holiday) return null;
  const isNew = holiday === 'new';

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => ({ ...previous, [key]: undefined }));
  };

  const validate = (): FormErrors => {
    const found: FormErrors = {};
    const required = t('form.required', 'Este dato es obligatorio.');
    if (!values.date) found.date = required;
    if (!values.name.trim()) found.name = required;
    else if (values.name.trim().length > NAME_MAX)
      found.name = t('form.tooLong', 'Máximo {max} caracteres.', { max: NAME_MAX });
    if (!values.source) found.source = required;
    if (values.endDate && values.date && values.endDate < values.date)
      found.endDate = t(
        'holidays.form.endDate.beforeStart',
        'La fecha final no puede ser anterior a la inicial.'
      );
    if (values.note.length > NOTE_MAX)
      found.note = t('form.tooLong', 'Máximo {max} caracteres.', { max: NOTE_MAX });
    return found;
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setIsSaving(true);
    setRefusal(null);
    try {
      await onSave(isNew ? null : holiday.documentId, {
        date: values.date,
        endDate: values.endDate && values.endDate !== values.date ? values.endDate : null,
        name: values.name.trim(),
        source: values.source as HolidaySource,
        note: values.note.trim() || null,
      });
      onClose();
    } catch (error) {
      const message =
        errorMessage(error) ?? t('holidays.saveError', 'No se pudo guardar el día inhábil.');
      setRefusal(message);
      setErrors(Object.fromEntries(serverFields(error).map((field) => [field, message])));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('actions.close', 'Cerrar')}>
            <Modal.Title>
              {isNew
                ? t('holidays.add', 'Agregar día inhábil')
                : t('holidays.edit', 'Editar día inhábil')}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {refusal && (
                <Alert variant="danger" closeLabel={t('actions.close', 'Cerrar')} role="alert">
                  {refusal}
                </Alert>
              )}
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="date" error={errors.date} required>
                    <Field.Label>{t('holidays.form.date', 'Fecha')}</Field.Label>
                    <DatePicker
                      locale={locale}
                      value={fromDay(values.date)}
                      initialDate={values.date ? undefined : new Date(year, 0, 1)}
                      onChange={(date) => set('date', toDay(date))}
                      onClear={() => set('date', '')}
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
                    name="endDate"
                    error={errors.endDate}
                    hint={t(
                      'holidays.form.endDate.hint',
                      'Solo para un periodo (p. ej. vacaciones); déjalo vacío para un solo día.'
                    )}
                  >
                    <Field.Label>{t('holidays.form.endDate', 'Hasta')}</Field.Label>
                    <DatePicker
                      locale={locale}
                      value={fromDay(values.endDate)}
                      minDate={fromDay(values.date)}
                      onChange={(date) => set('endDate', toDay(date))}
                      onClear={() => set('endDate', '')}
                      clearLabel={t('actions.clear', 'Borrar')}
                      calendarLabel={t('datePicker.calendar', 'Elegir fecha')}
                      monthSelectLabel={t('datePicker.month', 'Mes')}
                      yearSelectLabel={t('datePicker.year', 'Año')}
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
              <Field.Root name="name" error={errors.name} required>
                <Field.Label>{t('holidays.form.name', 'Nombre')}</Field.Label>
                <TextInput
                  value={values.name}
                  maxLength={NAME_MAX}
                  placeholder={t('holidays.form.name.placeholder', 'p. ej. Día de Muertos')}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    set('name', event.target.value)
                  }
                />
                <Field.Error />
              </Field.Root>
              <Field.Root
                name="source"
                error={errors.source}
                required
                hint={t(
                  'holidays.form.source.hint',
                  'Ley Federal del Trabajo (art. 74), el calendario oficial del Estado de México (Gaceta del Gobierno) o un acuerdo del municipio.'
                )}
              >
                <Field.Label>{t('holidays.form.source', 'Origen')}</Field.Label>
                <SingleSelect
                  value={values.source}
                  onChange={(value) => set('source', value as HolidaySource)}
                >
                  {SOURCES.map((source) => (
                    <SingleSelectOption key={source.value} value={source.value}>
                      {t(source.id, source.label)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Field.Root
                name="note"
                error={errors.note}
                hint={t(
                  'holidays.form.note.hint',
                  'Por qué se agrega o se cambia (p. ej. número de Gaceta o acuerdo de cabildo).'
                )}
              >
                <Field.Label>{t('holidays.form.note', 'Nota')}</Field.Label>
                <Textarea
                  value={values.note}
                  maxLength={NOTE_MAX}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                    set('note', event.target.value)
                  }
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('actions.cancel', 'Cancelar')}</Button>
            </Modal.Close>
            <Button type="submit" loading={isSaving}>
              {t('actions.save', 'Guardar')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
