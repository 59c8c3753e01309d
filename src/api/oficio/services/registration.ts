import type { Core, UID } from '@strapi/strapi';
import { LFT_MAX_YEAR, LFT_MIN_YEAR, parseIsoDate } from '../../../domain/calendar';
import {
  OFICIO_UID,
  STATE_LABELS,
  STATUS_FIELD,
  WORKFLOWS,
  WORKFLOW_LABELS,
  WORKFLOW_UIDS,
  WORK_ITEM_KEYS,
  fieldLabel,
  isDraftAndPublish,
  leadVerdict,
  planCreate,
  resolveRoles,
  type Actor,
  type WorkItemKey,
} from '../../../domain/workflows';
import {
  describeLeadTime,
  FIELD_HINTS,
  isIntakeField,
  MAX_SERVICES_PER_OFICIO,
  missingIntake,
  missingInformationSentence,
  oficioLacks,
  OPTION_LABELS,
  SERVICE_FIELDS,
  SERVICE_LABELS,
  TOO_MANY_SERVICES_MESSAGE,
  type IntakeLack,
} from '../../../domain/workflows/intake-requirements';
import { runAs, SYSTEM_ACTOR } from '../../../services/write-context';
import { invalid } from '../../../utils/errors';
import { labelOf } from '../../../utils/field-labels';
import { getService } from '../../../utils/get-service';
import { toDomainItem, yearsOfRow } from '../../workflow/services/workflow';
import type { FieldKind, FieldSpec } from '../../../plugins/comunicacion/shared/contracts/intake';

/** How a field is filled in and one field of a service form: the plugin's intake contract. */
export type { FieldKind, FieldSpec };

/** A requested service with its values checked and in the shape the Document Service takes. */
export interface ServiceData {
  workflow: WorkItemKey;
  fields: Record<string, unknown>;
}

/** A work item as registered, with its lead-time verdict and what it still lacks. */
export interface RegisteredService {
  workflow: WorkItemKey;
  documentId: string;
  title: string;
  status: string;
  statusLabel: string;
  leadTimeMet: boolean | null;
  earliestAllowedDate: string | null;
  dueAt: string | null;
  warning: string | null;
  message: string;
  missing: { name: string; label: string }[];
}

interface Attribute {
  type: string;
  enum?: string[];
  multiple?: boolean;
  required?: boolean;
  component?: string;
}

/** The area the oficio comes from. */
export interface AreaOfOficio {
  id: number;
  documentId: string;
  name: string;
  kind?: string | null;
}

const FILE_UID = 'plugin::upload.file';
const LOGO_UID = 'api::logo.logo';

/** Attributes the schema stores as text but the form asks as a time of day. */
const KIND_OVERRIDES: Record<string, FieldKind> = { eventTime: 'time' };

// Integer columns hold 32 bits.
const MAX_INTEGER = 2_147_483_647;

/** Dates the business calendar can count with (its federal holidays are computed for them). */
const inCalendar = (iso: string) => {
  const year = Number(iso.slice(0, 4));
  return year >= LFT_MIN_YEAR && year <= LFT_MAX_YEAR;
};
const OUT_OF_CALENDAR = `está fuera del calendario de días hábiles (${LFT_MIN_YEAR} a ${LFT_MAX_YEAR})`;

/**
 * Whether a form offers the service to an area: advisory (asesoría) is the Coordinación de
 * Organismos Auxiliares' service, for SMDIF, OPDAPAS and IMCUFIDEC only (SPEC §2). Whatever the
 * door, the `advisory-organism` rule refuses an advisory for anyone else.
 */
export const mayRequest = (workflow: WorkItemKey, areaKind: string | null | undefined) =>
  workflow !== 'advisory' || areaKind === 'organismo_auxiliar';

const isWorkItem = (value: unknown): value is WorkItemKey =>
  typeof value === 'string' && (WORK_ITEM_KEYS as readonly string[]).includes(value);

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const isoOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
};

const dayOf = (value: unknown) => isoOf(value)?.slice(0, 10) ?? null;

/**
 * Registering an oficio with the services it requests, shared by the areas' filing door
 * (`POST /api/oficios`) and the staff's (`POST /comunicacion/oficios`): one transaction, every
 * write through the Document Service as the actor, the acuse de recibo stored with the oficio.
 */
export const createRegistrationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const attributesOf = (workflow: WorkItemKey) =>
    (strapi.contentType(WORKFLOW_UIDS[workflow] as UID.ContentType)?.attributes ?? {}) as Record<
      string,
      Attribute
    >;

  const kindOf = (field: string, attribute: Attribute): FieldKind => {
    if (KIND_OVERRIDES[field]) return KIND_OVERRIDES[field];
    switch (attribute.type) {
      case 'text':
      case 'richtext':
        return 'text';
      case 'email':
      case 'integer':
      case 'boolean':
      case 'date':
      case 'datetime':
      case 'enumeration':
        return attribute.type;
      case 'json':
        return 'multi';
      case 'component':
        return 'logos';
      case 'media':
        return attribute.multiple ? 'media-multiple' : 'media';
      default:
        return 'string';
    }
  };

  const optionsOf = (field: string, attribute: Attribute) => {
    const labels = OPTION_LABELS[field] ?? {};
    const codes = attribute.enum ?? Object.keys(labels);
    return codes.map((value) => ({ value, label: labels[value] ?? capitalize(value) }));
  };

  /** The fields of a service's form: what the area states, never what the office computes. */
  const fieldSpecs = (workflow: WorkItemKey): FieldSpec[] => {
    const attributes = attributesOf(workflow);
    return SERVICE_FIELDS[workflow]
      .filter((name) => attributes[name])
      .map((name) => {
        const attribute = attributes[name];
        const kind = kindOf(name, attribute);
        return {
          name,
          label: labelOf(name),
          kind,
          required: attribute.required === true || isIntakeField(workflow, name),
          ...(FIELD_HINTS[name] ? { hint: FIELD_HINTS[name] } : {}),
          ...(kind === 'enumeration' || kind === 'multi'
            ? { options: optionsOf(name, attribute) }
            : {}),
        };
      });
  };

  /**
   * The logos asked for, as documentIds of the catalogue in the order they go on the design,
   * turned into the design's ordered list. An unknown logo is refused here; an inactive one by
   * the `logo-active` rule.
   */
  const logoChoices = async (given: unknown) => {
    if (given === null || given === undefined) return [];
    const ids = Array.isArray(given) ? given : [given];
    if (ids.some((id) => typeof id !== 'string' || id.trim() === '')) {
      throw invalid(
        'INVALID_REQUEST',
        'Los logotipos van en una lista con el identificador (documentId) de cada logotipo del ' +
          'catálogo, en el orden en que deben aparecer.',
        { fields: ['logos'] }
      );
    }
    const found = (await strapi.db.query(LOGO_UID).findMany({
      where: { documentId: { $in: ids } },
      select: ['documentId'],
    })) as { documentId: string }[];
    const known = new Set(found.map((logo) => logo.documentId));
    const unknown = (ids as string[]).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw invalid(
        'INVALID_REQUEST',
        `No existe en el catálogo el logotipo ${unknown.map((id) => `«${id}»`).join(', ')}: ` +
          'consulta los logotipos en /api/logos.',
        { fields: ['logos'], unknown }
      );
    }
    return (ids as string[]).map((logo) => ({ logo }));
  };

  const isBlankInput = (value: unknown) =>
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0);

  /** One value checked against its field's kind, in the form the Document Service takes. */
  const valueOf = async (spec: FieldSpec, value: unknown, refuse: (why: string) => Error) => {
    switch (spec.kind) {
      case 'string':
      case 'text':
      case 'email': {
        if (typeof value !== 'string' && typeof value !== 'number')
          throw refuse('debe ser un texto');
        const text = String(value).trim();
        if (spec.kind === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
          throw refuse('no es un correo electrónico válido');
        }
        if (spec.kind === 'string' && text.length > 255)
          throw refuse('admite hasta 255 caracteres');
        return text;
      }
      case 'integer': {
        const number = typeof value === 'string' ? Number(value.trim()) : value;
        if (typeof number !== 'number' || !Number.isInteger(number)) {
          throw refuse('debe ser un número entero');
        }
        if (Math.abs(number) > MAX_INTEGER) throw refuse('es un número demasiado grande');
        return number;
      }
      case 'boolean':
        if (typeof value !== 'boolean') throw refuse('debe ser sí o no (true o false)');
        return value;
      case 'date':
        if (typeof value !== 'string' || !parseIsoDate(value.trim())) {
          throw refuse('no es una fecha válida (AAAA-MM-DD)');
        }
        if (!inCalendar(value.trim())) throw refuse(OUT_OF_CALENDAR);
        return value.trim();
      case 'time': {
        const text = typeof value === 'string' ? value.trim() : '';
        const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
        if (!match) throw refuse('no es una hora válida (HH:MM, de 00:00 a 23:59)');
        return text;
      }
      case 'datetime': {
        const text = typeof value === 'string' ? value.trim() : '';
        const instant = new Date(text);
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) || Number.isNaN(instant.getTime())) {
          throw refuse('no es una fecha y hora válida (AAAA-MM-DDTHH:MM con zona horaria)');
        }
        if (!inCalendar(instant.toISOString())) throw refuse(OUT_OF_CALENDAR);
        return instant.toISOString();
      }
      case 'enumeration': {
        const allowed = (spec.options ?? []).map((option) => option.value);
        if (typeof value !== 'string' || !allowed.includes(value)) {
          throw refuse(
            `no es un valor admitido; elige ${(spec.options ?? []).map((o) => `«${o.label}»`).join(' o ')}`
          );
        }
        return value;
      }
      case 'multi': {
        const allowed = (spec.options ?? []).map((option) => option.value);
        const list = Array.isArray(value) ? value : [value];
        const wrong = list.filter((code) => typeof code !== 'string' || !allowed.includes(code));
        if (wrong.length > 0) {
          throw refuse(`admite solo ${(spec.options ?? []).map((o) => `«${o.label}»`).join(', ')}`);
        }
        return [...new Set(list as string[])];
      }
      case 'logos':
        return logoChoices(value);
      case 'media':
      case 'media-multiple': {
        const list = Array.isArray(value) ? value : [value];
        if (spec.kind === 'media' && list.length > 1) throw refuse('admite un solo archivo');
        if (list.some((id) => typeof id !== 'number' || !Number.isInteger(id) || id <= 0)) {
          throw refuse('lleva el identificador numérico de un archivo subido');
        }
        const found = (await strapi.db
          .query(FILE_UID)
          .findMany({ where: { id: { $in: list } }, select: ['id'] })) as { id: number }[];
        if (found.length !== new Set(list).size) throw refuse('nombra un archivo que no existe');
        return spec.kind === 'media' ? list[0] : list;
      }
      default:
        return value;
    }
  };

  const service = {
    fieldSpecs,
    logoChoices,

    /** Whether `value` names a service an oficio may request. */
    isWorkItem,

    /**
     * A service as sent by a form, checked: its workflow exists, every field is one the area
     * states and holds a value of the right kind; blank values are left out (the oficio then
     * waits for them). `position` names the service in the messages.
     */
    async checkService(
      input: unknown,
      position: number,
      { allowFiles = true, partial = false } = {}
    ): Promise<ServiceData> {
      const where = `Servicio ${position + 1}`;
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        throw invalid('INVALID_REQUEST', `${where}: indica el servicio y sus datos.`, {
          service: position,
        });
      }
      const { workflow, fields = {} } = input as { workflow?: unknown; fields?: unknown };
      if (!isWorkItem(workflow)) {
        throw invalid(
          'INVALID_REQUEST',
          `${where}: servicio desconocido «${String(workflow)}». Servicios: ${WORK_ITEM_KEYS.join(', ')}.`,
          { service: position, fields: ['workflow'] }
        );
      }
      if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
        throw invalid('INVALID_REQUEST', `${where}: los datos van en un objeto «fields».`, {
          service: position,
        });
      }
      const specs = new Map(
        fieldSpecs(workflow)
          .filter((spec) => allowFiles || !spec.kind.startsWith('media'))
          .map((spec) => [spec.name, spec])
      );
      const given = fields as Record<string, unknown>;
      const name = `${WORKFLOW_LABELS[workflow]}${typeof given.title === 'string' && given.title.trim() ? ` «${given.title.trim()}»` : ''}`;
      const unknown = Object.keys(given).filter((key) => !specs.has(key));
      if (unknown.length > 0) {
        throw invalid(
          'INVALID_REQUEST',
          `${name}: campo no admitido: ${unknown.join(', ')}. Campos del servicio: ${[...specs.keys()].join(', ')}.`,
          { service: position, fields: unknown }
        );
      }
      const data: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(given)) {
        if (isBlankInput(value)) continue;
        const spec = specs.get(field)!;
        const refuse = (why: string) =>
          invalid('INVALID_REQUEST', `${name}: ${spec.label} ${why}.`, {
            service: position,
            fields: [field],
          });
        data[field] = await valueOf(spec, value, refuse);
      }
      const attributes = attributesOf(workflow);
      // A completion changes some fields of a stored item: what it already has stays.
      const absent = partial
        ? []
        : [...specs.values()].filter(
            (spec) => attributes[spec.name]?.required && data[spec.name] === undefined
          );
      if (absent.length > 0) {
        throw invalid(
          'INVALID_REQUEST',
          `${name}: indica ${absent.map((spec) => fieldLabel(spec.name)).join(', ')}.`,
          { service: position, fields: absent.map((spec) => spec.name) }
        );
      }
      return { workflow, fields: data };
    },

    /** What a service still lacks, by name and Spanish label. */
    missingOf(workflow: WorkItemKey, item: Record<string, unknown>) {
      return missingIntake(workflow, item).map((name) => ({ name, label: fieldLabel(name) }));
    },

    /** The calendar and settings that judge an item received at `received`. */
    async rules(item: Record<string, unknown>, received: Date) {
      const workflows = getService('workflow', strapi);
      const [calendar, settings] = await Promise.all([
        workflows.calendar([...yearsOfRow(item), received.getUTCFullYear()]),
        workflows.settings(),
      ]);
      return { calendar, settings };
    },

    /** The lead-time verdict of a service received at `received`, with its Spanish sentence. */
    async verdict(
      workflow: WorkItemKey,
      item: Record<string, unknown>,
      received: Date,
      dueAt: string | null
    ) {
      const { calendar, settings } = await service.rules(item, received);
      const verdict = leadVerdict(workflow, item, received, calendar, settings);
      const text = describeLeadTime(verdict, dueAt);
      return {
        workflow,
        leadTimeMet: verdict ? verdict.met : null,
        earliestAllowedDate: text.earliestAllowedDate,
        dueAt,
        warning: text.warning,
        message: text.message,
      };
    },

    /**
     * The lead-time preview of a whole request while it is typed (staff registration and the
     * areas' portal): each service checked leniently and its verdict if received at `received`,
     * with the business day the reception counts on. Nothing is written.
     */
    async previewAll(
      received: Date,
      services: readonly unknown[],
      options: { allowFiles?: boolean } = {}
    ) {
      const verdicts = [];
      let receptionDay = '';
      for (const [index, input] of services.entries()) {
        const { workflow, fields } = await service.checkService(input, index, {
          ...options,
          partial: true,
        });
        const preview = await service.preview(workflow, fields, received);
        receptionDay = preview.receptionDay;
        verdicts.push(preview.verdict);
      }
      if (!receptionDay) {
        receptionDay = (await service.preview('advisory', {}, received)).receptionDay;
      }
      return { receptionDay, services: verdicts };
    },

    /**
     * What the business calendar would say of a service received at `received`, due date
     * included, without writing anything.
     */
    async preview(workflow: WorkItemKey, item: Record<string, unknown>, received: Date) {
      const { calendar, settings } = await service.rules(item, received);
      const planned = planCreate({
        workflow,
        actor: SYSTEM_ACTOR,
        item,
        facts: {
          now: new Date(),
          oficio: { status: 'recibido', receivedAt: received, lateAccepted: false, areaKind: null },
        },
        calendar,
        settings,
      });
      const dueAt = planned.ok ? dayOf(planned.changes.dueAt) : null;
      return {
        receptionDay: calendar.receptionDay(received),
        verdict: await service.verdict(workflow, item, received, dueAt),
      };
    },

    /**
     * Creates one work item of an oficio as `actor` (inside the caller's transaction) and answers
     * it with its verdict and what it lacks.
     */
    async createItem(
      oficio: { documentId: string; folio: string; receivedAt: Date; area: AreaOfOficio },
      { workflow, fields }: ServiceData,
      actor: Actor
    ): Promise<RegisteredService> {
      const uid = WORKFLOW_UIDS[workflow] as UID.ContentType;
      // An advisory from an oficio is for the organism that sent it.
      const extra = workflow === 'advisory' ? { channel: 'oficio', organism: oficio.area.id } : {};
      const item = (await runAs(
        actor,
        () =>
          strapi
            .documents(uid)
            .create({ data: { ...fields, ...extra, oficio: oficio.documentId } as never }),
        `Solicitado en el oficio ${oficio.folio}`
      )) as unknown as Record<string, unknown> & { documentId: string };
      const status = String(item[STATUS_FIELD]);
      const dueAt = dayOf(item.dueAt);
      const verdict = await service.verdict(workflow, fields, oficio.receivedAt, dueAt);
      return {
        workflow,
        documentId: item.documentId,
        title: String(item.title ?? ''),
        status,
        statusLabel: STATE_LABELS[workflow][status] ?? status,
        leadTimeMet: typeof item.leadTimeMet === 'boolean' ? item.leadTimeMet : verdict.leadTimeMet,
        earliestAllowedDate: dayOf(item.earliestAllowedDate) ?? verdict.earliestAllowedDate,
        dueAt,
        warning: verdict.warning,
        message: verdict.message,
        missing: service.missingOf(workflow, fields),
      };
    },

    /**
     * Moves a `recibido` oficio to `informacion_incompleta` as `actor` (a transition of its own,
     * logged), its comment naming what each service lacks; an oficio already waiting gets the new
     * lacks added to `missingInformation`.
     */
    async holdForMissing(
      oficio: {
        documentId: string;
        status: string;
        missingInformation?: string | null;
        addressedTo?: unknown;
        copiedTo?: unknown;
      },
      services: readonly ServiceData[],
      actor: Actor
    ): Promise<string | null> {
      const text = missingInformationSentence(
        oficioLacks(
          oficio,
          services.map(({ workflow, fields }) => ({
            workflow,
            title: (fields.title as string | null | undefined) || null,
            values: fields,
          }))
        )
      );
      if (!text) return null;
      if (oficio.status === 'recibido') {
        await runAs(
          actor,
          () =>
            strapi.documents(OFICIO_UID).update({
              documentId: oficio.documentId,
              data: { [STATUS_FIELD]: 'informacion_incompleta' } as never,
            }),
          text
        );
        return text;
      }
      if (oficio.status === 'informacion_incompleta') {
        const missingInformation = [oficio.missingInformation, text].filter(Boolean).join('\n');
        await runAs(actor, () =>
          strapi.documents(OFICIO_UID).update({
            documentId: oficio.documentId,
            data: { missingInformation } as never,
          })
        );
        return missingInformation;
      }
      return null;
    },

    /**
     * Registers an oficio of `area` with its services in one transaction. `holdWhenIncomplete`:
     * an oficio lacking intake data goes to `informacion_incompleta` (the office's registration;
     * an area filing its own oficio completes it later).
     */
    async register(input: {
      actor: Actor;
      /** Who creates the work items (the system, for an area's filing). */
      itemActor?: Actor;
      area: AreaOfOficio;
      oficio: Record<string, unknown>;
      services: readonly ServiceData[];
      holdWhenIncomplete: boolean;
    }) {
      const { actor, area } = input;
      return strapi.db.transaction(async () => {
        const created = (await runAs(actor, () =>
          strapi.documents(OFICIO_UID).create({
            data: { ...input.oficio, area: area.id } as never,
          })
        )) as unknown as Record<string, unknown> & { documentId: string; folio: string };
        const receivedAt = new Date(String(isoOf(created.receivedAt)));
        const oficio = {
          documentId: created.documentId,
          folio: String(created.folio),
          receivedAt,
          area,
        };
        const services: RegisteredService[] = [];
        for (const data of input.services) {
          services.push(await service.createItem(oficio, data, input.itemActor ?? actor));
        }
        const missingInformation = input.holdWhenIncomplete
          ? await service.holdForMissing(
              {
                documentId: oficio.documentId,
                status: 'recibido',
                addressedTo: created.addressedTo,
                copiedTo: created.copiedTo,
              },
              input.services,
              actor
            )
          : null;
        await getService('acuse', strapi).store(oficio.documentId);
        const stored = (await strapi.db.query(OFICIO_UID).findOne({
          where: { documentId: oficio.documentId },
          select: [
            'documentId',
            'folio',
            'receivedAt',
            'receptionDay',
            STATUS_FIELD,
            'isLate',
            'missingInformation',
          ],
        })) as Record<string, unknown>;
        const status = String(stored[STATUS_FIELD]);
        return {
          documentId: oficio.documentId,
          folio: oficio.folio,
          receivedAt: receivedAt.toISOString(),
          receptionDay: dayOf(stored.receptionDay),
          status,
          statusLabel: STATE_LABELS.oficio[status] ?? status,
          isLate: stored.isLate === true,
          missingInformation: missingInformation
            ? String(stored.missingInformation ?? missingInformation)
            : null,
          services,
        };
      });
    },

    /** The oficio a service is added to, with what the rules need; null when it does not exist. */
    async oficioForService(documentId: string) {
      const row = (await strapi.db.query(OFICIO_UID).findOne({
        where: { documentId },
        select: [
          'id',
          'documentId',
          'folio',
          'receivedAt',
          STATUS_FIELD,
          'missingInformation',
          'addressedTo',
          'copiedTo',
        ],
        populate: { area: { select: ['id', 'documentId', 'name', 'kind'] } },
      })) as
        | (Record<string, unknown> & {
            documentId: string;
            folio: string;
            area?: AreaOfOficio | null;
          })
        | null;
      return row;
    },

    /**
     * Adds a service to an open oficio as `actor`, same rules as registering: 400 OFICIO_CLOSED on
     * a closed one; lacking data sends a `recibido` oficio to `informacion_incompleta`.
     */
    async addService(oficioDocumentId: string, data: ServiceData, actor: Actor) {
      const row = await service.oficioForService(oficioDocumentId);
      if (!row) return null;
      const status = String(row[STATUS_FIELD]);
      if (WORKFLOWS.oficio.closed.includes(status)) {
        throw invalid(
          'OFICIO_CLOSED',
          `El oficio está cerrado («${STATE_LABELS.oficio[status]}»): ya no se le agregan servicios.`,
          { status }
        );
      }
      if (!row.area) {
        throw invalid('MISSING_DATA', 'El oficio no tiene área solicitante.', {
          fields: ['area'],
        });
      }
      // The same limit as registering the whole request, however the services arrive.
      if ((await service.itemsOf(row.documentId)).length >= MAX_SERVICES_PER_OFICIO) {
        throw invalid('INVALID_REQUEST', TOO_MANY_SERVICES_MESSAGE, { fields: ['services'] });
      }
      return strapi.db.transaction(async () => {
        const registered = await service.createItem(
          {
            documentId: row.documentId,
            folio: row.folio,
            receivedAt: new Date(String(isoOf(row.receivedAt))),
            area: row.area!,
          },
          data,
          actor
        );
        await service.holdForMissing(
          {
            documentId: row.documentId,
            status,
            missingInformation: (row.missingInformation as string | null) ?? null,
            addressedTo: row.addressedTo,
            copiedTo: row.copiedTo,
          },
          [data],
          actor
        );
        const after = (await strapi.db.query(OFICIO_UID).findOne({
          where: { documentId: row.documentId },
          select: [STATUS_FIELD],
        })) as Record<string, unknown>;
        return { oficioStatus: String(after[STATUS_FIELD]), service: registered };
      });
    },

    /** Every work item of an oficio (drafts of draft & publish types) with its stored values. */
    async itemsOf(oficioDocumentId: string) {
      const items: { workflow: WorkItemKey; row: Record<string, unknown> }[] = [];
      for (const workflow of WORK_ITEM_KEYS) {
        const rows = (await strapi.db.query(WORKFLOW_UIDS[workflow] as UID.ContentType).findMany({
          where: {
            oficio: { documentId: oficioDocumentId },
            ...(isDraftAndPublish(workflow) ? { publishedAt: null } : {}),
          },
          orderBy: { id: 'asc' },
          ...(workflow === 'design' ? { populate: { logos: { populate: { logo: true } } } } : {}),
          ...(workflow === 'web-publication' ? { populate: { attachments: true } } : {}),
          ...(workflow === 'transparency-document' ? { populate: { file: true } } : {}),
        })) as Record<string, unknown>[];
        rows.forEach((row) => items.push({ workflow, row }));
      }
      return items;
    },

    /**
     * What an oficio and its open services still lack before work may start (SPEC §2), as the
     * «Información completada» guard counts it; empty when nothing, or no oficio.
     */
    async lacksOf(oficioDocumentId: string): Promise<IntakeLack[]> {
      const oficio = (await strapi.db.query(OFICIO_UID).findOne({
        where: { documentId: oficioDocumentId },
        select: ['addressedTo', 'copiedTo'],
      })) as Record<string, unknown> | null;
      if (!oficio) return [];
      const items = await service.itemsOf(oficioDocumentId);
      return oficioLacks(
        oficio,
        items
          .filter(
            ({ workflow, row }) => !WORKFLOWS[workflow].closed.includes(String(row[STATUS_FIELD]))
          )
          .map(({ workflow, row }) => ({
            workflow,
            title: (row.title as string | null | undefined) ?? null,
            values: row,
          }))
      );
    },

    serviceLabel: (workflow: WorkItemKey) => SERVICE_LABELS[workflow],

    mayRequest,

    /**
     * Whether a service's data may still be completed or corrected from «Completar datos»: while
     * its work has not started and its oficio is open.
     */
    editable(workflow: WorkItemKey, status: string, oficioStatus: string | null) {
      return (
        status === WORKFLOWS[workflow].initial &&
        !(oficioStatus !== null && WORKFLOWS.oficio.closed.includes(oficioStatus))
      );
    },

    /**
     * Completes or corrects a work item's data as `actor` in one transaction (every rule applies),
     * shared by the staff's «Completar datos» and the areas' portal; the caller has checked which
     * fields the actor may change. When its oficio waited for information and nothing lacks any
     * more, «Información completada» fires in the same transaction.
     */
    async completeService(input: {
      workflow: WorkItemKey;
      documentId: string;
      fields: Record<string, unknown>;
      oficio: { documentId: string; status: string } | null;
      actor: Actor;
    }): Promise<{
      service: RegisteredService;
      oficio: { documentId: string; status: string; statusLabel: string } | null;
    }> {
      const { workflow: key, documentId, fields, actor } = input;
      const uid = WORKFLOW_UIDS[key] as UID.ContentType;
      return strapi.db.transaction(async () => {
        await runAs(
          actor,
          () => strapi.documents(uid).update({ documentId, data: fields as never }),
          'Datos del servicio completados'
        );
        const oficio = input.oficio ? await service.afterCompletion(input.oficio, actor) : null;
        const row = (await getService('workflow', strapi).load(key, documentId))!;
        const item = toDomainItem(key, row);
        const status = String(row[STATUS_FIELD]);
        // Received with its oficio; an item without one (an informal advisory) when it was created.
        const received =
          isoOf((row.oficio as { receivedAt?: unknown } | null)?.receivedAt) ??
          isoOf(row.receivedAt) ??
          isoOf(row.createdAt);
        const dueAt = dayOf(row.dueAt);
        const verdict = await service.verdict(
          key,
          item,
          received ? new Date(received) : new Date(),
          dueAt
        );
        return {
          service: {
            ...verdict,
            workflow: key,
            documentId,
            title: String(row.title ?? ''),
            status,
            statusLabel: STATE_LABELS[key][status] ?? status,
            leadTimeMet:
              typeof row.leadTimeMet === 'boolean' ? row.leadTimeMet : verdict.leadTimeMet,
            missing: service.missingOf(key, item),
          },
          oficio,
        };
      });
    },

    /**
     * «Información completada»: fired by the actor when its role may (a coordinator, the area),
     * else by the system as a consequence of the data now complete. The engine resumes the clocks.
     */
    async afterCompletion(oficio: { documentId: string; status: string }, actor: Actor) {
      let status = oficio.status;
      if (status === 'informacion_incompleta') {
        const lacking = await service.lacksOf(oficio.documentId);
        if (lacking.length === 0) {
          const comment = 'Información completada: los servicios ya tienen todos sus datos.';
          const transition = WORKFLOWS.oficio.transitions.find(
            (t) => t.from.includes('informacion_incompleta') && t.to === 'recibido'
          );
          const allowed = resolveRoles(transition?.roles ?? [], { now: new Date() }).some((role) =>
            actor.roles.includes(role)
          );
          if (allowed) {
            await runAs(
              actor,
              () =>
                strapi.documents(OFICIO_UID).update({
                  documentId: oficio.documentId,
                  data: { [STATUS_FIELD]: 'recibido' } as never,
                }),
              comment
            );
          } else {
            await getService('workflow', strapi).moveOficio(oficio.documentId, 'recibido', comment);
          }
          status = 'recibido';
        }
      }
      return {
        documentId: oficio.documentId,
        status,
        statusLabel: STATE_LABELS.oficio[status] ?? status,
      };
    },
  };
  return service;
};

export type RegistrationService = ReturnType<typeof createRegistrationService>;

export default createRegistrationService;
