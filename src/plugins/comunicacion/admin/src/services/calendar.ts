import type { GetCalendar, GetCalendarFeed } from '../../../shared/contracts/calendar';
import { comunicacionApi, queryString } from './api';

export interface CalendarArgs {
  /** First Mexico City day, `YYYY-MM-DD`. */
  from: string;
  /** Last Mexico City day, `YYYY-MM-DD`. */
  to: string;
  /** One staff member's events (admin user id); null: everyone's. */
  crew: string | null;
}

/** The coverage calendar and the staff member's private iCalendar address. */
const calendarApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    getCalendar: build.query<GetCalendar.Response, CalendarArgs>({
      query: ({ from, to, crew }) => ({
        url: `/comunicacion/calendar${queryString({ from, to, crew })}`,
        method: 'GET',
      }),
      providesTags: [{ type: 'ComunicacionCalendar', id: 'EVENTS' }],
    }),
    getCalendarFeed: build.query<GetCalendarFeed.Response['data'], void>({
      query: () => ({ url: '/comunicacion/calendar/feed', method: 'GET' }),
      transformResponse: (response: GetCalendarFeed.Response) => response.data,
      providesTags: [{ type: 'ComunicacionCalendar', id: 'FEED' }],
    }),
    rotateCalendarFeed: build.mutation<GetCalendarFeed.Response['data'], void>({
      query: () => ({ url: '/comunicacion/calendar/feed/rotate', method: 'POST' }),
      transformResponse: (response: GetCalendarFeed.Response) => response.data,
      // The new address is the answer: show it at once rather than fetching it again.
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(calendarApi.util.upsertQueryData('getCalendarFeed', undefined, data));
        } catch {
          // The refusal reaches the caller through the mutation's result.
        }
      },
    }),
  }),
});

export const { useGetCalendarQuery, useGetCalendarFeedQuery, useRotateCalendarFeedMutation } =
  calendarApi;
