import * as React from 'react';
import { Button, Field, Modal, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { PublicationResult as PublicationResultDto } from '../../../shared/contracts/publications';
import { useT } from '../hooks/useT';
import { useWithdrawPublicationMutation } from '../services/site';
import { ActionDialog } from './ActionDialog';
import { PublicationResult } from './PublicationResult';
import type { PublicationSubject } from './PublishDialog';

// The server refuses shorter reasons (MISSING_DATA).
const MIN_REASON = 10;

export interface WithdrawDialogProps {
  /** Set: the dialog is open. */
  subject: PublicationSubject | null;
  onClose: () => void;
  /** The item changed on the server (the pages' data refetch on their own). */
  onDone?: (result: PublicationResultDto) => void;
}

/**
 * «Retirar del sitio»: unpublishes the item with a written reason through
 * `POST /comunicacion/publications/withdraw`, which also notifies the site.
 */
export const WithdrawDialog = ({ subject, onClose, onDone }: WithdrawDialogProps) => {
  const t = useT();
  const [withdrawPublication] = useWithdrawPublicationMutation();
  const { toggleNotification } = useNotification();
  const [reason, setReason] = React.useState('');
  const [invalid, setInvalid] = React.useState(false);
  const [result, setResult] = React.useState<PublicationResultDto | null>(null);

  React.useEffect(() => {
    setReason('');
    setInvalid(false);
    setResult(null);
  }, [subject?.documentId]);

  if (!subject) return null;

  const submit = async () => {
    const text = reason.trim();
    if (text.length < MIN_REASON) {
      setInvalid(true);
      return;
    }
    const withdrawn = await withdrawPublication({
      uid: subject.uid,
      documentId: subject.documentId,
      reason: text,
    }).unwrap();
    setResult(withdrawn);
    onDone?.(withdrawn);
    toggleNotification({
      type: 'success',
      message: t('publish.withdraw.done', '«{title}» se retiró del sitio.', {
        title: subject.title,
      }),
    });
  };

  return (
    <ActionDialog
      title={t('publish.withdraw.title', 'Retirar del sitio')}
      submitLabel={t('publish.withdraw.submit', 'Retirar del sitio')}
      onClose={onClose}
      onSubmit={submit}
      refusalTitle={t('publish.withdraw.refused', 'No se pudo retirar')}
      footer={
        result ? (
          <Modal.Close>
            <Button>{t('actions.done', 'Listo')}</Button>
          </Modal.Close>
        ) : undefined
      }
      resetKey={subject.documentId}
    >
      {!result && (
        <Typography>
          {t(
            'publish.withdraw.summary',
            '«{title}» dejará de verse en el sitio y se avisará al sitio del retiro. El motivo queda en el historial.',
            { title: subject.title }
          )}
        </Typography>
      )}
      {result ? (
        <>
          <Typography>
            {t('publish.withdraw.done', '«{title}» se retiró del sitio.', { title: subject.title })}
          </Typography>
          <PublicationResult result={result} stepsOnly />
        </>
      ) : (
        <Field.Root
          name="reason"
          required
          error={
            invalid
              ? t(
                  'publish.withdraw.reason.invalid',
                  'Escribe un motivo de al menos {min} caracteres.',
                  { min: MIN_REASON }
                )
              : undefined
          }
          hint={t(
            'publish.withdraw.reason.hint',
            'Por ejemplo: el área pidió retirarla porque el evento se canceló.'
          )}
        >
          <Field.Label>{t('publish.withdraw.reason.label', 'Motivo del retiro')}</Field.Label>
          <Textarea
            value={reason}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
              setReason(event.target.value);
              if (event.target.value.trim().length >= MIN_REASON) setInvalid(false);
            }}
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      )}
    </ActionDialog>
  );
};
