/**
 * iCalendar (RFC 5545) writing, with no Strapi import: the feed service hands it plain events.
 */

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

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** A UTC DATE-TIME value: 20270301T150000Z. */
export const icalDateTime = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma and line breaks. */
export const escapeText = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/**
 * Folds a content line into lines of at most 75 octets (§3.1): each continuation starts with a
 * space, and a multi-byte UTF-8 character is never split.
 */
export const foldLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines carry the leading space within their 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
};

const property = (name: string, value: string) => `${name}:${value}`;

/** The whole VCALENDAR object, CRLF line endings included. */
export const buildCalendar = ({ name, events }: IcalCalendar): string => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ayuntamiento de Calimaya//Comunicacion Social y Gobierno Digital//ES',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('X-WR-CALNAME', escapeText(name)),
    'X-WR-TIMEZONE:America/Mexico_City',
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      property('UID', event.uid),
      `DTSTAMP:${icalDateTime(event.stamp)}`,
      `LAST-MODIFIED:${icalDateTime(event.stamp)}`,
      `DTSTART:${icalDateTime(event.start)}`,
      `DTEND:${icalDateTime(event.end)}`,
      property('SUMMARY', escapeText(event.summary)),
      ...(event.location ? [property('LOCATION', escapeText(event.location))] : []),
      ...(event.description ? [property('DESCRIPTION', escapeText(event.description))] : []),
      `STATUS:${event.status}`,
      'END:VEVENT'
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
};
