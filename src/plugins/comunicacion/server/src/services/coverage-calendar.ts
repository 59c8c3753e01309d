import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { DELIVERABLE_LABELS, STATE_LABELS, STATUS_FIELD } from '../app';
import type { CalendarEvent } from '../../../shared/contracts/calendar';
import type { AreaRef } from '../../../shared/contracts/common';
import { buildCalendar, type IcalEvent } from './ical';
import { STAFF_SELECT, isoInstant, staffMember, staffMembers } from './presenters';

const COVERAGE_UID = 'api::coverage-event.coverage-event';
/** Events answered at most for one range (62 days of an office that covers a few a day). */
const MAX_EVENTS = 2000;
/** The feed shows a person's events from this many days ago on. */
const FEED_PAST_DAYS = 30;
const FEED_MAX_EVENTS = 1000;
const DAY_MS = 86_400_000;

// Values stored before the deliverables were checked are shown as written.
const deliverableLabel = (value: string) =>
  DELIVERABLE_LABELS[value] ?? value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

const ICAL_STATUS: Record<string, IcalEvent['status']> = {
  solicitada: 'TENTATIVE',
  cancelada: 'CANCELLED',
};

interface EventRow {
  id: number;
  documentId: string;
  title?: string | null;
  eventName?: string | null;
  startsAt: string | Date;
  endsAt: string | Date;
  place?: string | null;
  deliverables?: unknown;
  updatedAt?: string | Date;
  workflowStatus: string;
  crew?: { id: number; firstname?: string; lastname?: string; email?: string }[];
  oficio?: {
    documentId: string;
    folio: string;
    area?: (AreaRef & { id: number }) | null;
  } | null;
}

const EVENT_POPULATE = {
  crew: { select: STAFF_SELECT },
  oficio: {
    select: ['id', 'documentId', 'folio'],
    populate: { area: { select: ['id', 'documentId', 'name', 'shortName', 'kind'] } },
  },
};

const deliverablesOf = (row: EventRow) =>
  Array.isArray(row.deliverables) ? row.deliverables.map(String) : [];

const toEvent = (row: EventRow): Omit<CalendarEvent, 'hasConflict' | 'conflictsWith'> => {
  const area = row.oficio?.area ?? null;
  return {
    documentId: row.documentId,
    title: String(row.title ?? ''),
    eventName: row.eventName ?? null,
    startsAt: isoInstant(row.startsAt) ?? '',
    endsAt: isoInstant(row.endsAt) ?? '',
    place: row.place ?? null,
    status: row.workflowStatus,
    statusLabel: STATE_LABELS['coverage-event'][row.workflowStatus] ?? row.workflowStatus,
    deliverables: deliverablesOf(row),
    crew: staffMembers(row.crew),
    oficio: row.oficio ? { documentId: row.oficio.documentId, folio: row.oficio.folio } : null,
    area: area
      ? {
          documentId: area.documentId,
          name: area.name,
          shortName: area.shortName ?? null,
          kind: area.kind,
        }
      : null,
  };
};

const time = (value: string | Date) => new Date(value).getTime();

/**
 * The coverage calendar (events of a range with their crew and conflicts) and each staff
 * member's private iCalendar feed.
 *
 * A feed URL carries `<user id>.<HMAC(user id, version)>`: the key is derived from the app keys and
 * only the version, a random value that means nothing without the key, is stored (plugin store).
 * Rotating replaces the version, so every earlier URL stops answering.
 */
export const createCoverageCalendarService = ({ strapi }: { strapi: Core.Strapi }) => {
  const key = () =>
    createHash('sha256')
      .update(`calendar-feed:${(strapi.config.get('server.app.keys') as string[])[0]}`)
      .digest();
  const store = (userId: number) =>
    strapi.store({ type: 'plugin', name: 'comunicacion', key: `calendar-feed-version:${userId}` });
  const baseUrl = () =>
    String(strapi.config.get('server.absoluteUrl') || 'http://localhost:1337').replace(/\/$/, '');
  const mac = (userId: number, version: string) =>
    createHmac('sha256', key()).update(`${userId}:${version}`).digest('base64url');
  const urlOf = (userId: number, version: string) =>
    `${baseUrl()}/api/comunicacion/calendar/${userId}.${mac(userId, version)}.ics`;

  const versionOf = async (userId: number) => {
    const value = await store(userId).get({});
    return typeof value === 'string' && value ? value : null;
  };

  const service = {
    /**
     * Coverage events starting in [start, end), cancelled ones left out, each marked with the
     * other non-cancelled events that share a crew member at an overlapping time (looked for in
     * one more query bounded by the events' own span, so neighbours outside the range count too).
     */
    async events({
      start,
      end,
      crew,
    }: {
      start: Date;
      end: Date;
      crew?: number;
    }): Promise<CalendarEvent[]> {
      const rows = (await strapi.db.query(COVERAGE_UID).findMany({
        where: {
          startsAt: { $gte: start.toISOString(), $lt: end.toISOString() },
          [STATUS_FIELD]: { $ne: 'cancelada' },
          ...(crew !== undefined ? { crew: { id: crew } } : {}),
        },
        populate: EVENT_POPULATE,
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        limit: MAX_EVENTS,
      })) as EventRow[];
      if (rows.length === 0) return [];

      const crewIds = [...new Set(rows.flatMap((row) => (row.crew ?? []).map((p) => p.id)))];
      const neighbours = crewIds.length
        ? ((await strapi.db.query(COVERAGE_UID).findMany({
            where: {
              startsAt: {
                $lt: new Date(Math.max(...rows.map((row) => time(row.endsAt)))).toISOString(),
              },
              endsAt: {
                $gt: new Date(Math.min(...rows.map((row) => time(row.startsAt)))).toISOString(),
              },
              [STATUS_FIELD]: { $ne: 'cancelada' },
              crew: { id: { $in: crewIds } },
            },
            select: ['id', 'documentId', 'startsAt', 'endsAt'],
            populate: { crew: { select: ['id'] } },
          })) as EventRow[])
        : [];

      return rows.map((row) => {
        const people = new Set((row.crew ?? []).map((p) => p.id));
        const conflictsWith = neighbours
          .filter(
            (other) =>
              other.documentId !== row.documentId &&
              time(other.startsAt) < time(row.endsAt) &&
              time(row.startsAt) < time(other.endsAt) &&
              (other.crew ?? []).some((p) => people.has(p.id))
          )
          .map((other) => other.documentId);
        return { ...toEvent(row), hasConflict: conflictsWith.length > 0, conflictsWith };
      });
    },

    /** The staff member's feed URL, creating its first version when there is none. */
    async feedUrl(userId: number): Promise<string> {
      let version = await versionOf(userId);
      if (!version) {
        version = randomBytes(16).toString('hex');
        await store(userId).set({ value: version });
      }
      return urlOf(userId, version);
    },

    /** A new feed URL; the previous one stops answering. */
    async rotateFeed(userId: number): Promise<string> {
      const version = randomBytes(16).toString('hex');
      await store(userId).set({ value: version });
      return urlOf(userId, version);
    },

    /** The active admin user a feed token stands for, or null for any wrong or rotated token. */
    async verify(token: string): Promise<{ id: number; name: string } | null> {
      const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})\.ics$/.exec(token);
      if (!match) return null;
      const userId = Number(match[1]);
      const version = await versionOf(userId);
      if (!version) return null;
      const expected = Buffer.from(mac(userId, version));
      const given = Buffer.from(match[2]);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      const user = await strapi.db.query('admin::user').findOne({
        where: { id: userId, isActive: true, blocked: false },
        select: STAFF_SELECT,
      });
      return user ? staffMember(user) : null;
    },

    /** The iCalendar text of one person's coverage, from 30 days ago on. */
    async ical(person: { id: number; name: string }, now = new Date()): Promise<string> {
      const rows = (await strapi.db.query(COVERAGE_UID).findMany({
        where: {
          startsAt: { $gte: new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS).toISOString() },
          crew: { id: person.id },
        },
        populate: EVENT_POPULATE,
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        limit: FEED_MAX_EVENTS,
      })) as EventRow[];
      const host = new URL(baseUrl()).hostname || 'comunicacion';
      return buildCalendar({
        name: `Coberturas · ${person.name}`,
        events: rows.map((row) => {
          const event = toEvent(row);
          const description = [
            event.oficio ? `Folio: ${event.oficio.folio}` : null,
            event.area ? `Área: ${event.area.name}` : null,
            event.deliverables.length
              ? `Entregables: ${event.deliverables.map(deliverableLabel).join(', ')}`
              : null,
            event.crew.length ? `Equipo: ${event.crew.map((p) => p.name).join(', ')}` : null,
            `Estado: ${event.statusLabel}`,
          ].filter((line): line is string => line !== null);
          return {
            uid: `${row.documentId}@${host}`,
            stamp: new Date(row.updatedAt ?? now),
            start: new Date(row.startsAt),
            end: new Date(row.endsAt),
            summary: event.eventName ? `${event.title} · ${event.eventName}` : event.title,
            location: event.place,
            description: description.join('\n'),
            status: ICAL_STATUS[row.workflowStatus] ?? 'CONFIRMED',
          };
        }),
      });
    },
  };

  return service;
};

export type CoverageCalendarService = ReturnType<typeof createCoverageCalendarService>;

export default createCoverageCalendarService;
