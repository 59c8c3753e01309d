import { useListTransparencyObligationsQuery } from '../../../services/transparency';

/** The active obligations with the state of their last update, warnings first. */
export const useObligations = () => {
  const { data, error, isFetching, refetch } = useListTransparencyObligationsQuery();
  return {
    obligations: data?.data,
    counts: data?.meta.counts,
    today: data?.meta.today,
    error,
    isLoading: isFetching,
    refetch,
  };
};
