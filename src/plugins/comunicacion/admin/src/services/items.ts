import type {
  AddProposal,
  AssignItem,
  GetItemTransitions,
  GetMeta,
} from '../../../shared/contracts/items';
import type { AcceptLate } from '../../../shared/contracts/oficios';
import type { FireTransition } from '../../../shared/contracts/transitions';
import { comunicacionApi, queryString, WORK_TAGS } from './api';

/** What the media library answers for each uploaded file (`POST /upload`). */
export interface UploadedFile {
  id: number;
  name: string;
}

/** A staff action on a work item also changes what the site and transparency pages show. */
const ITEM_ACTION_TAGS = [...WORK_TAGS, 'ComunicacionSite', 'ComunicacionTransparency'] as const;

/**
 * The office's reference data (areas, staff, queues) and the actions on one work item or oficio:
 * its transitions, assignees, design proposals and the acceptance of a late request.
 */
const itemsApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    getMeta: build.query<GetMeta.Response['data'], void>({
      query: () => ({ url: '/comunicacion/meta', method: 'GET' }),
      transformResponse: (response: GetMeta.Response) => response.data,
    }),
    getItemTransitions: build.query<
      GetItemTransitions.Response['data'],
      GetItemTransitions.Request['query']
    >({
      query: (params) => ({
        url: `/comunicacion/items/transitions${queryString(params)}`,
        method: 'GET',
      }),
      transformResponse: (response: GetItemTransitions.Response) => response.data,
      providesTags: (_result, _error, { documentId }) => [
        { type: 'ComunicacionItem', id: documentId },
      ],
    }),
    fireTransition: build.mutation<FireTransition.Response['data'], FireTransition.Request['body']>(
      {
        query: (body) => ({ url: '/comunicacion/transitions', method: 'POST', data: body }),
        transformResponse: (response: FireTransition.Response) => response.data,
        // A refusal for a concurrent change means the page shows an old state: refetch it too.
        invalidatesTags: (_result, error) =>
          !error || (error as { status?: number }).status === 409 ? [...ITEM_ACTION_TAGS] : [],
      }
    ),
    assignItem: build.mutation<AssignItem.Response['data'], AssignItem.Request['body']>({
      query: (body) => ({ url: '/comunicacion/items/assign', method: 'POST', data: body }),
      transformResponse: (response: AssignItem.Response) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : [...WORK_TAGS]),
    }),
    uploadProposalFile: build.mutation<UploadedFile[], File>({
      query: (file) => {
        const form = new FormData();
        form.append('files', file);
        return { url: '/upload', method: 'POST', data: form };
      },
    }),
    addProposal: build.mutation<
      AddProposal.Response['data'],
      AddProposal.Request['params'] & AddProposal.Request['body']
    >({
      query: ({ documentId, ...body }) => ({
        url: `/comunicacion/designs/${encodeURIComponent(documentId)}/proposals`,
        method: 'POST',
        data: body,
      }),
      transformResponse: (response: AddProposal.Response) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : [...WORK_TAGS]),
    }),
    acceptLate: build.mutation<
      AcceptLate.Response['data'],
      AcceptLate.Request['params'] & AcceptLate.Request['body']
    >({
      query: ({ documentId, ...body }) => ({
        url: `/comunicacion/oficios/${encodeURIComponent(documentId)}/accept-late`,
        method: 'POST',
        data: body,
      }),
      transformResponse: (response: AcceptLate.Response) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : [...WORK_TAGS]),
    }),
  }),
});

export const {
  useGetMetaQuery,
  useGetItemTransitionsQuery,
  useLazyGetItemTransitionsQuery,
  useFireTransitionMutation,
  useAssignItemMutation,
  useUploadProposalFileMutation,
  useAddProposalMutation,
  useAcceptLateMutation,
} = itemsApi;
