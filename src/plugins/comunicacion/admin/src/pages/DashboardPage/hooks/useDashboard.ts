import { useApi } from '../../../hooks/useApi';
import type { GetDashboard } from '../../../../../shared/contracts/dashboard';

export type DashboardData = GetDashboard.Response['data'];

/** The Tablero over the last `weeks` weeks; the previous answer stays shown while it reloads. */
export const useDashboard = (weeks: number) => {
  const { data, ...state } = useApi<GetDashboard.Response>('/comunicacion/dashboard', { weeks });
  return { ...state, data: data?.data };
};
