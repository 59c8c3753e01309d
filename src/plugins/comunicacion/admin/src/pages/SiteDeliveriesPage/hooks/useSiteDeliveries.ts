import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  Delivery,
  ListSiteDeliveries,
  RetrySiteDelivery,
} from '../../../../../shared/contracts/publications';
import { useApi } from '../../../hooks/useApi';

export interface SiteDeliveriesQuery {
  page: number;
  pageSize: number;
  status: Delivery['status'] | null;
}

/** One page of the notices sent to the municipal site, and «Reintentar ahora». */
export const useSiteDeliveries = ({ page, pageSize, status }: SiteDeliveriesQuery) => {
  const { post } = useFetchClient();
  const { data, error, isLoading, refetch } = useApi<ListSiteDeliveries.Response>(
    '/comunicacion/site/deliveries',
    { page, pageSize, status }
  );

  const retry = React.useCallback(
    async (id: number) => {
      const response = await post<RetrySiteDelivery.Response>(
        `/comunicacion/site/deliveries/${id}/retry`,
        {}
      );
      refetch();
      return response.data.data;
    },
    [post, refetch]
  );

  return {
    deliveries: data?.data,
    pagination: data?.meta.pagination,
    error,
    isLoading,
    retry,
  };
};
