import type {
  AreaAccountDto,
  CreateAreaAccount,
  ListAreaAccounts,
  SetAreaAccountState,
} from '../../../shared/contracts/area-accounts';
import { comunicacionApi, queryString } from './api';

const TAG = 'ComunicacionAreaAccount' as const;

/** The requesting areas' accounts: list, create (with its invitation), resend, (de)activate. */
const areaAccountsApi = comunicacionApi.enhanceEndpoints({ addTagTypes: [TAG] }).injectEndpoints({
  endpoints: (build) => ({
    listAreaAccounts: build.query<ListAreaAccounts.Response, ListAreaAccounts.Request['query']>({
      query: (filters) => ({
        url: `/comunicacion/area-accounts${queryString(filters)}`,
        method: 'GET',
      }),
      providesTags: [{ type: TAG, id: 'LIST' }],
    }),
    createAreaAccount: build.mutation<AreaAccountDto, CreateAreaAccount.Request['body']>({
      query: (body) => ({ url: '/comunicacion/area-accounts', method: 'POST', data: body }),
      transformResponse: (response: CreateAreaAccount.Response) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : [{ type: TAG, id: 'LIST' }]),
    }),
    resendAreaInvitation: build.mutation<AreaAccountDto, string>({
      query: (documentId) => ({
        url: `/comunicacion/area-accounts/${encodeURIComponent(documentId)}/invitation`,
        method: 'POST',
      }),
      transformResponse: (response: SetAreaAccountState.Response) => response.data,
    }),
    setAreaAccountActive: build.mutation<AreaAccountDto, { documentId: string; active: boolean }>({
      query: ({ documentId, active }) => ({
        url: `/comunicacion/area-accounts/${encodeURIComponent(documentId)}/${active ? 'reactivate' : 'deactivate'}`,
        method: 'POST',
      }),
      transformResponse: (response: SetAreaAccountState.Response) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : [{ type: TAG, id: 'LIST' }]),
    }),
  }),
});

export const {
  useListAreaAccountsQuery,
  useCreateAreaAccountMutation,
  useResendAreaInvitationMutation,
  useSetAreaAccountActiveMutation,
} = areaAccountsApi;
