import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  AddService,
  CompleteItem,
  GetIntakeForm,
  GetItemForm,
  PreviewLeadTime,
  RegisterOficio,
} from '../../../shared/contracts/intake';
import { comunicacionApi, WORK_TAGS } from './api';
import { saveFile, useFetchFile } from './files';

type ItemKey = GetItemForm.Request['params'];

const itemTag = ({ workflow, documentId }: ItemKey) => ({
  type: 'ComunicacionItem' as const,
  id: `${workflow}:${documentId}`,
});

/**
 * Registering an oficio, adding a service to it and completing a work item's data: the form the
 * server describes, the lead-time preview while dates are typed, and the writes.
 */
const intakeApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    getIntakeForm: build.query<GetIntakeForm.Response['data'], void>({
      query: () => ({ url: '/comunicacion/intake/form', method: 'GET' }),
      transformResponse: (response: GetIntakeForm.Response) => response.data,
      providesTags: ['ComunicacionIntake'],
    }),
    // A query although it POSTs: nothing is written, and the answer is cached per set of dates.
    previewLeadTime: build.query<PreviewLeadTime.Response['data'], PreviewLeadTime.Request['body']>(
      {
        query: (body) => ({ url: '/comunicacion/intake/lead-time', method: 'POST', data: body }),
        transformResponse: (response: PreviewLeadTime.Response) => response.data,
        keepUnusedDataFor: 30,
      }
    ),
    registerOficio: build.mutation<RegisterOficio.Response['data'], RegisterOficio.Request['body']>(
      {
        query: (body) => ({ url: '/comunicacion/oficios', method: 'POST', data: body }),
        transformResponse: (response: RegisterOficio.Response) => response.data,
        invalidatesTags: [...WORK_TAGS],
      }
    ),
    addService: build.mutation<
      AddService.Response['data'],
      AddService.Request['params'] & { body: AddService.Request['body'] }
    >({
      query: ({ documentId, body }) => ({
        url: `/comunicacion/oficios/${encodeURIComponent(documentId)}/services`,
        method: 'POST',
        data: body,
      }),
      transformResponse: (response: AddService.Response) => response.data,
      invalidatesTags: [...WORK_TAGS],
    }),
    getItemForm: build.query<GetItemForm.Response['data'], ItemKey>({
      query: ({ workflow, documentId }) => ({
        url: `/comunicacion/items/${encodeURIComponent(workflow)}/${encodeURIComponent(documentId)}/form`,
        method: 'GET',
      }),
      transformResponse: (response: GetItemForm.Response) => response.data,
      providesTags: (_result, _error, key) => [itemTag(key)],
    }),
    completeItem: build.mutation<
      CompleteItem.Response['data'],
      ItemKey & { body: CompleteItem.Request['body'] }
    >({
      query: ({ workflow, documentId, body }) => ({
        url: `/comunicacion/items/${encodeURIComponent(workflow)}/${encodeURIComponent(documentId)}`,
        method: 'PUT',
        data: body,
      }),
      transformResponse: (response: CompleteItem.Response) => response.data,
      invalidatesTags: (_result, _error, key) => [...WORK_TAGS, itemTag(key)],
    }),
  }),
});

export const {
  useGetIntakeFormQuery,
  usePreviewLeadTimeQuery,
  useRegisterOficioMutation,
  useAddServiceMutation,
  useGetItemFormQuery,
  useCompleteItemMutation,
} = intakeApi;

/** What the media library answers for each uploaded file. */
export interface UploadedFile {
  id: number;
  name: string;
  url?: string;
  mime?: string;
}

/**
 * Uploads files to the media library (`POST /upload`, multipart) with the staff member's session;
 * the ids go into the oficio or the work item.
 */
export const useUploadFiles = () => {
  const { post } = useFetchClient();
  return React.useCallback(
    async (files: File[]) => {
      const form = new FormData();
      for (const file of files) form.append('files', file);
      const { data } = await post<UploadedFile[], FormData>('/upload', form);
      return data;
    },
    [post]
  );
};

/**
 * The oficio's acuse de recibo (PDF), fetched with the staff member's session (a plain link would
 * not carry it): `open` shows it in a new tab to print it, `download` saves it.
 */
export const useAcuse = () => {
  const [isLoading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);

  const fetchFile = useFetchFile();
  const fetchPdf = React.useCallback(
    async (documentId: string, folio: string) => {
      const file = await fetchFile(
        `/comunicacion/oficios/${encodeURIComponent(documentId)}/acuse`,
        `acuse-${folio.replace(/[^\w-]+/g, '-')}.pdf`
      );
      return { ...file, data: new Blob([file.data], { type: 'application/pdf' }) };
    },
    [fetchFile]
  );

  const run = React.useCallback(
    async (documentId: string, folio: string, mode: 'open' | 'download') => {
      // The tab opens on the click itself, or the browser would treat it as a pop-up.
      const tab = mode === 'open' ? window.open('', '_blank') : null;
      setLoading(true);
      setError(null);
      try {
        const file = await fetchPdf(documentId, folio);
        if (tab) {
          const url = URL.createObjectURL(file.data);
          tab.location.href = url;
          // The tab keeps its own copy once loaded; a minute is plenty for it to read the file.
          window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
        } else {
          saveFile(file.data, file.filename);
        }
      } catch (caught) {
        tab?.close();
        setError(caught);
      } finally {
        setLoading(false);
      }
    },
    [fetchPdf]
  );

  return {
    open: React.useCallback(
      (documentId: string, folio: string) => run(documentId, folio, 'open'),
      [run]
    ),
    download: React.useCallback(
      (documentId: string, folio: string) => run(documentId, folio, 'download'),
      [run]
    ),
    isLoading,
    error,
  };
};
