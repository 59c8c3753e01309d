import type { OficioSearchQuery, SearchOficios } from '../../../shared/contracts/intake';
import { comunicacionApi, queryString } from './api';

/** The «Oficios» page and the header's search box: every oficio in any state. */
const searchApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    /** GET /comunicacion/oficios?… */
    searchOficios: build.query<SearchOficios.Response, OficioSearchQuery>({
      // The admin's fetch client does not encode parameters: the query string is built here.
      query: (filters) => ({
        url: `/comunicacion/oficios${queryString({ ...filters })}`,
        method: 'GET',
      }),
      providesTags: ['ComunicacionOficio'],
    }),
  }),
});

export const { useSearchOficiosQuery, useLazySearchOficiosQuery } = searchApi;
