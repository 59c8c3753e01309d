import type { ListTransparencyObligations } from '../../../shared/contracts/transparency';
import { comunicacionApi } from './api';

/** The transparency catalogue: each active obligation with the state of its last update. */
const transparencyApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    listTransparencyObligations: build.query<ListTransparencyObligations.Response, void>({
      query: () => ({ url: '/comunicacion/transparency/obligations', method: 'GET' }),
      providesTags: ['ComunicacionTransparency'],
    }),
  }),
});

export const { useListTransparencyObligationsQuery } = transparencyApi;
