import type { GetDashboard } from '../../../shared/contracts/dashboard';
import { comunicacionApi, queryString } from './api';
import { useExportDownload } from './exports';

export type DashboardData = GetDashboard.Response['data'];

/** The Tablero's figures. */
const dashboardApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    /** GET /comunicacion/dashboard?weeks */
    getDashboard: build.query<DashboardData, { weeks: number }>({
      query: ({ weeks }) => ({
        url: `/comunicacion/dashboard${queryString({ weeks })}`,
        method: 'GET',
      }),
      transformResponse: (response: GetDashboard.Response) => response.data,
      providesTags: ['ComunicacionDashboard'],
    }),
  }),
});

export const { useGetDashboardQuery } = dashboardApi;

/**
 * Downloads the dashboard's per-area figures of a period (`from` and `to`, YYYY-MM-DD, inclusive)
 * as CSV or Excel: GET /comunicacion/dashboard/export?format&from&to.
 */
export const useDashboardExport = () => useExportDownload({ kind: 'dashboard' });
