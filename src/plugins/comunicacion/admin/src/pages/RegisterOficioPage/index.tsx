import * as React from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Combobox,
  ComboboxOption,
  DatePicker,
  EmptyStateLayout,
  Field,
  Flex,
  Grid,
  Radio,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  TimePicker,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { RegisterOficio } from '../../../../shared/contracts/intake';
import { FileDropZone } from '../../components/FileDropZone';
import { Panel } from '../../components/Panel';
import {
  ServiceChecklist,
  serviceInputs,
  type ServiceDraft,
} from '../../components/ServiceChecklist';
import { useFormatters } from '../../hooks/useFormatters';
import { useLeadTimePreview } from '../../hooks/useLeadTimePreview';
import { useT } from '../../hooks/useT';
import { errorMessage } from '../../services/api';
import {
  useGetIntakeFormQuery,
  useRegisterOficioMutation,
  type UploadedFile,
} from '../../services/intake';
import { fromDay, officeInstant, officeNow, toDay } from '../../utils/officeTime';
import { RegistrationResult } from './components/RegistrationResult';
import { placeRefusal, type PlacedRefusal } from './utils/errors';

interface OficioDraft {
  area: string;
  senderReference: string;
  receivedDay: string;
  receivedTime: string;
  channel: string;
  scan: UploadedFile | null;
  subject: string;
  summary: string;
  addressedTo: string;
  copiedTo: string[];
  requesterName: string;
  requesterPhone: string;
  requesterEmail: string;
  requesterAddress: string;
}

const emptyDraft = (): OficioDraft => {
  const now = officeNow();
  return {
    area: '',
    senderReference: '',
    receivedDay: now.day,
    receivedTime: now.time,
    channel: '',
    scan: null,
    subject: '',
    summary: '',
    addressedTo: 'direccion',
    copiedTo: [],
    requesterName: '',
    requesterPhone: '',
    requesterEmail: '',
    requesterAddress: '',
  };
};

const NO_REFUSAL: PlacedRefusal = { oficio: {}, services: {}, top: null };
const text = (value: string) => value.trim() || null;

/**
 * Registrar oficio: the oficio, its scan, the requester's contact and every service it asks for,
 * with exactly the data each one needs, in one submit. The lead-time verdict shows while the dates
 * are typed; data left blank sends the oficio to «Información incompleta» naming it.
 */
export const RegisterOficioPage = () => {
  const t = useT();
  const { locale } = useIntl();
  const format = useFormatters();
  const form = useGetIntakeFormQuery();
  const [register, { isLoading: isSubmitting }] = useRegisterOficioMutation();
  const [draft, setDraft] = React.useState<OficioDraft>(emptyDraft);
  const [services, setServices] = React.useState<ServiceDraft[]>([]);
  const [refusal, setRefusal] = React.useState<PlacedRefusal>(NO_REFUSAL);
  const [result, setResult] = React.useState<RegisterOficio.Response['data'] | null>(null);

  const specs = React.useMemo(() => form.data?.services ?? [], [form.data]);
  // Print material is asked for with an oficio to the Presidencia, copied to the Dirección
  // (manual): the page proposes it when a print design is ticked, until staff choose otherwise.
  const [addresseeChosen, setAddresseeChosen] = React.useState(false);
  const asksForPrint = services.some(
    (service) => service.workflow === 'design' && service.values.medium === 'impreso'
  );
  React.useEffect(() => {
    if (!asksForPrint || addresseeChosen) return;
    setDraft((previous) => ({
      ...previous,
      addressedTo: 'presidencia',
      copiedTo: previous.copiedTo.includes('direccion')
        ? previous.copiedTo
        : [...previous.copiedTo, 'direccion'],
    }));
  }, [asksForPrint, addresseeChosen]);
  const receivedAt = officeInstant(draft.receivedDay, draft.receivedTime);
  const preview = useLeadTimePreview(specs, services, receivedAt);

  const set = <K extends keyof OficioDraft>(key: K, value: OficioDraft[K]) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    if (refusal.oficio[key]) {
      setRefusal((previous) => ({ ...previous, oficio: { ...previous.oficio, [key]: '' } }));
    }
  };

  const title = t('intake.title', 'Registrar oficio');

  if (form.isLoading) return <Page.Loading />;
  if (form.error || !form.data) {
    return (
      <Page.Main>
        <Layouts.Header title={title} />
        <Layouts.Content>
          <EmptyStateLayout
            content={
              errorMessage(form.error) ??
              t('intake.error', 'No se pudo cargar el formulario. Intenta de nuevo.')
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }
  const { areas, channels, addressees, copies, logos } = form.data;

  const validate = (): PlacedRefusal | null => {
    const oficio: Record<string, string> = {};
    if (!draft.area) oficio.area = t('intake.errors.area', 'Elige el área que envía el oficio.');
    if (!draft.subject.trim()) oficio.subject = t('intake.errors.subject', 'Escribe el asunto.');
    if (!draft.channel) {
      oficio.channel = t('intake.errors.channel', 'Indica si el oficio llegó en papel o digital.');
    }
    if (!receivedAt) {
      oficio.receivedAt = t('intake.errors.receivedAt', 'Indica la fecha y hora de recepción.');
    }
    const top = services.length
      ? null
      : t('intake.errors.services', 'Marca al menos un servicio que pide el oficio.');
    return Object.keys(oficio).length || top ? { oficio, services: {}, top } : null;
  };

  const submit = async (event?: React.FormEvent) => {
    event?.preventDefault();
    const invalid = validate();
    if (invalid) {
      setRefusal(invalid);
      return;
    }
    setRefusal(NO_REFUSAL);
    const body: RegisterOficio.Request['body'] = {
      area: draft.area,
      senderReference: text(draft.senderReference),
      receivedAt,
      channel: draft.channel as RegisterOficio.Request['body']['channel'],
      scan: draft.scan?.id ?? null,
      subject: draft.subject.trim(),
      summary: text(draft.summary),
      addressedTo: draft.addressedTo || null,
      copiedTo: draft.copiedTo.length ? draft.copiedTo : null,
      requester: {
        name: text(draft.requesterName),
        phone: text(draft.requesterPhone),
        email: text(draft.requesterEmail),
        address: text(draft.requesterAddress),
      },
      services: serviceInputs(specs, services),
    };
    try {
      setResult(await register(body).unwrap());
      window.scrollTo({ top: 0 });
    } catch (error) {
      setRefusal(
        placeRefusal(
          error,
          specs,
          services,
          t('intake.errors.unexpected', 'No se pudo registrar el oficio.')
        )
      );
    }
  };

  const again = () => {
    setResult(null);
    setDraft(emptyDraft());
    setServices([]);
    setAddresseeChosen(false);
    setRefusal(NO_REFUSAL);
  };

  const errors = refusal.oficio;
  const markedFields =
    Object.values(errors).some(Boolean) || Object.keys(refusal.services).length > 0;
  const submitButton = (
    <Button type="submit" startIcon={<Check />} loading={isSubmitting} size="L">
      {t('intake.submit', 'Registrar oficio')}
    </Button>
  );

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      {result ? (
        <>
          <Layouts.Header
            title={title}
            subtitle={t(
              'intake.result.subtitle',
              'El oficio y sus servicios quedaron registrados.'
            )}
          />
          <Layouts.Content>
            <RegistrationResult result={result} onAnother={again} />
          </Layouts.Content>
        </>
      ) : (
        <form onSubmit={submit} noValidate aria-label={title}>
          <Layouts.Header
            title={title}
            subtitle={t(
              'intake.subtitle',
              'El oficio, su escaneo y los servicios que pide, en un solo registro. Los datos que falten pueden quedar en blanco: el oficio quedará en «Información incompleta» diciendo cuáles.'
            )}
            primaryAction={submitButton}
          />
          <Layouts.Content>
            <Flex direction="column" alignItems="stretch" gap={6}>
              {(refusal.top || markedFields) && (
                <Box role="alert">
                  <Alert
                    variant="danger"
                    closeLabel={t('actions.close', 'Cerrar')}
                    title={t('intake.refused', 'No se registró el oficio')}
                    onClose={() => setRefusal((previous) => ({ ...previous, top: null }))}
                  >
                    {refusal.top ??
                      t('intake.errors.marked', 'Revisa los campos marcados en rojo.')}
                  </Alert>
                </Box>
              )}

              <Panel id="intake-oficio" title={t('intake.sections.oficio', 'Datos del oficio')}>
                <Grid.Root gap={4}>
                  <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                    <Field.Root name="area" error={errors.area} required>
                      <Field.Label>{t('intake.area', 'Área que lo envía')}</Field.Label>
                      <Combobox
                        value={draft.area || undefined}
                        onChange={(value) => set('area', value ?? '')}
                        onClear={() => set('area', '')}
                        clearLabel={t('actions.clear', 'Borrar')}
                        placeholder={t('intake.area.placeholder', 'Escribe para buscar el área')}
                        noOptionsMessage={() =>
                          t('intake.area.none', 'Ningún área coincide con lo escrito')
                        }
                        autocomplete={{ type: 'list', filter: 'contains' }}
                      >
                        {areas.map((area) => (
                          <ComboboxOption key={area.documentId} value={area.documentId}>
                            {area.shortName && area.shortName !== area.name
                              ? `${area.name} (${area.shortName})`
                              : area.name}
                          </ComboboxOption>
                        ))}
                      </Combobox>
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                    <Field.Root
                      name="senderReference"
                      error={errors.senderReference}
                      hint={t(
                        'intake.senderReference.hint',
                        'El número que el área dio a su oficio.'
                      )}
                    >
                      <Field.Label>
                        {t('intake.senderReference', 'Número de oficio del área')}
                      </Field.Label>
                      <TextInput
                        value={draft.senderReference}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                          set('senderReference', event.target.value)
                        }
                      />
                      <Field.Hint />
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                    <Field.Root name="receivedDay" error={errors.receivedAt} required>
                      <Field.Label>{t('intake.receivedDay', 'Fecha de recepción')}</Field.Label>
                      <DatePicker
                        locale={locale}
                        value={fromDay(draft.receivedDay)}
                        onChange={(date) => set('receivedDay', toDay(date))}
                        onClear={() => set('receivedDay', '')}
                        clearLabel={t('actions.clear', 'Borrar')}
                      />
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                    <Field.Root
                      name="receivedTime"
                      required
                      hint={t('intake.receivedTime.hint', 'Hora de la Ciudad de México.')}
                    >
                      <Field.Label>{t('intake.receivedTime', 'Hora de recepción')}</Field.Label>
                      <TimePicker
                        step={5}
                        value={draft.receivedTime}
                        onChange={(value) => set('receivedTime', value ?? '')}
                        clearLabel={t('actions.clear', 'Borrar')}
                      />
                      <Field.Hint />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                    <Field.Root name="channel" error={errors.channel} required>
                      <Field.Label id="intake-channel-label">
                        {t('intake.channel', '¿Cómo llegó?')}
                      </Field.Label>
                      <Radio.Group
                        aria-labelledby="intake-channel-label"
                        value={draft.channel}
                        onValueChange={(value) => set('channel', value)}
                      >
                        {channels.map((channel) => (
                          <Radio.Item key={channel.value} value={channel.value}>
                            {channel.label}
                          </Radio.Item>
                        ))}
                      </Radio.Group>
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  {preview.receptionDay && (
                    <Grid.Item col={12} direction="column" alignItems="stretch">
                      <Typography variant="pi" textColor="neutral700" role="status">
                        {t(
                          'intake.receptionDay',
                          'Para los plazos cuenta como recibido el {day} (día hábil; después de la hora de cierre o en día inhábil cuenta el siguiente).',
                          { day: format.day(preview.receptionDay) ?? '' }
                        )}
                      </Typography>
                    </Grid.Item>
                  )}
                  <Grid.Item col={12} direction="column" alignItems="stretch">
                    <Field.Root name="subject" error={errors.subject} required>
                      <Field.Label>{t('intake.subject', 'Asunto')}</Field.Label>
                      <TextInput
                        value={draft.subject}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                          set('subject', event.target.value)
                        }
                      />
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={12} direction="column" alignItems="stretch">
                    <Field.Root name="summary" error={errors.summary}>
                      <Field.Label>{t('intake.summary', 'Resumen de lo que pide')}</Field.Label>
                      <Textarea
                        value={draft.summary}
                        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                          set('summary', event.target.value)
                        }
                      />
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                    <Field.Root
                      name="addressedTo"
                      error={errors.addressedTo}
                      hint={
                        asksForPrint
                          ? t(
                              'intake.printAddressee',
                              'El material de imprenta se pide con un oficio dirigido a la Presidencia Municipal, con copia para la Dirección.'
                            )
                          : undefined
                      }
                    >
                      <Field.Label>{t('intake.addressedTo', 'Dirigido a')}</Field.Label>
                      <SingleSelect
                        value={draft.addressedTo || null}
                        onChange={(value) => {
                          setAddresseeChosen(true);
                          set('addressedTo', String(value));
                        }}
                        placeholder={t('fields.choose', 'Elige una opción')}
                      >
                        {addressees.map((choice) => (
                          <SingleSelectOption key={choice.value} value={choice.value}>
                            {choice.label}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                      <Field.Hint />
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                    <Field.Root name="copiedTo" error={errors.copiedTo}>
                      <Field.Label id="intake-copies-label">
                        {t('intake.copiedTo', 'Con copia para')}
                      </Field.Label>
                      <Flex
                        role="group"
                        aria-labelledby="intake-copies-label"
                        direction="column"
                        alignItems="flex-start"
                        gap={2}
                        paddingTop={1}
                      >
                        {copies.map((choice) => (
                          <Checkbox
                            key={choice.value}
                            checked={draft.copiedTo.includes(choice.value)}
                            onCheckedChange={(checked) =>
                              set(
                                'copiedTo',
                                checked === true
                                  ? [...draft.copiedTo, choice.value]
                                  : draft.copiedTo.filter((other) => other !== choice.value)
                              )
                            }
                          >
                            {choice.label}
                          </Checkbox>
                        ))}
                      </Flex>
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                </Grid.Root>
              </Panel>

              <Panel
                id="intake-scan"
                title={t('intake.sections.scan', 'Oficio escaneado')}
                description={t(
                  'intake.sections.scan.description',
                  'El oficio tal como llegó (PDF o imagen). Se guarda en la biblioteca de medios.'
                )}
              >
                <FileDropZone
                  name="scan"
                  label={t('intake.scan', 'Escaneo del oficio')}
                  accept="application/pdf,image/*"
                  error={errors.scan}
                  files={draft.scan ? [draft.scan] : []}
                  onChange={(files) => set('scan', files[0] ?? null)}
                />
              </Panel>

              <Panel
                id="intake-requester"
                title={t('intake.sections.requester', 'Contacto de quien solicita (privado)')}
                description={t(
                  'intake.sections.requester.description',
                  'Datos personales: solo los ve el personal de la Dirección; nunca se publican ni aparecen en respuestas públicas.'
                )}
              >
                <Grid.Root gap={4}>
                  {(
                    [
                      ['requesterName', t('intake.requester.name', 'Nombre'), 'text'],
                      ['requesterPhone', t('intake.requester.phone', 'Teléfono'), 'tel'],
                      [
                        'requesterEmail',
                        t('intake.requester.email', 'Correo electrónico'),
                        'email',
                      ],
                      ['requesterAddress', t('intake.requester.address', 'Domicilio'), 'text'],
                    ] as const
                  ).map(([key, label, type]) => (
                    <Grid.Item
                      key={key}
                      col={6}
                      s={12}
                      xs={12}
                      direction="column"
                      alignItems="stretch"
                    >
                      <Field.Root name={key} error={errors[key]}>
                        <Field.Label>{label}</Field.Label>
                        <TextInput
                          type={type}
                          autoComplete="off"
                          value={draft[key]}
                          onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                            set(key, event.target.value)
                          }
                        />
                        <Field.Error />
                      </Field.Root>
                    </Grid.Item>
                  ))}
                </Grid.Root>
              </Panel>

              <Panel
                id="intake-services"
                title={t('intake.sections.services', 'Servicios que pide')}
                description={t(
                  'intake.sections.services.description',
                  'Marca cada servicio: aparecen exactamente los datos que necesita. Los marcados «necesario para iniciar» pueden quedar en blanco si el área aún no los envía.'
                )}
              >
                <ServiceChecklist
                  idPrefix="intake"
                  services={specs}
                  value={services}
                  onChange={(next) => {
                    setServices(next);
                    setRefusal((previous) =>
                      Object.keys(previous.services).length
                        ? { ...previous, services: {} }
                        : previous
                    );
                  }}
                  logos={logos}
                  verdicts={preview.verdicts}
                  errors={refusal.services}
                />
              </Panel>

              <Flex justifyContent="flex-end">{submitButton}</Flex>
            </Flex>
          </Layouts.Content>
        </form>
      )}
    </Page.Main>
  );
};
