import { Box, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CalendarEvent } from '../../../../../shared/contracts/calendar';
import { useT } from '../../../hooks/useT';
import { dayAsDate } from '../utils/days';
import { EventCard } from './EventCard';

interface MonthViewProps {
  /** The month's weeks, Monday to Sunday. */
  weeks: string[][];
  /** YYYY-MM of the month shown; days of other months are dimmed. */
  month: string;
  eventsByDay: Map<string, CalendarEvent[]>;
  eventsById: Map<string, CalendarEvent>;
  today: string;
}

/** The month as a grid of weeks; each day lists its events on one line each. */
export const MonthView = ({ weeks, month, eventsByDay, eventsById, today }: MonthViewProps) => {
  const { formatDate } = useIntl();
  const t = useT();

  return (
    <Box
      role="table"
      aria-label={formatDate(dayAsDate(`${month}-01`), {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })}
      data-testid="calendar-month"
    >
      <Flex role="row" gap={1}>
        {weeks[0].map((day) => (
          <Box key={day} role="columnheader" flex="1 1 0" padding={1} textAlign="center">
            <Typography variant="sigma" textColor="neutral600">
              {formatDate(dayAsDate(day), { weekday: 'short', timeZone: 'UTC' })}
            </Typography>
          </Box>
        ))}
      </Flex>
      {weeks.map((week) => (
        <Flex key={week[0]} role="row" gap={1} alignItems="stretch" marginTop={1}>
          {week.map((day) => {
            const events = eventsByDay.get(day) ?? [];
            const inMonth = day.startsWith(month);
            const isToday = day === today;
            return (
              <Box
                key={day}
                role="cell"
                data-day={day}
                flex="1 1 0"
                minWidth={0}
                minHeight="96px"
                padding={1}
                hasRadius
                background={isToday ? 'primary100' : inMonth ? 'neutral0' : 'neutral100'}
                borderColor={isToday ? 'primary200' : 'neutral150'}
                borderStyle="solid"
                borderWidth="1px"
              >
                <Flex direction="column" alignItems="stretch" gap={1}>
                  <Typography
                    variant="pi"
                    fontWeight={isToday ? 'bold' : undefined}
                    textColor={inMonth ? 'neutral800' : 'neutral600'}
                    aria-current={isToday ? 'date' : undefined}
                  >
                    <span aria-hidden>{Number(day.slice(8))}</span>
                    <VisuallyHidden>
                      {formatDate(dayAsDate(day), {
                        weekday: 'long',
                        day: 'numeric',
                        month: 'long',
                        timeZone: 'UTC',
                      })}
                      {events.length === 0 ? `: ${t('calendar.day.empty', 'Sin coberturas')}` : ''}
                    </VisuallyHidden>
                  </Typography>
                  {events.length > 0 && (
                    <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
                      {events.map((event) => (
                        <EventCard
                          key={event.documentId}
                          event={event}
                          eventsById={eventsById}
                          compact
                        />
                      ))}
                    </Flex>
                  )}
                </Flex>
              </Box>
            );
          })}
        </Flex>
      ))}
    </Box>
  );
};
