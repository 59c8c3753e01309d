import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Tabs,
  Typography,
} from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import type { CalendarEvent } from '../../../../shared/contracts/calendar';
import { useT } from '../../hooks/useT';
import { errorMessage } from '../../services/api';
import { FeedPanel } from './components/FeedPanel';
import { MonthView } from './components/MonthView';
import { WeekView } from './components/WeekView';
import { useCalendar, useStaff } from './hooks/useCalendar';
import {
  addDays,
  addMonths,
  dayAsDate,
  isDay,
  monthWeeks,
  officeDay,
  today as officeToday,
  weekDays,
} from './utils/days';

type View = 'week' | 'month';

/** Events grouped by their Mexico City start day, in start order. */
const byDay = (events: CalendarEvent[]) => {
  const days = new Map<string, CalendarEvent[]>();
  const sorted = [...events].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const event of sorted) {
    const day = officeDay(event.startsAt);
    days.set(day, [...(days.get(day) ?? []), event]);
  }
  return days;
};

/** The coverage calendar: week and month views, crew filter, conflicts, and the phone feed. */
export const CalendarPage = () => {
  const t = useT();
  const { formatDate } = useIntl();
  const [searchParams, setSearchParams] = useSearchParams();
  const today = officeToday();
  const view: View = searchParams.get('view') === 'month' ? 'month' : 'week';
  const requested = searchParams.get('date');
  const anchor = isDay(requested) ? requested : today;
  const crew = searchParams.get('crew');

  const days = weekDays(anchor);
  const weeks = monthWeeks(anchor);
  const from = view === 'week' ? days[0] : weeks[0][0];
  const to = view === 'week' ? days[6] : weeks[weeks.length - 1][6];

  const { events, error, isLoading } = useCalendar(from, to, crew);
  const { staff } = useStaff();
  const eventsByDay = React.useMemo(() => byDay(events ?? []), [events]);
  const eventsById = React.useMemo(
    () => new Map((events ?? []).map((event) => [event.documentId, event])),
    [events]
  );
  const conflicts = (events ?? []).filter((event) => event.hasConflict).length;

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };
  const move = (step: number) =>
    update({ date: view === 'week' ? addDays(anchor, step * 7) : addMonths(anchor, step) });

  const rangeTitle =
    view === 'week'
      ? `${formatDate(dayAsDate(from), { day: 'numeric', month: 'short', timeZone: 'UTC' })} – ${formatDate(
          dayAsDate(to),
          { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
        )}`
      : formatDate(dayAsDate(anchor), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const title = t('calendar.title', 'Calendario de coberturas');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'calendar.subtitle',
          'Coberturas de eventos con su personal. Horarios de la Ciudad de México.'
        )}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" shadow="tableShadow" hasRadius padding={6}>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap">
                <Flex gap={2} alignItems="center">
                  <IconButton
                    label={
                      view === 'week'
                        ? t('calendar.previousWeek', 'Semana anterior')
                        : t('calendar.previousMonth', 'Mes anterior')
                    }
                    onClick={() => move(-1)}
                  >
                    <ChevronLeft />
                  </IconButton>
                  <Button variant="tertiary" onClick={() => update({ date: null })}>
                    {t('calendar.today', 'Hoy')}
                  </Button>
                  <IconButton
                    label={
                      view === 'week'
                        ? t('calendar.nextWeek', 'Semana siguiente')
                        : t('calendar.nextMonth', 'Mes siguiente')
                    }
                    onClick={() => move(1)}
                  >
                    <ChevronRight />
                  </IconButton>
                  <Typography
                    tag="h2"
                    variant="beta"
                    aria-live="polite"
                    data-testid="calendar-range"
                  >
                    {rangeTitle}
                  </Typography>
                  {isLoading && <Loader small>{t('calendar.loading', 'Cargando…')}</Loader>}
                </Flex>
                <Box minWidth="240px">
                  <Field.Root name="crew">
                    <Field.Label>{t('calendar.crewFilter', 'Personal')}</Field.Label>
                    <SingleSelect
                      value={crew ?? ''}
                      onChange={(value) => update({ crew: value ? String(value) : null })}
                    >
                      <SingleSelectOption value="">
                        {t('calendar.crewFilter.all', 'Todo el personal')}
                      </SingleSelectOption>
                      {staff.map((member) => (
                        <SingleSelectOption key={member.id} value={String(member.id)}>
                          {member.name}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                </Box>
              </Flex>
              {error ? (
                <Typography textColor="danger600" role="alert">
                  {errorMessage(error) ??
                    t('calendar.loadError', 'No se pudo cargar el calendario. Intenta de nuevo.')}
                </Typography>
              ) : (
                conflicts > 0 && (
                  <Typography textColor="danger700" fontWeight="bold" role="status">
                    {t(
                      'calendar.conflicts.summary',
                      '{count, plural, one {# cobertura tiene} other {# coberturas tienen}} conflicto de personal en este periodo.',
                      { count: conflicts }
                    )}
                  </Typography>
                )
              )}
              <Tabs.Root
                value={view}
                onValueChange={(value) => update({ view: value === 'month' ? 'month' : null })}
              >
                <Tabs.List aria-label={t('calendar.view', 'Vista del calendario')}>
                  <Tabs.Trigger value="week">{t('calendar.view.week', 'Semana')}</Tabs.Trigger>
                  <Tabs.Trigger value="month">{t('calendar.view.month', 'Mes')}</Tabs.Trigger>
                </Tabs.List>
                <Box paddingTop={4}>
                  <Tabs.Content value="week">
                    <WeekView
                      days={days}
                      eventsByDay={eventsByDay}
                      eventsById={eventsById}
                      today={today}
                    />
                  </Tabs.Content>
                  <Tabs.Content value="month">
                    <MonthView
                      weeks={weeks}
                      month={anchor.slice(0, 7)}
                      eventsByDay={eventsByDay}
                      eventsById={eventsById}
                      today={today}
                    />
                  </Tabs.Content>
                </Box>
              </Tabs.Root>
            </Flex>
          </Box>
          <FeedPanel />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
