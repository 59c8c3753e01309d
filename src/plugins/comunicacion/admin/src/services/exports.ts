import * as React from 'react';
import type { ExportFormat } from '../../../shared/contracts/intake';
import { queryString } from './api';
import { FileRequestError, saveFile, useFetchFile } from './files';

/** What can be exported: the search view, a queue, the dashboard's per-area figures. */
export type ExportTarget =
  | { kind: 'oficios' }
  | { kind: 'queue'; key: string }
  | { kind: 'dashboard' };

const pathOf = (target: ExportTarget) => {
  switch (target.kind) {
    case 'queue':
      return `/comunicacion/queues/${encodeURIComponent(target.key)}/export`;
    case 'dashboard':
      return '/comunicacion/dashboard/export';
    default:
      return '/comunicacion/oficios/export';
  }
};

/** Thrown when the server refuses an export (the same error as any refused file). */
export { FileRequestError as ExportError } from './files';

/**
 * Downloads what a page shows as CSV or Excel with the staff member's session (a plain link would
 * not carry it) and saves it under the name the server gives it. `filters` are the page's current
 * filters, sent as they are.
 */
export const useExportDownload = (target: ExportTarget) => {
  const fetchFile = useFetchFile();
  const [downloading, setDownloading] = React.useState<ExportFormat | null>(null);
  const [error, setError] = React.useState<FileRequestError | null>(null);
  const path = pathOf(target);

  const download = React.useCallback(
    async (format: ExportFormat, filters: Record<string, string | undefined> = {}) => {
      setDownloading(format);
      setError(null);
      try {
        const file = await fetchFile(
          `${path}${queryString({ ...filters, format })}`,
          `exportacion.${format}`
        );
        saveFile(file.data, file.filename);
      } catch (caught) {
        const failure =
          caught instanceof FileRequestError
            ? caught
            : new FileRequestError(caught instanceof Error ? caught.message : String(caught), null);
        setError(failure);
        throw failure;
      } finally {
        setDownloading(null);
      }
    },
    [fetchFile, path]
  );

  return { download, downloading, error };
};
