import { useApi } from '../../../hooks/useApi';
import type { ListTransparencyObligations } from '../../../../../shared/contracts/transparency';

/** The active obligations with the state of their last update, warnings first. */
export const useObligations = () => {
  const { data, error, isLoading, refetch } = useApi<ListTransparencyObligations.Response>(
    '/comunicacion/transparency/obligations'
  );
  return {
    obligations: data?.data,
    counts: data?.meta.counts,
    today: data?.meta.today,
    error,
    isLoading,
    refetch,
  };
};
