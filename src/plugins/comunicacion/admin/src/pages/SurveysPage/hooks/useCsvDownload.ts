import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/**
 * Downloads the raw responses with the staff member's session (a plain link would not carry it)
 * and hands the file to the browser.
 */
export const useCsvDownload = (documentId: string, filename: string) => {
  const { get } = useFetchClient();
  const [isDownloading, setDownloading] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);

  const download = React.useCallback(async () => {
    setDownloading(true);
    setError(null);
    try {
      const { data } = await get<Blob>(
        `/comunicacion/surveys/${encodeURIComponent(documentId)}/responses.csv`,
        { responseType: 'blob' }
      );
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    } catch (caught) {
      setError(caught);
    } finally {
      setDownloading(false);
    }
  }, [documentId, filename, get]);

  return { download, isDownloading, error };
};
