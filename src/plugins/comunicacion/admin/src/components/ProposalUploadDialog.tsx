import * as React from 'react';
import { Field, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { AddProposal } from '../../../shared/contracts/items';
import { useT } from '../hooks/useT';
import { ActionDialog } from './ActionDialog';

/** What the media library answers for each uploaded file. */
interface UploadedFile {
  id: number;
  name: string;
}

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
  const { post } = useFetchClient();
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
    const form = new FormData();
    form.append('files', file);
    const { data: uploaded } = await post<UploadedFile[], FormData>('/upload', form);
    const fileId = uploaded[0]?.id;
    const { data } = await post<AddProposal.Response, AddProposal.Request['body']>(
      `/comunicacion/designs/${design.documentId}/proposals`,
      { fileId }
    );
    const version = data.data.proposals.at(-1)?.version ?? data.data.proposals.length;
    toggleNotification({
      type: 'success',
      message: t('proposal.done', 'Se agregó la propuesta v{version} a «{title}».', {
        version,
        title: design.title,
      }),
    });
    onDone?.(data.data);
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
