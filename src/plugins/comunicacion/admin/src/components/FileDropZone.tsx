import * as React from 'react';
import { Box, Button, Field, Flex, IconButton, Loader, Typography } from '@strapi/design-system';
import { CloudUpload, File as FileIcon, Trash } from '@strapi/icons';
import { styled } from 'styled-components';
import { useT } from '../hooks/useT';
import { errorMessage } from '../services/api';
import { useUploadFiles, type UploadedFile } from '../services/intake';

const DropBox = styled(Box)`
  border-style: dashed;
  border-width: 1px;
`;

export interface FileDropZoneProps {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  multiple?: boolean;
  /** e.g. `image/*,application/pdf`. */
  accept?: string;
  /** Files already uploaded to the media library. */
  files: UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
  disabled?: boolean;
}

/**
 * A drop zone in the media library's style: drag files onto it or choose them with the button;
 * each file is uploaded to the media library at once and listed with a button to remove it.
 */
export const FileDropZone = ({
  name,
  label,
  hint,
  error,
  multiple = false,
  accept,
  files,
  onChange,
  disabled = false,
}: FileDropZoneProps) => {
  const t = useT();
  const upload = useUploadFiles();
  const input = React.useRef<HTMLInputElement>(null);
  const [dragOver, setDragOver] = React.useState(false);
  const [isUploading, setUploading] = React.useState(false);
  const [uploadError, setUploadError] = React.useState<string | null>(null);
  const labelId = `${name}-label`;

  const add = async (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    if (!chosen.length || disabled) return;
    setUploading(true);
    setUploadError(null);
    try {
      const uploaded = await upload(multiple ? chosen : chosen.slice(0, 1));
      onChange(multiple ? [...files, ...uploaded] : uploaded.slice(0, 1));
    } catch (caught) {
      setUploadError(
        errorMessage(caught) ??
          t('upload.error', 'No se pudo subir el archivo a la biblioteca de medios.')
      );
    } finally {
      setUploading(false);
      if (input.current) input.current.value = '';
    }
  };

  const shownError = uploadError ?? error;

  return (
    <Field.Root name={name} error={shownError} hint={hint}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Field.Label id={labelId}>{label}</Field.Label>
        <DropBox
          hasRadius
          padding={5}
          borderColor={dragOver ? 'primary500' : shownError ? 'danger600' : 'neutral300'}
          background={dragOver ? 'primary100' : 'neutral100'}
          onDragEnter={(event: React.DragEvent) => {
            event.preventDefault();
            setDragOver(true);
          }}
          onDragOver={(event: React.DragEvent) => event.preventDefault()}
          onDragLeave={() => setDragOver(false)}
          onDrop={(event: React.DragEvent) => {
            event.preventDefault();
            setDragOver(false);
            void add(event.dataTransfer.files);
          }}
        >
          <Flex direction="column" alignItems="center" gap={3}>
            <CloudUpload aria-hidden width="2.4rem" height="2.4rem" fill="primary600" />
            <Typography variant="omega" textColor="neutral700" textAlign="center">
              {multiple
                ? t('upload.dropMany', 'Arrastra aquí los archivos o')
                : t('upload.dropOne', 'Arrastra aquí el archivo o')}
            </Typography>
            <Button
              variant="secondary"
              disabled={disabled || isUploading}
              loading={isUploading}
              onClick={() => input.current?.click()}
              aria-describedby={labelId}
            >
              {multiple
                ? t('upload.chooseMany', 'Elegir archivos')
                : t('upload.chooseOne', 'Elegir archivo')}
            </Button>
            {/* The browser's own picker, opened by the button; never shown or reached by itself. */}
            <input
              ref={input}
              hidden
              type="file"
              name={name}
              tabIndex={-1}
              accept={accept}
              multiple={multiple}
              disabled={disabled}
              onChange={(event) => void add(event.target.files)}
            />
          </Flex>
        </DropBox>
        {isUploading && (
          <Loader small>{t('upload.uploading', 'Subiendo a la biblioteca de medios…')}</Loader>
        )}
        {files.length > 0 && (
          <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
            {files.map((file) => (
              <Flex
                tag="li"
                key={file.id}
                gap={2}
                justifyContent="space-between"
                background="neutral0"
                borderColor="neutral200"
                hasRadius
                paddingLeft={3}
                paddingRight={1}
                paddingTop={1}
                paddingBottom={1}
              >
                <Flex gap={2} minWidth={0}>
                  <FileIcon aria-hidden />
                  <Typography ellipsis title={file.name}>
                    {file.name}
                  </Typography>
                </Flex>
                {!disabled && (
                  <IconButton
                    variant="ghost"
                    label={t('upload.remove', 'Quitar {name}', { name: file.name })}
                    onClick={() => onChange(files.filter((other) => other.id !== file.id))}
                  >
                    <Trash />
                  </IconButton>
                )}
              </Flex>
            ))}
          </Flex>
        )}
        <Field.Hint />
        <Field.Error />
      </Flex>
    </Field.Root>
  );
};
