import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CalendarEvent } from '../../../../../shared/contracts/calendar';
import { useT } from '../../../hooks/useT';
import { dayAsDate } from '../utils/days';
import { EventCard } from './EventCard';

interface WeekViewProps {
  days: string[];
  eventsByDay: Map<string, CalendarEvent[]>;
  eventsById: Map<string, CalendarEvent>;
  today: string;
}

/** Seven columns, Monday to Sunday, with each day's events in start order. */
export const WeekView = ({ days, eventsByDay, eventsById, today }: WeekViewProps) => {
  const { formatDate } = useIntl();
  const t = useT();

  return (
    <Grid.Root gridCols={7} gap={2} data-testid="calendar-week">
      {days.map((day) => {
        const events = eventsByDay.get(day) ?? [];
        const date = dayAsDate(day);
        const longName = formatDate(date, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          timeZone: 'UTC',
        });
        const isToday = day === today;
        return (
          <Grid.Item key={day} col={1} direction="column" alignItems="stretch">
            <Box
              tag="section"
              aria-label={longName}
              data-day={day}
              background={isToday ? 'primary100' : 'neutral0'}
              borderColor={isToday ? 'primary200' : 'neutral150'}
              borderStyle="solid"
              borderWidth="1px"
              hasRadius
              padding={2}
              minHeight="240px"
              height="100%"
            >
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Flex direction="column" alignItems="flex-start">
                  <Typography variant="sigma" textColor="neutral600">
                    {formatDate(date, { weekday: 'short', timeZone: 'UTC' })}
                  </Typography>
                  <Typography
                    variant="delta"
                    textColor={isToday ? 'primary700' : 'neutral800'}
                    aria-current={isToday ? 'date' : undefined}
                  >
                    {formatDate(date, { day: 'numeric', month: 'short', timeZone: 'UTC' })}
                  </Typography>
                </Flex>
                {events.length === 0 ? (
                  <Typography variant="pi" textColor="neutral600">
                    {t('calendar.day.empty', 'Sin coberturas')}
                  </Typography>
                ) : (
                  <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
                    {events.map((event) => (
                      <EventCard key={event.documentId} event={event} eventsById={eventsById} />
                    ))}
                  </Flex>
                )}
              </Flex>
            </Box>
          </Grid.Item>
        );
      })}
    </Grid.Root>
  );
};
