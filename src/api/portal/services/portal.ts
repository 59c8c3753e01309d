import fs from 'node:fs';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  OFICIO_UID,
  STATE_LABELS,
  STATUS_FIELD,
  TRANSITION_LOG_UID,
  WORKFLOWS,
  WORKFLOW_UIDS,
  WORK_ITEM_KEYS,
  isDraftAndPublish,
  resolveRoles,
  workflowForUid,
  type Actor,
  type WorkflowKey,
  type WorkItemKey,
} from '../../../domain/workflows';
import {
  MAX_SERVICES_PER_OFICIO,
  TOO_MANY_SERVICES_MESSAGE,
  missingInformationSentence,
  oficioLacks,
} from '../../../domain/workflows/intake-requirements';
import { ADDRESSEE_LABELS, COPY_LABELS } from '../../../domain/workflows/intake-values';
import { areaTimelineEntry } from '../../../domain/workflows/area-timeline';
import { runAs, runExpecting, SYSTEM_ACTOR } from '../../../services/write-context';
import type { RequestingArea } from '../../../utils/area-scope';
import { invalid } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { storedFileOnDisk } from '../../../utils/stored-file';
import type { FileRow } from '../../../utils/private-files';
import type { ServiceData } from '../../oficio/services/registration';
import type {
  FileRef,
  FormResponse,
  ItemFieldValue,
  LeadTimeResponse,
  MeResponse,
  NewOficio,
  OficioCreated,
  OficioDetailResponse,
  OficioListResponse,
  PendingProposal,
  PortalArea,
  PortalOficioRow,
  PortalService,
  PortalServiceForm,
  TimelineEntry,
} from '../contract';
import type { AcceptedFile } from './uploads';

const FILE_UID = 'plugin::upload.file';
const LOGO_UID = 'api::logo.logo';

type Row = Record<string, unknown> & { id: number; documentId: string };
type Item = { workflow: WorkItemKey; row: Row };
type Media = Pick<FileRow, 'id' | 'name' | 'mime' | 'size' | 'url'> | null | undefined;

const notFound = (what = 'ese oficio') =>
  new errors.NotFoundError(`No existe ${what}.`, { code: 'NOT_FOUND' });

const isoOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  return value instanceof Date ? value.toISOString() : String(value);
};
const dayOf = (value: unknown) => isoOf(value)?.slice(0, 10) ?? null;

const FILE_SELECT = ['id', 'name', 'mime', 'size', 'url'];

/** What each work item needs loaded: its oficio, what its intake counts, the files the area gets. */
const ITEM_POPULATE: Record<WorkItemKey, Record<string, unknown>> = {
  design: {
    oficio: { select: ['documentId'] },
    logos: { populate: { logo: { select: ['id', 'documentId'] } } },
    proposals: { populate: { file: { select: FILE_SELECT } } },
    delivery: { populate: { document: { select: FILE_SELECT } } },
  },
  'coverage-event': {
    oficio: { select: ['documentId'] },
    material: { populate: { file: { select: FILE_SELECT } } },
  },
  'social-post': { oficio: { select: ['documentId'] } },
  'web-publication': {
    oficio: { select: ['documentId'] },
    attachments: { select: ['id'] },
    responseDocument: { select: FILE_SELECT },
  },
  'transparency-document': {
    oficio: { select: ['documentId'] },
    file: { select: ['id'] },
    responseDocument: { select: FILE_SELECT },
  },
  'email-account-request': {
    oficio: { select: ['documentId'] },
    delivery: { populate: { document: { select: FILE_SELECT } } },
  },
  advisory: { oficio: { select: ['documentId'] } },
};

const OFICIO_SELECT = [
  'id',
  'documentId',
  'folio',
  'subject',
  'senderReference',
  'summary',
  'receivedAt',
  'receptionDay',
  STATUS_FIELD,
  'missingInformation',
  'responseFolio',
  'responseDate',
  'addressedTo',
  'copiedTo',
];

const OFICIO_FILES = {
  scan: { select: FILE_SELECT },
  attachments: { select: FILE_SELECT },
  acuse: { select: FILE_SELECT },
  responseDocument: { select: FILE_SELECT },
};

/** Work that reaches the area once it is done, by service. */
const DELIVERED: Partial<Record<WorkItemKey, readonly string[]>> = {
  'coverage-event': ['entregada', 'publicada'],
};

const statusOf = (row: Record<string, unknown>) => String(row[STATUS_FIELD] ?? '');
const labelOf = (workflow: WorkflowKey, status: string) => STATE_LABELS[workflow][status] ?? status;
const isClosedState = (workflow: WorkflowKey, status: string) =>
  WORKFLOWS[workflow].closed.includes(status);

/** The cancellation edge of a workflow from `status` that an area may fire, if any. */
const areaCancel = (workflow: WorkflowKey, status: string) =>
  WORKFLOWS[workflow].transitions.find(
    (t) =>
      t.kind === 'cancel' &&
      t.from.includes(status) &&
      resolveRoles(t.roles, { now: new Date() }).includes('area')
  ) ?? null;

/**
 * The Portal de áreas' content API: what an area account reads and does with its own oficios.
 * Every read is scoped to the caller's area (anything else answers 404) and every write runs as
 * the area through the Document Service, in one transaction, so the workflows' rules hold.
 */
export const createPortalService = ({ strapi }: { strapi: Core.Strapi }) => {
  const registration = () => getService('oficio-registration', strapi);
  const uploads = () => getService('portal-uploads', strapi);

  const areaOf = (area: RequestingArea): PortalArea => ({
    documentId: area.documentId,
    name: area.name,
    kind: area.kind as PortalArea['kind'],
  });

  const fileRef = (file: Media, kind: FileRef['kind'], label: string): FileRef | null =>
    file
      ? {
          id: file.id,
          name: String(file.name),
          mime: String(file.mime),
          size: Math.round(Number(file.size) * 1024),
          kind,
          label,
          url: `/api/portal/files/${file.id}`,
        }
      : null;

  /** The area's oficio, or 404 whether it does not exist or is another area's. */
  const ownOficio = async (area: RequestingArea, documentId: string) => {
    const row = (await strapi.db.query(OFICIO_UID).findOne({
      where: { documentId: String(documentId), area: { id: area.id } },
      select: OFICIO_SELECT,
      populate: OFICIO_FILES,
    })) as Row | null;
    if (!row) throw notFound();
    return row;
  };

  /** The work items of some oficios, one query per service, with what the portal shows. */
  const itemsOf = async (oficioDocumentIds: readonly string[]) => {
    const byOficio = new Map<string, Item[]>();
    if (oficioDocumentIds.length === 0) return byOficio;
    for (const workflow of WORK_ITEM_KEYS) {
      const rows = (await strapi.db.query(WORKFLOW_UIDS[workflow] as UID.ContentType).findMany({
        where: {
          oficio: { documentId: { $in: [...oficioDocumentIds] } },
          ...(isDraftAndPublish(workflow) ? { publishedAt: null } : {}),
        },
        orderBy: { id: 'asc' },
        populate: ITEM_POPULATE[workflow],
      })) as Row[];
      for (const row of rows) {
        const oficio = (row.oficio as { documentId?: string } | null)?.documentId;
        if (!oficio) continue;
        byOficio.set(oficio, [...(byOficio.get(oficio) ?? []), { workflow, row }]);
      }
    }
    return byOficio;
  };

  /** What the services lack, as «Información completada» counts it. */
  const lacksOf = (oficio: Row, items: readonly Item[]) =>
    oficioLacks(
      { addressedTo: oficio.addressedTo, copiedTo: oficio.copiedTo },
      items
        .filter(({ workflow, row }) => !isClosedState(workflow, statusOf(row)))
        .map(({ workflow, row }) => ({
          workflow,
          title: (row.title as string | null | undefined) ?? null,
          values: row,
        }))
    );

  /** The latest proposal version sent to the area. */
  const latestSent = (row: Row) =>
    ((row.proposals as Record<string, unknown>[] | null) ?? [])
      .filter((p) => p.sentAt)
      .sort((a, b) => Number(b.version ?? 0) - Number(a.version ?? 0))[0] ?? null;

  const serviceOf = (oficio: Row, { workflow, row }: Item): PortalService => {
    const status = statusOf(row);
    const oficioOpen = !isClosedState('oficio', statusOf(oficio));
    return {
      workflow,
      workflowLabel: registration().serviceLabel(workflow),
      documentId: row.documentId,
      title: String(row.title ?? ''),
      status,
      statusLabel: labelOf(workflow, status),
      dueAt: dayOf(row.dueAt),
      leadTimeMet: typeof row.leadTimeMet === 'boolean' ? row.leadTimeMet : null,
      missing: isClosedState(workflow, status) ? [] : registration().missingOf(workflow, row),
      closed: isClosedState(workflow, status),
      cancellable: oficioOpen && areaCancel(workflow, status) !== null,
    };
  };

  const rowOf = (oficio: Row, items: readonly Item[]): PortalOficioRow => {
    const status = statusOf(oficio);
    const services = items.map((item) => serviceOf(oficio, item));
    const open = !isClosedState('oficio', status);
    const waiting: string[] = [];
    if (open) {
      const lacking = missingInformationSentence(lacksOf(oficio, items));
      if (status === 'informacion_incompleta') {
        waiting.push(
          lacking ??
            (oficio.missingInformation
              ? `La Dirección pide: ${String(oficio.missingInformation)}`
              : 'La Dirección espera información del área.')
        );
      } else if (lacking) {
        waiting.push(lacking);
      }
      for (const { workflow, row } of items) {
        if (workflow !== 'design' || statusOf(row) !== 'en_revision') continue;
        const proposal = latestSent(row);
        waiting.push(
          `Una propuesta espera tu revisión: «${String(row.title ?? '')}»` +
            `${proposal ? ` (versión ${String(proposal.version)})` : ''}.`
        );
      }
    }
    const dueDates = services
      .filter((service) => !service.closed && service.dueAt)
      .map((service) => service.dueAt as string)
      .sort();
    return {
      documentId: oficio.documentId,
      folio: String(oficio.folio),
      subject: String(oficio.subject ?? ''),
      receivedAt: isoOf(oficio.receivedAt) ?? '',
      status,
      statusLabel: labelOf('oficio', status),
      dueAt: dueDates.at(-1) ?? null,
      waitingFor: waiting.length > 0 ? waiting.join(' ') : null,
      needsAction: waiting.length > 0,
      services,
    };
  };

  /** Every file of the oficio the area may download, each once. */
  const filesOf = (oficio: Row, items: readonly Item[]): FileRef[] => {
    const status = statusOf(oficio);
    const refs: (FileRef | null)[] = [
      fileRef(oficio.scan as Media, 'scan', 'Oficio digitalizado'),
      ...((oficio.attachments as Media[] | null) ?? []).map((file) =>
        fileRef(file, 'attachment', `Anexo: ${file?.name ?? ''}`)
      ),
      fileRef(oficio.acuse as Media, 'acuse', 'Acuse de recibo'),
      status === 'atendido'
        ? fileRef(oficio.responseDocument as Media, 'answer', 'Oficio de respuesta')
        : null,
    ];
    for (const { workflow, row } of items) {
      const title = String(row.title ?? '');
      const status = statusOf(row);
      if (workflow === 'design') {
        for (const proposal of (row.proposals as Record<string, unknown>[] | null) ?? []) {
          if (!proposal.sentAt) continue;
          refs.push(
            fileRef(
              proposal.file as Media,
              'proposal',
              `Propuesta v${String(proposal.version)} de «${title}»`
            )
          );
        }
      }
      if (workflow === 'design' || workflow === 'email-account-request') {
        const delivery = row.delivery as { document?: Media } | null;
        if (isClosedState(workflow, status) && status !== 'cancelado' && status !== 'rechazada') {
          refs.push(fileRef(delivery?.document, 'deliverable', `Oficio de entrega de «${title}»`));
        }
      }
      if (workflow === 'coverage-event' && DELIVERED[workflow]?.includes(status)) {
        for (const material of (row.material as Record<string, unknown>[] | null) ?? []) {
          for (const file of (material.file as Media[] | null) ?? []) {
            refs.push(fileRef(file, 'deliverable', `Material de «${title}»: ${file?.name ?? ''}`));
          }
        }
      }
      if (
        (workflow === 'web-publication' || workflow === 'transparency-document') &&
        status === 'respondida'
      ) {
        refs.push(fileRef(row.responseDocument as Media, 'answer', `Respuesta de «${title}»`));
      }
    }
    const seen = new Set<number>();
    return refs.filter((ref): ref is FileRef => {
      if (!ref || seen.has(ref.id)) return false;
      seen.add(ref.id);
      return true;
    });
  };

  /** The catalogue's active logos and those already chosen, as choices in catalogue order. */
  const logoOptions = async (chosen: readonly string[]) => {
    const logos = (await strapi.db.query(LOGO_UID).findMany({
      where: { $or: [{ active: true }, { documentId: { $in: [...chosen] } }] },
      select: ['documentId', 'name'],
      orderBy: [{ order: 'asc' }, { id: 'asc' }],
    })) as { documentId: string; name: string }[];
    return logos.map((logo) => ({ value: String(logo.documentId), label: String(logo.name) }));
  };

  const formValue = (kind: string, value: unknown) => {
    if (kind === 'logos') {
      return ((value as { logo?: { documentId?: string } | null }[] | null) ?? [])
        .map((choice) => choice.logo?.documentId)
        .filter((logo): logo is string => typeof logo === 'string');
    }
    if (kind === 'datetime') return isoOf(value);
    if (kind === 'date') return dayOf(value);
    return value ?? null;
  };

  const formsOf = async (oficio: Row, items: readonly Item[]): Promise<PortalServiceForm[]> => {
    const forms: PortalServiceForm[] = [];
    for (const { workflow, row } of items) {
      if (!registration().editable(workflow, statusOf(row), statusOf(oficio))) continue;
      const specs = registration()
        .fieldSpecs(workflow)
        .filter((spec) => !spec.kind.startsWith('media'));
      const options = specs.some((spec) => spec.kind === 'logos')
        ? await logoOptions(formValue('logos', row.logos) as string[])
        : [];
      const fields: ItemFieldValue[] = specs.map((spec) => ({
        ...spec,
        ...(spec.kind === 'logos' ? { options } : {}),
        value: formValue(spec.kind, row[spec.name]),
        editable: true,
      }));
      forms.push({ workflow, documentId: row.documentId, title: String(row.title ?? ''), fields });
    }
    return forms;
  };

  const logsOf = async (oficioDocumentId: string) =>
    (await strapi.db.query(TRANSITION_LOG_UID as UID.ContentType).findMany({
      where: { oficioDocumentId },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    })) as Record<string, unknown>[];

  const proposalsOf = (
    items: readonly Item[],
    logs: readonly Record<string, unknown>[]
  ): PendingProposal[] =>
    items
      .filter(({ workflow, row }) => workflow === 'design' && statusOf(row) === 'en_revision')
      .map(({ row }) => {
        const proposal = latestSent(row);
        const sent = logs
          .filter(
            (log) => log.subjectDocumentId === row.documentId && log.toStatus === 'en_revision'
          )
          .at(-1);
        const title = String(row.title ?? '');
        return {
          designDocumentId: row.documentId,
          title,
          version: Number(proposal?.version ?? 0),
          file: fileRef(
            proposal?.file as Media,
            'proposal',
            `Propuesta v${String(proposal?.version ?? '')} de «${title}»`
          ),
          comment: typeof sent?.comment === 'string' && sent.comment.trim() ? sent.comment : null,
        };
      });

  const service = {
    areaOf,

    /** The area's oficios in full (row, items), newest first, as `where` narrows them. */
    async rowsOf(area: RequestingArea, where: Record<string, unknown>, page = 1, pageSize = 20) {
      const filter = { $and: [{ area: { id: area.id } }, where] };
      const [oficios, total] = await Promise.all([
        strapi.db.query(OFICIO_UID).findMany({
          where: filter,
          select: OFICIO_SELECT,
          orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }) as Promise<Row[]>,
        strapi.db.query(OFICIO_UID).count({ where: filter }),
      ]);
      const items = await itemsOf(oficios.map((oficio) => oficio.documentId));
      return {
        rows: oficios.map((oficio) => rowOf(oficio, items.get(oficio.documentId) ?? [])),
        total: Number(total),
      };
    },

    async me(
      area: RequestingArea,
      user: { username?: string | null; email?: string | null }
    ): Promise<MeResponse['data']> {
      const { rows } = await service.rowsOf(
        area,
        { [STATUS_FIELD]: { $notIn: [...WORKFLOWS.oficio.closed] } },
        1,
        1000
      );
      return {
        username: String(user.username ?? ''),
        email: String(user.email ?? ''),
        area: areaOf(area),
        pendingActions: rows.filter((row) => row.needsAction).length,
      };
    },

    async form(area: RequestingArea): Promise<FormResponse['data']> {
      const logos = (await strapi.db.query(LOGO_UID).findMany({
        where: { active: true },
        select: ['documentId', 'name'],
        populate: { image: { select: ['url'] } },
        orderBy: [{ order: 'asc' }, { id: 'asc' }],
      })) as Record<string, unknown>[];
      const choices = (labels: Readonly<Record<string, string>>) =>
        Object.entries(labels).map(([value, label]) => ({ value, label }));
      return {
        area: areaOf(area),
        addressees: choices(ADDRESSEE_LABELS),
        copies: choices(COPY_LABELS),
        logos: logos.map((logo) => ({
          documentId: String(logo.documentId),
          name: String(logo.name),
          url: (logo.image as { url?: string } | null)?.url ?? null,
        })),
        services: WORK_ITEM_KEYS.filter((workflow) =>
          registration().mayRequest(workflow, area.kind)
        ).map((workflow) => ({
          workflow,
          label: registration().serviceLabel(workflow),
          // Files go with the scan and the attachments, not inside a service.
          fields: registration()
            .fieldSpecs(workflow)
            .filter((spec) => !spec.kind.startsWith('media')),
        })),
        upload: uploads().limits(),
      };
    },

    /** The verdict of each service if the oficio were received now; nothing is written. */
    async leadTime(services: unknown): Promise<LeadTimeResponse['data']> {
      if (!Array.isArray(services)) {
        throw invalid('INVALID_REQUEST', 'Envía los servicios en una lista «services».', {
          fields: ['services'],
        });
      }
      if (services.length > MAX_SERVICES_PER_OFICIO) {
        throw invalid('INVALID_REQUEST', TOO_MANY_SERVICES_MESSAGE, { fields: ['services'] });
      }
      return registration().previewAll(new Date(), services, { allowFiles: false });
    },

    /**
     * Files an oficio with its scan and attachments, all in one transaction: the files, the
     * oficio, its services and its acuse are stored together or not at all.
     */
    async file(input: {
      area: RequestingArea;
      actor: Actor;
      oficio: NewOficio;
      scan: AcceptedFile;
      attachments: readonly AcceptedFile[];
    }): Promise<OficioCreated['data']> {
      const { area, actor, oficio } = input;
      const services: ServiceData[] = [];
      for (const [index, given] of oficio.services.entries()) {
        services.push(await registration().checkService(given, index, { allowFiles: false }));
      }
      const registered = await strapi.db.transaction(async () => {
        const [scan, ...attachments] = await uploads().store(
          [input.scan, ...input.attachments],
          `Oficio de ${area.name}`
        );
        return registration().register({
          actor,
          // Registered with the oficio on the area's behalf: the office's intake, not a staff act.
          itemActor: SYSTEM_ACTOR,
          area,
          oficio: {
            subject: oficio.subject,
            senderReference: oficio.senderReference ?? null,
            summary: oficio.summary ?? null,
            addressedTo: oficio.addressedTo ?? null,
            copiedTo: oficio.copiedTo?.length ? oficio.copiedTo : null,
            requesterName: oficio.requester?.name ?? null,
            requesterPhone: oficio.requester?.phone ?? null,
            requesterEmail: oficio.requester?.email ?? null,
            channel: 'digital',
            receivedAt: new Date().toISOString(),
            scan: scan.id,
            ...(attachments.length > 0 ? { attachments: attachments.map((file) => file.id) } : {}),
          },
          services,
          // As through POST /api/oficios: the area completes what it left blank from the portal.
          holdWhenIncomplete: false,
        });
      });
      return {
        documentId: registered.documentId,
        folio: registered.folio,
        receivedAt: registered.receivedAt,
        receptionDay: registered.receptionDay,
        status: registered.status,
        statusLabel: registered.statusLabel,
        services: registered.services,
        acuseUrl: `/api/portal/oficios/${registered.documentId}/acuse`,
      };
    },

    async list(
      area: RequestingArea,
      query: { page: number; pageSize: number; status?: string; q?: string }
    ): Promise<OficioListResponse> {
      const where: Record<string, unknown>[] = [];
      if (query.status) where.push({ [STATUS_FIELD]: query.status });
      if (query.q) {
        where.push({
          $or: [{ folio: { $containsi: query.q } }, { subject: { $containsi: query.q } }],
        });
      }
      const { rows, total } = await service.rowsOf(
        area,
        where.length > 0 ? { $and: where } : {},
        query.page,
        query.pageSize
      );
      return {
        data: rows,
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            pageCount: Math.ceil(total / query.pageSize),
            total,
          },
        },
      };
    },

    async detail(area: RequestingArea, documentId: string): Promise<OficioDetailResponse['data']> {
      const oficio = await ownOficio(area, documentId);
      const items = (await itemsOf([oficio.documentId])).get(oficio.documentId) ?? [];
      const logs = await logsOf(oficio.documentId);
      const status = statusOf(oficio);
      const answered = status === 'atendido';
      return {
        ...rowOf(oficio, items),
        senderReference: (oficio.senderReference as string | null) ?? null,
        summary: (oficio.summary as string | null) ?? null,
        receptionDay: dayOf(oficio.receptionDay),
        missingInformation:
          status === 'informacion_incompleta'
            ? ((oficio.missingInformation as string | null) ?? null)
            : null,
        responseFolio: answered ? ((oficio.responseFolio as string | null) ?? null) : null,
        responseDate: answered ? dayOf(oficio.responseDate) : null,
        cancellable: areaCancel('oficio', status) !== null,
        forms: await formsOf(oficio, items),
        proposals: proposalsOf(items, logs),
        files: filesOf(oficio, items),
        timeline: logs
          .map(areaTimelineEntry)
          .filter((entry): entry is TimelineEntry => entry !== null),
      };
    },

    /** One of the oficio's services, or 404. */
    async ownItem(oficio: Row, workflow: string, documentId: string): Promise<Item> {
      if (!registration().isWorkItem(workflow)) throw notFound('ese servicio');
      const items = (await itemsOf([oficio.documentId])).get(oficio.documentId) ?? [];
      const item = items.find(
        (candidate) => candidate.workflow === workflow && candidate.row.documentId === documentId
      );
      if (!item) throw notFound('ese servicio');
      return item;
    },

    ownOficio,

    /** «Completar datos» from the portal: the same completion as the staff's, as the area. */
    async completeService(input: {
      area: RequestingArea;
      actor: Actor;
      documentId: string;
      workflow: string;
      itemDocumentId: string;
      fields: unknown;
    }) {
      const oficio = await ownOficio(input.area, input.documentId);
      const { workflow, row } = await service.ownItem(oficio, input.workflow, input.itemDocumentId);
      const status = statusOf(row);
      const oficioStatus = statusOf(oficio);
      if (isClosedState('oficio', oficioStatus)) {
        throw invalid(
          'OFICIO_CLOSED',
          `El oficio está cerrado («${labelOf('oficio', oficioStatus)}»): sus servicios ya no se modifican.`,
          { status: oficioStatus }
        );
      }
      if (!registration().editable(workflow, status, oficioStatus)) {
        throw invalid(
          'READONLY_FIELD',
          `El trabajo ya empezó («${labelOf(workflow, status)}»): sus datos ya no se cambian desde el portal. Escribe a la Dirección si algo cambió.`,
          { status }
        );
      }
      const { fields } = await registration().checkService(
        { workflow, fields: input.fields ?? {} },
        0,
        { partial: true, allowFiles: false }
      );
      if (Object.keys(fields).length === 0) {
        throw invalid('INVALID_REQUEST', 'Indica al menos un dato del servicio.', { fields: [] });
      }
      await registration().completeService({
        workflow,
        documentId: row.documentId,
        fields,
        oficio: { documentId: oficio.documentId, status: oficioStatus },
        actor: input.actor,
      });
      return service.detail(input.area, oficio.documentId);
    },

    /**
     * More attachments for an open oficio, stored privately and added to the ones it has. An
     * oficio waiting for information resumes when nothing else lacks («Información completada»).
     */
    async addFiles(input: {
      area: RequestingArea;
      actor: Actor;
      documentId: string;
      files: readonly AcceptedFile[];
    }): Promise<FileRef[]> {
      const oficio = await ownOficio(input.area, input.documentId);
      const status = statusOf(oficio);
      if (isClosedState('oficio', status)) {
        throw invalid(
          'OFICIO_CLOSED',
          `El oficio está cerrado («${labelOf('oficio', status)}»): ya no se le agregan archivos.`,
          { status }
        );
      }
      const current = ((oficio.attachments as Media[] | null) ?? []).map((file) => file!.id);
      const stored = await strapi.db.transaction(async () => {
        const files = await uploads().store(
          input.files,
          `Anexo del oficio ${String(oficio.folio)}`
        );
        await runAs(
          input.actor,
          () =>
            strapi.documents(OFICIO_UID).update({
              documentId: oficio.documentId,
              data: { attachments: [...current, ...files.map((file) => file.id)] } as never,
            }),
          'Anexos agregados por el área'
        );
        // What the office asked for may be these files: with no data missing, the oficio resumes.
        await registration().afterCompletion(
          { documentId: oficio.documentId, status },
          input.actor
        );
        return files;
      });
      return stored
        .map((file) => fileRef(file, 'attachment', `Anexo: ${file.name}`))
        .filter((ref): ref is FileRef => ref !== null);
    },

    /** Cancels the oficio or one of its services as the area, while the workflow allows it. */
    async cancel(input: {
      area: RequestingArea;
      actor: Actor;
      documentId: string;
      workflow?: string;
      itemDocumentId?: string;
      reason: string | null;
    }) {
      const oficio = await ownOficio(input.area, input.documentId);
      const target: { workflow: WorkflowKey; row: Row } = input.workflow
        ? await service.ownItem(oficio, input.workflow, String(input.itemDocumentId))
        : { workflow: 'oficio', row: oficio };
      const { workflow, row } = target;
      const status = statusOf(row);
      // The workflow's cancellation (its name differs by service); the engine judges it.
      const to =
        WORKFLOWS[workflow].transitions.find((t) => t.kind === 'cancel')?.to ?? 'cancelado';
      if (status === to) {
        throw invalid('INVALID_TRANSITION', `Ya está en «${labelOf(workflow, to)}».`, {
          from: status,
          to,
        });
      }
      await strapi.db.transaction(() =>
        runAs(
          input.actor,
          () =>
            runExpecting(row.documentId, status, () =>
              strapi.documents(WORKFLOW_UIDS[workflow] as UID.ContentType).update({
                documentId: row.documentId,
                data: { [STATUS_FIELD]: to } as never,
              })
            ),
          input.reason
        )
      );
      return service.detail(input.area, oficio.documentId);
    },

    /** The acuse de recibo of the area's oficio. */
    async acuse(area: RequestingArea, documentId: string) {
      const oficio = await ownOficio(area, documentId);
      const acuse = await getService('acuse', strapi).read(oficio.documentId);
      if (!acuse) throw notFound('el acuse de recibo');
      return acuse;
    },

    /**
     * A file the area may download: one the detail of one of its oficios lists. The oficio is
     * found from the file's own relations; anything else answers 404.
     */
    async download(area: RequestingArea, id: number) {
      const file = (await strapi.db.query(FILE_UID).findOne({
        where: { id },
        select: ['id', 'name', 'mime', 'size', 'url', 'provider'],
        populate: { related: true },
      })) as (FileRow & { related?: (Record<string, unknown> & { __type?: string })[] }) | null;
      if (!file) throw notFound('ese archivo');
      const oficios = new Set<string>();
      for (const related of file.related ?? []) {
        for (const documentId of await service.oficiosOfRelated(related)) oficios.add(documentId);
      }
      for (const documentId of oficios) {
        const oficio = (await strapi.db.query(OFICIO_UID).findOne({
          where: { documentId, area: { id: area.id } },
          select: OFICIO_SELECT,
          populate: OFICIO_FILES,
        })) as Row | null;
        if (!oficio) continue;
        const items = (await itemsOf([documentId])).get(documentId) ?? [];
        if (filesOf(oficio, items).some((ref) => ref.id === file.id)) {
          const stream = await service.streamOf(file);
          if (stream) return { file, stream };
        }
      }
      throw notFound('ese archivo');
    },

    /** The oficios a file's related record belongs to (a component: its owner's oficio). */
    async oficiosOfRelated(related: Record<string, unknown> & { __type?: string }) {
      const type = String(related.__type ?? '');
      if (type === OFICIO_UID) return [String(related.documentId)];
      const workflow = workflowForUid(type);
      const owners: { uid: string; where: Record<string, unknown> }[] = [];
      if (workflow && workflow !== 'oficio') {
        owners.push({ uid: type, where: { id: related.id } });
      } else if (type.startsWith('workflow.')) {
        for (const key of WORK_ITEM_KEYS) {
          const attributes = (strapi.contentType(WORKFLOW_UIDS[key] as UID.ContentType)
            ?.attributes ?? {}) as Record<string, { type: string; component?: string }>;
          for (const [name, attribute] of Object.entries(attributes)) {
            if (attribute.type === 'component' && attribute.component === type) {
              owners.push({ uid: WORKFLOW_UIDS[key], where: { [name]: { id: related.id } } });
            }
          }
        }
      }
      const found: string[] = [];
      for (const owner of owners) {
        const rows = (await strapi.db.query(owner.uid as UID.ContentType).findMany({
          where: owner.where,
          select: ['id'],
          populate: { oficio: { select: ['documentId'] } },
        })) as { oficio?: { documentId?: string } | null }[];
        rows.forEach((row) => row.oficio?.documentId && found.push(row.oficio.documentId));
      }
      return found;
    },

    /** The bytes of a file the local provider keeps under public/uploads. */
    async streamOf(file: FileRow) {
      const onDisk = await storedFileOnDisk(strapi, file);
      return onDisk ? fs.createReadStream(onDisk.path) : null;
    },
  };
  return service;
};

export type PortalApiService = ReturnType<typeof createPortalService>;

export default createPortalService;
