import * as React from 'react';
import {
  type SiteDeliveriesArgs,
  useListSiteDeliveriesQuery,
  useRetrySiteDeliveryMutation,
} from '../../../services/site';

export type SiteDeliveriesQuery = SiteDeliveriesArgs;

/** One page of the notices sent to the municipal site, and «Reintentar ahora». */
export const useSiteDeliveries = (query: SiteDeliveriesQuery) => {
  const { data, error, isFetching } = useListSiteDeliveriesQuery(query);
  const [retrySiteDelivery] = useRetrySiteDeliveryMutation();

  const retry = React.useCallback(
    (id: number) => retrySiteDelivery(id).unwrap(),
    [retrySiteDelivery]
  );

  return {
    deliveries: data?.data,
    pagination: data?.meta.pagination,
    error,
    isLoading: isFetching,
    retry,
  };
};
