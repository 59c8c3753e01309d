import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  AUDIT_RECORD_UID,
  DOOR_LABELS,
  OFICIO_UID,
  POPULATE,
  STATE_LABELS,
  STATUS_FIELD,
  TRANSITION_LOG_UID,
  WORKFLOW_LABELS,
  WORKFLOW_UIDS,
  WORK_ITEM_KEYS,
  availableTransitions,
  itemWarnings,
  getService,
  isClosed,
  isDraftAndPublish,
  labelOf,
  missingInformationSentence,
  oficioLacks,
  type IntakeItem,
  type WorkItemKey,
  lateAcceptanceFailure,
  runAs,
  systemFields,
  toError,
  toDomainItem,
  workflowForUid,
  yearsOfRow,
  type Actor,
  type CrewOverlap,
  type Facts,
  type AuditChange,
  type Door,
  CREW_OVERLAP_POPULATE,
  crewOverlapOf,
  type CrewOverlapRow,
  type Row,
  type StaffReads,
  type WorkflowKey,
} from '../app';
import type { AreaRef } from '../../../shared/contracts/common';
import type {
  AcceptLate,
  GetOficio,
  OficioDocument,
  EditEntry,
  OficioItem,
  TimelineChange,
  TimelineEntry,
  TransitionEntry,
} from '../../../shared/contracts/oficios';
import {
  FILE_UID,
  LOGO_UID,
  NAME_FIELDS,
  listOf,
  shown,
  type AttributeInfo,
  type Names,
} from './timeline-values';
import {
  STAFF_SELECT,
  badgesOf,
  isoDay,
  isoInstant,
  mexicoCityToday,
  staffMembers,
  toTransitionDtos,
} from './presenters';

const FILE_SELECT = ['id', 'name', 'url', 'mime'];
/** Transition-log records of one oficio shown at most (a long-lived oficio has a few dozen). */
const TIMELINE_LIMIT = 1000;

/** What the page shows of each workflow besides what the guards read. */
const DISPLAY_POPULATE: Partial<Record<WorkflowKey, Record<string, unknown>>> = {
  design: { proposals: { populate: { file: { select: FILE_SELECT } } } },
  'coverage-event': { crew: { select: ['id'] } },
  'web-publication': {
    attachments: { select: FILE_SELECT },
    responseDocument: { select: FILE_SELECT },
  },
  'transparency-document': {
    attachments: { select: FILE_SELECT },
    responseDocument: { select: FILE_SELECT },
    file: { select: FILE_SELECT },
  },
};

interface FileRow {
  id: number;
  name: string;
  url: string;
  mime: string;
}

interface AreaRow {
  documentId: string;
  name: string;
  shortName?: string | null;
  kind: AreaRef['kind'];
}

const areaRef = (area: AreaRow | null | undefined): AreaRef | null =>
  area
    ? {
        documentId: area.documentId,
        name: area.name,
        shortName: area.shortName ?? null,
        kind: area.kind,
      }
    : null;

const asDate = (value: unknown) => {
  const iso = isoInstant(value);
  return iso ? new Date(iso) : null;
};

const fileEntry = (
  file: FileRow | null | undefined,
  label: string,
  kind: OficioDocument['kind'],
  subject?: { uid: string; documentId: string }
): OficioDocument[] =>
  file
    ? [
        {
          id: file.id,
          name: file.name,
          url: file.url,
          mime: file.mime,
          label,
          kind,
          ...(subject ? { subjectUid: subject.uid, subjectDocumentId: subject.documentId } : {}),
        },
      ]
    : [];

/** Spanish names of the audit trail's actions, as the Historial shows them. */
const ACTION_LABELS: Record<string, string> = {
  create: 'Registro',
  update: 'Edición',
  correction: 'Corrección',
  transition: 'Cambio de estado con edición',
  publish: 'Publicación en el sitio',
  unpublish: 'Retiro del sitio',
  discard_draft: 'Borrador descartado',
  delete: 'Borrado',
  system: 'Ajuste del sistema',
  late_acceptance: 'Aceptación de la solicitud extemporánea',
};

/** `action` of the Historial entry that records a late request's acceptance. */
const LATE_ACCEPTANCE_ACTION = 'late_acceptance';

/**
 * Fields a state change writes by itself (the log already tells that story): the ones the engine
 * maintains, the comment copied into its reason field, and a design's sent proposal.
 */
const derivedFields = (key: WorkflowKey | null) =>
  new Set([
    STATUS_FIELD,
    ...(key ? systemFields(key) : []),
    'missingInformation',
    'rejectionReason',
    'withdrawalReason',
    ...(key === 'design' ? ['proposals'] : []),
  ]);

/** Fields the late acceptance writes: the Historial tells it as one entry of its own. */
const LATE_ACCEPTANCE_FIELDS = new Set(['lateJustification', 'lateAcceptedAt', 'lateAcceptedBy']);

/**
 * The oficio page: the oficio with its work items (every work content type, one query each),
 * the transitions the staff member may fire on each, their documents and the full timeline.
 */
export const createOficioViewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => getService('workflow', strapi);

  /**
   * Scheduled coverage sharing crew with any of the oficio's events at an overlapping time, in
   * one query; each event then sees the overlaps that concern it (as the guards expect them).
   */
  const crewOverlapsOf = async (events: Row[]): Promise<Map<string, CrewOverlap[]>> => {
    const result = new Map<string, CrewOverlap[]>();
    const spans = events
      .map((event) => ({
        documentId: event.documentId,
        startsAt: asDate(event.startsAt),
        endsAt: asDate(event.endsAt),
        crew: ((event.crew as { id: number }[] | null) ?? []).map((person) => person.id),
      }))
      .filter((span) => span.startsAt && span.endsAt && span.crew.length > 0);
    if (spans.length === 0) return result;
    const minStart = Math.min(...spans.map((span) => span.startsAt!.getTime()));
    const maxEnd = Math.max(...spans.map((span) => span.endsAt!.getTime()));
    const others = (await strapi.db.query('api::coverage-event.coverage-event').findMany({
      where: {
        [STATUS_FIELD]: { $notIn: ['solicitada', 'cancelada'] },
        startsAt: { $lt: new Date(maxEnd).toISOString() },
        endsAt: { $gt: new Date(minStart).toISOString() },
        crew: { id: { $in: [...new Set(spans.flatMap((span) => span.crew))] } },
      },
      populate: CREW_OVERLAP_POPULATE,
    })) as CrewOverlapRow[];
    for (const span of spans) {
      const overlaps: CrewOverlap[] = [];
      for (const other of others) {
        if (other.documentId === span.documentId) continue;
        const overlap = crewOverlapOf(other, span.crew);
        if (!overlap || overlap.sharedPeople.length === 0) continue;
        if (overlap.startsAt >= span.endsAt! || overlap.endsAt <= span.startsAt!) continue;
        overlaps.push(overlap);
      }
      result.set(span.documentId, overlaps);
    }
    return result;
  };

  /** Attribute types of a content type (and of a component), as the Historial reads values. */
  const attributeOf = (uid: string, field: string): AttributeInfo | undefined => {
    const model = strapi.getModel(uid as UID.ContentType) as
      | { attributes: Record<string, AttributeInfo> }
      | undefined;
    return model?.attributes[field.replace(/^publicado\./, '')];
  };

  /** Names of every record, file and logo the changes refer to by id: one query per type. */
  const namesOf = async (changes: { uid: string; change: AuditChange }[]): Promise<Names> => {
    const wanted = new Map<string, Set<string>>();
    const want = (uid: string, id: unknown) => {
      if (id === null || id === undefined || id === '' || typeof id === 'object') return;
      wanted.set(uid, (wanted.get(uid) ?? new Set()).add(String(id)));
    };
    for (const { uid, change } of changes) {
      if ('changed' in change) continue;
      const attribute = attributeOf(uid, change.field);
      for (const value of [change.from, change.to]) {
        if (attribute?.type === 'media') listOf(value).forEach((id) => want(FILE_UID, id));
        if (attribute?.type === 'relation' && attribute.target) {
          listOf(value).forEach((id) => want(attribute.target!, id));
        }
        if (attribute?.type === 'component') {
          for (const entry of listOf(value) as Record<string, unknown>[]) {
            if (!entry || typeof entry !== 'object') continue;
            want(LOGO_UID, entry.logo);
            want(FILE_UID, entry.file);
            want(FILE_UID, entry.document);
          }
        }
      }
    }
    const names: Names = new Map();
    await Promise.all(
      [...wanted].map(async ([uid, ids]) => {
        const model = strapi.getModel(uid as UID.ContentType) as
          | { attributes: Record<string, unknown> }
          | undefined;
        if (!model) return;
        const fields =
          NAME_FIELDS[uid] ??
          ['name', 'title', 'folio'].filter((field) => field in model.attributes).slice(0, 1);
        if (!fields.length) return;
        const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
          select: ['id', ...fields],
          where: { id: { $in: [...ids].map(Number).filter(Number.isInteger) } },
        })) as Record<string, unknown>[];
        names.set(
          uid,
          new Map(
            rows.map((row) => [
              String(row.id),
              uid === 'admin::user'
                ? [row.firstname, row.lastname].filter(Boolean).join(' ') || String(row.email ?? '')
                : String(row[fields[0]] ?? ''),
            ])
          )
        );
      })
    );
    return names;
  };

  const timelineOf = async (oficio: Row, reads?: StaffReads): Promise<TimelineEntry[]> => {
    const documentId = oficio.documentId;
    const where = { $or: [{ oficioDocumentId: documentId }, { subjectDocumentId: documentId }] };
    const orderBy = [{ at: 'asc' }, { id: 'asc' }];
    const [records, audits] = (await Promise.all([
      strapi.db.query(TRANSITION_LOG_UID).findMany({ where, orderBy, limit: TIMELINE_LIMIT }),
      strapi.db.query(AUDIT_RECORD_UID as UID.ContentType).findMany({
        where,
        orderBy,
        limit: TIMELINE_LIMIT,
      }),
    ])) as [Record<string, string | null>[], Record<string, unknown>[]];
    const base = (record: Record<string, unknown>) => {
      const key = workflowForUid(String(record.subjectUid));
      return {
        key,
        entry: {
          documentId: String(record.documentId),
          at: isoInstant(record.at) ?? '',
          subjectUid: String(record.subjectUid),
          subjectDocumentId: String(record.subjectDocumentId),
          subjectTitle: (record.subjectTitle as string | null) || null,
          workflowLabel: key ? WORKFLOW_LABELS[key] : String(record.subjectUid),
          actorKind: (record.actorKind ?? 'system') as TimelineEntry['actorKind'],
          actorName: (record.actorName as string | null) ?? null,
        },
      };
    };
    const transitions = records.map((record): TransitionEntry => {
      const { key, entry } = base(record);
      const label = (state: string | null) =>
        state === null ? null : ((key && STATE_LABELS[key][state]) ?? state);
      return {
        ...entry,
        kind: 'transition',
        fromStatus: record.fromStatus ?? null,
        fromLabel: label(record.fromStatus ?? null),
        toStatus: String(record.toStatus),
        toLabel: label(String(record.toStatus)) ?? String(record.toStatus),
        comment: record.comment ?? null,
      };
    });

    // The edits with the changes each shows (a state change's own fields are already in the log).
    const edited = audits.flatMap((record) => {
      const { key } = base(record);
      const action = String(record.action);
      if (action === 'create') return [];
      const uid = String(record.subjectUid);
      const derived = action === 'transition' ? derivedFields(key) : null;
      const all = ((record.changes as AuditChange[] | null) ?? []).filter(
        (change) => !derived?.has(change.field)
      );
      const acceptance =
        uid === OFICIO_UID && all.some((change) => change.field === 'lateAcceptedAt');
      const changes = all
        .filter((change) => !(acceptance && LATE_ACCEPTANCE_FIELDS.has(change.field)))
        .map((change) => (reads ? reads.auditChange(uid, change) : change));
      return [{ record, uid, action, changes, acceptance }];
    });
    const names = await namesOf(
      edited.flatMap(({ uid, changes }) => changes.map((change) => ({ uid, change })))
    );
    const toTimelineChange = (uid: string, change: AuditChange): TimelineChange => {
      const field = change.field.replace(/^publicado\./, '');
      if ('changed' in change) {
        return { field: change.field, label: labelOf(field), from: null, to: null, personal: true };
      }
      const attribute = attributeOf(uid, field);
      return {
        field: change.field,
        label: labelOf(field),
        from: shown(change.from, field, attribute, names),
        to: shown(change.to, field, attribute, names),
        personal: false,
      };
    };
    const edits = edited.flatMap(({ record, uid, action, changes, acceptance }): EditEntry[] => {
      const { entry } = base(record);
      const edit = {
        ...entry,
        kind: 'edit' as const,
        door: String(record.door),
        doorLabel: DOOR_LABELS[record.door as Door] ?? String(record.door),
      };
      const result: EditEntry[] = [];
      if (acceptance) {
        // The late acceptance: who accepted (the oficio records the name), when and why.
        result.push({
          ...edit,
          documentId: `${entry.documentId}-late-acceptance`,
          at: isoInstant(oficio.lateAcceptedAt) ?? entry.at,
          actorName: (oficio.lateAcceptedBy as string | null) ?? entry.actorName,
          action: LATE_ACCEPTANCE_ACTION,
          actionLabel: ACTION_LABELS[LATE_ACCEPTANCE_ACTION],
          changes: [],
          comment: (oficio.lateJustification as string | null) ?? null,
        });
      }
      if (changes.length) {
        result.push({
          ...edit,
          action,
          actionLabel: ACTION_LABELS[action] ?? action,
          changes: changes.map((change) => toTimelineChange(uid, change)),
          comment: (record.reason as string | null) ?? null,
        });
      }
      return result;
    });
    return [...transitions, ...edits].sort((a, b) => a.at.localeCompare(b.at));
  };

  /** An item's documents, of the fields `can` lets the reader read. */
  const itemDocuments = (
    key: WorkflowKey,
    row: Row,
    can: (field: string) => boolean
  ): OficioDocument[] => {
    const subject = { uid: WORKFLOW_UIDS[key], documentId: row.documentId };
    const title = String(row.title ?? '');
    const docs: OficioDocument[] = [];
    if (key === 'design' && can('proposals.file')) {
      for (const proposal of (row.proposals as { version: number; file?: FileRow | null }[]) ??
        []) {
        docs.push(
          ...fileEntry(
            proposal.file,
            `Propuesta v${proposal.version} (${title})`,
            'proposal',
            subject
          )
        );
      }
    }
    if (key === 'transparency-document' && can('file')) {
      docs.push(
        ...fileEntry(
          row.file as FileRow,
          `Documento de transparencia (${title})`,
          'attachment',
          subject
        )
      );
    }
    if (can('attachments')) {
      for (const file of (row.attachments as FileRow[] | null | undefined) ?? []) {
        docs.push(...fileEntry(file, `Anexo de la publicación (${title})`, 'attachment', subject));
      }
    }
    if (can('responseDocument')) {
      docs.push(
        ...fileEntry(
          row.responseDocument as FileRow | null,
          `Oficio de respuesta con evidencia (${title})`,
          'response',
          subject
        )
      );
    }
    return docs;
  };

  const service = {
    /**
     * The oficio page for `actor`; null when the oficio does not exist. With `reads`, the requester's
     * data and the trail's values of fields the reader may not read are left out.
     */
    async get(
      documentId: string,
      actor: Actor,
      reads?: StaffReads
    ): Promise<GetOficio.Response['data'] | null> {
      const oficio = (await strapi.db.query(OFICIO_UID).findOne({
        where: { documentId },
        populate: {
          area: { select: ['id', 'documentId', 'name', 'shortName', 'kind'] },
          scan: { select: FILE_SELECT },
          attachments: { select: FILE_SELECT },
          acuse: { select: FILE_SELECT },
          responseDocument: { select: FILE_SELECT },
        },
      })) as Row | null;
      if (!oficio) return null;

      // Every item's `oficio` is this one: the facts its guards read come from the row above.
      const oficioFacts = {
        documentId: oficio.documentId,
        [STATUS_FIELD]: oficio[STATUS_FIELD],
        receivedAt: oficio.receivedAt,
        lateAcceptedAt: oficio.lateAcceptedAt,
        area: oficio.area,
      };
      const rows: { key: WorkflowKey; row: Row }[] = [];
      for (const key of WORK_ITEM_KEYS) {
        const guardPopulate = Object.fromEntries(
          Object.entries(POPULATE[key]).filter(([relation]) => relation !== 'oficio')
        );
        const found = (await strapi.db.query(WORKFLOW_UIDS[key] as UID.ContentType).findMany({
          where: {
            oficio: { documentId },
            ...(isDraftAndPublish(key) ? { publishedAt: null } : {}),
          },
          populate: {
            ...guardPopulate,
            ...DISPLAY_POPULATE[key],
            assignees: { select: STAFF_SELECT },
          },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        })) as Row[];
        found.forEach((row) => rows.push({ key, row: { ...row, oficio: oficioFacts } }));
      }

      const workflows = workflow();
      const now = new Date();
      const years = [...yearsOfRow(oficio), ...rows.flatMap(({ row }) => yearsOfRow(row))];
      const [settings, calendar, overlaps] = await Promise.all([
        workflows.settings(),
        workflows.calendar(years),
        crewOverlapsOf(rows.filter(({ key }) => key === 'coverage-event').map(({ row }) => row)),
      ]);
      const today = mexicoCityToday(now);

      const registration = getService('oficio-registration', strapi);
      const items: OficioItem[] = [];
      // What the open services still lack, now (SPEC §2): for each item and the oficio's sentence.
      const intake: IntakeItem[] = [];
      for (const { key, row } of rows) {
        const status = String(row[STATUS_FIELD]);
        const domainItem = toDomainItem(key, row);
        const open = !isClosed(key, status);
        if (open) {
          intake.push({
            workflow: key as WorkItemKey,
            title: (row.title as string) ?? null,
            values: domainItem,
          });
        }
        const facts: Facts = {
          // The oficio's facts, and the linked design of a social post, come from the row itself;
          // crew overlaps were loaded above for all the events at once.
          ...(await workflows.facts(key, row, now, { scheduleOnly: key === 'coverage-event' })),
          ...(key === 'coverage-event' ? { crewOverlaps: overlaps.get(row.documentId) ?? [] } : {}),
        };
        const offered = availableTransitions({
          workflow: key,
          from: status,
          actor,
          item: domainItem,
          facts,
          calendar,
          settings,
        });
        items.push({
          uid: WORKFLOW_UIDS[key],
          workflow: key,
          workflowLabel: WORKFLOW_LABELS[key],
          documentId: row.documentId,
          title: String(row.title ?? ''),
          status,
          statusLabel: STATE_LABELS[key][status] ?? status,
          dueAt: isoDay(row.dueAt),
          assignees: staffMembers(row.assignees),
          badges: badgesOf(key, { status, dueAt: row.dueAt }, oficio, today),
          warnings: itemWarnings({ ...row, workflow: key, status }, settings),
          transitions: toTransitionDtos(key, status, offered),
          missing: open ? registration.missingOf(key as WorkItemKey, domainItem) : [],
        });
      }

      const oficioStatus = String(oficio[STATUS_FIELD]);
      const oficioTransitions = availableTransitions({
        workflow: 'oficio',
        from: oficioStatus,
        actor,
        item: toDomainItem('oficio', oficio),
        facts: {
          now,
          items: items.map((item, index) => ({
            workflow: item.workflow as WorkflowKey,
            status: item.status,
            title: item.title,
            values: toDomainItem(rows[index].key, rows[index].row),
          })),
        },
        calendar,
        settings,
      });

      const response = fileEntry(
        oficio.responseDocument as FileRow | null,
        'Respuesta',
        'response'
      );
      // Only the files the reader may open: those of fields it reads (GET /files/:id says the same).
      const readable = (uid: string, field: string) =>
        !reads || (reads.canRead(uid) && reads.canReadField(uid, field));
      const oficioFile = (field: string, label: string, kind: OficioDocument['kind']) =>
        readable(OFICIO_UID, field) ? fileEntry(oficio[field] as FileRow | null, label, kind) : [];
      const documents = [
        ...oficioFile('scan', 'Oficio escaneado', 'scan'),
        ...(readable(OFICIO_UID, 'attachments')
          ? ((oficio.attachments as FileRow[] | null) ?? []).flatMap((file) =>
              fileEntry(file, 'Anexo del área', 'attachment')
            )
          : []),
        ...oficioFile('acuse', 'Acuse de recibo', 'acuse'),
        ...rows.flatMap(({ key, row }) =>
          itemDocuments(key, row, (field) => readable(WORKFLOW_UIDS[key], field))
        ),
        ...(readable(OFICIO_UID, 'responseDocument') ? response : []),
      ];
      const text = (field: string) => (oficio[field] as string | null | undefined) ?? null;
      // While the oficio waits, what it waits for now; the text written when it was held stays in
      // its history (and stands when a coordinator held it for a reason of their own).
      const missingNow =
        oficioStatus === 'informacion_incompleta'
          ? missingInformationSentence(
              oficioLacks({ addressedTo: oficio.addressedTo, copiedTo: oficio.copiedTo }, intake)
            )
          : null;
      const personal = !reads || (await reads.personalReadable(OFICIO_UID, [documentId])).size > 0;
      const requesterField = (field: string) =>
        personal && (!reads || reads.canReadField(OFICIO_UID, field)) ? text(field) : null;

      return {
        oficio: {
          documentId: oficio.documentId,
          folio: String(oficio.folio),
          senderReference: text('senderReference'),
          subject: String(oficio.subject ?? ''),
          summary: text('summary'),
          receivedAt: isoInstant(oficio.receivedAt) ?? '',
          receptionDay: isoDay(oficio.receptionDay),
          channel: text('channel'),
          status: oficioStatus,
          statusLabel: STATE_LABELS.oficio[oficioStatus] ?? oficioStatus,
          area: areaRef(oficio.area as AreaRow | null),
          isLate: Boolean(oficio.isLate),
          lateReasons: text('lateReasons'),
          lateJustification: text('lateJustification'),
          lateAcceptedAt: isoInstant(oficio.lateAcceptedAt),
          lateAcceptedBy: text('lateAcceptedBy'),
          missingInformation: missingNow ?? text('missingInformation'),
          requester: {
            name: requesterField('requesterName'),
            phone: requesterField('requesterPhone'),
            email: requesterField('requesterEmail'),
          },
          response: {
            folio: text('responseFolio'),
            date: isoDay(oficio.responseDate),
            document: response[0] ?? null,
          },
          transitions: toTransitionDtos('oficio', oficioStatus, oficioTransitions),
        },
        items,
        documents,
        timeline: await timelineOf(oficio, reads),
      };
    },

    /**
     * A coordinator accepts a late request: the justification goes through the Document Service,
     * whose workflow rules record who accepted it and when.
     */
    async acceptLate(
      documentId: string,
      justification: string,
      actor: Actor
    ): Promise<AcceptLate.Response['data']> {
      const text = justification.trim();
      const oficio = await workflow().load('oficio', documentId);
      if (!oficio) throw new errors.NotFoundError('No existe ese oficio.', { code: 'NOT_FOUND' });
      // The same question the write asks, so the panel answers before anything is written.
      const area = oficio.area as { kind?: string } | null;
      const refusal = lateAcceptanceFailure({
        oficio: toDomainItem('oficio', oficio),
        actor,
        justification: text,
        items: await workflow().itemsOfOficio(documentId),
        areaKind: area?.kind ?? null,
        settings: await workflow().settings(),
      });
      if (refusal) throw toError(refusal);
      const where = { documentId };
      await runAs(actor, () =>
        strapi.documents(OFICIO_UID).update({
          documentId,
          data: { lateJustification: text } as never,
        })
      );
      const after = (await strapi.db
        .query(OFICIO_UID)
        .findOne({ where, select: ['lateAcceptedAt', 'lateAcceptedBy'] })) as Row;
      return {
        documentId,
        lateAcceptedAt: isoInstant(after.lateAcceptedAt) ?? '',
        lateAcceptedBy: (after.lateAcceptedBy as string | null) ?? null,
      };
    },
  };

  return service;
};

export type OficioViewService = ReturnType<typeof createOficioViewService>;

export default createOficioViewService;
