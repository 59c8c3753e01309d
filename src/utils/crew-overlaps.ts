import type { CrewOverlap } from '../domain/workflows';

/** An admin user of a coverage crew, as a conflict names them. */
export interface CrewPerson {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string | null;
}

/** What to populate on another coverage event to weigh it against this one's crew. */
export const CREW_OVERLAP_POPULATE = {
  crew: { select: ['id', 'firstname', 'lastname', 'username', 'email'] },
  oficio: { select: ['receivedAt'] },
};

/** A coverage event row populated with {@link CREW_OVERLAP_POPULATE}. */
export type CrewOverlapRow = Record<string, unknown> & {
  documentId: string;
  crew: CrewPerson[];
  oficio?: { receivedAt: string } | null;
};

/** «Ana López», else the username or e-mail: a conflict names people, not ids. */
export const crewPersonName = (person: CrewPerson) =>
  [person.firstname, person.lastname].filter(Boolean).join(' ').trim() ||
  person.username ||
  person.email ||
  `persona ${person.id}`;

const asDate = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
};

/**
 * Another event as the crew rule sees it: its time, its reception (the oficio's, else its own
 * creation) and the people it shares with `crew`, by id and by name. Null when it has no time.
 */
export function crewOverlapOf(other: CrewOverlapRow, crew: readonly number[]): CrewOverlap | null {
  const startsAt = asDate(other.startsAt);
  const endsAt = asDate(other.endsAt);
  if (!startsAt || !endsAt) return null;
  const shared = other.crew.filter((person) => crew.includes(person.id));
  return {
    documentId: other.documentId,
    title: String(other.title ?? ''),
    status: String(other.workflowStatus),
    startsAt,
    endsAt,
    receivedAt: asDate(other.oficio?.receivedAt) ?? asDate(other.createdAt) ?? new Date(0),
    sharedPeople: shared.map((person) => String(person.id)),
    peopleNames: Object.fromEntries(
      shared.map((person) => [String(person.id), crewPersonName(person)])
    ),
  };
}
