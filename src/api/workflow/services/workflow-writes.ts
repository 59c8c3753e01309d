import type { Core, UID } from '@strapi/strapi';
import { mexicoCityParts } from '../../../domain/calendar';
import {
  STATE_LABELS,
  STATUS_FIELD,
  WORKFLOW_UIDS,
  initialState,
  isClosed,
  isDraftAndPublish,
  leadTimeOf,
  planCreate,
  planTransition,
  recomputeSchedule,
  transitionRefusal,
  type Actor,
  type Failure,
  type LeadTime,
  type Role,
  type SideEffect,
  type WorkflowKey,
} from '../../../domain/workflows';
import type { AuditChange } from '../../../domain/workflows/audit';
import { blankListsAsNull } from '../../../domain/workflows/intake-values';
import { reviewStamps } from '../../../domain/workflows/definitions/publication';
import {
  INTAKE_FIELDS,
  checkValues,
  checkWrite,
  effectsOfWrite,
  type Door,
  type WriteAction,
} from '../../../domain/workflows/invariants';
import {
  currentActor,
  currentDoor,
  runInternal,
  writeContext,
} from '../../../services/write-context';
import { conflict, forbidden, invalid } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import type { PublishableUid } from '../../site-publishing/webhook';
import { peopleIn } from '../../notification/services/notification-rules';
import { systemFields, toDomainItem, yearsOfRow, type AuditContext, type Row } from './workflow';

/** What a Document Service call carries, as the engine reads it. */
export interface WriteParams {
  documentId?: string;
  data?: Record<string, unknown>;
  status?: string;
  locale?: string;
  fields?: unknown;
  populate?: unknown;
}
type Next = () => Promise<unknown>;

const PUBLISHED_STATES = new Set(['publicada', 'verificada', 'respondida']);
const MANAGERS = new Set<Role>([
  'director',
  'coordinador_comunicacion',
  'coordinador_gobierno_digital',
  'coordinador_organismos',
  'system',
]);

/** The domain's refusal as Strapi's error: 403 for who, 400 for what. */
export const toError = (failure: Failure) =>
  failure.status === 403
    ? forbidden(failure.code, failure.message, failure.details)
    : invalid(failure.code, failure.message, failure.details);

/** The workflow state of a row (the engine calls it `status`, the schema `workflowStatus`). */
const stateOf = (row: Record<string, unknown>) => String(row[STATUS_FIELD] ?? '');

/** The engine's changes in the schema's terms. */
const toAttributes = (changes: Record<string, unknown>) => {
  if (!('status' in changes)) return changes;
  const { status, ...rest } = changes;
  return { ...rest, [STATUS_FIELD]: status };
};

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

const sameValue = (a: unknown, b: unknown): boolean => {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  if (a instanceof Date || b instanceof Date) {
    return new Date(a as string).getTime() === new Date(b as string).getTime();
  }
  if (typeof a === 'object' || typeof b === 'object')
    return JSON.stringify(a) === JSON.stringify(b);
  if (typeof a === 'string' && typeof b === 'string' && a !== b && /T\d\d:/.test(a + b)) {
    const ta = new Date(a).getTime();
    return !Number.isNaN(ta) && ta === new Date(b).getTime();
  }
  return String(a) === String(b);
};

/** Drops system fields a form sent back unchanged; refuses any real change to them. */
const guardSystemFields = (
  workflow: WorkflowKey,
  data: Record<string, unknown>,
  before: Row | null
) => {
  const changed: string[] = [];
  for (const field of systemFields(workflow)) {
    if (!(field in data)) continue;
    if (before && !sameValue(data[field], before[field])) changed.push(field);
    delete data[field];
  }
  if (changed.length > 0) {
    throw invalid(
      'READONLY_FIELD',
      `El sistema calcula estos campos y no se pueden editar: ${changed.join(', ')}.`,
      { fields: changed }
    );
  }
};

/**
 * Refuses, before anything is written, incoming values that break a value rule (a text where a
 * list goes, an event that ends before it starts): the database never sees them. The invariants
 * check the row as written again.
 */
const refuseIncoming = (
  workflow: WorkflowKey,
  data: Record<string, unknown>,
  before: Row | null
) => {
  const changed = new Set(
    Object.keys(data).filter((field) => !before || !sameValue(data[field], before[field]))
  );
  if (changed.size === 0) return;
  const failure = checkValues({ workflow, after: { ...(before ?? {}), ...data }, changed });
  if (failure) throw toError(failure);
};

/** Options of the caller's query that the answer must keep. */
const passthrough = (params: WriteParams) => {
  const kept: WriteParams = {};
  if (params.fields !== undefined) kept.fields = params.fields;
  if (params.populate !== undefined) kept.populate = params.populate;
  if (params.locale !== undefined) kept.locale = params.locale;
  return kept;
};

/** The attribute names a diff touches, with the domain's name for the oficio relation. */
const changedSet = (changes: AuditChange[]) => {
  const names = new Set(changes.map((change) => change.field));
  if (names.has('oficio')) names.add('oficioDocumentId');
  if (names.has(STATUS_FIELD)) names.add('status');
  return names;
};

const oficioIdOf = (row: Row | null) =>
  (row?.oficio as { documentId?: string } | null | undefined)?.documentId ?? null;

/**
 * The one engine every write to an oficio or a work item goes through, whatever door it came
 * from: it performs the write in a transaction, evaluates every invariant of `src/domain` on the
 * row as it stands after it, refuses (rolling everything back) or applies the transition, the
 * derived values and their cascades, and appends the transition log and the audit trail.
 */
export const createWorkflowWritesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const workflows = () => getService('workflow', strapi);
  const notificationRules = () => getService('notification-rules', strapi);
  const documents = (workflow: WorkflowKey) =>
    strapi.documents(WORKFLOW_UIDS[workflow] as UID.ContentType);
  /** Draft & publish actions of the two publishable workflows. */
  const publishable = (workflow: WorkflowKey) =>
    documents(workflow) as unknown as {
      publish(params: { documentId: string }): Promise<unknown>;
      unpublish(params: { documentId: string }): Promise<unknown>;
    };

  type Context = Awaited<ReturnType<typeof context>>;
  async function context(workflow: WorkflowKey, row: Row, now: Date) {
    const service = workflows();
    const [facts, settings, calendar] = await Promise.all([
      service.facts(workflow, row, now),
      service.settings(),
      service.calendar(yearsOfRow(row)),
    ]);
    return { facts, settings, calendar };
  }

  /**
   * Runs a write in one transaction. On PostgreSQL two writes that wait on each other's rows
   * (a deadlock) or on a serialisation failure lose with a 409 instead of a 500.
   */
  const serialized = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await strapi.db.transaction(fn);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === '40P01' || code === '40001') {
        throw conflict(
          'CONCURRENT_CHANGE',
          'Otra persona cambió este registro al mismo tiempo. Vuelve a abrirlo y revisa su estado antes de intentarlo de nuevo.'
        );
      }
      throw error;
    }
  };

  /** The current row, read with the write's rows held (see the workflow service's `lock`). */
  const lockedLoad = async (workflow: WorkflowKey, documentId: string) => {
    await workflows().lock(workflow, documentId);
    return workflows().load(workflow, documentId);
  };

  /** Compare-and-set: the caller acted on a state it saw; another write may have moved it. */
  const expectState = (workflow: WorkflowKey, row: Row) => {
    const expected = writeContext().expected;
    if (!expected || expected.documentId !== row.documentId) return;
    const found = stateOf(row);
    if (found === expected.state) return;
    const label = (state: string) => STATE_LABELS[workflow][state] ?? state;
    throw conflict(
      'CONCURRENT_CHANGE',
      `Mientras tanto otro cambio movió este registro de «${label(expected.state)}» a «${label(found)}». Revisa su estado actual antes de volver a intentarlo.`,
      { expected: expected.state, found }
    );
  };

  /** Evaluates every invariant of this write; throws the first refusal. */
  const enforce = async (input: {
    workflow: WorkflowKey;
    action: WriteAction;
    door: Door;
    actor: Actor;
    before: Row | null;
    after: Row;
    changes: AuditChange[];
    comment: string | null;
    now: Date;
  }) => {
    const { facts, settings, calendar } = await context(input.workflow, input.after, input.now);
    const after = toDomainItem(input.workflow, input.after);
    const write = {
      workflow: input.workflow,
      action: input.action,
      door: input.door,
      actor: input.actor,
      before: input.before ? toDomainItem(input.workflow, input.before) : null,
      after,
      changed: changedSet(input.changes),
      comment: input.comment,
      facts,
      received:
        input.workflow === 'oficio'
          ? new Date(String(input.after.receivedAt ?? input.now))
          : (facts.oficio?.receivedAt ?? input.now),
      calendar,
      settings,
      now: input.now,
    };
    const failure = checkWrite(write);
    if (failure) throw toError(failure);
    return { facts, settings, calendar, effects: effectsOfWrite(write) };
  };

  /** Writes the engine's field changes, bypassing the rules it already applied. */
  const applyChanges = async (
    workflow: WorkflowKey,
    documentId: string,
    changes: Record<string, unknown>,
    params: WriteParams
  ) =>
    runInternal(() =>
      documents(workflow).update({
        documentId,
        data: toAttributes(changes) as never,
        ...(passthrough(params) as Record<string, never>),
      })
    );

  /** Later-received events lose the people they share with the one that keeps the slot. */
  const displaceCrew = async (effect: Extract<SideEffect, { type: 'displace-crew' }>, by: Row) => {
    for (const documentId of effect.documentIds) {
      const other = await workflows().load('coverage-event', documentId);
      if (!other) continue;
      const crew = ((other.crew as { id: number }[] | null) ?? []).map((person) => person.id);
      const kept = crew.filter((id) => !effect.people.includes(String(id)));
      await workflows().applyTracked(
        'coverage-event',
        documentId,
        { crew: kept, hasCrewConflict: true },
        `La cobertura «${String(by.title ?? '')}», recibida antes, conserva al personal en ese ` +
          'horario: asigna a otra persona.'
      );
    }
  };

  const runSideEffects = async (
    workflow: WorkflowKey,
    row: Row,
    effects: SideEffect[],
    skip: ReadonlySet<SideEffect['type']> = new Set()
  ) => {
    const approvalLinks: { designDocumentId: string; url: string; expiresAt: string }[] = [];
    const oficioId = oficioIdOf(row);
    for (const effect of effects) {
      if (skip.has(effect.type)) continue;
      if (effect.type === 'oficio-status' && oficioId) {
        await workflows().moveOficio(
          oficioId,
          effect.to,
          `Inicio de la atención: ${String(row.title ?? '')}`.trim()
        );
      } else if (effect.type === 'publish') {
        await runInternal(() => publishable(workflow).publish({ documentId: row.documentId }));
      } else if (effect.type === 'unpublish') {
        await runInternal(() => publishable(workflow).unpublish({ documentId: row.documentId }));
      } else if (effect.type === 'approval-link') {
        const link = await getService('approval-link', strapi).issue(row.documentId);
        if (link) approvalLinks.push(link);
      } else if (effect.type === 'displace-crew') {
        await displaceCrew(effect, row);
      } else if (effect.type === 'close-items' && workflow === 'oficio') {
        await workflows().cancelOpenItems(row.documentId, effect.comment);
      }
    }
    return approvalLinks;
  };

  /** What {@link transition} needs: the move, who makes it, and what the write already loaded. */
  interface TransitionRun {
    from: string;
    to: string;
    actor: Actor;
    comment: string | null;
    params: WriteParams;
    /** Side effects the caller performs itself (Strapi's own publish or unpublish). */
    skip?: ReadonlySet<SideEffect['type']>;
    /** Field changes written with the transition (a late acceptance's stamp). */
    extra?: Record<string, unknown>;
    /** The facts, settings and calendar the invariants were checked with, when already loaded. */
    known?: Context;
  }

  /**
   * Validates `from → to` on the row as it stands now, writes the effects and the log record and
   * runs the side effects. Throws (rolling the transaction back) when the engine refuses.
   */
  const transition = async (workflow: WorkflowKey, row: Row, run: TransitionRun) => {
    const { from, to, actor, comment, params, skip, extra = {} } = run;
    const now = new Date();
    const { facts, settings, calendar } = run.known ?? (await context(workflow, row, now));
    const plan = planTransition({
      workflow,
      from,
      to,
      actor,
      item: toDomainItem(workflow, row),
      facts,
      comment,
      calendar,
      settings,
    });
    if (!plan.ok) throw toError(plan);
    const changes = { ...plan.changes, ...extra, status: to, transitionComment: null };
    const updated = await applyChanges(workflow, row.documentId, changes, params);
    await workflows().log({ workflow, row, from, to, actor, comment, at: now });
    const approvalLinks = await runSideEffects(workflow, row, plan.sideEffects, skip);
    if (
      workflow === 'oficio' &&
      (to === 'informacion_incompleta' || from === 'informacion_incompleta')
    ) {
      await workflows().pauseItemsOf(row.documentId, to === 'informacion_incompleta', now);
    }
    if (isDraftAndPublish(workflow) && (to === 'publicada' || to === 'retirada')) {
      // The site's notice commits or rolls back with the publish or withdrawal itself.
      await getService('site-webhook', strapi).enqueue({
        uid: WORKFLOW_UIDS[workflow] as PublishableUid,
        documentId: row.documentId,
        event: to === 'publicada' ? 'publicacion.publicada' : 'publicacion.retirada',
        title: String(row.title ?? ''),
        slug: typeof row.slug === 'string' ? row.slug : null,
      });
    }
    await notificationRules().onTransition({
      workflow,
      documentId: row.documentId,
      from,
      to,
      actor,
      comment,
      approvalLinks,
    });
    const oficioId = oficioIdOf(row);
    if (workflow !== 'oficio' && oficioId && isClosed(workflow, to)) {
      await workflows().closeOficioIfDone(oficioId);
    }
    return updated;
  };

  /** The comment of this write: the caller's, else the form's «transitionComment». */
  const commentOf = (data: Record<string, unknown>) =>
    ((writeContext().comment ?? (data.transitionComment as string | null)) || null) as
      | string
      | null;

  /** Flags the oficio of a late request with its reason and tells the coordination. */
  const markLate = async (workflow: WorkflowKey, row: Row, lead: LeadTime, earliest: unknown) => {
    const oficioId = oficioIdOf(row);
    if (!oficioId) return;
    const reason = `${String(row.title)}: la fecha pedida es ${lead.target}; con el plazo de ${lead.days} días hábiles lo más pronto posible era ${String(earliest)}.`;
    await workflows().markOficioLate(oficioId, reason);
    await notificationRules().onLateRequest({
      workflow,
      documentId: row.documentId,
      oficioDocumentId: oficioId,
      reason,
    });
  };

  /** A request whose lead time stops being met after intake (a date moved) flags its oficio. */
  const flagLateness = async (workflow: WorkflowKey, before: Row | null, after: Row) => {
    if (after.leadTimeMet !== false || before?.leadTimeMet === false) return;
    const oficio = after.oficio as { lateAcceptedAt?: string | null } | null;
    if (!oficio || oficio.lateAcceptedAt) return;
    const settings = await workflows().settings();
    const lead = leadTimeOf(workflow, toDomainItem(workflow, after), settings);
    if (lead?.blocking) await markLate(workflow, after, lead, after.earliestAllowedDate);
  };

  const service = {
    async create(workflow: WorkflowKey, params: WriteParams, next: Next) {
      if (isDraftAndPublish(workflow) && params.status === 'published') {
        throw invalid(
          'INVALID_TRANSITION',
          `Un registro nuevo empieza en «${initialState(workflow)}»: se publica solo desde «lista».`,
          { from: null, to: 'publicada' }
        );
      }
      const actor = currentActor(strapi);
      const door = currentDoor(strapi, actor);
      const data = blankListsAsNull(workflow, params.data ?? {});
      guardSystemFields(workflow, data, null);
      refuseIncoming(workflow, data, null);
      const comment = commentOf(data);
      data.transitionComment = null;
      // Outside the transaction: the calendar may write holidays, and the folio lock is held inside.
      await workflows().calendar(yearsOfRow(data));

      return strapi.db.transaction(async () => {
        if (workflow === 'oficio') {
          const receivedAt = isBlank(data.receivedAt)
            ? new Date()
            : new Date(String(data.receivedAt));
          if (Number.isNaN(receivedAt.getTime())) {
            throw invalid('INVALID_DATE', 'La fecha y hora de recepción no es válida.', {
              fields: ['receivedAt'],
            });
          }
          data.receivedAt = receivedAt.toISOString();
          const year = Number(mexicoCityParts(receivedAt).date.slice(0, 4));
          data.folio = await getService('folio', strapi).next(year);
        }
        params.data = data;
        const created = (await next()) as Row;
        const row = (await workflows().load(workflow, created.documentId)) as Row;

        if (workflow !== 'oficio' && workflow !== 'advisory' && !row.oficio) {
          throw invalid('MISSING_DATA', 'Todo servicio pertenece a un oficio: indica cuál.', {
            fields: ['oficio'],
          });
        }
        const oficio = row.oficio as { workflowStatus?: string } | null;
        if (oficio?.workflowStatus && isClosed('oficio', oficio.workflowStatus)) {
          throw invalid(
            'OFICIO_CLOSED',
            `El oficio ya está cerrado («${oficio.workflowStatus}»): no admite servicios nuevos.`
          );
        }

        const now = new Date();
        const { facts, settings, calendar } = await enforce({
          workflow,
          action: 'create',
          door,
          actor,
          before: null,
          after: row,
          changes: workflows().diff(workflow, null, row),
          comment,
          now,
        });
        const item = toDomainItem(workflow, row);
        const plan = planCreate({ workflow, actor, item, facts, calendar, settings });
        if (!plan.ok) throw toError(plan);

        const changes: Record<string, unknown> = {
          ...plan.changes,
          ...reviewStamps(workflow, null, item, actor, now),
        };
        if (workflow === 'oficio' && changes.receptionDay === undefined) {
          changes.receptionDay = calendar.receptionDay(new Date(String(row.receivedAt)));
        }
        const updated = await applyChanges(workflow, row.documentId, changes, params);
        await workflows().log({
          workflow,
          row,
          from: null,
          to: String(changes.status ?? stateOf(row)),
          actor,
          comment,
          at: now,
        });

        const lead = leadTimeOf(workflow, { ...item, ...changes }, settings);
        const oficioId = oficioIdOf(row);
        if (lead?.blocking && changes.leadTimeMet === false) {
          await markLate(workflow, row, lead, changes.earliestAllowedDate);
        }
        // An oficio waiting on the area: a service added now waits with it.
        if (oficioId && (oficio?.workflowStatus as string) === 'informacion_incompleta') {
          await workflows().pauseItemsOf(oficioId, true, now);
        }
        await notificationRules().onAssigned({
          workflow,
          documentId: row.documentId,
          before: [],
          actor,
        });
        const final = (await workflows().load(workflow, row.documentId)) as Row;
        await workflows().audit(workflow, null, final, {
          actor,
          door,
          action: 'create',
          reason: comment,
          at: now,
        });
        return updated;
      });
    },

    async update(workflow: WorkflowKey, params: WriteParams, next: Next) {
      const documentId = params.documentId;
      if (!documentId) return next();
      const actor = currentActor(strapi);
      const door = currentDoor(strapi, actor);

      return serialized(async () => {
        // Read with the rows held: every rule below sees the state no other write can change now.
        const before = await lockedLoad(workflow, documentId);
        if (!before) return next();
        expectState(workflow, before);
        const data = blankListsAsNull(workflow, params.data ?? {});
        guardSystemFields(workflow, data, before);
        refuseIncoming(workflow, data, before);
        const comment = commentOf(data);
        if ('transitionComment' in data) data.transitionComment = null;
        if (typeof data.lateJustification === 'string') {
          data.lateJustification = data.lateJustification.trim();
        }

        const from = stateOf(before);
        const incomingState = data[STATUS_FIELD];
        const to = isBlank(incomingState) ? from : String(incomingState);

        await workflows().calendar([...yearsOfRow(before), ...yearsOfRow(data)]);
        params.data = data;
        const result = await next();
        const after = (await workflows().load(workflow, documentId)) as Row;
        const now = new Date();
        const changes = workflows().diff(workflow, before, after);
        const changed = changedSet(changes);
        const { facts, settings, calendar, effects } = await enforce({
          workflow,
          action: 'update',
          door,
          actor,
          before,
          after,
          changes,
          comment,
          now,
        });
        await notificationRules().onAssigned({
          workflow,
          documentId,
          before: peopleIn(before),
          after: peopleIn(after),
          actor,
        });

        const acceptance: Record<string, unknown> = {
          ...(changed.has('lateJustification')
            ? { lateAcceptedAt: now.toISOString(), lateAcceptedBy: actor.name ?? 'Sistema' }
            : {}),
          // Who confirmed a content review and when: the engine's record, never the client's.
          ...reviewStamps(
            workflow,
            toDomainItem(workflow, before),
            toDomainItem(workflow, after),
            actor,
            now
          ),
        };
        let answer = result;
        // Whether the engine wrote anything after the caller's write (else `after` is final).
        let derivedWrites = to !== from || effects.length > 0;
        if (to !== from) {
          answer = await transition(workflow, after, {
            from,
            to,
            actor,
            comment,
            params,
            extra: acceptance,
            known: { facts, settings, calendar },
          });
        } else {
          const schedule: Record<string, unknown> = {
            ...recomputeSchedule({
              workflow,
              item: toDomainItem(workflow, after),
              facts,
              calendar,
              settings,
            }),
            ...acceptance,
          };
          if (Object.keys(schedule).length > 0) {
            answer = await applyChanges(workflow, documentId, schedule, params);
            derivedWrites = true;
          }
        }
        const corrected = (INTAKE_FIELDS[workflow] ?? []).filter((field) => changed.has(field));
        if (workflow === 'oficio' && corrected.length > 0) {
          // Everything derived from the reception, in this same transaction.
          const derived = await workflows().recomputeAfterCorrection(
            documentId,
            `Corrección de la recepción del oficio: ${comment ?? ''}`.trim()
          );
          if (Object.keys(derived).length > 0) {
            answer = await applyChanges(workflow, documentId, derived, params);
          }
          derivedWrites = true;
        }
        await runSideEffects(workflow, after, effects);
        const final = derivedWrites
          ? ((await workflows().load(workflow, documentId)) as Row)
          : after;
        if (workflow !== 'oficio' && to === from) await flagLateness(workflow, before, final);
        if (workflow === 'oficio') await workflows().closeOficioIfDone(documentId);
        const context: AuditContext = {
          actor,
          door,
          action: corrected.length > 0 ? 'correction' : to !== from ? 'transition' : 'update',
          reason: comment,
          at: now,
        };
        // Nothing derived: the diff the invariants saw is the one to record.
        await workflows().audit(
          workflow,
          before,
          final,
          context,
          derivedWrites ? undefined : changes
        );
        return answer;
      });
    },

    async delete(workflow: WorkflowKey, params: WriteParams, next: Next) {
      if (workflow === 'oficio') {
        throw invalid(
          'DELETE_NOT_ALLOWED',
          'Los oficios no se borran: su folio debe conservarse. Cancélalo o recházalo con un comentario.'
        );
      }
      const documentId = params.documentId;
      if (!documentId) return next();
      const actor = currentActor(strapi);
      if (!actor.roles.some((role) => MANAGERS.has(role)) && actor.kind !== 'system') {
        throw forbidden(
          'TRANSITION_FORBIDDEN',
          'Solo una coordinación o la Dirección pueden borrar un servicio.'
        );
      }
      return serialized(async () => {
        const before = await lockedLoad(workflow, documentId);
        if (!before) return next();
        if (stateOf(before) !== initialState(workflow)) {
          throw invalid(
            'DELETE_NOT_ALLOWED',
            `Solo se borra un servicio recién registrado; este ya está en «${stateOf(before)}». Cancélalo con un comentario.`
          );
        }
        const result = await next();
        await workflows().audit(workflow, before, before, {
          actor,
          door: currentDoor(strapi, actor),
          action: 'delete',
          reason: writeContext().comment ?? null,
        });
        return result;
      });
    },

    async clone(workflow: WorkflowKey, params: WriteParams, next: Next) {
      const before = params.documentId ? await workflows().load(workflow, params.documentId) : null;
      if (!before) return next();
      const actor = currentActor(strapi);
      await enforce({
        workflow,
        action: 'clone',
        door: currentDoor(strapi, actor),
        actor,
        before,
        after: before,
        changes: [],
        comment: null,
        now: new Date(),
      });
      return next();
    },

    /**
     * Draft & publish: publishing is the `lista → publicada` transition and unpublishing the move
     * to `retirada`. Re-publishing the edited content of a published, not yet verified item passes
     * the publication's own guards again; a verified or answered one is frozen.
     */
    publication(to: 'publicada' | 'retirada', effect: 'publish' | 'unpublish') {
      return async (workflow: WorkflowKey, params: WriteParams, next: Next) => {
        const documentId = params.documentId;
        if (!documentId) return next();
        const actor = currentActor(strapi);
        const door = currentDoor(strapi, actor);
        const comment = writeContext().comment ?? null;
        const now = new Date();
        return serialized(async () => {
          const before = await lockedLoad(workflow, documentId);
          if (!before) return next();
          expectState(workflow, before);
          const status = stateOf(before);
          const publishedBefore = await workflows().loadPublished(workflow, before.documentId);
          const known = await enforce({
            workflow,
            action: effect,
            door,
            actor,
            before,
            after: before,
            changes: [],
            comment,
            now,
          });
          let result: unknown;
          if (to === 'publicada' && PUBLISHED_STATES.has(status)) {
            const { facts, settings, calendar } = known;
            const refusal = transitionRefusal({
              workflow,
              from: 'lista',
              to: 'publicada',
              actor,
              item: toDomainItem(workflow, before),
              facts,
              calendar,
              settings,
            });
            if (refusal) throw toError(refusal);
            result = await next();
          } else {
            await transition(workflow, before, {
              from: status,
              to,
              actor,
              comment,
              params: {},
              skip: new Set([effect]),
              known,
            });
            result = await next();
          }
          const publishedAfter = await workflows().loadPublished(workflow, before.documentId);
          const draftAfter = (await workflows().load(workflow, before.documentId)) as Row;
          // What the site shows changed, and the draft's workflow with it.
          const changes = [
            ...workflows().diff(workflow, before, draftAfter),
            ...(publishedAfter || publishedBefore
              ? workflows()
                  .diff(workflow, publishedBefore, publishedAfter ?? (publishedBefore as Row))
                  .filter((change) => change.field !== STATUS_FIELD)
                  .map((change) => ({ ...change, field: `publicado.${change.field}` }))
              : []),
          ];
          await workflows().audit(
            workflow,
            before,
            draftAfter,
            { actor, door, action: effect, reason: comment, at: now },
            changes.length > 0 ? changes : [{ field: 'publishedAt', from: null, to: effect }]
          );
          return result;
        });
      };
    },

    async discardDraft(workflow: WorkflowKey, params: WriteParams, next: Next) {
      const documentId = params.documentId;
      if (!documentId) return next();
      const actor = currentActor(strapi);
      return serialized(async () => {
        const draft = await lockedLoad(workflow, documentId);
        const published = (await strapi.db
          .query(WORKFLOW_UIDS[workflow] as UID.ContentType)
          .findOne({
            where: { documentId, publishedAt: { $notNull: true } },
            select: [STATUS_FIELD],
          })) as Record<string, unknown> | null;
        if (draft && published && stateOf(draft) !== stateOf(published)) {
          throw invalid(
            'INVALID_TRANSITION',
            `Descartar el borrador devolvería el estado de «${stateOf(draft)}» a «${stateOf(published)}», y los estados solo avanzan por sus transiciones.`,
            { from: stateOf(draft), to: stateOf(published) }
          );
        }
        if (!draft) return next();
        const result = await next();
        const after = await workflows().load(workflow, documentId);
        if (after) {
          await workflows().audit(workflow, draft, after, {
            actor,
            door: currentDoor(strapi, actor),
            action: 'discard_draft',
            reason: writeContext().comment ?? null,
          });
        }
        return result;
      });
    },
  };

  return service;
};

export type WorkflowWritesService = ReturnType<typeof createWorkflowWritesService>;

export default createWorkflowWritesService;
