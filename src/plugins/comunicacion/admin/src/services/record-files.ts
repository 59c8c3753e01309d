import * as React from 'react';
import { saveFile, useFetchFile } from './files';

/** A file of a record, as the oficio page lists it. */
export interface RecordFile {
  id: number;
  name: string;
}

/**
 * Downloads a record's file through `GET /comunicacion/files/:id` with the staff member's session:
 * the files the areas upload and the acuse are private, not served at their public address.
 * `pendingId` is the file being fetched; `failed` the last refused one, with the refusal.
 */
export const useRecordFile = () => {
  const fetchFile = useFetchFile();
  const [pendingId, setPendingId] = React.useState<number | null>(null);
  const [failed, setFailed] = React.useState<{ id: number; error: unknown } | null>(null);

  const download = React.useCallback(
    async (file: RecordFile) => {
      setPendingId(file.id);
      setFailed(null);
      try {
        const fetched = await fetchFile(`/comunicacion/files/${file.id}`, file.name);
        saveFile(fetched.data, fetched.filename);
      } catch (error) {
        setFailed({ id: file.id, error });
      } finally {
        setPendingId(null);
      }
    },
    [fetchFile]
  );

  return { download, pendingId, failed };
};
