import {
  STATE_LABELS,
  WORKFLOWS,
  isClosed,
  mexicoCityParts,
  queueBadges,
  type AvailableTransition,
  type WorkflowKey,
} from '../app';
import type { ItemBadges, StaffMember } from '../../../shared/contracts/common';
import type { AvailableTransitionDto } from '../../../shared/contracts/items';

/** Columns of an admin user that staff see. */
export const STAFF_SELECT = ['id', 'firstname', 'lastname', 'email'];

interface AdminUserRow {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}

/** An admin user as staff see it: id and full name (the e-mail when it has no name). */
export const staffMember = (user: AdminUserRow): StaffMember => ({
  id: user.id,
  name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `#${user.id}`,
});

export const staffMembers = (users: unknown): StaffMember[] =>
  ((users as AdminUserRow[] | null) ?? []).map(staffMember);

/** The engine's offered transitions in the contract's terms, with Spanish state labels. */
export const toTransitionDtos = (
  workflow: WorkflowKey,
  from: string,
  transitions: readonly AvailableTransition[]
): AvailableTransitionDto[] =>
  transitions.map((transition) => ({
    from,
    to: transition.to,
    toLabel: STATE_LABELS[workflow][transition.to] ?? transition.to,
    label: transition.label,
    allowed: transition.allowed,
    reason: transition.failure
      ? { code: transition.failure.code, message: transition.failure.message }
      : null,
    comment: transition.comment,
  }));

/** A date or date-time as `YYYY-MM-DD`, or null. */
export const isoDay = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};

/** A date-time as an ISO string, or null. */
export const isoInstant = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** Today in Mexico City, YYYY-MM-DD. */
export const mexicoCityToday = (now = new Date()) => mexicoCityParts(now).date;

/** Badges of one work item as the queues show them; a closed item is only ever «extemporáneo». */
export const badgesOf = (
  workflow: WorkflowKey,
  item: { status: string; dueAt: unknown },
  oficio: Readonly<Record<string, unknown>> | null,
  today: string
): ItemBadges => {
  const open = !isClosed(workflow, item.status);
  const badges = queueBadges({
    dueAt: open ? isoDay(item.dueAt) : null,
    today,
    isLate: Boolean(oficio?.isLate),
    lateAccepted: Boolean(oficio?.lateAcceptedAt),
    waiting: open && WORKFLOWS[workflow].waitingStates.includes(item.status),
  });
  return { ...badges, awaitingLateAcceptance: open && badges.awaitingLateAcceptance };
};
