import * as React from 'react';
import {
  Alert,
  Box,
  Button,
  Field,
  Flex,
  Modal,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { AcceptLate } from '../../../shared/contracts/oficios';
import { serverMessage } from '../hooks/useApi';
import { useT } from '../hooks/useT';

// The server refuses shorter justifications (COMMENT_REQUIRED).
const MIN_JUSTIFICATION = 15;

export interface AcceptLateDialogProps {
  /** The late oficio; set: the dialog is open. */
  oficio: { documentId: string; folio: string } | null;
  /** Why the request is late, when known (shown as context). */
  lateReasons?: string | null;
  onClose: () => void;
  onDone?: (result: AcceptLate.Response['data']) => void;
}

/**
 * A coordinator accepts a late request (extemporánea) with a written justification, so its work
 * may start: `POST /comunicacion/oficios/:documentId/accept-late`.
 */
export const AcceptLateDialog = ({
  oficio,
  lateReasons,
  onClose,
  onDone,
}: AcceptLateDialogProps) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [justification, setJustification] = React.useState('');
  const [invalid, setInvalid] = React.useState(false);
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = React.useState(false);

  React.useEffect(() => {
    setJustification('');
    setInvalid(false);
    setRefusal(null);
  }, [oficio?.documentId]);

  if (!oficio) return null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const text = justification.trim();
    if (text.length < MIN_JUSTIFICATION) {
      setInvalid(true);
      return;
    }
    setIsSubmitting(true);
    setRefusal(null);
    try {
      const { data } = await post<AcceptLate.Response, AcceptLate.Request['body']>(
        `/comunicacion/oficios/${oficio.documentId}/accept-late`,
        { justification: text }
      );
      toggleNotification({
        type: 'success',
        message: t('acceptLate.done', 'Se aceptó la solicitud extemporánea {folio}.', {
          folio: oficio.folio,
        }),
      });
      onDone?.(data.data);
      onClose();
    } catch (error) {
      const message =
        serverMessage(error) ?? t('errors.unexpected', 'No se pudo completar la acción.');
      setRefusal(message);
      toggleNotification({ type: 'danger', message });
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(next) => !next && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('actions.close', 'Cerrar')}>
            <Modal.Title>
              {t('acceptLate.title', 'Aceptar solicitud extemporánea {folio}', {
                folio: oficio.folio,
              })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography>
                {t(
                  'acceptLate.explanation',
                  'La solicitud no cumplió el plazo de anticipación. Al aceptarla, su trabajo puede comenzar; quedan registrados quién la aceptó, cuándo y por qué.'
                )}
              </Typography>
              {lateReasons && (
                <Typography textColor="neutral600">
                  {t('acceptLate.reasons', 'Motivo: {reasons}', { reasons: lateReasons })}
                </Typography>
              )}
              <Field.Root
                name="justification"
                required
                error={
                  invalid
                    ? t(
                        'acceptLate.justification.invalid',
                        'Escribe una justificación de al menos {min} caracteres.',
                        { min: MIN_JUSTIFICATION }
                      )
                    : undefined
                }
                hint={t(
                  'acceptLate.justification.hint',
                  'Por ejemplo: evento prioritario de Presidencia confirmado por la Dirección.'
                )}
              >
                <Field.Label>{t('acceptLate.justification.label', 'Justificación')}</Field.Label>
                <Textarea
                  value={justification}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                    setJustification(event.target.value);
                    if (event.target.value.trim().length >= MIN_JUSTIFICATION) setInvalid(false);
                  }}
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
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
            <Modal.Close>
              <Button variant="tertiary">{t('actions.cancel', 'Cancelar')}</Button>
            </Modal.Close>
            <Button type="submit" loading={isSubmitting}>
              {t('acceptLate.submit', 'Aceptar solicitud')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
