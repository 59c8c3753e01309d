import * as React from 'react';
import type { Holidays } from '../../../../../shared/contracts/configuration';
import {
  useDeleteHolidayMutation,
  useGetHolidaysQuery,
  useSaveHolidayMutation,
} from '../../../services/configuration';

/** The year's non-working days and business-day count, with the writes that change them. */
export const useHolidays = (year: number) => {
  const { data, error, isFetching } = useGetHolidaysQuery(year);
  const [saveHoliday] = useSaveHolidayMutation();
  const [deleteHoliday] = useDeleteHolidayMutation();

  const save = React.useCallback(
    (documentId: string | null, body: Holidays.WriteBody) =>
      saveHoliday({ documentId, body }).unwrap(),
    [saveHoliday]
  );

  const remove = React.useCallback(
    (documentId: string) => deleteHoliday(documentId).unwrap(),
    [deleteHoliday]
  );

  return {
    holidays: data?.data,
    businessDays: data?.meta.businessDays ?? null,
    error,
    isLoading: isFetching,
    save,
    remove,
  };
};
