import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  COPY_LABELS,
  ADDRESSEE_LABELS,
  OFICIO_UID,
  OPTION_LABELS,
  STATE_LABELS,
  STATUS_FIELD,
  WORKFLOWS,
  WORKFLOW_LABELS,
  WORKFLOW_UIDS,
  WORK_ITEM_KEYS,
  forbidden,
  getService,
  invalid,
  toDomainItem,
  type Actor,
  type WorkItemKey,
} from '../app';
import type { AreaRef } from '../../../shared/contracts/common';
import type {
  CompleteItem,
  GetIntakeForm,
  GetItemForm,
  ItemFieldValue,
  PreviewLeadTime,
  RegisterOficio,
} from '../../../shared/contracts/intake';

const AREA_UID = 'api::area.area';
const LOGO_UID = 'api::logo.logo';

/** The staff member as the admin authentication leaves it in `ctx.state`. */
export interface StaffMember {
  actor: Actor;
  // The admin's CASL ability; typed loosely as Strapi does not export its type.
  userAbility: unknown;
}

interface PermissionChecker {
  can: {
    read: (entity?: unknown, field?: string) => boolean;
    update: (entity?: unknown, field?: string) => boolean;
  };
}

const notFound = () =>
  new errors.NotFoundError('No existe ese servicio.', { code: 'NOT_FOUND' }) as Error;

const isoOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  return value instanceof Date ? value.toISOString() : String(value);
};

/** The field a content-manager permission names: a component's by its nested attribute. */
const permissionPath = (spec: { name: string; kind: string }) =>
  spec.kind === 'logos' ? `${spec.name}.logo` : spec.name;

const toChoices = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * The staff's intake: the «Registrar oficio» form and its lead-time preview, registering an oficio
 * or adding a service to one, and «Completar datos» of a work item. Writes run as the staff member
 * through the Document Service (the app's registration service), so every rule applies.
 */
export const createIntakeService = ({ strapi }: { strapi: Core.Strapi }) => {
  const registration = () => getService('oficio-registration', strapi);

  const checker = (userAbility: unknown, uid: string) =>
    strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility, model: uid }) as PermissionChecker;

  const areaRef = (row: Record<string, unknown>): AreaRef => ({
    documentId: String(row.documentId),
    name: String(row.name),
    shortName: (row.shortName as string | null) ?? null,
    kind: row.kind as AreaRef['kind'],
  });

  /** The value a form shows for a field of a stored item (ids for files and logos). */
  const valueOf = (kind: string, value: unknown) => {
    if (kind === 'logos') {
      return ((value as { logo?: unknown }[] | null) ?? [])
        .map((choice) => choice.logo)
        .filter((logo) => typeof logo === 'string');
    }
    if (kind === 'datetime') return isoOf(value);
    if (kind === 'date') return isoOf(value)?.slice(0, 10) ?? null;
    return value ?? null;
  };

  const oficioOf = async (documentId: string | null) => {
    if (!documentId) return null;
    const row = (await strapi.db.query(OFICIO_UID).findOne({
      where: { documentId },
      select: ['documentId', 'folio', STATUS_FIELD],
    })) as Record<string, unknown> | null;
    return row
      ? {
          documentId: String(row.documentId),
          folio: String(row.folio),
          status: String(row[STATUS_FIELD]),
        }
      : null;
  };

  /** The catalogue's active logos and the given ones, as choices (documentId and name). */
  const logoChoicesFor = async (chosen: readonly string[]) => {
    const logos = (await strapi.db.query(LOGO_UID).findMany({
      where: { $or: [{ active: true }, { documentId: { $in: [...chosen] } }] },
      select: ['documentId', 'name'],
      orderBy: [{ order: 'asc' }, { id: 'asc' }],
    })) as { documentId: string; name: string }[];
    return logos.map((logo) => ({ value: String(logo.documentId), label: String(logo.name) }));
  };

  const service = {
    /** GET /comunicacion/intake/form */
    async form(): Promise<GetIntakeForm.Response['data']> {
      const [areas, logos] = await Promise.all([
        strapi.db.query(AREA_UID).findMany({
          // In SQL `active <> false` would also leave out areas whose flag was never set.
          where: { $or: [{ active: true }, { active: { $null: true } }] },
          select: ['documentId', 'name', 'shortName', 'kind'],
          orderBy: { name: 'asc' },
        }) as Promise<Record<string, unknown>[]>,
        strapi.db.query(LOGO_UID).findMany({
          where: { active: true },
          select: ['documentId', 'name'],
          populate: { image: { select: ['url'] } },
          orderBy: [{ order: 'asc' }, { id: 'asc' }],
        }) as Promise<Record<string, unknown>[]>,
      ]);
      return {
        areas: areas.map(areaRef),
        channels: toChoices(OPTION_LABELS.channel),
        addressees: toChoices(ADDRESSEE_LABELS),
        copies: toChoices(COPY_LABELS),
        logos: logos.map((logo) => ({
          documentId: String(logo.documentId),
          name: String(logo.name),
          url: ((logo.image as { url?: string } | null)?.url as string | undefined) ?? null,
        })),
        services: WORK_ITEM_KEYS.map((workflow) => ({
          workflow,
          label: registration().serviceLabel(workflow),
          fields: registration().fieldSpecs(workflow),
        })),
      };
    },

    /** POST /comunicacion/intake/lead-time: nothing is written. */
    async leadTime(
      receivedAt: Date,
      services: readonly unknown[]
    ): Promise<PreviewLeadTime.Response['data']> {
      return registration().previewAll(receivedAt, services);
    },

    /** POST /comunicacion/oficios */
    async register(
      body: Omit<RegisterOficio.Request['body'], 'services' | 'receivedAt'> & {
        receivedAt: string;
        services: readonly unknown[];
      },
      actor: Actor
    ): Promise<RegisterOficio.Response['data']> {
      const area = (await strapi.db.query(AREA_UID).findOne({
        where: { documentId: body.area },
        select: ['id', 'documentId', 'name', 'kind'],
      })) as { id: number; documentId: string; name: string; kind: string } | null;
      if (!area) {
        throw invalid('INVALID_REQUEST', 'No existe el área solicitante indicada.', {
          fields: ['area'],
        });
      }
      if (body.scan) {
        const file = await strapi.db
          .query('plugin::upload.file')
          .findOne({ where: { id: body.scan }, select: ['id'] });
        if (!file) {
          throw invalid('INVALID_REQUEST', 'No existe el archivo del oficio digitalizado.', {
            fields: ['scan'],
          });
        }
      }
      const services = [];
      for (const [index, input] of body.services.entries()) {
        services.push(await registration().checkService(input, index));
      }
      const requester = body.requester ?? {};
      const registered = await registration().register({
        actor,
        area,
        oficio: {
          subject: body.subject,
          senderReference: body.senderReference ?? null,
          summary: body.summary ?? null,
          channel: body.channel,
          receivedAt: body.receivedAt,
          addressedTo: body.addressedTo ?? null,
          copiedTo: body.copiedTo?.length ? body.copiedTo : null,
          ...(body.scan ? { scan: body.scan } : {}),
          requesterName: requester.name ?? null,
          requesterPhone: requester.phone ?? null,
          requesterEmail: requester.email ?? null,
          requesterAddress: requester.address ?? null,
        },
        services,
        holdWhenIncomplete: true,
      });
      return {
        documentId: registered.documentId,
        folio: registered.folio,
        receivedAt: registered.receivedAt,
        receptionDay: registered.receptionDay,
        status: registered.status,
        statusLabel: registered.statusLabel,
        missingInformation: registered.missingInformation,
        services: registered.services,
      };
    },

    /** POST /comunicacion/oficios/:documentId/services */
    async addService(oficioDocumentId: string, input: unknown, actor: Actor) {
      const data = await registration().checkService(input, 0);
      const added = await registration().addService(oficioDocumentId, data, actor);
      if (!added) {
        throw new errors.NotFoundError('No existe ese oficio.', { code: 'NOT_FOUND' });
      }
      return added;
    },

    /**
     * The «Completar datos» form of a work item, with which fields the staff member may change
     * now: while the work has not started and the oficio is open, the fields their role may update.
     */
    async itemForm(
      workflow: string,
      documentId: string,
      staff: StaffMember
    ): Promise<GetItemForm.Response['data']> {
      if (!registration().isWorkItem(workflow)) throw notFound();
      const uid = WORKFLOW_UIDS[workflow];
      const permissions = checker(staff.userAbility, uid);
      if (!permissions.can.read()) throw notFound();
      const row = await getService('workflow', strapi).load(workflow, documentId);
      if (!row) throw notFound();
      const item = toDomainItem(workflow, row);
      const status = String(row[STATUS_FIELD]);
      const oficio = await oficioOf((item.oficioDocumentId as string | null) ?? null);
      const open = registration().editable(workflow, status, oficio?.status ?? null);
      const specs = registration()
        .fieldSpecs(workflow)
        .filter((spec) => permissions.can.read(undefined, permissionPath(spec)));
      // Logos are named from the catalogue: the active ones and any the item already chose.
      const logoOptions = specs.some((spec) => spec.kind === 'logos')
        ? await logoChoicesFor(
            specs.flatMap((spec) =>
              spec.kind === 'logos' ? (valueOf(spec.kind, item[spec.name]) as string[]) : []
            )
          )
        : [];
      const fields: ItemFieldValue[] = specs.map((spec) => ({
        ...spec,
        ...(spec.kind === 'logos' ? { options: logoOptions } : {}),
        value: valueOf(spec.kind, item[spec.name]),
        editable: open && permissions.can.update(undefined, permissionPath(spec)),
      }));
      return {
        workflow,
        workflowLabel: WORKFLOW_LABELS[workflow],
        documentId,
        title: String(row.title ?? ''),
        status,
        statusLabel: STATE_LABELS[workflow][status] ?? status,
        oficio,
        fields,
        missing: registration().missingOf(workflow, item),
      };
    },

    /**
     * Completes or corrects a work item's data as the staff member (every rule applies). When its
     * oficio waited for information and none of its items lacks anything now, the oficio returns
     * to `recibido` («Información completada») in the same transaction.
     */
    async completeItem(
      workflow: string,
      documentId: string,
      given: unknown,
      staff: StaffMember
    ): Promise<CompleteItem.Response['data']> {
      const form = await service.itemForm(workflow, documentId, staff);
      const key = workflow as WorkItemKey;
      const { fields } = await registration().checkService({ workflow, fields: given }, 0, {
        partial: true,
      });
      if (Object.keys(fields).length === 0) {
        throw invalid('INVALID_REQUEST', 'Indica al menos un dato del servicio.', {
          fields: [],
        });
      }
      const specs = new Map(form.fields.map((field) => [field.name, field]));
      const hidden = Object.keys(fields).filter((name) => !specs.has(name));
      if (hidden.length > 0) {
        throw forbidden(
          'FORBIDDEN',
          `Tu rol no puede ver ni cambiar ${hidden.map((name) => `«${name}»`).join(', ')}.`,
          { fields: hidden }
        );
      }
      const locked = Object.keys(fields).filter((name) => !specs.get(name)!.editable);
      if (locked.length > 0) {
        const started = form.status !== WORKFLOWS[key].initial;
        const oficioClosed = form.oficio && WORKFLOWS.oficio.closed.includes(form.oficio.status);
        const labels = locked.map((name) => `«${specs.get(name)!.label}»`).join(', ');
        if (oficioClosed) {
          throw invalid(
            'OFICIO_CLOSED',
            `El oficio está cerrado («${STATE_LABELS.oficio[form.oficio!.status]}»): sus servicios ya no se modifican.`,
            { fields: locked }
          );
        }
        if (started) {
          throw invalid(
            'READONLY_FIELD',
            `El trabajo ya empezó («${form.statusLabel}»): ${labels} ya no se ${locked.length === 1 ? 'cambia' : 'cambian'} desde «Completar datos».`,
            { fields: locked }
          );
        }
        throw forbidden('FORBIDDEN', `Tu rol no puede cambiar ${labels} de este servicio.`, {
          fields: locked,
        });
      }

      return registration().completeService({
        workflow: key,
        documentId,
        fields,
        oficio: form.oficio,
        actor: staff.actor,
      });
    },

    /** The acuse de recibo's bytes and file name; null when the oficio does not exist. */
    acuse: (documentId: string) => getService('acuse', strapi).read(documentId),
  };
  return service;
};

export type IntakeService = ReturnType<typeof createIntakeService>;

export default createIntakeService;
