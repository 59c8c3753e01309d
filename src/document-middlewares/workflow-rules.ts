import type { Core, Modules, UID } from '@strapi/strapi';
import { mexicoCityParts } from '../domain/calendar';
import {
  WORKFLOW_UIDS,
  initialState,
  isClosed,
  leadTimeOf,
  planCreate,
  planTransition,
  recomputeSchedule,
  workflowForUid,
  type Actor,
  type Failure,
  type Role,
  type SideEffect,
  type WorkflowKey,
} from '../domain/workflows';
import { currentActor, runInternal, writeContext } from '../services/write-context';
import { forbidden, invalid } from '../utils/errors';
import type { PublishableUid } from '../api/site-publishing/webhook';
import { getService } from '../utils/get-service';
import {
  OFICIO_UID,
  STATUS_FIELD,
  isDraftAndPublish,
  systemFields,
  toDomainItem,
  yearsOfRow,
  type Row,
} from '../api/workflow/services/workflow';

type Middleware = Modules.Documents.Middleware.Middleware;
type Params = {
  documentId?: string;
  data?: Record<string, unknown>;
  status?: string;
  locale?: string;
  fields?: unknown;
  populate?: unknown;
};

const PUBLISHED_STATES = new Set(['publicada', 'verificada', 'respondida']);
const MANAGERS = new Set<Role>([
  'director',
  'coordinador_comunicacion',
  'coordinador_gobierno_digital',
  'coordinador_organismos',
  'system',
]);
/** Shortest written justification that accepts a late request. */
export const MIN_JUSTIFICATION = 15;

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

/** Options of the caller's query that the answer must keep. */
const passthrough = (params: Params) => {
  const kept: Params = {};
  if (params.fields !== undefined) kept.fields = params.fields;
  if (params.populate !== undefined) kept.populate = params.populate;
  if (params.locale !== undefined) kept.locale = params.locale;
  return kept;
};

export const workflowRules = ({ strapi }: { strapi: Core.Strapi }): Middleware => {
  const workflowService = () => getService('workflow', strapi);
  const notificationRules = () => getService('notification-rules', strapi);
  const documents = (workflow: WorkflowKey) =>
    strapi.documents(WORKFLOW_UIDS[workflow] as UID.ContentType);
  /** Draft & publish actions of the two publishable workflows. */
  const publishable = (workflow: WorkflowKey) =>
    documents(workflow) as unknown as {
      publish(params: { documentId: string }): Promise<unknown>;
      unpublish(params: { documentId: string }): Promise<unknown>;
    };

  const context = async (workflow: WorkflowKey, row: Row, now: Date) => {
    const service = workflowService();
    const [facts, settings, calendar] = await Promise.all([
      service.facts(workflow, row, now),
      service.settings(),
      service.calendar(yearsOfRow(row)),
    ]);
    return { facts, settings, calendar };
  };

  /** Writes the engine's field changes, bypassing the rules it already applied. */
  const applyChanges = async (
    workflow: WorkflowKey,
    documentId: string,
    changes: Record<string, unknown>,
    params: Params
  ) =>
    runInternal(() =>
      documents(workflow).update({
        documentId,
        data: toAttributes(changes) as never,
        ...(passthrough(params) as Record<string, never>),
      })
    );

  const runSideEffects = async (
    workflow: WorkflowKey,
    row: Row,
    effects: SideEffect[],
    skip: ReadonlySet<SideEffect['type']> = new Set()
  ) => {
    const approvalLinks: { designDocumentId: string; url: string; expiresAt: string }[] = [];
    const oficioId = (row.oficio as { documentId?: string } | null)?.documentId;
    for (const effect of effects) {
      if (skip.has(effect.type)) continue;
      if (effect.type === 'oficio-status' && oficioId) {
        await workflowService().moveOficio(
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
        for (const documentId of effect.documentIds) {
          await applyChanges('coverage-event', documentId, { hasCrewConflict: true }, {});
        }
      }
    }
    return approvalLinks;
  };

  /**
   * Validates `from → to` on the row as it stands now, writes the effects and the log record and
   * runs the side effects. Throws (rolling the transaction back) when the engine refuses.
   */
  const transition = async (
    workflow: WorkflowKey,
    row: Row,
    from: string,
    to: string,
    actor: Actor,
    comment: string | null,
    params: Params,
    skip?: ReadonlySet<SideEffect['type']>
  ) => {
    const now = new Date();
    const { facts, settings, calendar } = await context(workflow, row, now);
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
    const changes = { ...plan.changes, status: to, transitionComment: null };
    const updated = await applyChanges(workflow, row.documentId, changes, params);
    await workflowService().log({ workflow, row, from, to, actor, comment, at: now });
    const approvalLinks = await runSideEffects(workflow, row, plan.sideEffects, skip);
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
    const oficioId = (row.oficio as { documentId?: string } | null)?.documentId;
    if (workflow !== 'oficio' && oficioId && isClosed(workflow, to)) {
      await workflowService().closeOficioIfDone(oficioId);
    }
    return updated;
  };

  const handleCreate = async (
    workflow: WorkflowKey,
    params: Params,
    next: () => Promise<unknown>
  ) => {
    if (isDraftAndPublish(workflow) && params.status === 'published') {
      throw invalid(
        'INVALID_TRANSITION',
        `Un registro nuevo empieza en «${initialState(workflow)}»: se publica solo desde «lista».`,
        { from: null, to: 'publicada' }
      );
    }
    const actor = currentActor(strapi);
    const data: Record<string, unknown> = { ...(params.data ?? {}) };
    guardSystemFields(workflow, data, null);
    const comment = (writeContext().comment ?? (data.transitionComment as string | null)) || null;
    data.transitionComment = null;
    // Outside the transaction: the calendar may write holidays, and the folio lock is held inside.
    await workflowService().calendar(yearsOfRow(data));

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
      const row = (await workflowService().load(workflow, created.documentId)) as Row;

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
      const { facts, settings, calendar } = await context(workflow, row, now);
      const item = toDomainItem(workflow, row);
      const plan = planCreate({ workflow, actor, item, facts, calendar, settings });
      if (!plan.ok) throw toError(plan);

      const changes: Record<string, unknown> = { ...plan.changes };
      if (workflow === 'oficio' && changes.receptionDay === undefined) {
        changes.receptionDay = calendar.receptionDay(new Date(String(row.receivedAt)));
      }
      const updated = await applyChanges(workflow, row.documentId, changes, params);
      await workflowService().log({
        workflow,
        row,
        from: null,
        to: String(changes.status ?? stateOf(row)),
        actor,
        comment,
        at: now,
      });

      const lead = leadTimeOf(workflow, { ...item, ...changes }, settings);
      const oficioId = (row.oficio as { documentId?: string } | null)?.documentId;
      if (oficioId && lead?.blocking && changes.leadTimeMet === false) {
        const reason = `${String(row.title)}: la fecha pedida es ${lead.target}; con el plazo de ${lead.days} días hábiles lo más pronto posible era ${String(changes.earliestAllowedDate)}.`;
        await workflowService().markOficioLate(oficioId, reason);
        await notificationRules().onLateRequest({
          workflow,
          documentId: row.documentId,
          oficioDocumentId: oficioId,
          reason,
        });
      }
      await notificationRules().onAssigned({
        workflow,
        documentId: row.documentId,
        before: [],
        actor,
      });
      return updated;
    });
  };

  const handleUpdate = async (
    workflow: WorkflowKey,
    params: Params,
    next: () => Promise<unknown>
  ) => {
    const documentId = params.documentId;
    if (!documentId) return next();
    const before = await workflowService().load(workflow, documentId);
    if (!before) return next();

    const actor = currentActor(strapi);
    const data: Record<string, unknown> = { ...(params.data ?? {}) };
    guardSystemFields(workflow, data, before);
    const comment = (writeContext().comment ?? (data.transitionComment as string | null)) || null;
    if ('transitionComment' in data) data.transitionComment = null;

    const from = stateOf(before);
    const incomingState = data[STATUS_FIELD];
    const to = isBlank(incomingState) ? from : String(incomingState);

    let acceptance: Record<string, unknown> | null = null;
    if (workflow === 'oficio' && 'lateJustification' in data) {
      const incoming = String(data.lateJustification ?? '').trim();
      const current = String(before.lateJustification ?? '').trim();
      if (incoming !== current) {
        if (before.lateAcceptedAt) {
          throw invalid(
            'READONLY_FIELD',
            'La aceptación de esta solicitud extemporánea ya quedó registrada y no se modifica.',
            { fields: ['lateJustification'] }
          );
        }
        if (!before.isLate) {
          throw invalid(
            'NOT_LATE',
            'El oficio llegó con la anticipación debida: no hay nada que aceptar.'
          );
        }
        if (!actor.roles.some((role) => MANAGERS.has(role))) {
          throw forbidden(
            'TRANSITION_FORBIDDEN',
            'Solo una coordinación o la Dirección pueden aceptar una solicitud extemporánea.'
          );
        }
        if (incoming.length < MIN_JUSTIFICATION) {
          throw invalid(
            'MISSING_DATA',
            `Escribe la justificación para aceptar la solicitud extemporánea (al menos ${MIN_JUSTIFICATION} caracteres).`,
            { fields: ['lateJustification'] }
          );
        }
        data.lateJustification = incoming;
        acceptance = {
          lateAcceptedAt: new Date().toISOString(),
          lateAcceptedBy: actor.name ?? 'Sistema',
        };
      }
    }

    await workflowService().calendar([...yearsOfRow(before), ...yearsOfRow(data)]);

    return strapi.db.transaction(async () => {
      const assignedBefore = await notificationRules().peopleOf(workflow, documentId);
      params.data = data;
      const result = await next();
      const after = (await workflowService().load(workflow, documentId)) as Row;
      await notificationRules().onAssigned({ workflow, documentId, before: assignedBefore, actor });

      if (to !== from) {
        return transition(workflow, after, from, to, actor, comment, params);
      }
      let answer = result;
      const { facts, settings, calendar } = await context(workflow, after, new Date());
      const changes: Record<string, unknown> = {
        ...recomputeSchedule({
          workflow,
          item: toDomainItem(workflow, after),
          facts,
          calendar,
          settings,
        }),
        ...(acceptance ?? {}),
      };
      if (Object.keys(changes).length > 0) {
        answer = await applyChanges(workflow, documentId, changes, params);
      }
      if (workflow === 'oficio') await workflowService().closeOficioIfDone(documentId);
      return answer;
    });
  };

  const handleDelete = async (
    workflow: WorkflowKey,
    params: Params,
    next: () => Promise<unknown>
  ) => {
    if (workflow === 'oficio') {
      throw invalid(
        'DELETE_NOT_ALLOWED',
        'Los oficios no se borran: su folio debe conservarse. Cancélalo o recházalo con un comentario.'
      );
    }
    const before = params.documentId
      ? await workflowService().load(workflow, params.documentId)
      : null;
    if (!before) return next();
    const actor = currentActor(strapi);
    if (!actor.roles.some((role) => MANAGERS.has(role))) {
      throw forbidden(
        'TRANSITION_FORBIDDEN',
        'Solo una coordinación o la Dirección pueden borrar un servicio.'
      );
    }
    if (stateOf(before) !== initialState(workflow)) {
      throw invalid(
        'DELETE_NOT_ALLOWED',
        `Solo se borra un servicio recién registrado; este ya está en «${stateOf(before)}». Cancélalo con un comentario.`
      );
    }
    return next();
  };

  /**
   * Draft & publish: publishing is the `lista → publicada` transition and unpublishing the move to
   * `retirada`, nothing else. Re-publishing the edited content of a published item is no transition.
   */
  const handlePublication =
    (to: 'publicada' | 'retirada', effect: 'publish' | 'unpublish') =>
    async (workflow: WorkflowKey, params: Params, next: () => Promise<unknown>) => {
      const before = params.documentId
        ? await workflowService().load(workflow, params.documentId)
        : null;
      if (!before) return next();
      const status = stateOf(before);
      if (to === 'publicada' && PUBLISHED_STATES.has(status)) return next();
      const actor = currentActor(strapi);
      const comment = writeContext().comment ?? null;
      return strapi.db.transaction(async () => {
        await transition(workflow, before, status, to, actor, comment, {}, new Set([effect]));
        return next();
      });
    };
  const handlePublish = handlePublication('publicada', 'publish');
  const handleUnpublish = handlePublication('retirada', 'unpublish');

  const handleDiscardDraft = async (
    workflow: WorkflowKey,
    params: Params,
    next: () => Promise<unknown>
  ) => {
    if (!params.documentId) return next();
    const draft = await workflowService().load(workflow, params.documentId);
    const published = (await strapi.db.query(WORKFLOW_UIDS[workflow] as UID.ContentType).findOne({
      where: { documentId: params.documentId, publishedAt: { $notNull: true } },
      select: [STATUS_FIELD],
    })) as Record<string, unknown> | null;
    if (draft && published && stateOf(draft) !== stateOf(published)) {
      throw invalid(
        'INVALID_TRANSITION',
        `Descartar el borrador devolvería el estado de «${stateOf(draft)}» a «${stateOf(published)}», y los estados solo avanzan por sus transiciones.`,
        { from: stateOf(draft), to: stateOf(published) }
      );
    }
    return next();
  };

  return async (ctx, next) => {
    const workflow = workflowForUid(ctx.uid);
    if (!workflow || writeContext().internal) return next();
    const params = ctx.params as Params;
    switch (ctx.action) {
      case 'create':
        return handleCreate(workflow, params, next) as ReturnType<typeof next>;
      case 'update':
        return handleUpdate(workflow, params, next) as ReturnType<typeof next>;
      case 'delete':
        return handleDelete(workflow, params, next) as ReturnType<typeof next>;
      case 'publish':
        return handlePublish(workflow, params, next) as ReturnType<typeof next>;
      case 'unpublish':
        return handleUnpublish(workflow, params, next) as ReturnType<typeof next>;
      case 'discardDraft':
        return handleDiscardDraft(workflow, params, next) as ReturnType<typeof next>;
      default:
        return next();
    }
  };
};

export { OFICIO_UID };
