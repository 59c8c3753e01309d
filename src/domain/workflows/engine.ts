import { addCalendarDays, toDayNumber, type BusinessCalendar, type IsoDate } from '../calendar';
import { WORKFLOWS } from './definitions';
import { fail } from './guards';
import { actorMayAct, resolveRoles, ROLE_LABELS, STAFF_ROLES } from './roles';
import type {
  Actor,
  Facts,
  Failure,
  Item,
  LeadTime,
  LeadVerdict,
  RuleContext,
  SideEffect,
  Success,
  TransitionDefinition,
  WorkflowDefinition,
  WorkflowKey,
  WorkflowSettings,
} from './types';
import {
  dateOf,
  instantOf,
  isBlank,
  joinList,
  pauseIntervals,
  pausesOf,
  quote,
  textOf,
  type StoredPause,
} from './values';
import { withArticle } from './grammar';

/** Input of {@link planTransition}. */
export interface TransitionInput {
  workflow: WorkflowKey;
  from: string;
  to: string;
  actor: Actor;
  item: Item;
  facts: Facts;
  comment?: string | null;
  calendar: BusinessCalendar;
  settings: WorkflowSettings;
}

/** Input of {@link planCreate}. */
export interface CreateInput {
  workflow: WorkflowKey;
  actor: Actor;
  item: Item;
  facts: Facts;
  calendar: BusinessCalendar;
  settings: WorkflowSettings;
}

/** Input of {@link recomputeSchedule}. */
export interface ScheduleInput {
  workflow: WorkflowKey;
  item: Item;
  facts: Facts;
  calendar: BusinessCalendar;
  settings: WorkflowSettings;
}

/** Input of {@link availableTransitions}. */
export interface AvailableInput {
  workflow: WorkflowKey;
  from: string;
  actor: Actor;
  item: Item;
  facts: Facts;
  calendar: BusinessCalendar;
  settings: WorkflowSettings;
}

/** A transition offered to the actor, and whether its guards would let it through now. */
export interface AvailableTransition {
  to: string;
  /** Spanish action label. */
  label: string;
  allowed: boolean;
  failure?: Failure;
  /** Whether the UI must ask for a comment, and with which prompt. */
  comment: { required: boolean; prompt: string } | null;
}

function definitionOf(workflow: WorkflowKey): WorkflowDefinition {
  const definition = WORKFLOWS[workflow];
  if (!definition) throw new RangeError(`Flujo de trabajo desconocido: "${String(workflow)}".`);
  return definition;
}

function stateLabel(definition: WorkflowDefinition, state: string | null): string {
  if (state === null) return '(sin estado)';
  return definition.states[state] ?? state;
}

/** Whether the status is a closed (final) state of the workflow. */
export function isClosed(workflow: WorkflowKey, status: string): boolean {
  return definitionOf(workflow).closed.includes(status);
}

/**
 * Where an open service goes when its oficio is cancelled or rejected: its own cancellation from
 * the state it is in, else its rejection. Null when it is closed already or its workflow has
 * neither from that state (a publication stays with the office, read-only but for closing).
 */
export function cancellationOf(workflow: WorkflowKey, status: string): string | null {
  const definition = definitionOf(workflow);
  if (definition.closed.includes(status)) return null;
  const ending = (kind: 'cancel' | 'reject') =>
    definition.transitions.find(
      (transition) => transition.kind === kind && transition.from.includes(status)
    )?.to ?? null;
  return ending('cancel') ?? ending('reject');
}

/** The state a new record of the workflow starts in. */
export function initialState(workflow: WorkflowKey): string {
  return definitionOf(workflow).initial;
}

/**
 * When the request was received: an oficio's own receivedAt; for a work item its oficio's
 * reception, else its own receivedAt (informal advisories), else its creation, else now.
 */
function receivedOf(definition: WorkflowDefinition, item: Item, facts: Facts): Date {
  if (definition.key === 'oficio') return instantOf(item.receivedAt) ?? facts.now;
  const oficioReceived = facts.oficio?.receivedAt;
  if (oficioReceived instanceof Date && !Number.isNaN(oficioReceived.getTime())) {
    return oficioReceived;
  }
  return instantOf(item.receivedAt) ?? instantOf(item.createdAt) ?? facts.now;
}

/** The lead time a work item must respect, or null when the workflow has none (oficio). */
export function leadTimeOf(
  workflow: WorkflowKey,
  item: Item,
  settings: WorkflowSettings
): LeadTime | null {
  return definitionOf(workflow).leadTime?.of(item, settings) ?? null;
}

function verdictOf(
  definition: WorkflowDefinition,
  item: Item,
  received: Date,
  calendar: BusinessCalendar,
  settings: WorkflowSettings
): LeadVerdict | null {
  if (!definition.leadTime) return null;
  const lead = definition.leadTime.of(item, settings);
  const reception = calendar.receptionDay(received);
  const earliest =
    lead.unit === 'business'
      ? calendar.addBusinessDays(reception, lead.days)
      : addCalendarDays(reception, lead.days);
  let met: boolean | null = null;
  if (definition.leadTime.waived?.(item)) met = true;
  else if (lead.target !== null) met = toDayNumber(lead.target) >= toDayNumber(earliest);
  return { lead, met, earliest };
}

/**
 * The lead-time verdict of a work item received at `received`, and whether its lead time is
 * waived (kept for information only); null for a workflow without lead time.
 */
export function leadVerdict(
  workflow: WorkflowKey,
  item: Item,
  received: Date,
  calendar: BusinessCalendar,
  settings: WorkflowSettings
): (LeadVerdict & { waived: boolean }) | null {
  const definition = definitionOf(workflow);
  const verdict = verdictOf(definition, item, received, calendar, settings);
  if (!verdict) return null;
  return { ...verdict, waived: definition.leadTime?.waived?.(item) === true };
}

function dueOf(
  definition: WorkflowDefinition,
  item: Item,
  facts: Facts,
  received: Date,
  calendar: BusinessCalendar,
  settings: WorkflowSettings,
  pauses: readonly StoredPause[]
): IsoDate | null {
  if (!definition.due) return null;
  return definition.due({
    item,
    facts,
    calendar,
    settings,
    now: facts.now,
    received,
    pauses: pauseIntervals(pauses),
  });
}

function isClosedAny(workflow: WorkflowKey, status: string): boolean {
  const definition = WORKFLOWS[workflow];
  return definition ? definition.closed.includes(status) : false;
}

function invalidTransition(
  definition: WorkflowDefinition,
  from: string,
  to: string,
  item: Item,
  reason?: string
): Failure {
  const allowed = applicableFrom(definition, from, item).map((t) => t.to);
  const fromLabel = quote(stateLabel(definition, from));
  const next =
    allowed.length === 0
      ? `${fromLabel} no admite más cambios de estado.`
      : `Desde ${fromLabel} solo se puede pasar a ${joinList(
          allowed.map((s) => quote(stateLabel(definition, s))),
          'o'
        )}.`;
  const message = reason
    ? `${reason} ${next}`
    : `No se puede pasar de ${fromLabel} a ${quote(stateLabel(definition, to))} ` +
      `(${definition.label}). ${next}`;
  return fail('INVALID_TRANSITION', message, { from, to, allowed });
}

function applicableFrom(
  definition: WorkflowDefinition,
  from: string,
  item: Item
): TransitionDefinition[] {
  return definition.transitions.filter(
    (t) => t.from.includes(from) && (!t.appliesWhen || t.appliesWhen.test(item))
  );
}

function forbidden(from: string | null, to: string, labels: string[], action: string): Failure {
  return fail(
    'TRANSITION_FORBIDDEN',
    `Tu rol no puede ${action}. Pueden hacerlo: ${joinList(labels, 'y')}.`,
    { from, to, roles: labels },
    403
  );
}

function context(
  definition: WorkflowDefinition,
  input: {
    actor: Actor;
    item: Item;
    facts: Facts;
    calendar: BusinessCalendar;
    settings: WorkflowSettings;
  },
  from: string | null,
  to: string,
  comment: string | null
): RuleContext {
  const received = receivedOf(definition, input.item, input.facts);
  return {
    workflow: definition.key,
    from,
    to,
    actor: input.actor,
    item: input.item,
    facts: input.facts,
    comment,
    calendar: input.calendar,
    settings: input.settings,
    now: input.facts.now,
    received,
    lead: verdictOf(definition, input.item, received, input.calendar, input.settings),
    isClosed: isClosedAny,
  };
}

// Step (2) and (3) of a transition: is it listed for this item, and may the actor fire it.
function resolveTransition(
  definition: WorkflowDefinition,
  from: string,
  to: string,
  actor: Actor,
  item: Item,
  facts: Facts
): { transition: TransitionDefinition } | { failure: Failure } {
  const transition = definition.transitions.find((t) => t.from.includes(from) && t.to === to);
  if (!transition) return { failure: invalidTransition(definition, from, to, item) };
  if (transition.appliesWhen && !transition.appliesWhen.test(item)) {
    return {
      failure: invalidTransition(definition, from, to, item, transition.appliesWhen.reason(item)),
    };
  }
  const roles = resolveRoles(transition.roles, facts);
  if (!actorMayAct(actor, roles)) {
    const action =
      `pasar ${withArticle(definition.key, 'indefinite')} de ${quote(stateLabel(definition, from))} a ` +
      quote(stateLabel(definition, to));
    return {
      failure: forbidden(
        from,
        to,
        roles.map((r) => ROLE_LABELS[r]),
        action
      ),
    };
  }
  return { transition };
}

function runGuards(transition: TransitionDefinition, ctx: RuleContext): Failure | null {
  for (const guard of transition.guards ?? []) {
    const failure = guard.check(ctx);
    if (failure) return failure;
  }
  return null;
}

function commentMissing(transition: TransitionDefinition, from: string): Failure {
  const prompt = transition.comment?.prompt ?? 'Escribe un comentario.';
  return fail(
    'COMMENT_REQUIRED',
    `Para ${transition.label.toLowerCase()} se necesita un comentario: ${prompt}`,
    { from, to: transition.to }
  );
}

/** Validate a status change and compute its effects. */
export function planTransition(input: TransitionInput): Success | Failure {
  const definition = definitionOf(input.workflow);
  const { from, to, actor, facts } = input;
  if (from === to) return { ok: true, changes: {}, sideEffects: [], transition: { from, to } };

  const resolved = resolveTransition(definition, from, to, actor, input.item, facts);
  if ('failure' in resolved) return resolved.failure;
  const { transition } = resolved;

  const comment = textOf(input.comment);
  if (transition.comment?.required && !comment) return commentMissing(transition, from);

  const ctx = context(definition, input, from, to, comment);
  const failure = runGuards(transition, ctx);
  if (failure) return failure;

  // Each effect sees what the previous ones changed.
  const changes: Record<string, unknown> = {};
  const sideEffects: SideEffect[] = [];
  let item: Item = input.item;
  for (const effect of transition.effects ?? []) {
    const result = effect.apply({ ...ctx, item });
    if (result.changes) {
      Object.assign(changes, result.changes);
      item = { ...item, ...result.changes };
    }
    if (result.sideEffects) sideEffects.push(...result.sideEffects);
  }

  const nowIso = facts.now.toISOString();
  const generic: Record<string, unknown> = { status: to, statusChangedAt: nowIso };

  const starts =
    from === definition.initial &&
    transition.kind !== 'cancel' &&
    transition.kind !== 'reject' &&
    transition.kind !== 'hold';
  if (starts && isBlank(input.item.startedAt)) {
    generic.startedAt = nowIso;
    if (facts.oficio?.status === 'recibido') {
      sideEffects.unshift({ type: 'oficio-status', to: 'en_atencion' });
    }
  }

  const closing = definition.closed.includes(to);
  if (closing) generic.closedAt = nowIso;
  else if (definition.closed.includes(from)) generic.closedAt = null;

  const waitingBefore = definition.waitingStates.includes(from);
  const waitingAfter = definition.waitingStates.includes(to);
  let pauses = pausesOf(input.item.pauses);
  if (waitingBefore !== waitingAfter) {
    if (waitingAfter) {
      pauses = [...pauses, { from: nowIso, to: null }];
    } else {
      pauses = pauses.map((p) => (p.to === null ? { ...p, to: nowIso } : p));
    }
    generic.pauses = pauses;
  }

  Object.assign(changes, generic);
  item = { ...item, ...generic };
  const derived = derivedChanges(definition, item, facts);
  Object.assign(changes, derived);
  item = { ...item, ...derived };

  if (definition.due) {
    changes.dueAt = dueOf(
      definition,
      item,
      facts,
      ctx.received,
      input.calendar,
      input.settings,
      pauses
    );
  }
  Object.assign(
    changes,
    changedLeadFields(definition, item, ctx.received, input.calendar, input.settings)
  );

  return { ok: true, changes, sideEffects, transition: { from, to } };
}

// Derived values that differ from the stored ones.
function derivedChanges(
  definition: WorkflowDefinition,
  item: Item,
  facts: Facts
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(definition.derive?.(item, facts) ?? {})) {
    if (isBlank(value) ? !isBlank(item[field]) : String(value) !== String(item[field] ?? '')) {
      changes[field] = value;
    }
  }
  return changes;
}

// Lead-time fields whose value differs from the stored one (a date may have been edited).
function changedLeadFields(
  definition: WorkflowDefinition,
  item: Item,
  received: Date,
  calendar: BusinessCalendar,
  settings: WorkflowSettings
): Record<string, unknown> {
  const verdict = verdictOf(definition, item, received, calendar, settings);
  if (!verdict) return {};
  const changes: Record<string, unknown> = {};
  const stored = item.leadTimeMet;
  if ((typeof stored === 'boolean' ? stored : null) !== verdict.met) {
    changes.leadTimeMet = verdict.met;
  }
  if (dateOf(item.earliestAllowedDate) !== verdict.earliest) {
    changes.earliestAllowedDate = verdict.earliest;
  }
  return changes;
}

function mayCreate(workflow: WorkflowKey, actor: Actor): boolean {
  if (actorMayAct(actor, STAFF_ROLES)) return true;
  return workflow === 'oficio' && actor.roles.includes('area');
}

/**
 * Validate creation (status must be absent or the initial state) and compute intake fields:
 * lead-time verdict, earliest allowed date, dueAt.
 */
export function planCreate(input: CreateInput): Success | Failure {
  const definition = definitionOf(input.workflow);
  const { actor, facts } = input;
  const initial = definition.initial;
  const requested = input.item.status;

  if (!isBlank(requested) && requested !== initial) {
    const to = typeof requested === 'string' ? requested : String(requested);
    return fail(
      'INVALID_TRANSITION',
      `Un registro nuevo de ${definition.label.toLowerCase()} empieza en ` +
        `${quote(stateLabel(definition, initial))}; no puede crearse en ` +
        `${quote(stateLabel(definition, to))}.`,
      { from: null, to, allowed: [initial] }
    );
  }

  if (!mayCreate(input.workflow, actor)) {
    const labels = [
      ...STAFF_ROLES,
      ...(input.workflow === 'oficio' ? (['area'] as const) : []),
    ].map((r) => ROLE_LABELS[r]);
    return forbidden(
      null,
      initial,
      labels,
      `registrar ${withArticle(definition.key, 'indefinite')}`
    );
  }

  const nowIso = facts.now.toISOString();
  const changes: Record<string, unknown> = { status: initial, statusChangedAt: nowIso };
  // An area filing through the API cannot choose its reception time: it is received now.
  const staff = actorMayAct(actor, STAFF_ROLES);
  if (definition.key === 'oficio' && (!staff || !instantOf(input.item.receivedAt))) {
    changes.receivedAt = nowIso;
  }
  Object.assign(changes, derivedChanges(definition, { ...input.item, ...changes }, facts));
  const item: Item = { ...input.item, ...changes };
  const received = receivedOf(definition, item, facts);

  const verdict = verdictOf(definition, item, received, input.calendar, input.settings);
  if (verdict) {
    changes.leadTimeMet = verdict.met;
    changes.earliestAllowedDate = verdict.earliest;
  }
  if (definition.due) {
    changes.dueAt = dueOf(
      definition,
      item,
      facts,
      received,
      input.calendar,
      input.settings,
      pausesOf(item.pauses)
    );
  }
  return { ok: true, changes, sideEffects: [], transition: { from: null, to: initial } };
}

/**
 * Recompute dueAt (and lead-time fields) of an item with the current calendar; used when
 * holidays change. Returns only the changed fields; closed items keep their history.
 */
export function recomputeSchedule(input: ScheduleInput): Record<string, unknown> {
  const definition = definitionOf(input.workflow);
  const { facts } = input;
  const derived = derivedChanges(definition, input.item, facts);
  const item: Item = { ...input.item, ...derived };
  if (typeof item.status === 'string' && definition.closed.includes(item.status)) return derived;
  const received = receivedOf(definition, item, facts);
  const changes = {
    ...derived,
    ...changedLeadFields(definition, item, received, input.calendar, input.settings),
  };
  if (definition.due) {
    const due = dueOf(
      definition,
      item,
      facts,
      received,
      input.calendar,
      input.settings,
      pausesOf(item.pauses)
    );
    if (due !== dateOf(item.dueAt)) changes.dueAt = due;
  }
  return changes;
}

/**
 * Whether the `from → to` transition's roles and guards would let the actor through now, without
 * moving anything: null when they would, else the refusal. Re-publishing a published item's
 * edited content passes the publication's own guards again (veda, art. 134).
 */
export function transitionRefusal(input: Omit<TransitionInput, 'comment'>): Failure | null {
  const definition = definitionOf(input.workflow);
  const { from, to, actor, facts } = input;
  const resolved = resolveTransition(definition, from, to, actor, input.item, facts);
  if ('failure' in resolved) return resolved.failure;
  return runGuards(resolved.transition, context(definition, input, from, to, null));
}

/** Transitions the actor may fire now (for the UI), with whether each would pass its guards. */
export function availableTransitions(input: AvailableInput): AvailableTransition[] {
  const definition = definitionOf(input.workflow);
  const { from, actor, item, facts } = input;
  const result: AvailableTransition[] = [];
  for (const transition of applicableFrom(definition, from, item)) {
    if (!actorMayAct(actor, resolveRoles(transition.roles, facts))) continue;
    // The UI asks for the comment with the transition, so guards see one as given.
    const comment = transition.comment ? transition.comment.prompt : null;
    const ctx = context(definition, input, from, transition.to, comment);
    const failure = runGuards(transition, ctx);
    result.push({
      to: transition.to,
      label: transition.label,
      allowed: failure === null,
      ...(failure ? { failure } : {}),
      comment: transition.comment ? { ...transition.comment } : null,
    });
  }
  return result;
}
