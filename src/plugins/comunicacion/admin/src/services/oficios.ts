import type { AssignItem } from '../../../shared/contracts/items';
import type { AcceptLate, GetOficio } from '../../../shared/contracts/oficios';
import { comunicacionApi, WORK_TAGS } from './api';

/** The oficio page: one oficio with its items and Historial, and the actions taken on it. */
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
    /** POST /comunicacion/oficios/:documentId/accept-late */
    acceptLate: build.mutation<
      AcceptLate.Response['data'],
      AcceptLate.Request['params'] & AcceptLate.Request['body']
    >({
      query: ({ documentId, justification }) => ({
        url: `/comunicacion/oficios/${encodeURIComponent(documentId)}/accept-late`,
        method: 'POST',
        data: { justification },
      }),
      transformResponse: (response: AcceptLate.Response) => response.data,
      invalidatesTags: [...WORK_TAGS],
    }),
    /** POST /comunicacion/items/assign */
    assignItem: build.mutation<AssignItem.Response['data'], AssignItem.Request['body']>({
      query: (body) => ({ url: '/comunicacion/items/assign', method: 'POST', data: body }),
      transformResponse: (response: AssignItem.Response) => response.data,
      invalidatesTags: [...WORK_TAGS],
    }),
  }),
});

export const { useGetOficioQuery, useAcceptLateMutation, useAssignItemMutation } = oficiosApi;
