import * as React from 'react';
import { Alert, Box, Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import type { RegisteredService } from '../../../shared/contracts/intake';
import { useLeadTimePreview } from '../hooks/useLeadTimePreview';
import { useT } from '../hooks/useT';
import { errorMessage } from '../services/api';
import { useAddServiceMutation, useGetIntakeFormQuery } from '../services/intake';
import { fieldRefusal } from '../utils/serverErrors';
import {
  LeadTimeNote,
  ServiceChecklist,
  serviceInputs,
  type ServiceDraft,
} from './ServiceChecklist';
import { StatusBadge } from './StatusBadge';

export interface AddServiceDialogProps {
  /** The open oficio the services are added to; set: the dialog is open. */
  oficio: { documentId: string; folio: string; receivedAt: string | null } | null;
  onClose: () => void;
  onDone?: () => void;
}

/**
 * «Añadir servicio»: the same checklist as registering, for an oficio already registered; each
 * service is added in turn and the dialog lists what each one still lacks.
 */
export const AddServiceDialog = ({ oficio, onClose, onDone }: AddServiceDialogProps) => {
  const t = useT();
  const form = useGetIntakeFormQuery(undefined, { skip: !oficio });
  const [addService, { isLoading }] = useAddServiceMutation();
  const [drafts, setDrafts] = React.useState<ServiceDraft[]>([]);
  const [errors, setErrors] = React.useState<Record<string, Record<string, string>>>({});
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const [added, setAdded] = React.useState<RegisteredService[]>([]);
  const [done, setDone] = React.useState(false);
  const specs = React.useMemo(() => form.data?.services ?? [], [form.data]);
  const preview = useLeadTimePreview(specs, oficio ? drafts : [], oficio?.receivedAt ?? null);

  React.useEffect(() => {
    setDrafts([]);
    setErrors({});
    setRefusal(null);
    setAdded([]);
    setDone(false);
  }, [oficio?.documentId]);

  if (!oficio) return null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setRefusal(null);
    if (!drafts.length) {
      setRefusal(t('addService.errors.none', 'Marca al menos un servicio.'));
      return;
    }
    const inputs = serviceInputs(specs, drafts);
    // Each service is its own request: one refused keeps the ones already added and the rest typed.
    for (let index = 0; index < drafts.length; index += 1) {
      const draft = drafts[index];
      try {
        const result = await addService({
          documentId: oficio.documentId,
          body: inputs[index],
        }).unwrap();
        setAdded((previous) => [...previous, result.service]);
        setDrafts((previous) => previous.filter((other) => other.key !== draft.key));
      } catch (error) {
        const { byPath, message } = fieldRefusal(error);
        const fields = specs.find((spec) => spec.workflow === draft.workflow)?.fields ?? [];
        const named = Object.fromEntries(
          Object.entries(byPath)
            .map(([path, text]) => [path.replace(/^(services\.\d+\.)?fields\./, ''), text] as const)
            .filter(([name]) => fields.some((field) => field.name === name))
            .map(([name, text]) => [name, text || message || ''])
        );
        setErrors({ [draft.key]: named });
        setRefusal(message ?? t('addService.errors.unexpected', 'No se pudo añadir el servicio.'));
        onDone?.();
        return;
      }
    }
    setDone(true);
    onDone?.();
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('actions.close', 'Cerrar')}>
            <Modal.Title>
              {t('addService.title', 'Añadir servicio al oficio {folio}', { folio: oficio.folio })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {form.isLoading && (
                <Flex justifyContent="center" padding={6}>
                  <Loader>{t('state.loading', 'Cargando…')}</Loader>
                </Flex>
              )}
              {form.error && (
                <Typography textColor="danger700" role="alert">
                  {errorMessage(form.error) ??
                    t('intake.error', 'No se pudo cargar el formulario. Intenta de nuevo.')}
                </Typography>
              )}
              {added.length > 0 && (
                <Flex tag="ul" direction="column" alignItems="stretch" gap={2} role="status">
                  {added.map((service) => (
                    <Box
                      key={service.documentId}
                      tag="li"
                      borderColor="success200"
                      hasRadius
                      padding={3}
                    >
                      <Flex direction="column" alignItems="stretch" gap={2}>
                        <Flex gap={2} wrap="wrap">
                          <Typography fontWeight="bold">
                            {t('addService.added', 'Se añadió «{title}»', { title: service.title })}
                          </Typography>
                          <StatusBadge status={service.status} label={service.statusLabel} />
                        </Flex>
                        {service.missing.length > 0 && (
                          <Typography textColor="neutral800" fontWeight="bold">
                            {t('complete.missing', 'Falta: {missing}.', {
                              missing: service.missing.map((field) => field.label).join(', '),
                            })}
                          </Typography>
                        )}
                        <LeadTimeNote verdict={service} />
                      </Flex>
                    </Box>
                  ))}
                </Flex>
              )}
              {form.data && !done && (
                <ServiceChecklist
                  idPrefix="add-service"
                  services={specs}
                  value={drafts}
                  onChange={setDrafts}
                  logos={form.data.logos}
                  verdicts={preview.verdicts}
                  errors={errors}
                />
              )}
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
          </Modal.Body>
          <Modal.Footer>
            {done ? (
              <Button onClick={onClose}>{t('actions.done', 'Listo')}</Button>
            ) : (
              <>
                <Modal.Close>
                  <Button variant="tertiary">{t('actions.cancel', 'Cancelar')}</Button>
                </Modal.Close>
                <Button type="submit" loading={isLoading} disabled={!form.data}>
                  {t('addService.submit', 'Añadir')}
                </Button>
              </>
            )}
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
