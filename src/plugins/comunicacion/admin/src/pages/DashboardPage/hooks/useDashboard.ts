import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { GetDashboard } from '../../../../../shared/contracts/dashboard';

export type DashboardData = GetDashboard.Response['data'];

interface DashboardState {
  data?: DashboardData;
  error?: unknown;
  isLoading: boolean;
}

/** Loads the Tablero for the last `weeks` weeks; refetches when `weeks` changes. */
export const useDashboard = (weeks: number) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<DashboardState>({ isLoading: true });

  React.useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, isLoading: true }));
    get<GetDashboard.Response>('/comunicacion/dashboard', {
      params: { weeks: String(weeks) },
      signal: controller.signal,
    })
      .then(({ data }) => setState({ data: data.data, isLoading: false }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ error, isLoading: false });
      });
    return () => controller.abort();
  }, [get, weeks]);

  return state;
};
