import * as React from 'react';
import { Button, Field, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { AvailableTransitionDto } from '../../../shared/contracts/items';
import type { FireTransition } from '../../../shared/contracts/transitions';
import { useFormatters } from '../hooks/useFormatters';
import { useT } from '../hooks/useT';
import { errorCode } from '../services/api';
import { useFireTransitionMutation } from '../services/items';
import { ActionDialog } from './ActionDialog';
import { ApprovalLinkNotice } from './ApprovalLinkNotice';

/** The work item (or oficio) a transition is fired on. */
export interface TransitionSubject {
  uid: string;
  documentId: string;
  title: string;
}

export interface TransitionDialogProps {
  /** Both set: the dialog is open. */
  subject: TransitionSubject | null;
  transition: AvailableTransitionDto | null;
  onClose: () => void;
  /** Called once the server accepted the transition (the pages' data refetch on their own). */
  onDone?: (result: FireTransition.Response['data']) => void;
  /** Another write moved the item first (409): what the page shows is refetched. */
  onStale?: () => void;
}

/**
 * Asks for the comment of a transition (required when the workflow says so) and fires it through
 * `POST /comunicacion/transitions`. A refusal shows the server's message; a proposal sent for review
 * shows the area's approval link before closing.
 */
export const TransitionDialog = ({
  subject,
  transition,
  onClose,
  onDone,
  onStale,
}: TransitionDialogProps) => {
  const t = useT();
  const format = useFormatters();
  const [fireTransition] = useFireTransitionMutation();
  const { toggleNotification } = useNotification();
  const [comment, setComment] = React.useState('');
  const [missingComment, setMissingComment] = React.useState(false);
  const [approvalLink, setApprovalLink] =
    React.useState<FireTransition.Response['data']['approvalLink']>(null);

  const open = Boolean(subject && transition);
  React.useEffect(() => {
    if (open) {
      setComment('');
      setMissingComment(false);
      setApprovalLink(null);
    }
  }, [open, subject?.documentId, transition?.to]);

  if (!subject || !transition) return null;
  const required = Boolean(transition.comment?.required);

  const submit = async () => {
    const text = comment.trim();
    if (required && !text) {
      setMissingComment(true);
      return;
    }
    let fired: FireTransition.Response['data'];
    try {
      fired = await fireTransition({
        uid: subject.uid,
        documentId: subject.documentId,
        // The state this action was offered from: if it changed meanwhile, the server says so.
        from: transition.from,
        to: transition.to,
        comment: text || null,
      }).unwrap();
    } catch (error) {
      // The dialog shows why; the page behind it refetches the item's state as it is now.
      if (errorCode(error) === 'CONCURRENT_CHANGE') onStale?.();
      throw error;
    }
    toggleNotification({
      type: 'success',
      message: t('transition.done', '«{title}» pasó a {state}.', {
        title: subject.title,
        state: transition.toLabel,
      }),
    });
    onDone?.(fired);
    if (fired.approvalLink) setApprovalLink(fired.approvalLink);
    else onClose();
  };

  return (
    <ActionDialog
      title={transition.label}
      submitLabel={transition.label}
      onClose={onClose}
      onSubmit={submit}
      refusalTitle={t('transition.refused', 'No se pudo cambiar el estado')}
      footer={
        approvalLink ? <Button onClick={onClose}>{t('actions.done', 'Listo')}</Button> : undefined
      }
      resetKey={`${subject.documentId}:${transition.to}`}
    >
      <Typography>
        {t('transition.summary', '«{title}» pasará a «{state}».', {
          title: subject.title,
          state: transition.toLabel,
        })}
      </Typography>
      {approvalLink ? (
        <ApprovalLinkNotice
          url={approvalLink.url}
          expiresAt={format.dateTime(approvalLink.expiresAt) ?? ''}
        />
      ) : (
        <Field.Root
          name="comment"
          required={required}
          error={
            missingComment
              ? t('transition.comment.missing', 'Escribe un comentario para continuar.')
              : undefined
          }
          hint={
            required
              ? undefined
              : t('transition.comment.optional', 'Opcional: queda en el historial.')
          }
        >
          <Field.Label>
            {transition.comment?.prompt || t('transition.comment.label', 'Comentario')}
          </Field.Label>
          <Textarea
            value={comment}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
              setComment(event.target.value);
              if (event.target.value.trim()) setMissingComment(false);
            }}
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      )}
    </ActionDialog>
  );
};
