import type { GetQueue, ListQueues } from '../../../shared/contracts/queues';
import { comunicacionApi, queryString } from './api';

/** A queue's key and its filters, as the page keeps them in the URL. */
export type GetQueueArgs = { key: string } & GetQueue.Request['query'];

/** Bandejas: the staff member's queues and one queue's items (a row's actions are in `items.ts`). */
const queuesApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    /** GET /comunicacion/queues */
    getQueues: build.query<ListQueues.Response['data'], void>({
      query: () => ({ url: '/comunicacion/queues', method: 'GET' }),
      transformResponse: (response: ListQueues.Response) => response.data,
      providesTags: ['ComunicacionQueue'],
    }),
    /** GET /comunicacion/queues/:key?… */
    getQueue: build.query<GetQueue.Response, GetQueueArgs>({
      // The admin's fetch client does not encode parameters: the query string is built here.
      query: ({ key, ...filters }) => ({
        url: `/comunicacion/queues/${encodeURIComponent(key)}${queryString(filters)}`,
        method: 'GET',
      }),
      providesTags: (_result, _error, { key }) => [
        'ComunicacionQueue',
        'ComunicacionItem',
        { type: 'ComunicacionQueue', id: key },
      ],
    }),
  }),
});

export const { useGetQueuesQuery, useGetQueueQuery } = queuesApi;
