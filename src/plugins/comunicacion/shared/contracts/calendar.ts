import type { AreaRef, OficioRef, StaffMember } from './common';

/** A coverage event on the calendar. */
export interface CalendarEvent {
  documentId: string;
  title: string;
  eventName: string | null;
  startsAt: string;
  endsAt: string;
  place: string | null;
  status: string;
  statusLabel: string;
  deliverables: string[];
  crew: StaffMember[];
  /** True when a crew member has another event overlapping this one. */
  hasConflict: boolean;
  /** documentIds of the overlapping events sharing crew. */
  conflictsWith: string[];
  oficio: OficioRef | null;
  area: AreaRef | null;
}

/**
 * GET /comunicacion/calendar?from=YYYY-MM-DD&to=YYYY-MM-DD[&crew=<admin id>]
 *
 * Coverage events starting in [from, to] (Mexico City days, at most 62 days), cancelled ones left out.
 */
export declare namespace GetCalendar {
  export interface Request {
    query: { from: string; to: string; crew?: string };
  }
  export interface Response {
    data: CalendarEvent[];
    meta: { from: string; to: string };
  }
}

/**
 * GET /comunicacion/calendar/feed  (and POST /comunicacion/calendar/feed/rotate for a new URL)
 *
 * The logged-in staff member's private iCalendar URL. Rotating invalidates the previous URL.
 * The feed itself is `GET /api/comunicacion/calendar/<token>.ics` (no login: the token is the key),
 * with the events where the person is crew, from 30 days ago on.
 */
export declare namespace GetCalendarFeed {
  export interface Request {
    query: Record<string, never>;
  }
  export interface Response {
    data: { url: string };
  }
}
