import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  STATE_LABELS,
  WORKFLOW_LABELS,
  WORKFLOW_UIDS,
  availableTransitions,
  workflowForUid,
  type Actor,
  type CrewOverlap,
  type Facts,
  type WorkflowKey,
} from '../../../../../domain/workflows';
import {
  OFICIO_UID,
  POPULATE,
  STATUS_FIELD,
  TRANSITION_LOG_UID,
  WORK_ITEM_KEYS,
  isDraftAndPublish,
  toDomainItem,
  yearsOfRow,
  type Row,
} from '../../../../../api/workflow/services/workflow';
import { MIN_JUSTIFICATION } from '../../../../../document-middlewares/workflow-rules';
import { runAs } from '../../../../../services/write-context';
import { invalid } from '../../../../../utils/errors';
import { getService } from '../../../../../utils/get-service';
import type { AreaRef } from '../../../shared/contracts/common';
import type {
  AcceptLate,
  GetOficio,
  OficioDocument,
  OficioItem,
  TimelineEntry,
} from '../../../shared/contracts/oficios';
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
      populate: { crew: { select: ['id'] }, oficio: { select: ['receivedAt'] } },
    })) as (Row & { crew: { id: number }[]; oficio?: { receivedAt: string } | null })[];
    for (const span of spans) {
      const overlaps: CrewOverlap[] = [];
      for (const other of others) {
        const startsAt = asDate(other.startsAt);
        const endsAt = asDate(other.endsAt);
        if (other.documentId === span.documentId || !startsAt || !endsAt) continue;
        if (startsAt >= span.endsAt! || endsAt <= span.startsAt!) continue;
        const shared = other.crew.map((person) => person.id).filter((id) => span.crew.includes(id));
        if (shared.length === 0) continue;
        overlaps.push({
          documentId: other.documentId,
          title: String(other.title ?? ''),
          status: String(other[STATUS_FIELD]),
          startsAt,
          endsAt,
          receivedAt: asDate(other.oficio?.receivedAt) ?? asDate(other.createdAt) ?? new Date(0),
          sharedPeople: shared.map(String),
        });
      }
      result.set(span.documentId, overlaps);
    }
    return result;
  };

  const timelineOf = async (documentId: string): Promise<TimelineEntry[]> => {
    const records = (await strapi.db.query(TRANSITION_LOG_UID).findMany({
      where: { $or: [{ oficioDocumentId: documentId }, { subjectDocumentId: documentId }] },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      limit: TIMELINE_LIMIT,
    })) as Record<string, string | null>[];
    return records.map((record) => {
      const key = workflowForUid(String(record.subjectUid));
      const label = (state: string | null) =>
        state === null ? null : ((key && STATE_LABELS[key][state]) ?? state);
      return {
        documentId: String(record.documentId),
        at: isoInstant(record.at) ?? '',
        subjectUid: String(record.subjectUid),
        subjectDocumentId: String(record.subjectDocumentId),
        subjectTitle: record.subjectTitle || null,
        workflowLabel: key ? WORKFLOW_LABELS[key] : String(record.subjectUid),
        fromStatus: record.fromStatus ?? null,
        fromLabel: label(record.fromStatus ?? null),
        toStatus: String(record.toStatus),
        toLabel: label(String(record.toStatus)) ?? String(record.toStatus),
        actorKind: (record.actorKind ?? 'system') as TimelineEntry['actorKind'],
        actorName: record.actorName ?? null,
        comment: record.comment ?? null,
      };
    });
  };

  const itemDocuments = (key: WorkflowKey, row: Row): OficioDocument[] => {
    const subject = { uid: WORKFLOW_UIDS[key], documentId: row.documentId };
    const title = String(row.title ?? '');
    const docs: OficioDocument[] = [];
    if (key === 'design') {
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
    if (key === 'transparency-document') {
      docs.push(
        ...fileEntry(
          row.file as FileRow,
          `Documento de transparencia (${title})`,
          'attachment',
          subject
        )
      );
    }
    for (const file of (row.attachments as FileRow[] | null | undefined) ?? []) {
      docs.push(...fileEntry(file, `Anexo de la publicación (${title})`, 'attachment', subject));
    }
    docs.push(
      ...fileEntry(
        row.responseDocument as FileRow | null,
        `Oficio de respuesta con evidencia (${title})`,
        'response',
        subject
      )
    );
    return docs;
  };

  const service = {
    /** The oficio page for `actor`; null when the oficio does not exist. */
    async get(documentId: string, actor: Actor): Promise<GetOficio.Response['data'] | null> {
      const oficio = (await strapi.db.query(OFICIO_UID).findOne({
        where: { documentId },
        populate: {
          area: { select: ['id', 'documentId', 'name', 'shortName', 'kind'] },
          scan: { select: FILE_SELECT },
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

      const items: OficioItem[] = [];
      for (const { key, row } of rows) {
        const status = String(row[STATUS_FIELD]);
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
          item: toDomainItem(key, row),
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
          transitions: toTransitionDtos(key, offered),
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
          items: items.map((item) => ({
            workflow: item.workflow as WorkflowKey,
            status: item.status,
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
      const documents = [
        ...fileEntry(oficio.scan as FileRow | null, 'Oficio escaneado', 'scan'),
        ...rows.flatMap(({ key, row }) => itemDocuments(key, row)),
        ...response,
      ];
      const text = (field: string) => (oficio[field] as string | null | undefined) ?? null;

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
          missingInformation: text('missingInformation'),
          requester: {
            name: text('requesterName'),
            phone: text('requesterPhone'),
            email: text('requesterEmail'),
          },
          response: {
            folio: text('responseFolio'),
            date: isoDay(oficio.responseDate),
            document: response[0] ?? null,
          },
          transitions: toTransitionDtos('oficio', oficioTransitions),
        },
        items,
        documents,
        timeline: await timelineOf(documentId),
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
      if (text.length < MIN_JUSTIFICATION) {
        throw invalid(
          'COMMENT_REQUIRED',
          `Escribe por qué se acepta la solicitud extemporánea (al menos ${MIN_JUSTIFICATION} caracteres).`,
          { fields: ['justification'] }
        );
      }
      const where = { documentId };
      const before = (await strapi.db
        .query(OFICIO_UID)
        .findOne({ where, select: ['id', 'isLate', 'lateAcceptedAt'] })) as Row | null;
      if (!before) throw new errors.NotFoundError('No existe ese oficio.', { code: 'NOT_FOUND' });
      if (!before.isLate) {
        throw invalid(
          'NOT_LATE',
          'El oficio llegó con la anticipación debida: no hay nada que aceptar.'
        );
      }
      if (before.lateAcceptedAt) {
        throw invalid(
          'NOT_LATE',
          'Esta solicitud extemporánea ya fue aceptada; la aceptación no se modifica.'
        );
      }
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
