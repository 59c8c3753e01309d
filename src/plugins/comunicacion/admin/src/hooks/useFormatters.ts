import * as React from 'react';
import { useIntl } from 'react-intl';

/** The office's clock: every time staff read is Mexico City time (UTC-6 all year). */
export const OFFICE_TIME_ZONE = 'America/Mexico_City';

/**
 * Date formatting for the plugin's pages: business days (YYYY-MM-DD, no time of day) are shown as
 * they are, instants in the office's time zone.
 */
export const useFormatters = () => {
  const { formatDate } = useIntl();
  return React.useMemo(
    () => ({
      /** «lun, 16 nov 2026» for a business day. */
      day: (value: string | null | undefined) => {
        if (!value) return null;
        const [year, month, day] = value.slice(0, 10).split('-').map(Number);
        // Noon UTC keeps the calendar day whatever the viewer's own time zone.
        return formatDate(new Date(Date.UTC(year, month - 1, day, 12)), {
          timeZone: 'UTC',
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
        });
      },
      /** «16 nov 2026, 10:05» in Mexico City. */
      dateTime: (value: string | null | undefined) => {
        if (!value) return null;
        return formatDate(value, {
          timeZone: OFFICE_TIME_ZONE,
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        });
      },
    }),
    [formatDate]
  );
};
