import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useApi } from '../../../hooks/useApi';
import type { Holidays } from '../../../../../shared/contracts/configuration';

/** The year's non-working days and business-day count, with the writes that change them. */
export const useHolidays = (year: number) => {
  const { post, put, del } = useFetchClient();
  const { data, error, isLoading, refetch } = useApi<Holidays.ListResponse>(
    '/comunicacion/holidays',
    { year }
  );

  const save = React.useCallback(
    async (documentId: string | null, body: Holidays.WriteBody) => {
      const response = documentId
        ? await put<Holidays.WriteResponse>(`/comunicacion/holidays/${documentId}`, body)
        : await post<Holidays.WriteResponse>('/comunicacion/holidays', body);
      refetch();
      return response.data.data;
    },
    [post, put, refetch]
  );

  const remove = React.useCallback(
    async (documentId: string) => {
      await del(`/comunicacion/holidays/${documentId}`);
      refetch();
    },
    [del, refetch]
  );

  return {
    holidays: data?.data,
    businessDays: data?.meta.businessDays ?? null,
    error,
    isLoading,
    save,
    remove,
  };
};
