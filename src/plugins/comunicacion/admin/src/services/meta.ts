import type { GetMeta } from '../../../shared/contracts/items';
import { comunicacionApi } from './api';

/** What the pages need to draw filters and menus: areas, staff, queues and permissions. */
const metaApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    /** GET /comunicacion/meta */
    getMeta: build.query<GetMeta.Response['data'], void>({
      query: () => ({ url: '/comunicacion/meta', method: 'GET' }),
      transformResponse: (response: GetMeta.Response) => response.data,
    }),
  }),
});

export const { useGetMetaQuery } = metaApi;
