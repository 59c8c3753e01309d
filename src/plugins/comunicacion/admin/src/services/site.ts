import type {
  Delivery,
  ListSiteDeliveries,
  PublicationResult,
  PublicationStatus,
  PublishPublication,
  RetrySiteDelivery,
  VerifyPublication,
  WithdrawPublication,
} from '../../../shared/contracts/publications';
import { comunicacionApi, queryString, WORK_TAGS } from './api';

/** Publishing changes the item, its oficio, the site's notices and the transparency catalogue. */
const PUBLISHING_TAGS = [...WORK_TAGS, 'ComunicacionSite', 'ComunicacionTransparency'] as const;

export interface SiteDeliveriesArgs {
  page: number;
  pageSize: number;
  status: Delivery['status'] | null;
}

/**
 * Publishing to the municipal site (publish, verify and answer, withdraw), the state of a
 * publication, and the log of the notices sent to the site.
 */
const siteApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    publishPublication: build.mutation<PublicationResult, PublishPublication.Request['body']>({
      query: (body) => ({ url: '/comunicacion/publications/publish', method: 'POST', data: body }),
      transformResponse: (response: PublishPublication.Response) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : [...PUBLISHING_TAGS]),
    }),
    verifyPublication: build.mutation<PublicationResult, VerifyPublication.Request['body']>({
      query: (body) => ({ url: '/comunicacion/publications/verify', method: 'POST', data: body }),
      transformResponse: (response: VerifyPublication.Response) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : [...PUBLISHING_TAGS]),
    }),
    withdrawPublication: build.mutation<PublicationResult, WithdrawPublication.Request['body']>({
      query: (body) => ({ url: '/comunicacion/publications/withdraw', method: 'POST', data: body }),
      transformResponse: (response: WithdrawPublication.Response) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : [...PUBLISHING_TAGS]),
    }),
    getPublicationStatus: build.query<PublicationResult, PublicationStatus.Request['query']>({
      query: (params) => ({
        url: `/comunicacion/publications/status${queryString(params)}`,
        method: 'GET',
      }),
      transformResponse: (response: PublicationStatus.Response) => response.data,
      providesTags: (_result, _error, { documentId }) => [
        { type: 'ComunicacionSite', id: documentId },
      ],
    }),
    listSiteDeliveries: build.query<ListSiteDeliveries.Response, SiteDeliveriesArgs>({
      query: ({ page, pageSize, status }) => ({
        url: `/comunicacion/site/deliveries${queryString({ page, pageSize, status })}`,
        method: 'GET',
      }),
      providesTags: [{ type: 'ComunicacionSite', id: 'DELIVERIES' }],
    }),
    retrySiteDelivery: build.mutation<Delivery, number>({
      query: (id) => ({
        url: `/comunicacion/site/deliveries/${id}/retry`,
        method: 'POST',
        data: {} satisfies Record<string, never>,
      }),
      transformResponse: (response: RetrySiteDelivery.Response) => response.data,
      invalidatesTags: (_result, error) =>
        error ? [] : [{ type: 'ComunicacionSite', id: 'DELIVERIES' }],
    }),
  }),
});

export const {
  usePublishPublicationMutation,
  useVerifyPublicationMutation,
  useWithdrawPublicationMutation,
  useGetPublicationStatusQuery,
  useListSiteDeliveriesQuery,
  useRetrySiteDeliveryMutation,
} = siteApi;
