import { addCalendarDays, type IsoDate } from '../calendar';
import { QUEUES, type QueueDefinition, type QueueSource } from '../queues';
import { sundayOf } from '../weeks';
import { assignedDesigner, type AreaKind, type Role, type WorkflowKey } from '../workflows';

/** What a state change tells people, or nothing. */
export type TransitionNotice =
  /** A design proposal went to the area for review (with its approval link). */
  | { kind: 'proposal-for-review' }
  /** The area's work is done: delivered or published. */
  | { kind: 'work-delivered' }
  /** The area answered with observations: the designer hears them. */
  | { kind: 'observations' }
  /** The oficio was answered: the area gets the answer (its document attached). */
  | { kind: 'oficio-answered' }
  /** The office asks the area for what the oficio is missing. */
  | { kind: 'information-requested' };

/** States in which each workflow's work reaches the requesting area. */
export const DELIVERED_STATES: Readonly<Partial<Record<WorkflowKey, readonly string[]>>> =
  Object.freeze({
    design: ['entregado', 'publicado'],
    'coverage-event': ['publicada', 'entregada'],
    'social-post': ['publicada'],
    'web-publication': ['publicada'],
    'transparency-document': ['publicada'],
    'email-account-request': ['atendida', 'entregada'],
  });

/** Who hears about `from → to` of `workflow` (none for most moves). */
export function noticeForTransition(
  workflow: WorkflowKey,
  from: string | null,
  to: string
): TransitionNotice | null {
  if (from === to) return null;
  if (workflow === 'oficio' && to === 'atendido') return { kind: 'oficio-answered' };
  if (workflow === 'oficio' && to === 'informacion_incompleta') {
    return { kind: 'information-requested' };
  }
  if (workflow === 'design' && to === 'en_revision') return { kind: 'proposal-for-review' };
  if (workflow === 'design' && to === 'con_observaciones') return { kind: 'observations' };
  if (DELIVERED_STATES[workflow]?.includes(to)) return { kind: 'work-delivered' };
  return null;
}

/** The designer role a design is routed to when it has no assignee. */
export function designerRoleFor(areaKind: AreaKind | string | null | undefined): Role {
  return assignedDesigner({
    now: new Date(0),
    oficio: {
      status: '',
      receivedAt: new Date(0),
      lateAccepted: false,
      areaKind: (areaKind as AreaKind) ?? null,
    },
  });
}

/** The coordinator roles: they hear of late requests and overdue work in their queues. */
export const COORDINATOR_ROLES: readonly Role[] = Object.freeze([
  'coordinador_comunicacion',
  'coordinador_gobierno_digital',
  'coordinador_organismos',
] as const);

/** What the queues need to know of an open work item. */
export interface QueuedItem {
  workflow: WorkflowKey;
  status: string;
  medium?: string | null;
  areaKind?: string | null;
}

/** Whether one source of a queue holds the item. */
export function sourceHolds(source: QueueSource, item: QueuedItem): boolean {
  if (source.workflow !== item.workflow || !source.states.includes(item.status)) return false;
  if (source.medium && source.medium !== item.medium) return false;
  if (source.areaKind === 'organismo_auxiliar' && item.areaKind !== 'organismo_auxiliar') {
    return false;
  }
  if (source.areaKind === 'not_organismo_auxiliar' && item.areaKind === 'organismo_auxiliar') {
    return false;
  }
  return true;
}

/** The queues an item sits in. */
export function queuesOf(
  item: QueuedItem,
  queues: readonly QueueDefinition[] = QUEUES
): QueueDefinition[] {
  return queues.filter((queue) => queue.sources.some((source) => sourceHolds(source, item)));
}

/**
 * Coordinators responsible for an item: those of the queues it sits in. An item in a state no
 * queue shows (e.g. waiting on the area) falls back to the coordinators of its workflow's queues.
 */
export function coordinatorRolesFor(item: QueuedItem): Role[] {
  let queues = queuesOf(item);
  if (queues.length === 0) {
    queues = QUEUES.filter((queue) =>
      queue.sources.some(
        (source) =>
          source.workflow === item.workflow &&
          (source.areaKind !== 'organismo_auxiliar' || item.areaKind === 'organismo_auxiliar') &&
          (source.areaKind !== 'not_organismo_auxiliar' || item.areaKind !== 'organismo_auxiliar')
      )
    );
  }
  const roles = new Set<Role>();
  for (const queue of queues) {
    for (const role of queue.roles) if (COORDINATOR_ROLES.includes(role)) roles.add(role);
  }
  // Organismos auxiliares' work is also the concern of their own coordination.
  if (item.areaKind === 'organismo_auxiliar') roles.add('coordinador_organismos');
  return [...roles];
}

/** How an item's due date stands on `today`. */
export type DueBucket = 'overdue' | 'today' | 'week';

/** Overdue, due today, due later this week (Monday to Sunday), or nothing to say. */
export function dueBucket(dueAt: IsoDate | null, today: IsoDate): DueBucket | null {
  if (!dueAt) return null;
  if (dueAt < today) return 'overdue';
  if (dueAt === today) return 'today';
  if (dueAt <= sundayOf(today)) return 'week';
  return null;
}

/** An open item with a due date, as the digest lists it. */
export interface DigestItem extends QueuedItem {
  documentId: string;
  title: string;
  dueAt: IsoDate;
  folio?: string | null;
  oficioDocumentId?: string | null;
  areaName?: string | null;
  /** Admin user ids of the people working on it (assignees, crew). */
  people: readonly number[];
}

/** A staff member who may receive a digest. */
export interface DigestPerson {
  id: number;
  roles: readonly Role[];
}

/** One person's digest: their items by how the due date stands. */
export interface Digest {
  userId: number;
  overdue: DigestItem[];
  today: DigestItem[];
  week: DigestItem[];
}

/** Roles whose digest holds every item of their queues, not only their own. */
const QUEUE_WIDE: readonly Role[] = ['director', ...COORDINATOR_ROLES];

/**
 * The digest of each person with something to hear about: the items they are assigned to, plus
 * for coordinators and the Director every item of the queues they see. Nothing to say, no digest.
 */
export function buildDigests(
  items: readonly DigestItem[],
  people: readonly DigestPerson[],
  today: IsoDate
): Digest[] {
  const digests: Digest[] = [];
  const byDue = (a: DigestItem, b: DigestItem) =>
    a.dueAt.localeCompare(b.dueAt) || a.title.localeCompare(b.title, 'es');
  for (const person of people) {
    const wide = person.roles.includes('director')
      ? QUEUES
      : QUEUES.filter((queue) =>
          queue.roles.some((role) => QUEUE_WIDE.includes(role) && person.roles.includes(role))
        );
    const digest: Digest = { userId: person.id, overdue: [], today: [], week: [] };
    for (const item of items) {
      const bucket = dueBucket(item.dueAt, today);
      if (!bucket) continue;
      const mine =
        item.people.includes(person.id) ||
        wide.some((queue) => queue.sources.some((source) => sourceHolds(source, item)));
      if (mine) digest[bucket].push(item);
    }
    if (digest.overdue.length + digest.today.length + digest.week.length === 0) continue;
    digest.overdue.sort(byDue);
    digest.today.sort(byDue);
    digest.week.sort(byDue);
    digests.push(digest);
  }
  return digests;
}

/** The hour (Mexico City) from which the day's digest goes out. */
export const DIGEST_HOUR = 8;

/** Whether the day's digest may go out at this Mexico City time (minutes since midnight). */
export function digestTime(minutes: number): boolean {
  return minutes >= DIGEST_HOUR * 60;
}

/** What the deadline monitor needs of the business calendar. */
export interface CalendarLike {
  isBusinessDay(date: IsoDate): boolean;
  addBusinessDays(date: IsoDate, n: number): IsoDate;
}

/**
 * Due dates that get a reminder today: from today through `days` business days ahead. Reminders
 * go out on business days only; a missed day is caught up on the next one (the item is still due
 * on or after it).
 */
export function reminderWindow(
  calendar: CalendarLike,
  today: IsoDate,
  days: number
): { from: IsoDate; to: IsoDate } | null {
  if (!calendar.isBusinessDay(today) || !Number.isInteger(days) || days < 1) return null;
  return { from: today, to: calendar.addBusinessDays(today, days) };
}

/** How far back overdue items still raise an alert (older ones were alerted long ago). */
export const OVERDUE_LOOKBACK_DAYS = 90;

/** Due dates of the items the deadline monitor reads on `today`: overdue (bounded) to Sunday. */
export function monitorWindow(
  calendar: CalendarLike,
  today: IsoDate,
  reminderDays: number
): { from: IsoDate; to: IsoDate } {
  const sunday = sundayOf(today);
  const reminders = reminderWindow(calendar, today, reminderDays);
  return {
    from: addCalendarDays(today, -OVERDUE_LOOKBACK_DAYS),
    to: reminders && reminders.to > sunday ? reminders.to : sunday,
  };
}

/** Dedupe keys: one message per person per day, per item per due date. */
export const dedupeKeys = {
  digest: (userId: number, date: IsoDate) => `digest:${userId}:${date}`,
  reminder: (workflow: WorkflowKey, documentId: string, dueAt: IsoDate, userId: number) =>
    `reminder:${workflow}:${documentId}:${dueAt}:${userId}`,
  overdue: (workflow: WorkflowKey, documentId: string, dueAt: IsoDate, userId: number) =>
    `overdue:${workflow}:${documentId}:${dueAt}:${userId}`,
  /** An oficio is answered once: one answer per address. */
  answered: (oficioDocumentId: string, address: string) =>
    `answered:${oficioDocumentId}:${address.trim().toLowerCase()}`,
};
