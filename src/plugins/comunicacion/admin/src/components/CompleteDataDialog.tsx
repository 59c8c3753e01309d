import * as React from 'react';
import { Alert, Box, Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import type { CompleteItem, ItemFieldValue } from '../../../shared/contracts/intake';
import { useT } from '../hooks/useT';
import { errorMessage } from '../services/api';
import { useCompleteItemMutation, useGetItemFormQuery } from '../services/intake';
import { fieldRefusal } from '../utils/serverErrors';
import { formValueOf, payloadValueOf, ServiceFields, type FieldValues } from './ServiceFields';
import { StatusBadge } from './StatusBadge';

/** The work item whose data is completed. */
export interface CompleteDataSubject {
  workflow: string;
  documentId: string;
  title: string;
}

export interface CompleteDataDialogProps {
  /** Set: the dialog is open. */
  item: CompleteDataSubject | null;
  onClose: () => void;
  onDone?: (result: CompleteItem.Response['data']) => void;
}

const INCOMPLETE = 'informacion_incompleta';

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const initialValues = (fields: ItemFieldValue[]): FieldValues =>
  Object.fromEntries(fields.map((field) => [field.name, formValueOf(field, field.value)]));

/**
 * «Completar datos»: a work item's service data with its values, the missing ones highlighted and
 * those that may not change now read-only; saving goes through the Document Service, and the
 * dialog says whether the oficio went back to «Recibido».
 */
export const CompleteDataDialog = ({ item, onClose, onDone }: CompleteDataDialogProps) => {
  const t = useT();
  const form = useGetItemFormQuery(
    { workflow: item?.workflow ?? '', documentId: item?.documentId ?? '' },
    { skip: !item, refetchOnMountOrArgChange: true }
  );
  const [complete, { isLoading: isSaving }] = useCompleteItemMutation();
  const [values, setValues] = React.useState<FieldValues>({});
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [refusal, setRefusal] = React.useState<string | null>(null);
  // What saving answered, with the oficio as it stood before (the form refetches afterwards).
  const [saved, setSaved] = React.useState<
    (CompleteItem.Response['data'] & { wasIncomplete: boolean; folio: string }) | null
  >(null);

  const data = item && form.data?.documentId === item.documentId ? form.data : undefined;

  React.useEffect(() => {
    setSaved(null);
    setErrors({});
    setRefusal(null);
  }, [item?.documentId]);

  React.useEffect(() => {
    if (data) setValues(initialValues(data.fields));
  }, [data]);

  if (!item) return null;

  const initial = data ? initialValues(data.fields) : {};
  const changed = data
    ? data.fields.filter(
        (field) => field.editable && !sameValue(values[field.name], initial[field.name])
      )
    : [];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!data) return;
    setErrors({});
    setRefusal(null);
    const fields = Object.fromEntries(
      changed.map((field) => [field.name, payloadValueOf(field, values[field.name])])
    );
    try {
      const result = await complete({
        workflow: item.workflow,
        documentId: item.documentId,
        body: { fields },
      }).unwrap();
      setSaved({
        ...result,
        wasIncomplete: data.oficio?.status === INCOMPLETE,
        folio: data.oficio?.folio ?? '',
      });
      onDone?.(result);
    } catch (error) {
      const { byPath, message } = fieldRefusal(error);
      const named = Object.fromEntries(
        Object.entries(byPath)
          .map(([path, text]) => [path.replace(/^fields\./, ''), text || message || ''] as const)
          .filter(([name]) => data.fields.some((field) => field.name === name))
      );
      setErrors(named);
      setRefusal(
        Object.keys(named).length
          ? t('complete.errors.marked', 'Revisa los campos marcados en rojo.')
          : (message ?? t('complete.errors.unexpected', 'No se pudieron guardar los datos.'))
      );
    }
  };

  const oficioAfter = saved?.oficio ?? null;
  const stillMissing = saved?.service.missing ?? [];

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('actions.close', 'Cerrar')}>
            <Modal.Title>
              {t('complete.title', 'Completar datos: «{title}»', { title: item.title })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            {form.isFetching && !data && (
              <Flex justifyContent="center" padding={6}>
                <Loader>{t('state.loading', 'Cargando…')}</Loader>
              </Flex>
            )}
            {form.error && !data && (
              <Typography textColor="danger700" role="alert">
                {errorMessage(form.error) ??
                  t('complete.error', 'No se pudieron cargar los datos de este trabajo.')}
              </Typography>
            )}
            {data && saved && (
              <Flex direction="column" alignItems="stretch" gap={4} role="status">
                <Typography fontWeight="bold" textColor="success700">
                  {t('complete.saved', 'Datos guardados.')}
                </Typography>
                {oficioAfter && saved.wasIncomplete && oficioAfter.status !== INCOMPLETE && (
                  <Flex gap={2} wrap="wrap">
                    <Typography>
                      {t('complete.oficioBack', 'El oficio {folio} volvió a', {
                        folio: saved.folio,
                      })}
                    </Typography>
                    <StatusBadge status={oficioAfter.status} label={oficioAfter.statusLabel} />
                  </Flex>
                )}
                {oficioAfter && oficioAfter.status === INCOMPLETE && (
                  <Typography>
                    {stillMissing.length
                      ? t(
                          'complete.stillMissing',
                          'El oficio sigue en Información incompleta: a este trabajo le falta {missing}.',
                          { missing: stillMissing.map((field) => field.label).join(', ') }
                        )
                      : t(
                          'complete.otherItems',
                          'Este trabajo ya tiene sus datos; el oficio sigue en Información incompleta porque faltan datos de otro de sus trabajos.'
                        )}
                  </Typography>
                )}
              </Flex>
            )}
            {data && !saved && (
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Flex gap={2} wrap="wrap">
                  <Typography variant="sigma" textColor="neutral600">
                    {data.workflowLabel}
                  </Typography>
                  <StatusBadge status={data.status} label={data.statusLabel} />
                  {data.oficio && (
                    <Typography variant="pi" textColor="neutral600">
                      {t('complete.oficio', 'Oficio {folio}', { folio: data.oficio.folio })}
                    </Typography>
                  )}
                </Flex>
                {data.missing.length > 0 ? (
                  <Box background="warning100" padding={3} hasRadius>
                    <Typography textColor="neutral800" fontWeight="bold">
                      {t('complete.missing', 'Falta: {missing}.', {
                        missing: data.missing.map((field) => field.label).join(', '),
                      })}
                    </Typography>
                  </Box>
                ) : (
                  <Typography textColor="neutral700">
                    {t('complete.nothingMissing', 'Este trabajo tiene todos los datos necesarios.')}
                  </Typography>
                )}
                <ServiceFields
                  idPrefix={`complete.${item.documentId}`}
                  fields={data.fields}
                  values={values}
                  onChange={(name, next) => {
                    setValues((previous) => ({ ...previous, [name]: next }));
                    setErrors((previous) => ({ ...previous, [name]: '' }));
                  }}
                  errors={errors}
                  // The item's form names its logos itself (field options).
                  logos={[]}
                  highlightMissing
                  missingNames={data.missing.map((field) => field.name)}
                />
                {refusal && (
                  <Box role="alert">
                    <Alert
                      variant="danger"
                      closeLabel={t('actions.close', 'Cerrar')}
                      onClose={() => setRefusal(null)}
                    >
                      {refusal}
                    </Alert>
                  </Box>
                )}
              </Flex>
            )}
          </Modal.Body>
          <Modal.Footer>
            {saved ? (
              <Button onClick={onClose}>{t('actions.done', 'Listo')}</Button>
            ) : (
              <>
                <Modal.Close>
                  <Button variant="tertiary">{t('actions.cancel', 'Cancelar')}</Button>
                </Modal.Close>
                <Button type="submit" loading={isSaving} disabled={!data || !changed.length}>
                  {t('complete.submit', 'Guardar datos')}
                </Button>
              </>
            )}
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
