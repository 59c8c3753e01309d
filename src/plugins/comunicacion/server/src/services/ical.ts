/**
 * iCalendar (RFC 5545) writing on ical-generator, with no Strapi import: the feed service hands
 * it plain events. The library escapes TEXT values (backslash, semicolon, comma, line breaks) and
 * folds lines at 75 octets without splitting a UTF-8 character.
 */
import ical, { ICalCalendarMethod, ICalEventStatus, escape } from 'ical-generator';

export interface IcalEvent {
  uid: string;
  /** When this version of the event was written (DTSTAMP, LAST-MODIFIED). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location: string | null;
  description: string | null;
  status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
}

export interface IcalCalendar {
  name: string;
  events: readonly IcalEvent[];
}

const STATUS: Record<IcalEvent['status'], ICalEventStatus> = {
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CONFIRMED: ICalEventStatus.CONFIRMED,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/** The whole VCALENDAR object, CRLF line endings included. */
export const buildCalendar = ({ name, events }: IcalCalendar): string => {
  const calendar = ical({
    prodId: {
      company: 'Ayuntamiento de Calimaya',
      product: 'Comunicacion Social y Gobierno Digital',
      language: 'ES',
    },
    // The library writes the calendar name as given: escaped here like any other TEXT value.
    name: escape(name, false),
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    // Every instant is written in UTC (…Z) and clients show it in their own zone. No calendar
    // time zone: the library would then write local times of the server's zone.
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      stamp: event.stamp,
      lastModified: event.stamp,
      start: event.start,
      end: event.end,
      summary: event.summary,
      location: event.location || null,
      description: event.description || null,
      status: STATUS[event.status],
    });
  }
  return `${calendar.toString()}\r\n`;
};
