import { WORKFLOWS } from './definitions';
import { WORKFLOW_LABELS, workflowForUid } from './labels';
import type { WorkflowKey } from './types';

/** One line of an oficio's history as its requesting area reads it. */
export interface AreaTimelineEntry {
  at: string;
  kind: 'state' | 'message';
  /** «Diseño "Cartel"» or «Oficio». */
  subject: string;
  text: string;
  /** The comment meant for the area, or null. */
  comment: string | null;
}

/** A transition-log record, as stored. */
export interface TransitionLogRecord {
  subjectUid?: unknown;
  subjectTitle?: unknown;
  fromStatus?: unknown;
  toStatus?: unknown;
  actorRoles?: unknown;
  comment?: unknown;
  at?: unknown;
}

const subjectOf = (workflow: WorkflowKey, title: unknown) =>
  workflow === 'oficio'
    ? 'Oficio'
    : `${WORKFLOW_LABELS[workflow]}${title ? ` «${String(title)}»` : ''}`;

const isoOf = (value: unknown) =>
  value instanceof Date ? value.toISOString() : value ? String(value) : '';

/**
 * What the requesting area reads of a transition of its oficio or of one of its services. The
 * state change is always shown, never who made it (no staff names); its comment only when it is
 * meant for the area:
 * - what the area itself wrote (its cancellation reason, its observations on a proposal);
 * - the office's request for missing information (a «hold» transition);
 * - the reason of a cancellation or a rejection;
 * - the note sent with a design proposal (→ «En revisión»).
 * Any other comment (starting work, accepting a late request, the system's own remarks) is the
 * office's internal record and stays out; internal notes never reach the log at all.
 */
export function areaTimelineEntry(log: TransitionLogRecord): AreaTimelineEntry | null {
  const workflow = workflowForUid(String(log.subjectUid ?? ''));
  if (!workflow) return null;
  const definition = WORKFLOWS[workflow];
  const from = typeof log.fromStatus === 'string' && log.fromStatus ? log.fromStatus : null;
  const to = String(log.toStatus ?? '');
  const byArea = Array.isArray(log.actorRoles) && log.actorRoles.includes('area');
  const transition = from
    ? definition.transitions.find((t) => t.from.includes(from) && t.to === to)
    : undefined;
  const comment = typeof log.comment === 'string' && log.comment.trim() ? log.comment.trim() : null;
  const proposalSent = workflow === 'design' && to === 'en_revision';
  const forArea =
    byArea ||
    proposalSent ||
    transition?.kind === 'hold' ||
    transition?.kind === 'cancel' ||
    transition?.kind === 'reject';
  const shown = forArea ? comment : null;
  const state = `«${definition.states[to] ?? to}»`;
  let text: string;
  if (!from) text = workflow === 'oficio' ? 'Se recibió el oficio.' : `Se registró: ${state}.`;
  else if (transition?.kind === 'hold') text = `La Dirección pide información: pasó a ${state}.`;
  else if (proposalSent) text = 'La Dirección envió una propuesta para tu revisión.';
  else if (byArea) text = `Tu área lo pasó a ${state}.`;
  else text = `Pasó a ${state}.`;
  return {
    at: isoOf(log.at),
    kind: shown ? 'message' : 'state',
    subject: subjectOf(workflow, log.subjectTitle),
    text,
    comment: shown,
  };
}
