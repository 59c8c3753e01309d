import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { filenameOf } from '../utils/contentDisposition';

/**
 * Files the server answers (exports, survey responses, the acuse de recibo) fetched with the staff
 * member's session: a plain link would not carry it. RTK Query keeps answers in the app's state,
 * which is no place for a file, so these go through the admin's fetch client.
 */

/** Thrown when the server refuses a file; `serverMessage` is its Spanish message when it sent one. */
export class FileRequestError extends Error {
  /** Read by `errorMessage` (services/api.ts) like any refused request. */
  readonly error: { message?: string };

  constructor(
    message: string,
    readonly serverMessage: string | null
  ) {
    super(message);
    this.name = 'FileRequestError';
    this.error = serverMessage ? { message: serverMessage } : {};
  }
}

/** The server's Spanish message of a refused download, read from the error body. */
const refusalOf = async (body: Blob | undefined): Promise<string | null> => {
  try {
    const parsed = JSON.parse((await body?.text()) ?? '') as { error?: { message?: unknown } };
    return typeof parsed.error?.message === 'string' ? parsed.error.message : null;
  } catch {
    return null;
  }
};

/** Hands a file to the browser under its name. */
export const saveFile = (data: Blob, filename: string) => {
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

/** A downloaded file and the name the server gave it (`fallback` when it gave none). */
export interface FetchedFile {
  data: Blob;
  filename: string;
}

/**
 * `fetchFile(url, fallbackName)`: GETs a file; throws a `FileRequestError` with the server's
 * message when it is refused. The URL carries its own query string (the fetch client does not
 * encode parameters).
 */
export const useFetchFile = () => {
  const { get } = useFetchClient();
  return React.useCallback(
    async (url: string, fallback: string): Promise<FetchedFile> => {
      let response;
      try {
        response = await get<Blob>(url, { responseType: 'blob', validateStatus: () => true });
      } catch (caught) {
        throw new FileRequestError(caught instanceof Error ? caught.message : String(caught), null);
      }
      const status = response.status ?? 200;
      if (status >= 400) {
        const message = await refusalOf(response.data);
        throw new FileRequestError(message ?? `HTTP ${status}`, message);
      }
      return {
        data: response.data,
        filename: filenameOf(response.headers?.get('Content-Disposition'), fallback),
      };
    },
    [get]
  );
};
