import { useGetCalendarQuery } from '../../../services/calendar';
import { useGetMetaQuery } from '../../../services/items';

/** Coverage events starting from `from` to `to` (Mexico City days), optionally one person's. */
export const useCalendar = (from: string, to: string, crew: string | null) => {
  const { data, error, isFetching } = useGetCalendarQuery({ from, to, crew });
  return { events: data?.data, error, isLoading: isFetching };
};

/** Staff members the crew filter offers. */
export const useStaff = () => {
  const { data, error, isLoading } = useGetMetaQuery();
  return { staff: data?.staff ?? [], error, isLoading };
};
