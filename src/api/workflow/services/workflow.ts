import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  OFICIO_UID,
  STATUS_FIELD,
  TRANSITION_LOG_UID,
  AUDIT_RECORD_UID,
  WORKFLOWS,
  WORKFLOW_UIDS,
  WORK_ITEM_KEYS,
  isDraftAndPublish,
  cancellationOf,
  isClosed,
  recomputeSchedule,
  type Actor,
  type CrewOverlap,
  type Facts,
  type Item,
  type OficioItemFacts,
  type WorkflowKey,
  type WorkflowSettings,
} from '../../../domain/workflows';
import {
  CREW_OVERLAP_POPULATE,
  crewOverlapOf,
  type CrewOverlapRow,
} from '../../../utils/crew-overlaps';
import { getService } from '../../../utils/get-service';
import { lockForTransaction, usesAdvisoryLocks } from '../../../utils/locks';
import { diffRows, type AttributeKind, type AuditChange } from '../../../domain/workflows/audit';
import { lateItems, type Door } from '../../../domain/workflows/invariants';
import { pausesOf } from '../../../domain/workflows/values';
import { reviewRecordsOf } from '../../../domain/workflows/definitions/publication';
import { runAs, runInternal, SYSTEM_ACTOR, writeContext } from '../../../services/write-context';

export {
  OFICIO_UID,
  STATUS_FIELD,
  TRANSITION_LOG_UID,
  WORK_ITEM_KEYS,
  isDraftAndPublish,
} from '../../../domain/workflows';

/** The relations SPEC §2's intake data counts (logos chosen, files attached), by item type. */
const INTAKE_POPULATE: Partial<Record<WorkflowKey, Record<string, unknown>>> = {
  design: { logos: { populate: { logo: { select: ['id', 'documentId'] } } } },
  'web-publication': { attachments: { select: ['id'] } },
  'transparency-document': { file: { select: ['id'] } },
};

const OFICIO_FACT_POPULATE = {
  select: [
    'id',
    'documentId',
    STATUS_FIELD,
    'receivedAt',
    'lateAcceptedAt',
    'addressedTo',
    'copiedTo',
  ],
  populate: { area: { select: ['id', 'kind', 'name', 'shortName'] } },
};

/** Relations and media each workflow's guards look at. */
export const POPULATE: Record<WorkflowKey, Record<string, unknown>> = {
  oficio: { area: { select: ['id', 'documentId', 'kind'] }, responseDocument: { select: ['id'] } },
  design: {
    oficio: OFICIO_FACT_POPULATE,
    proposals: { populate: { file: { select: ['id'] } } },
    logos: { populate: { logo: { select: ['id', 'documentId', 'name', 'active'] } } },
    delivery: { populate: { document: { select: ['id'] } } },
  },
  'coverage-event': {
    oficio: OFICIO_FACT_POPULATE,
    crew: { select: ['id'] },
    material: { populate: { file: { select: ['id'] } } },
    publications: true,
  },
  'social-post': {
    oficio: OFICIO_FACT_POPULATE,
    design: { select: ['id', 'documentId', STATUS_FIELD, 'title'] },
  },
  'web-publication': {
    oficio: OFICIO_FACT_POPULATE,
    attachments: { select: ['id'] },
    responseDocument: { select: ['id'] },
    designedFiles: { select: ['id'] },
  },
  'transparency-document': {
    oficio: OFICIO_FACT_POPULATE,
    attachments: { select: ['id'] },
    responseDocument: { select: ['id'] },
    file: { select: ['id'] },
  },
  'email-account-request': {
    oficio: OFICIO_FACT_POPULATE,
    delivery: { populate: { document: { select: ['id'] } } },
    verificationFile: { select: ['id'] },
  },
  advisory: {
    oficio: OFICIO_FACT_POPULATE,
    organism: { select: ['id', 'documentId', 'kind', 'name'] },
    followUps: true,
  },
};

export type Row = Record<string, unknown> & { id: number; documentId: string; status?: string };

interface SchemaAttribute {
  type: string;
  mappedBy?: string;
  component?: string;
}

const attributesOf = (strapi: Core.Strapi, workflow: WorkflowKey) =>
  (strapi.contentType(WORKFLOW_UIDS[workflow] as UID.ContentType)?.attributes ?? {}) as Record<
    string,
    SchemaAttribute
  >;

const kindOf = (attribute: SchemaAttribute): AttributeKind | null => {
  switch (attribute.type) {
    case 'relation':
      // The other side of an oficio's items: not a fact of this row.
      return attribute.mappedBy ? null : 'relation';
    case 'media':
      return 'media';
    case 'component':
      return 'component';
    case 'json':
      return 'json';
    case 'datetime':
      return 'datetime';
    case 'date':
      return 'date';
    default:
      return 'scalar';
  }
};

/** What the audit trail compares of each workflow's rows, attribute by attribute. */
const auditKinds = new Map<WorkflowKey, Record<string, AttributeKind>>();
const kindsOf = (strapi: Core.Strapi, workflow: WorkflowKey) => {
  let kinds = auditKinds.get(workflow);
  if (!kinds) {
    kinds = {};
    for (const [name, attribute] of Object.entries(attributesOf(strapi, workflow))) {
      const kind = kindOf(attribute);
      if (kind) kinds[name] = kind;
    }
    auditKinds.set(workflow, kinds);
  }
  return kinds;
};

/** The guards' populate plus every relation the row owns, so a write's diff sees all of it. */
const fullPopulate = new Map<WorkflowKey, Record<string, unknown>>();
const populateOf = (strapi: Core.Strapi, workflow: WorkflowKey) => {
  let populate = fullPopulate.get(workflow);
  if (!populate) {
    populate = { ...POPULATE[workflow] };
    for (const [name, kind] of Object.entries(kindsOf(strapi, workflow))) {
      if ((kind === 'relation' || kind === 'media') && !(name in populate)) {
        populate[name] = { select: ['id'] };
      }
      if (kind === 'component' && !(name in populate)) populate[name] = true;
    }
    fullPopulate.set(workflow, populate);
  }
  return populate;
};

/** Who wrote, through which door, and why: what an audit record says besides the changes. */
export interface AuditContext {
  actor: Actor;
  door: Door;
  action:
    | 'create'
    | 'update'
    | 'correction'
    | 'transition'
    | 'publish'
    | 'unpublish'
    | 'discard_draft'
    | 'delete'
    | 'system';
  reason?: string | null;
  at?: Date;
}

interface OficioRow {
  documentId: string;
  workflowStatus: string;
  receivedAt: string | Date;
  lateAcceptedAt?: string | null;
  addressedTo?: string | null;
  copiedTo?: unknown;
  area?: { kind?: string; name?: string | null; shortName?: string | null } | null;
}

/** Fields the engine maintains; people may not set them through any door. */
const COMMON_SYSTEM_FIELDS = [
  'statusChangedAt',
  'startedAt',
  'closedAt',
  'pauses',
  'dueAt',
  'leadTimeMet',
  'earliestAllowedDate',
];
const SYSTEM_FIELDS: Record<WorkflowKey, string[]> = {
  oficio: ['folio', 'receptionDay', 'isLate', 'lateReasons', 'lateAcceptedAt', 'lateAcceptedBy'],
  design: ['revisionRounds', 'approvedAt', 'deliveredAt', 'postedAt'],
  'coverage-event': ['hasCrewConflict', 'coveredAt', 'deliveredAt', 'postedAt'],
  'social-post': ['postedAt'],
  'web-publication': ['verifiedAt', 'respondedAt', ...reviewRecordsOf('web-publication')],
  'transparency-document': [
    'verifiedAt',
    'respondedAt',
    ...reviewRecordsOf('transparency-document'),
  ],
  'email-account-request': [
    'suggestedAddress',
    'deliveryReference',
    'attendedAt',
    'attendedBy',
    'removedAt',
    'removedBy',
  ],
  advisory: [],
};

/** Every field the engine maintains for `workflow`. */
export const systemFields = (workflow: WorkflowKey) => [
  ...COMMON_SYSTEM_FIELDS,
  ...SYSTEM_FIELDS[workflow],
];

/** Years an item's dates touch: their LFT days must be in the calendar it is computed with. */
export const yearsOfRow = (row: Record<string, unknown>) =>
  ['receivedAt', 'eventDate', 'startsAt', 'wantedDate', 'scheduledAt', 'followUpDate', 'dueAt']
    .map((key) => row[key])
    .concat([(row.oficio as { receivedAt?: unknown } | null)?.receivedAt])
    .filter((value) => value !== null && value !== undefined && value !== '')
    .map((value) => Number(String(value instanceof Date ? value.toISOString() : value).slice(0, 4)))
    .filter((year) => Number.isInteger(year))
    .concat([new Date().getUTCFullYear()]);

const asDate = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
};

const mediaId = (value: unknown) =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: number }).id : null;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The row as the pure engine sees it: relations reduced to ids, media to a truthy id. */
export const toDomainItem = (workflow: WorkflowKey, row: Row): Item => {
  const item: Record<string, unknown> = { ...row };
  delete item.oficio;
  item.status = row[STATUS_FIELD];
  const oficio = row.oficio as OficioRow | null | undefined;
  item.oficioDocumentId = oficio?.documentId ?? null;
  for (const key of ['responseDocument', 'file', 'scan', 'verificationFile']) {
    if (key in row) item[key] = mediaId(row[key]);
  }
  for (const key of ['attachments', 'designedFiles']) {
    if (!(key in row)) continue;
    const list = (row[key] as { id: number }[] | null) ?? [];
    item[key] = list.map((file) => file.id);
  }
  if (workflow === 'coverage-event') {
    item.crew = ((row.crew as { id: number }[] | null) ?? []).map((person) => String(person.id));
    if ('material' in row) {
      item.material = ((row.material as Record<string, unknown>[] | null) ?? []).map((entry) => ({
        ...entry,
        file: ((entry.file as { id: number }[] | null) ?? []).map((file) => file.id),
      }));
    }
  }
  if (workflow === 'design') {
    item.proposals = ((row.proposals as Record<string, unknown>[] | null) ?? []).map((p) => ({
      ...p,
      file: mediaId(p.file),
    }));
    item.logos = ((row.logos as Record<string, unknown>[] | null) ?? []).map((choice) => {
      const logo = choice.logo as { documentId?: string; name?: string; active?: boolean } | null;
      return {
        logo: logo?.documentId ?? null,
        name: logo?.name ?? null,
        active: logo ? logo.active !== false : null,
      };
    });
    const delivery = row.delivery as Record<string, unknown> | null | undefined;
    item.delivery = delivery ? { ...delivery, document: mediaId(delivery.document) } : null;
  }
  if (workflow === 'email-account-request' && isObject(row.delivery)) {
    item.delivery = { ...row.delivery, document: mediaId(row.delivery.document) };
  }
  if (workflow === 'social-post') {
    item.design = (row.design as { documentId?: string } | null)?.documentId ?? null;
  }
  return item;
};

/**
 * What the Document Service middlewares need around the pure workflow engine: loading an item
 * and the facts its guards read, the settings, the log, and the transitions' side effects.
 */
export const createWorkflowService = ({ strapi }: { strapi: Core.Strapi }) => {
  const calendarService = () => getService('business-calendar', strapi);

  const service = {
    /** The current row (the draft for draft & publish types) with what the guards need. */
    async load(workflow: WorkflowKey, documentId: string): Promise<Row | null> {
      const where: Record<string, unknown> = { documentId };
      if (isDraftAndPublish(workflow)) where.publishedAt = null;
      return (await strapi.db.query(WORKFLOW_UIDS[workflow] as UID.ContentType).findOne({
        where,
        populate: populateOf(strapi, workflow),
      })) as Row | null;
    },

    /**
     * Holds the rows a write of this document reads its rules from until the write's transaction
     * ends, so two writes of one item (or of two items of one oficio) run one after the other and
     * each sees what the other wrote. Always the same order: the queue counters, the crew of the
     * coverages (one lock for all, since an overlap spans oficios), then the oficio, then the item.
     * On SQLite the transaction already has the database to itself (one connection, one writer).
     */
    async lock(workflow: WorkflowKey, documentId: string): Promise<void> {
      if (!usesAdvisoryLocks(strapi)) return;
      if (!strapi.db.inTransaction()) {
        throw new Error('lock() solo tiene sentido dentro de la transacción de la escritura.');
      }
      await strapi.db.transaction(async ({ trx }) => {
        const knex = trx as unknown as Knex.Transaction;
        const tableOf = (uid: string) => {
          const table = strapi.db.metadata.get(uid).tableName;
          const schema = strapi.db.getSchemaName();
          return schema ? knex(table).withSchema(schema) : knex(table);
        };
        // The queue counters first: the write adjusts them once its row is written, and a write
        // that took them later than the rows below could wait on one that waits on it.
        await lockForTransaction(strapi, 'counters');
        if (workflow === 'coverage-event') await lockForTransaction(strapi, 'crew');
        let oficio: string | null = documentId;
        if (workflow !== 'oficio') {
          const row = (await strapi.db.query(WORKFLOW_UIDS[workflow] as UID.ContentType).findOne({
            where: { documentId },
            select: ['id'],
            populate: { oficio: { select: ['documentId'] } },
          })) as { oficio?: { documentId: string } | null } | null;
          oficio = row?.oficio?.documentId ?? null;
        }
        if (oficio) {
          await tableOf(OFICIO_UID).where({ document_id: oficio }).forUpdate().select('id');
        }
        if (workflow !== 'oficio') {
          await tableOf(WORKFLOW_UIDS[workflow])
            .where({ document_id: documentId })
            .forUpdate()
            .select('id');
        }
      });
    },

    /** The published version of a draft & publish item (what the site shows), if any. */
    async loadPublished(workflow: WorkflowKey, documentId: string): Promise<Row | null> {
      return (await strapi.db.query(WORKFLOW_UIDS[workflow] as UID.ContentType).findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        populate: populateOf(strapi, workflow),
      })) as Row | null;
    },

    /** The attributes whose value differs between two rows of `workflow` (personal data masked). */
    diff(workflow: WorkflowKey, before: Row | null, after: Row): AuditChange[] {
      return diffRows(before, after, kindsOf(strapi, workflow));
    },

    /**
     * Appends one audit record for a write of `workflow` (only the engine may), in the write's
     * transaction; a write that changed nothing leaves none. Returns the changes it recorded.
     */
    async audit(
      workflow: WorkflowKey,
      before: Row | null,
      after: Row,
      context: AuditContext,
      given?: AuditChange[]
    ): Promise<AuditChange[]> {
      const changes: AuditChange[] = given ?? diffRows(before, after, kindsOf(strapi, workflow));
      if (changes.length === 0 && context.action !== 'delete') return changes;
      const oficio = (after.oficio ?? before?.oficio) as OficioRow | null | undefined;
      const { actor } = context;
      const at = (context.at ?? new Date()).toISOString();
      // Straight to the table: a row of scalars with nothing to validate that the engine did not
      // build itself, and the Document Service's pipeline would double the cost of a small edit.
      await strapi.db.query(AUDIT_RECORD_UID as UID.ContentType).create({
        data: {
          subjectUid: WORKFLOW_UIDS[workflow],
          subjectDocumentId: after.documentId,
          subjectTitle: String(after.title ?? after.subject ?? after.folio ?? '').slice(0, 300),
          oficioDocumentId:
            workflow === 'oficio' ? after.documentId : (oficio?.documentId ?? undefined),
          action: context.action,
          door: context.door,
          actorKind: actor.kind,
          actorId: actor.id === null || actor.id === undefined ? undefined : String(actor.id),
          actorName: actor.name?.slice(0, 200) ?? undefined,
          actorRoles: [...actor.roles],
          changes,
          reason: context.reason ?? null,
          at,
          publishedAt: at,
        },
      });
      return changes;
    },

    /**
     * Writes what the engine derived for another record (a displaced crew, a paused clock, a
     * recomputed due date) past the rules it already applied, and records it in the audit trail
     * as the system's act with its reason.
     */
    async applyTracked(
      workflow: WorkflowKey,
      documentId: string,
      changes: Record<string, unknown>,
      reason: string
    ): Promise<Row | null> {
      const before: Row | null = await service.load(workflow, documentId);
      if (!before) return null;
      await runInternal(() =>
        strapi.documents(WORKFLOW_UIDS[workflow] as UID.ContentType).update({
          documentId,
          data: changes as never,
        })
      );
      const after = (await service.load(workflow, documentId)) as Row;
      await service.audit(workflow, before, after, {
        actor: SYSTEM_ACTOR,
        door: 'system',
        action: 'system',
        reason,
      });
      return after;
    },

    /** Lead times and blackout periods, from the calendar's in-memory copy of the settings. */
    async settings(): Promise<WorkflowSettings> {
      return calendarService().getSettings();
    },

    /** The calendar covering an item's dates (LFT days written for those years). */
    async calendar(years: number[]) {
      const valid = years.filter((year) => Number.isInteger(year));
      if (valid.length === 0) return calendarService().getCalendar();
      return calendarService().getCalendar({
        from: Math.min(...valid),
        to: Math.max(...valid) + 1,
      });
    },

    /**
     * Facts the guards of `workflow` read for `row`. Due dates need only the oficio's, so
     * `scheduleOnly` skips the queries for items and crew.
     */
    async facts(
      workflow: WorkflowKey,
      row: Row,
      now = new Date(),
      { scheduleOnly = false } = {}
    ): Promise<Facts> {
      const facts: { -readonly [K in keyof Facts]: Facts[K] } = { now };
      const oficio = row.oficio as OficioRow | null | undefined;
      if (workflow !== 'oficio') {
        facts.oficio = oficio
          ? {
              status: oficio.workflowStatus,
              receivedAt: asDate(oficio.receivedAt) ?? now,
              lateAccepted: Boolean(oficio.lateAcceptedAt),
              areaKind: (oficio.area?.kind as 'dependencia') ?? null,
              areaName: oficio.area?.name ?? null,
              areaShortName: oficio.area?.shortName ?? null,
              addressedTo: oficio.addressedTo ?? null,
              copiedTo: oficio.copiedTo ?? null,
            }
          : null;
      }
      if (scheduleOnly) return facts;
      if (workflow === 'oficio') {
        facts.items = await service.itemsOfOficio(row.documentId);
      }
      if (workflow === 'social-post') {
        const design = row.design as { workflowStatus: string; title?: string | null } | null;
        facts.linkedDesign = design
          ? { status: design.workflowStatus, title: design.title ?? null }
          : null;
      }
      if (workflow === 'coverage-event') {
        facts.crewOverlaps = await service.crewOverlaps(row);
      }
      return facts;
    },

    /** Status of every work item of an oficio. */
    async itemsOfOficio(oficioDocumentId: string): Promise<OficioItemFacts[]> {
      const items: OficioItemFacts[] = [];
      for (const key of WORK_ITEM_KEYS) {
        const where: Record<string, unknown> = { oficio: { documentId: oficioDocumentId } };
        if (isDraftAndPublish(key)) where.publishedAt = null;
        // Whole rows (the id keeps them apart: the join on the oficio makes the query DISTINCT),
        // with the relations SPEC §2's intake data counts, so «Información completada» can check it.
        const rows = (await strapi.db
          .query(WORKFLOW_UIDS[key] as UID.ContentType)
          .findMany({ where, populate: INTAKE_POPULATE[key] })) as Record<string, unknown>[];
        rows.forEach((row) =>
          items.push({
            workflow: key,
            status: String(row[STATUS_FIELD]),
            leadTimeMet: typeof row.leadTimeMet === 'boolean' ? row.leadTimeMet : null,
            medium: (row.medium as string | undefined) ?? null,
            title: (row.title as string | null | undefined) ?? null,
            values: row,
          })
        );
      }
      return items;
    },

    /** The open work items of an oficio, loaded whole (for the oficio's cascades). */
    async openItemsOf(oficioDocumentId: string): Promise<{ workflow: WorkflowKey; row: Row }[]> {
      const found: { workflow: WorkflowKey; row: Row }[] = [];
      for (const key of WORK_ITEM_KEYS) {
        const where: Record<string, unknown> = {
          oficio: { documentId: oficioDocumentId },
          [STATUS_FIELD]: { $notIn: [...WORKFLOWS[key].closed] },
        };
        if (isDraftAndPublish(key)) where.publishedAt = null;
        const rows = (await strapi.db.query(WORKFLOW_UIDS[key] as UID.ContentType).findMany({
          where,
          populate: populateOf(strapi, key),
        })) as Row[];
        rows.forEach((row) => found.push({ workflow: key, row }));
      }
      return found;
    },

    /**
     * While the oficio waits on the area («información incompleta») every open item's clock
     * stops too; when the information arrives each resumes and its due date moves by the pause.
     */
    async pauseItemsOf(oficioDocumentId: string, paused: boolean, now = new Date()) {
      const settings = await service.settings();
      const reason = paused
        ? 'El oficio espera información del área: el plazo se detiene.'
        : 'La información del oficio está completa: el plazo corre de nuevo.';
      for (const { workflow, row } of await service.openItemsOf(oficioDocumentId)) {
        const pauses = pausesOf(row.pauses);
        const open = pauses.some((p) => p.to === null && p.cause === 'oficio');
        if (paused === open) continue;
        const next = paused
          ? [...pauses, { from: now.toISOString(), to: null, cause: 'oficio' }]
          : pauses.map((p) =>
              p.to === null && p.cause === 'oficio' ? { ...p, to: now.toISOString() } : p
            );
        const item = { ...toDomainItem(workflow, row), pauses: next };
        const calendar = await service.calendar(yearsOfRow(row));
        const facts = await service.facts(workflow, row, now, { scheduleOnly: true });
        const schedule = recomputeSchedule({ workflow, item, facts, calendar, settings });
        await service.applyTracked(workflow, row.documentId, { pauses: next, ...schedule }, reason);
      }
    },

    /**
     * After a correction of the oficio's reception: its reception day, every open item's
     * lead-time verdict and due date, and whether the oficio is late, computed again.
     */
    async recomputeAfterCorrection(
      oficioDocumentId: string,
      reason: string
    ): Promise<Record<string, unknown>> {
      const settings = await service.settings();
      const now = new Date();
      for (const { workflow, row } of await service.openItemsOf(oficioDocumentId)) {
        const calendar = await service.calendar(yearsOfRow(row));
        const facts = await service.facts(workflow, row, now, { scheduleOnly: true });
        const item = toDomainItem(workflow, row);
        const changes = recomputeSchedule({ workflow, item, facts, calendar, settings });
        if (Object.keys(changes).length > 0) {
          await service.applyTracked(workflow, row.documentId, changes, reason);
        }
      }
      // The oficio's own derived values, for the caller to write with the correction itself.
      const oficio = (await service.load('oficio', oficioDocumentId)) as Row;
      const calendar = await service.calendar(yearsOfRow(oficio));
      const derived: Record<string, unknown> = {};
      const receptionDay = calendar.receptionDay(new Date(String(oficio.receivedAt)));
      if (String(oficio.receptionDay ?? '').slice(0, 10) !== receptionDay) {
        derived.receptionDay = receptionDay;
      }
      if (!oficio.lateAcceptedAt) {
        const late = lateItems(await service.itemsOfOficio(oficioDocumentId), settings).length > 0;
        if (late !== Boolean(oficio.isLate)) derived.isLate = late;
      }
      return derived;
    },

    /** Other scheduled coverage whose time overlaps this one's and shares crew. */
    async crewOverlaps(row: Row) {
      const startsAt = asDate(row.startsAt);
      const endsAt = asDate(row.endsAt);
      const crew = ((row.crew as { id: number }[] | null) ?? []).map((p) => p.id);
      if (!startsAt || !endsAt || crew.length === 0) return [];
      const others = (await strapi.db.query('api::coverage-event.coverage-event').findMany({
        where: {
          documentId: { $ne: row.documentId },
          workflowStatus: { $notIn: ['solicitada', 'cancelada'] },
          startsAt: { $lt: endsAt.toISOString() },
          endsAt: { $gt: startsAt.toISOString() },
          crew: { id: { $in: crew } },
        },
        populate: CREW_OVERLAP_POPULATE,
      })) as CrewOverlapRow[];
      return others
        .map((other) => crewOverlapOf(other, crew))
        .filter((overlap): overlap is CrewOverlap => overlap !== null);
    },

    /** Appends one record to the transition log (only the engine may). */
    async log(entry: {
      workflow: WorkflowKey;
      row: Row;
      from: string | null;
      to: string;
      actor: Actor;
      comment?: string | null;
      at?: Date;
    }) {
      const oficio = entry.row.oficio as OficioRow | null | undefined;
      const record = await runInternal(() =>
        strapi.documents(TRANSITION_LOG_UID).create({
          data: {
            subjectUid: WORKFLOW_UIDS[entry.workflow],
            subjectDocumentId: entry.row.documentId,
            subjectTitle: String(entry.row.title ?? entry.row.subject ?? entry.row.folio ?? ''),
            oficioDocumentId:
              entry.workflow === 'oficio'
                ? entry.row.documentId
                : (oficio?.documentId ?? undefined),
            fromStatus: entry.from ?? undefined,
            toStatus: entry.to,
            actorKind: entry.actor.kind,
            actorId:
              entry.actor.id === null || entry.actor.id === undefined
                ? undefined
                : String(entry.actor.id),
            actorName: entry.actor.name ?? undefined,
            actorRoles: [...entry.actor.roles],
            comment: entry.comment ?? undefined,
            at: (entry.at ?? new Date()).toISOString(),
          },
        })
      );
      writeContext().logs?.push(record as Record<string, unknown>);
      return record;
    },

    /** Moves an oficio as a consequence of its items (the system fires it, rules still apply). */
    async moveOficio(oficioDocumentId: string, to: string, comment: string) {
      return runAs(
        SYSTEM_ACTOR,
        () =>
          strapi.documents(OFICIO_UID).update({
            documentId: oficioDocumentId,
            data: { [STATUS_FIELD]: to } as never,
          }),
        comment
      );
    },

    /**
     * The oficio was cancelled or rejected: each open service is cancelled with the oficio's
     * reason (the system fires it; every rule still applies and each move is logged).
     */
    async cancelOpenItems(oficioDocumentId: string, comment: string) {
      for (const { workflow, row } of await service.openItemsOf(oficioDocumentId)) {
        const to = cancellationOf(workflow, String(row[STATUS_FIELD]));
        if (!to) continue;
        await runAs(
          SYSTEM_ACTOR,
          () =>
            strapi.documents(WORKFLOW_UIDS[workflow] as UID.ContentType).update({
              documentId: row.documentId,
              data: { [STATUS_FIELD]: to } as never,
            }),
          comment
        );
      }
    },

    /** Flags the oficio as late with one more reason; work waits for a coordinator's acceptance. */
    async markOficioLate(oficioDocumentId: string, reason: string) {
      const row = (await strapi.db.query(OFICIO_UID).findOne({
        where: { documentId: oficioDocumentId },
        select: ['lateReasons'],
      })) as { lateReasons?: string | null } | null;
      const lateReasons = [row?.lateReasons, `• ${reason}`].filter(Boolean).join('\n');
      await runInternal(() =>
        strapi.documents(OFICIO_UID).update({
          documentId: oficioDocumentId,
          data: { isLate: true, lateReasons } as never,
        })
      );
    },

    /**
     * Recomputes due dates and lead-time verdicts of every open work item with the calendar as it
     * is now; only the items whose dates move are written. Returns how many moved.
     */
    async recomputeOpenItems(): Promise<number> {
      const settings = await service.settings();
      const now = new Date();
      let moved = 0;
      for (const workflow of WORK_ITEM_KEYS) {
        const closed = WORKFLOWS[workflow].closed;
        const where: Record<string, unknown> = { [STATUS_FIELD]: { $notIn: [...closed] } };
        if (isDraftAndPublish(workflow)) where.publishedAt = null;
        const rows = (await strapi.db.query(WORKFLOW_UIDS[workflow] as UID.ContentType).findMany({
          where,
          populate: { oficio: OFICIO_FACT_POPULATE },
        })) as Row[];
        for (const row of rows) {
          const item = toDomainItem(workflow, row);
          const calendar = await service.calendar(yearsOfRow(row));
          const facts = await service.facts(workflow, row, now, { scheduleOnly: true });
          const changes = recomputeSchedule({ workflow, item, facts, calendar, settings });
          if (Object.keys(changes).length === 0) continue;
          await service.applyTracked(
            workflow,
            row.documentId,
            changes,
            'Cambió el calendario de días inhábiles o la configuración: se recalculan los plazos.'
          );
          moved += 1;
        }
      }
      return moved;
    },

    /** Closes the oficio when its last item closes and the response is recorded. */
    async closeOficioIfDone(oficioDocumentId: string) {
      const oficio = (await strapi.db.query(OFICIO_UID).findOne({
        where: { documentId: oficioDocumentId },
        select: [STATUS_FIELD, 'responseFolio', 'responseDate'],
      })) as { workflowStatus: string; responseFolio?: string; responseDate?: string } | null;
      if (
        !oficio ||
        oficio.workflowStatus !== 'en_atencion' ||
        !oficio.responseFolio ||
        !oficio.responseDate
      ) {
        return;
      }
      const items = await service.itemsOfOficio(oficioDocumentId);
      if (items.length > 0 && items.every((item) => isClosed(item.workflow, item.status))) {
        await service.moveOficio(
          oficioDocumentId,
          'atendido',
          'Todos los servicios quedaron cerrados y la respuesta está registrada.'
        );
      }
    },
  };

  return service;
};

export type WorkflowService = ReturnType<typeof createWorkflowService>;

export default createWorkflowService;
