import type {
  HolidayDto,
  Holidays,
  Settings,
  SettingsDto,
} from '../../../shared/contracts/configuration';
import { comunicacionApi, queryString, WORK_TAGS } from './api';

/** A new holiday (no documentId) or a change to an existing one. */
export interface SaveHolidayArgs {
  documentId: string | null;
  body: Holidays.WriteBody;
}

/**
 * The office calendar (días inhábiles) and the office settings. Both move open items' due dates
 * and lead-time verdicts, so their writes also invalidate `WORK_TAGS`.
 */
const configurationApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    getHolidays: build.query<Holidays.ListResponse, number>({
      query: (year) => ({ url: `/comunicacion/holidays${queryString({ year })}`, method: 'GET' }),
      providesTags: (_result, _error, year) => [{ type: 'ComunicacionHoliday', id: year }],
    }),
    saveHoliday: build.mutation<HolidayDto, SaveHolidayArgs>({
      query: ({ documentId, body }) =>
        documentId
          ? {
              url: `/comunicacion/holidays/${encodeURIComponent(documentId)}`,
              method: 'PUT',
              data: body,
            }
          : { url: '/comunicacion/holidays', method: 'POST', data: body },
      transformResponse: (response: Holidays.WriteResponse) => response.data,
      invalidatesTags: (_result, error) => (error ? [] : ['ComunicacionHoliday', ...WORK_TAGS]),
    }),
    deleteHoliday: build.mutation<void, string>({
      query: (documentId) => ({
        url: `/comunicacion/holidays/${encodeURIComponent(documentId)}`,
        method: 'DELETE',
      }),
      transformResponse: () => undefined,
      invalidatesTags: (_result, error) => (error ? [] : ['ComunicacionHoliday', ...WORK_TAGS]),
    }),
    getOfficeSettings: build.query<SettingsDto, void>({
      query: () => ({ url: '/comunicacion/settings', method: 'GET' }),
      transformResponse: (response: Settings.Response) => response.data,
      providesTags: ['ComunicacionSettings'],
    }),
    updateOfficeSettings: build.mutation<SettingsDto, Settings.UpdateBody>({
      query: (body) => ({ url: '/comunicacion/settings', method: 'PUT', data: body }),
      transformResponse: (response: Settings.Response) => response.data,
      // What the server stored is the answer: the page shows it at once.
      async onQueryStarted(_body, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(configurationApi.util.upsertQueryData('getOfficeSettings', undefined, data));
        } catch {
          // The refusal reaches the caller through the mutation's result.
        }
      },
      invalidatesTags: (_result, error) => (error ? [] : [...WORK_TAGS]),
    }),
  }),
});

export const {
  useGetHolidaysQuery,
  useSaveHolidayMutation,
  useDeleteHolidayMutation,
  useGetOfficeSettingsQuery,
  useUpdateOfficeSettingsMutation,
} = configurationApi;
