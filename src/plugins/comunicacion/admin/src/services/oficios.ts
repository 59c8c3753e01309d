import type { GetOficio } from '../../../shared/contracts/oficios';
import { comunicacionApi } from './api';

/** The oficio page: one oficio with its items and Historial (its actions are in `items.ts`). */
const oficiosApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    /** GET /comunicacion/oficios/:documentId */
    getOficio: build.query<GetOficio.Response['data'], string>({
      query: (documentId) => ({
        url: `/comunicacion/oficios/${encodeURIComponent(documentId)}`,
        method: 'GET',
      }),
      transformResponse: (response: GetOficio.Response) => response.data,
      providesTags: (_result, _error, documentId) => [
        'ComunicacionOficio',
        { type: 'ComunicacionOficio', id: documentId },
      ],
    }),
  }),
});

export const { useGetOficioQuery } = oficiosApi;
