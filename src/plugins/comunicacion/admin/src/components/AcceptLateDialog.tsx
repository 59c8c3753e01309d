import * as React from 'react';
import { Field, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { AcceptLate } from '../../../shared/contracts/oficios';
import { useT } from '../hooks/useT';
import { useAcceptLateMutation } from '../services/items';
import { ActionDialog } from './ActionDialog';

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
  const [acceptLate] = useAcceptLateMutation();
  const { toggleNotification } = useNotification();
  const [justification, setJustification] = React.useState('');
  const [invalid, setInvalid] = React.useState(false);

  React.useEffect(() => {
    setJustification('');
    setInvalid(false);
  }, [oficio?.documentId]);

  if (!oficio) return null;

  const submit = async () => {
    const text = justification.trim();
    if (text.length < MIN_JUSTIFICATION) {
      setInvalid(true);
      return;
    }
    const result = await acceptLate({
      documentId: oficio.documentId,
      justification: text,
    }).unwrap();
    toggleNotification({
      type: 'success',
      message: t('acceptLate.done', 'Se aceptó la solicitud extemporánea {folio}.', {
        folio: oficio.folio,
      }),
    });
    onDone?.(result);
    onClose();
  };

  return (
    <ActionDialog
      title={t('acceptLate.title', 'Aceptar solicitud extemporánea {folio}', {
        folio: oficio.folio,
      })}
      submitLabel={t('acceptLate.submit', 'Aceptar solicitud')}
      onClose={onClose}
      onSubmit={submit}
      resetKey={oficio.documentId}
    >
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
    </ActionDialog>
  );
};
