import { useApi } from '../../../hooks/useApi';
import type { GetCalendar } from '../../../../../shared/contracts/calendar';
import type { GetMeta } from '../../../../../shared/contracts/items';

/** Coverage events starting from `from` to `to` (Mexico City days), optionally one person's. */
export const useCalendar = (from: string, to: string, crew: string | null) => {
  const { data, ...state } = useApi<GetCalendar.Response>('/comunicacion/calendar', {
    from,
    to,
    crew,
  });
  return { ...state, events: data?.data };
};

/** Staff members the crew filter offers. */
export const useStaff = () => {
  const { data, ...state } = useApi<GetMeta.Response>('/comunicacion/meta');
  return { ...state, staff: data?.data.staff ?? [] };
};
