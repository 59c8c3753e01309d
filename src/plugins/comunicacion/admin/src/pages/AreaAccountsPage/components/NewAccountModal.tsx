import * as React from 'react';
import {
  Alert,
  Button,
  Combobox,
  ComboboxOption,
  Field,
  Flex,
  Modal,
  TextInput,
  Typography,
} from '@strapi/design-system';
import type { AreaChoice, CreateAreaAccount } from '../../../../../shared/contracts/area-accounts';
import { useT } from '../../../hooks/useT';
import { errorCode, errorMessage } from '../../../services/api';

interface NewAccountModalProps {
  open: boolean;
  areas: AreaChoice[];
  onClose: () => void;
  onCreate: (body: CreateAreaAccount.Request['body']) => Promise<unknown>;
}

interface FormValues {
  email: string;
  username: string;
  area: string;
}

type FormErrors = Partial<Record<keyof FormValues, string>>;

const EMPTY: FormValues = { email: '', username: '', area: '' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Which field a refusal is about, by its code. */
const FIELD_OF_CODE: Record<string, keyof FormValues> = {
  EMAIL_TAKEN: 'email',
  USERNAME_TAKEN: 'username',
  UNKNOWN_AREA: 'area',
};

export const areaLabel = (area: AreaChoice) =>
  area.shortName ? `${area.name} (${area.shortName})` : area.name;

/** «Nueva cuenta»: e-mail, name and area; the area chooses its password from the invitation. */
export const NewAccountModal = ({ open, areas, onClose, onCreate }: NewAccountModalProps) => {
  const t = useT();
  const [values, setValues] = React.useState<FormValues>(EMPTY);
  const [errors, setErrors] = React.useState<FormErrors>({});
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const [isSaving, setIsSaving] = React.useState(false);

  React.useEffect(() => {
    if (!open) return;
    setValues(EMPTY);
    setErrors({});
    setRefusal(null);
  }, [open]);

  if (!open) return null;

  const set = (key: keyof FormValues, value: string) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => ({ ...previous, [key]: undefined }));
  };

  const validate = (): FormErrors => {
    const found: FormErrors = {};
    const required = t('form.required', 'Este dato es obligatorio.');
    if (!values.email.trim()) found.email = required;
    else if (!EMAIL.test(values.email.trim()))
      found.email = t(
        'areaAccounts.form.email.invalid',
        'Escribe un correo válido, p. ej. cultura@calimaya.gob.mx.'
      );
    const name = values.username.trim();
    if (name && (name.length < 3 || name.length > 100))
      found.username = t(
        'areaAccounts.form.username.length',
        'El nombre de la cuenta debe tener de 3 a 100 caracteres.'
      );
    if (!values.area) found.area = required;
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
      await onCreate({
        email: values.email.trim(),
        username: values.username.trim() || null,
        area: values.area,
      });
      onClose();
    } catch (error) {
      const message =
        errorMessage(error) ?? t('areaAccounts.createError', 'No se pudo crear la cuenta.');
      const field = FIELD_OF_CODE[errorCode(error) ?? ''];
      if (field) setErrors({ [field]: message });
      else setRefusal(message);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(isOpen) => !isOpen && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('actions.close', 'Cerrar')}>
            <Modal.Title>{t('areaAccounts.new', 'Nueva cuenta')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {refusal && (
                <Alert variant="danger" closeLabel={t('actions.close', 'Cerrar')} role="alert">
                  {refusal}
                </Alert>
              )}
              <Typography variant="omega" textColor="neutral600">
                {t(
                  'areaAccounts.form.intro',
                  'No eliges la contraseña: el área recibe por correo una invitación con un enlace para elegirla ella misma.'
                )}
              </Typography>
              <Field.Root name="email" error={errors.email} required>
                <Field.Label>{t('areaAccounts.form.email', 'Correo del área')}</Field.Label>
                <TextInput
                  type="email"
                  autoComplete="off"
                  value={values.email}
                  maxLength={254}
                  placeholder="cultura@calimaya.gob.mx"
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    set('email', event.target.value)
                  }
                />
                <Field.Error />
              </Field.Root>
              <Field.Root
                name="username"
                error={errors.username}
                hint={t(
                  'areaAccounts.form.username.hint',
                  'Con él también puede iniciar sesión. Si lo dejas vacío, se usa el correo.'
                )}
              >
                <Field.Label>{t('areaAccounts.form.username', 'Nombre de la cuenta')}</Field.Label>
                <TextInput
                  value={values.username}
                  maxLength={100}
                  autoComplete="off"
                  placeholder={t('areaAccounts.form.username.placeholder', 'p. ej. cultura.enlace')}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    set('username', event.target.value)
                  }
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Field.Root name="area" error={errors.area} required>
                <Field.Label>{t('areaAccounts.form.area', 'Área')}</Field.Label>
                <Combobox
                  value={values.area || undefined}
                  placeholder={t('oficios.filters.areaPlaceholder', 'Escribe para buscar un área')}
                  autocomplete={{ type: 'list', filter: 'contains' }}
                  onChange={(value) => set('area', value ? String(value) : '')}
                  onClear={() => set('area', '')}
                  clearLabel={t('queues.filters.clear', 'Quitar')}
                  noOptionsMessage={() => t('oficios.filters.noArea', 'Ningún área coincide')}
                >
                  {areas.map((area) => (
                    <ComboboxOption key={area.documentId} value={area.documentId}>
                      {areaLabel(area)}
                    </ComboboxOption>
                  ))}
                </Combobox>
                <Field.Error />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('actions.cancel', 'Cancelar')}</Button>
            </Modal.Close>
            <Button type="submit" loading={isSaving}>
              {t('areaAccounts.form.submit', 'Crear y enviar invitación')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
