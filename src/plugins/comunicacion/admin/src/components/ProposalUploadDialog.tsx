import * as React from 'react';
import { Field, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { AddProposal } from '../../../shared/contracts/items';
import { useT } from '../hooks/useT';
import { useAddProposalMutation, useUploadProposalFileMutation } from '../services/items';
import { ActionDialog } from './ActionDialog';

export interface ProposalUploadDialogProps {
  /** The design in `en_diseno`; set: the dialog is open. */
  design: { documentId: string; title: string } | null;
  onClose: () => void;
  onDone?: (result: AddProposal.Response['data']) => void;
}

/**
 * Uploads a file to the media library (`POST /upload`) and adds it as the design's next numbered
 * proposal version (`POST /comunicacion/designs/:documentId/proposals`).
 */
export const ProposalUploadDialog = ({ design, onClose, onDone }: ProposalUploadDialogProps) => {
  const t = useT();
  const [uploadProposalFile] = useUploadProposalFileMutation();
  const [addProposal] = useAddProposalMutation();
  const { toggleNotification } = useNotification();
  const [file, setFile] = React.useState<File | null>(null);
  const [missingFile, setMissingFile] = React.useState(false);

  React.useEffect(() => {
    setFile(null);
    setMissingFile(false);
  }, [design?.documentId]);

  if (!design) return null;

  const submit = async () => {
    if (!file) {
      setMissingFile(true);
      return;
    }
    const uploaded = await uploadProposalFile(file).unwrap();
    const fileId = uploaded[0]?.id;
    const result = await addProposal({ documentId: design.documentId, fileId }).unwrap();
    const version = result.proposals.at(-1)?.version ?? result.proposals.length;
    toggleNotification({
      type: 'success',
      message: t('proposal.done', 'Se agregó la propuesta v{version} a «{title}».', {
        version,
        title: design.title,
      }),
    });
    onDone?.(result);
    onClose();
  };

  return (
    <ActionDialog
      title={t('proposal.title', 'Subir versión de propuesta: «{title}»', { title: design.title })}
      submitLabel={t('proposal.submit', 'Subir propuesta')}
      onClose={onClose}
      onSubmit={submit}
      resetKey={design.documentId}
    >
      <Typography>
        {t(
          'proposal.explanation',
          'El archivo se guarda en la biblioteca de medios y queda como la siguiente versión numerada. Después, envía la propuesta a revisión del área.'
        )}
      </Typography>
      <Field.Root
        name="file"
        required
        error={
          missingFile ? t('proposal.file.missing', 'Elige el archivo de la propuesta.') : undefined
        }
      >
        <Field.Label>{t('proposal.file.label', 'Archivo de la propuesta')}</Field.Label>
        <Field.Input
          type="file"
          accept="image/*,application/pdf"
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
            setFile(event.target.files?.[0] ?? null);
            setMissingFile(false);
          }}
        />
        <Field.Error />
      </Field.Root>
    </ActionDialog>
  );
};
