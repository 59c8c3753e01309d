import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { CalendarEvent } from '../../../../../shared/contracts/calendar';
import { StatusBadge } from '../../../components/StatusBadge';
import { useT } from '../../../hooks/useT';
import { OFFICE_TIME_ZONE } from '../utils/days';

interface EventCardProps {
  event: CalendarEvent;
  /** Events on screen, to name the ones a conflict is with. */
  eventsById: Map<string, CalendarEvent>;
  /** Month view: one line with time and title; details in the tooltip. */
  compact?: boolean;
}

const useTimeRange = () => {
  const { formatTime } = useIntl();
  return (event: CalendarEvent) => {
    // The office reads a 24-hour clock, in Mexico City time whatever the browser's zone.
    const options = {
      timeZone: OFFICE_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    } as const;
    return `${formatTime(event.startsAt, options)}–${formatTime(event.endsAt, options)}`;
  };
};

/** Who and what the event clashes with: the other event's title and the shared crew. */
const useConflictText = () => {
  const t = useT();
  return (event: CalendarEvent, eventsById: Map<string, CalendarEvent>) => {
    const crewIds = new Set(event.crew.map((member) => member.id));
    const others = event.conflictsWith.map((documentId) => {
      const other = eventsById.get(documentId);
      if (!other) return t('calendar.conflict.unknown', 'otro evento fuera de este periodo');
      const shared = other.crew.filter((member) => crewIds.has(member.id)).map((m) => m.name);
      const name = other.eventName ?? other.title;
      return shared.length ? `${name} (${shared.join(', ')})` : name;
    });
    return t('calendar.conflict.with', 'Se cruza con: {events}', { events: others.join('; ') });
  };
};

/** A coverage event: time, title, place, crew, state, and a red conflict warning when crew overlap. */
export const EventCard = ({ event, eventsById, compact = false }: EventCardProps) => {
  const t = useT();
  const timeRange = useTimeRange();
  const conflictText = useConflictText();
  const title = event.eventName ?? event.title;
  const time = timeRange(event);
  const crew = event.crew.map((member) => member.name).join(', ');
  const conflictLabel = t('calendar.conflict', 'Conflicto de personal');
  const conflict = event.hasConflict ? conflictText(event, eventsById) : null;

  if (compact) {
    const details = [
      `${time} ${title}`,
      event.place,
      crew && `${t('calendar.crew', 'Personal')}: ${crew}`,
      event.statusLabel,
      conflict && `${conflictLabel}. ${conflict}`,
    ]
      .filter(Boolean)
      .join(' · ');
    return (
      <Box
        tag="li"
        title={details}
        aria-label={details}
        data-testid="calendar-event"
        data-conflict={event.hasConflict}
        background={event.hasConflict ? 'danger100' : 'primary100'}
        borderColor={event.hasConflict ? 'danger600' : 'primary200'}
        borderStyle="solid"
        borderWidth="0 0 0 3px"
        paddingLeft={1}
        paddingRight={1}
        hasRadius
        overflow="hidden"
      >
        <Typography
          variant="pi"
          ellipsis
          textColor={event.hasConflict ? 'danger700' : 'neutral800'}
        >
          {event.hasConflict && <WarningCircle aria-hidden width="10px" height="10px" />}{' '}
          <Typography variant="pi" fontWeight="bold">
            {time.split('–')[0]}
          </Typography>{' '}
          {title}
        </Typography>
      </Box>
    );
  }

  return (
    <Box
      tag="li"
      data-testid="calendar-event"
      data-conflict={event.hasConflict}
      background={event.hasConflict ? 'danger100' : 'neutral0'}
      borderColor={event.hasConflict ? 'danger600' : 'primary600'}
      borderStyle="solid"
      borderWidth="0 0 0 4px"
      shadow="filterShadow"
      hasRadius
      padding={2}
    >
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="pi" fontWeight="bold" textColor="neutral700">
          {time}
        </Typography>
        <Typography variant="omega" fontWeight="semiBold">
          {title}
        </Typography>
        {event.place && (
          <Typography variant="pi" textColor="neutral600">
            {event.place}
          </Typography>
        )}
        <Typography variant="pi" textColor="neutral700">
          {crew
            ? `${t('calendar.crew', 'Personal')}: ${crew}`
            : t('calendar.crew.none', 'Sin personal asignado')}
        </Typography>
        <StatusBadge status={event.status} label={event.statusLabel} />
        {event.oficio && (
          <Link tag={NavLink} to={`../oficios/${event.oficio.documentId}`}>
            {event.oficio.folio}
          </Link>
        )}
        {conflict && (
          <Flex gap={1} alignItems="flex-start" role="note" aria-label={conflictLabel}>
            <Box color="danger600" paddingTop={1}>
              <WarningCircle aria-hidden />
            </Box>
            <Flex direction="column" alignItems="flex-start">
              <Typography variant="pi" fontWeight="bold" textColor="danger700">
                {conflictLabel}
              </Typography>
              <Typography variant="pi" textColor="danger700">
                {conflict}
              </Typography>
            </Flex>
          </Flex>
        )}
      </Flex>
    </Box>
  );
};
