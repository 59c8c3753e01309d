import * as React from 'react';
import { Button, Field, Modal, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type {
  PublicationResult as PublicationResultDto,
  PublishableUid,
} from '../../../shared/contracts/publications';
import { useT } from '../hooks/useT';
import { usePublishPublicationMutation, useVerifyPublicationMutation } from '../services/site';
import { ActionDialog } from './ActionDialog';
import { PublicationResult } from './PublicationResult';

/** A web publication or transparency document the publishing routes act on. */
export interface PublicationSubject {
  uid: PublishableUid;
  documentId: string;
  title: string;
}

export interface PublishDialogProps {
  /** Set: the dialog is open. */
  subject: PublicationSubject | null;
  /**
   * `publish`: from `lista`, publish, notify the site, verify and answer. `verify`: from
   * `publicada` or `verificada`, verify (when needed) and answer.
   */
  mode: 'publish' | 'verify';
  onClose: () => void;
  /** The item changed on the server (the pages' data refetch on their own). */
  onDone?: (result: PublicationResultDto) => void;
}

const STEP_ORDER = ['publicada', 'aviso', 'verificada', 'respondida'];

/**
 * A second verification answers only its own steps: keep the earlier ones (published, notice) so
 * the dialog still shows the whole path.
 */
const withEarlierSteps = (
  previous: PublicationResultDto | null,
  next: PublicationResultDto
): PublicationResultDto => {
  if (!previous) return next;
  const answered = new Set(next.steps.map((step) => step.key));
  const steps = [...previous.steps.filter((step) => !answered.has(step.key)), ...next.steps];
  steps.sort((a, b) => STEP_ORDER.indexOf(a.key) - STEP_ORDER.indexOf(b.key));
  return { ...next, steps };
};

/** Published but not yet verified and answered: another verification may finish the path. */
const needsVerification = (result: PublicationResultDto) =>
  (result.status === 'publicada' || result.status === 'verificada') &&
  result.steps.some((step) => !step.ok);

/**
 * «Publicar en el sitio» and «Verificar y responder»: calls the publishing route and shows each
 * step as it came back, the evidence and the answer PDF. A failed verification is not a refusal:
 * the item stays published and «Verificar de nuevo» tries again.
 */
export const PublishDialog = ({ subject, mode, onClose, onDone }: PublishDialogProps) => {
  const t = useT();
  const [publishPublication] = usePublishPublicationMutation();
  const [verifyPublication] = useVerifyPublicationMutation();
  const { toggleNotification } = useNotification();
  const [comment, setComment] = React.useState('');
  const [result, setResult] = React.useState<PublicationResultDto | null>(null);
  const [verifying, setVerifying] = React.useState(false);

  React.useEffect(() => {
    setComment('');
    setResult(null);
    setVerifying(false);
  }, [subject?.documentId, mode]);

  if (!subject) return null;

  const verify = () =>
    verifyPublication({ uid: subject.uid, documentId: subject.documentId }).unwrap();

  const publish = () =>
    publishPublication({
      uid: subject.uid,
      documentId: subject.documentId,
      comment: comment.trim() || null,
    }).unwrap();

  const submit = async () => {
    const again = Boolean(result);
    setVerifying(again);
    try {
      const next = withEarlierSteps(
        result,
        mode === 'publish' && !result ? await publish() : await verify()
      );
      setResult(next);
      onDone?.(next);
      const complete = next.steps.every((step) => step.ok);
      toggleNotification(
        complete
          ? {
              type: 'success',
              message:
                mode === 'publish' && !again
                  ? t(
                      'publish.done',
                      '«{title}» se publicó, se verificó y se respondió el oficio.',
                      { title: subject.title }
                    )
                  : t('publish.verify.done', '«{title}» se verificó y se respondió el oficio.', {
                      title: subject.title,
                    }),
            }
          : {
              type: 'warning',
              message: t(
                'publish.incomplete',
                '«{title}» no completó todos los pasos: revisa cuáles fallaron y por qué.',
                { title: subject.title }
              ),
            }
      );
    } finally {
      setVerifying(false);
    }
  };

  const title =
    mode === 'publish'
      ? t('publish.title', 'Publicar en el sitio')
      : t('publish.verify.title', 'Verificar y responder');

  const footer = result ? (
    <>
      <Modal.Close>
        <Button variant={needsVerification(result) ? 'tertiary' : 'default'}>
          {t('actions.done', 'Listo')}
        </Button>
      </Modal.Close>
      {needsVerification(result) && (
        <Button type="submit" loading={verifying}>
          {t('publish.verify.again', 'Verificar de nuevo')}
        </Button>
      )}
    </>
  ) : undefined;

  return (
    <ActionDialog
      title={title}
      submitLabel={title}
      onClose={onClose}
      onSubmit={submit}
      refusalTitle={
        mode === 'publish' && !result
          ? t('publish.refused', 'No se pudo publicar')
          : t('publish.verify.refused', 'No se pudo verificar')
      }
      footer={footer}
      resetKey={`${subject.documentId}:${mode}`}
    >
      {!result && (
        <Typography>
          {mode === 'publish'
            ? t(
                'publish.summary',
                '«{title}» se publicará en el sitio. Después se avisará al sitio, se comprobará que la publicación responda y se contestará el oficio con un PDF que incluye la evidencia.',
                { title: subject.title }
              )
            : t(
                'publish.verify.summary',
                'Se comprobará que «{title}» esté en el sitio y se contestará el oficio con un PDF que incluye la evidencia.',
                { title: subject.title }
              )}
        </Typography>
      )}
      {result ? (
        <PublicationResult result={result} />
      ) : (
        mode === 'publish' && (
          <Field.Root
            name="comment"
            hint={t('publish.comment.hint', 'Opcional: queda en el historial.')}
          >
            <Field.Label>{t('publish.comment.label', 'Comentario')}</Field.Label>
            <Textarea
              value={comment}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                setComment(event.target.value)
              }
            />
            <Field.Hint />
          </Field.Root>
        )
      )}
    </ActionDialog>
  );
};
