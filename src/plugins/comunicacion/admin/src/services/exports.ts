import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ExportFormat } from '../../../shared/contracts/intake';
import { filenameOf } from '../utils/contentDisposition';
import { queryString } from './api';

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

/** The server's Spanish message of a refused export, read from the error body. */
const refusalOf = async (body: Blob): Promise<string | null> => {
  try {
    const parsed = JSON.parse(await body.text()) as { error?: { message?: unknown } };
    return typeof parsed.error?.message === 'string' ? parsed.error.message : null;
  } catch {
    return null;
  }
};

/** Hands a downloaded file to the browser under its name. */
const save = (data: Blob, filename: string) => {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser reads the object URL after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
};

/** Thrown when the server refuses an export; `message` is its Spanish message when it sent one. */
export class ExportError extends Error {
  constructor(
    message: string,
    readonly serverMessage: string | null
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/**
 * Downloads what a page shows as CSV or Excel with the staff member's session (a plain link would
 * not carry it) and saves it under the name the server gives it. `filters` are the page's current
 * filters, sent as they are.
 */
export const useExportDownload = (target: ExportTarget) => {
  const { get } = useFetchClient();
  const [downloading, setDownloading] = React.useState<ExportFormat | null>(null);
  const [error, setError] = React.useState<ExportError | null>(null);
  const path = pathOf(target);

  const download = React.useCallback(
    async (format: ExportFormat, filters: Record<string, string | undefined> = {}) => {
      setDownloading(format);
      setError(null);
      try {
        // The fetch client does not encode parameters: the query string is built here.
        const response = await get(`${path}${queryString({ ...filters, format })}`, {
          responseType: 'blob',
          validateStatus: () => true,
        });
        const status = response.status ?? 200;
        if (status >= 400) {
          const message = await refusalOf(response.data);
          throw new ExportError(message ?? `HTTP ${status}`, message);
        }
        const fallback = `exportacion.${format}`;
        save(response.data, filenameOf(response.headers?.get('Content-Disposition'), fallback));
      } catch (caught) {
        const failure =
          caught instanceof ExportError
            ? caught
            : new ExportError(caught instanceof Error ? caught.message : String(caught), null);
        setError(failure);
        throw failure;
      } finally {
        setDownloading(null);
      }
    },
    [get, path]
  );

  return { download, downloading, error };
};
