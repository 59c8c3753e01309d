import * as React from 'react';
import {
  Alert,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  NumberInput,
  TextInput,
  TimePicker,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useT } from '../../hooks/useT';
import { errorMessage } from '../../services/api';
import { BlackoutPeriodsField } from './components/BlackoutPeriodsField';
import { Panel } from '../../components/Panel';
import { useSettings } from './hooks/useSettings';
import { serverFields } from './utils/serverFields';
import {
  LEAD_TIMES,
  toBody,
  toForm,
  URL_MAX,
  validate,
  type FormErrors,
  type FormValues,
  type LeadTimeField,
} from './utils/form';

/** Label and hint of each lead time, from the office's manual (SPEC §2 and §5). */
const LEAD_TIME_TEXT: Record<LeadTimeField, { label: string; hint: string }> = {
  digitalArtLeadBusinessDays: {
    label: 'Anticipación del arte digital (días hábiles)',
    hint: 'El evento debe ser al menos estos días hábiles después del día hábil en que se recibió el oficio. Si no se cumple, la solicitud queda extemporánea y su trabajo no empieza hasta que la coordinación la acepta. Por omisión, 3.',
  },
  coverageLeadBusinessDays: {
    label: 'Anticipación de las coberturas (días hábiles)',
    hint: 'Días hábiles mínimos entre la recepción del oficio y el evento a cubrir. Las coberturas se programan en orden de recepción. Por omisión, 3.',
  },
  webPublicationLeadBusinessDays: {
    label: 'Anticipación de las publicaciones web (días hábiles)',
    hint: 'El material debe llegar al menos estos días hábiles antes de la fecha de publicación deseada. Por omisión, 3.',
  },
  transparencyLeadBusinessDays: {
    label: 'Anticipación de los documentos de transparencia (días hábiles)',
    hint: 'Igual que las publicaciones web: días hábiles mínimos antes de la fecha de publicación deseada. Por omisión, 3.',
  },
  promotionLeadCalendarDays: {
    label: 'Anticipación de la difusión de eventos (días naturales)',
    hint: 'Idealmente la difusión se pide estos días naturales antes del evento. Es solo un aviso: no bloquea la solicitud. Por omisión, 8.',
  },
  printDeliveryBusinessDays: {
    label: 'Entrega del material de imprenta (días hábiles)',
    hint: 'El material impreso se entrega estos días hábiles después del día hábil en que el área aprueba el diseño. Por omisión, 5.',
  },
};

/** Configuración: reception cutoff, lead times, electoral blackout periods and the municipal site. */
export const SettingsPage = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { settings, error, isLoading, save } = useSettings();
  const [values, setValues] = React.useState<FormValues | null>(null);
  const [errors, setErrors] = React.useState<FormErrors>({});
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const [isSaving, setIsSaving] = React.useState(false);
  const title = t('settings.title', 'Configuración');

  React.useEffect(() => {
    if (settings) setValues(toForm(settings));
  }, [settings]);

  const isDirty =
    values !== null &&
    settings !== undefined &&
    JSON.stringify(toBody(values)) !== JSON.stringify(toBody(toForm(settings)));

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((previous) => (previous ? { ...previous, [key]: value } : previous));
    setErrors((previous) => {
      const { [key]: _removed, ...rest } = previous;
      return rest;
    });
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!values) return;
    const found = validate(values, t);
    setErrors(found);
    setRefusal(null);
    if (Object.keys(found).length > 0) {
      toggleNotification({
        type: 'warning',
        message: t('settings.invalid', 'Revisa los datos marcados antes de guardar.'),
      });
      return;
    }
    setIsSaving(true);
    try {
      await save(toBody(values));
      toggleNotification({
        type: 'success',
        message: t('settings.saved', 'Configuración guardada.'),
      });
    } catch (saveError) {
      const message =
        errorMessage(saveError) ?? t('settings.saveError', 'No se pudo guardar la configuración.');
      setRefusal(message);
      setErrors(Object.fromEntries(serverFields(saveError).map((field) => [field, message])));
      toggleNotification({ type: 'danger', message });
    } finally {
      setIsSaving(false);
    }
  };

  if (!values) {
    if (isLoading || !error) return <Page.Loading />;
    return (
      <Page.Main>
        <Page.Title>{title}</Page.Title>
        <Layouts.Header title={title} />
        <Layouts.Content>
          <Page.Error
            content={
              errorMessage(error) ??
              t('settings.loadError', 'No se pudo cargar la configuración. Intenta de nuevo.')
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Layouts.Header
          title={title}
          subtitle={t(
            'settings.subtitle',
            'Reglas con las que se calculan los plazos y se revisan las publicaciones.'
          )}
          primaryAction={
            <Button type="submit" startIcon={<Check />} loading={isSaving} disabled={!isDirty}>
              {t('actions.save', 'Guardar')}
            </Button>
          }
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            {refusal && (
              <Alert
                variant="danger"
                closeLabel={t('actions.close', 'Cerrar')}
                onClose={() => setRefusal(null)}
                role="alert"
              >
                {refusal}
              </Alert>
            )}
            <Panel id="reception" title={t('settings.reception.title', 'Recepción de oficios')}>
              <Box maxWidth="320px">
                <Field.Root
                  name="officeHoursCutoff"
                  error={errors.officeHoursCutoff}
                  required
                  hint={t(
                    'settings.cutoff.hint',
                    'Un oficio recibido después de esta hora, o en un día inhábil, cuenta como recibido el siguiente día hábil. Hora de la Ciudad de México; por omisión, 18:00.'
                  )}
                >
                  <Field.Label>
                    {t('settings.cutoff', 'Hora de cierre de la recepción (HH:mm)')}
                  </Field.Label>
                  <TimePicker
                    step={30}
                    value={values.officeHoursCutoff}
                    onChange={(value) => set('officeHoursCutoff', value ?? '')}
                    clearLabel={t('actions.clear', 'Borrar')}
                    onClear={() => set('officeHoursCutoff', '')}
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Box>
            </Panel>

            <Panel
              id="lead-times"
              title={t('settings.leadTimes.title', 'Plazos')}
              description={t(
                'settings.leadTimes.description',
                'Días hábiles: de lunes a viernes que no son días inhábiles (ver Días inhábiles). Días naturales: todos los días del calendario.'
              )}
            >
              <Grid.Root gap={5}>
                {LEAD_TIMES.map(({ name, max }) => (
                  <Grid.Item key={name} col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root
                      name={name}
                      error={errors[name]}
                      required
                      hint={t(`settings.${name}.hint`, LEAD_TIME_TEXT[name].hint)}
                    >
                      <Field.Label>{t(`settings.${name}`, LEAD_TIME_TEXT[name].label)}</Field.Label>
                      <NumberInput
                        value={values[name]}
                        min={0}
                        max={max}
                        step={1}
                        onValueChange={(value) => set(name, value)}
                      />
                      <Field.Hint />
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                ))}
              </Grid.Root>
            </Panel>

            <Panel
              id="blackout"
              title={t('settings.blackout.title', 'Vedas electorales')}
              description={t(
                'settings.blackout.description',
                'Desde el inicio de las campañas hasta el día de la elección no se programan ni publican publicaciones en redes ni noticias del sitio, salvo las excepciones permitidas: salud, educación, protección civil, autoridad electoral y trámites y servicios (Constitución, art. 41). Los documentos de transparencia nunca se bloquean.'
              )}
            >
              <BlackoutPeriodsField
                rows={values.blackoutPeriods}
                errors={errors}
                onChange={(rows) => {
                  setValues((previous) =>
                    previous ? { ...previous, blackoutPeriods: rows } : previous
                  );
                  setErrors((previous) =>
                    Object.fromEntries(
                      Object.entries(previous).filter(([key]) => !key.startsWith('blackoutPeriods'))
                    )
                  );
                }}
              />
            </Panel>

            <Panel
              id="site"
              title={t('settings.site.title', 'Sitio web municipal')}
              description={t(
                'settings.site.description',
                'El sitio web del Ayuntamiento, que muestra lo publicado.'
              )}
            >
              <Grid.Root gap={5}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name="siteUrl"
                    error={errors.siteUrl}
                    hint={t(
                      'settings.siteUrl.hint',
                      'Dirección pública del sitio; con ella se comprueba que lo publicado responde.'
                    )}
                  >
                    <Field.Label>{t('settings.siteUrl', 'Dirección del sitio')}</Field.Label>
                    <TextInput
                      type="url"
                      value={values.siteUrl}
                      maxLength={URL_MAX}
                      placeholder="https://calimaya.gob.mx"
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        set('siteUrl', event.target.value)
                      }
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name="siteWebhookUrl"
                    error={errors.siteWebhookUrl}
                    hint={t(
                      'settings.siteWebhookUrl.hint',
                      'Dirección que el sitio municipal ofrece para recibir los avisos de publicación. Es privada: no aparece en la API pública.'
                    )}
                  >
                    <Field.Label>{t('settings.siteWebhookUrl', 'Webhook del sitio')}</Field.Label>
                    <TextInput
                      type="url"
                      value={values.siteWebhookUrl}
                      maxLength={URL_MAX}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        set('siteWebhookUrl', event.target.value)
                      }
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
            </Panel>
          </Flex>
        </Layouts.Content>
      </form>
    </Page.Main>
  );
};
