import type { Core, UID } from '@strapi/strapi';
import {
  assigned,
  coordinatorRolesFor,
  dedupeKeys,
  designerRoleFor,
  informationRequested,
  lateRequest,
  noticeForTransition,
  observationsReceived,
  oficioAdminPath,
  oficioAnswered,
  oficioPortalUrl,
  proposalForReview,
  workDelivered,
  type ItemRef,
} from '../../../domain/notifications';
import {
  WORKFLOW_UIDS,
  isDraftAndPublish,
  type Actor,
  type Role,
  type WorkflowKey,
} from '../../../domain/workflows';
import { missingInformationSentence } from '../../../domain/workflows/intake-requirements';
import { ADMIN_ROLE_CODES, writeContext } from '../../../services/write-context';
import { getService } from '../../../utils/get-service';
import type { EmailAttachment, InAppNotice, OutgoingEmail } from '../types';

const ADMIN_USER_UID = 'admin::user';
const API_USER_UID = 'plugin::users-permissions.user';
const OFICIO_UID = 'api::oficio.oficio';

/** A staff member who can be told something. */
export interface StaffMember {
  id: number;
  email: string;
  firstname?: string | null;
  lastname?: string | null;
}

interface AreaRow {
  id: number;
  name?: string | null;
  kind?: string | null;
  contactEmail?: string | null;
}

interface ItemRow {
  id: number;
  documentId: string;
  title?: string | null;
  workflowStatus?: string | null;
  medium?: string | null;
  dueAt?: string | null;
  assignees?: StaffMember[] | null;
  crew?: StaffMember[] | null;
  proposals?: { version?: number; decision?: string | null; feedback?: string | null }[] | null;
  oficio?: {
    documentId: string;
    folio?: string | null;
    requesterEmail?: string | null;
    area?: AreaRow | null;
  } | null;
}

/** An oficio as its own notices to the area read it. */
interface OficioRow {
  id: number;
  documentId: string;
  folio?: string | null;
  subject?: string | null;
  requesterEmail?: string | null;
  missingInformation?: string | null;
  responseFolio?: string | null;
  responseDate?: string | null;
  responseDocument?: { id: number; name: string } | null;
  area?: AreaRow | null;
}

/** Admin user ids on a row loaded with its assignees (and a coverage's crew). */
export const peopleIn = (row: Record<string, unknown> | null): number[] =>
  [row?.assignees, row?.crew]
    .flatMap((people) => (Array.isArray(people) ? (people as { id: number }[]) : []))
    .map((person) => person.id);

/** An approval link issued by the transition (see the approval-link service). */
interface IssuedLinkRef {
  designDocumentId: string;
  url: string;
  expiresAt: string;
}

/** Admin role codes of each workflow role (the Director has two: its own and super admin). */
export const codesOfRoles = (roles: readonly Role[]) =>
  Object.entries(ADMIN_ROLE_CODES)
    .filter(([, role]) => roles.includes(role))
    .map(([code]) => code);

const isEmail = (value: unknown): value is string =>
  typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value.trim());

/**
 * Who hears what: called by the workflow middleware inside the transaction of the change, so the
 * e-mails (outbox) and in-app notices it writes commit or roll back with it.
 */
export const createNotificationRulesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => getService('outbox', strapi);
  const inApp = () => getService('staff-notifications', strapi);

  const baseUrl = () =>
    String(
      strapi.config.get('server.url') ||
        strapi.config.get('server.absoluteUrl') ||
        'http://localhost:1337'
    ).replace(/\/+$/, '');

  const loadItem = async (workflow: WorkflowKey, documentId: string) => {
    const where: Record<string, unknown> = { documentId };
    if (isDraftAndPublish(workflow)) where.publishedAt = null;
    const people = { select: ['id', 'email', 'firstname', 'lastname', 'isActive', 'blocked'] };
    const populate: Record<string, unknown> = {
      assignees: people,
      oficio: {
        select: ['documentId', 'folio', 'requesterEmail'],
        populate: { area: { select: ['id', 'name', 'kind', 'contactEmail'] } },
      },
    };
    if (workflow === 'coverage-event') populate.crew = people;
    if (workflow === 'design') populate.proposals = true;
    return (await strapi.db
      .query(WORKFLOW_UIDS[workflow] as UID.ContentType)
      .findOne({ where, populate })) as ItemRow | null;
  };

  const refOf = (workflow: WorkflowKey, row: ItemRow): ItemRef => ({
    workflow,
    documentId: row.documentId,
    title: String(row.title ?? ''),
    status: row.workflowStatus ?? undefined,
    folio: row.oficio?.folio ?? null,
    oficioDocumentId: row.oficio?.documentId ?? null,
    areaName: row.oficio?.area?.name ?? null,
    dueAt: row.dueAt ? String(row.dueAt).slice(0, 10) : null,
  });

  const active = (users: (StaffMember & { isActive?: boolean; blocked?: boolean })[]) =>
    users.filter((user) => user.isActive !== false && user.blocked !== true && isEmail(user.email));

  /** Active admin users holding any of these workflow roles. */
  const staffWithRoles = async (roles: readonly Role[]): Promise<StaffMember[]> => {
    const codes = codesOfRoles(roles);
    if (codes.length === 0) return [];
    return active(
      (await strapi.db.query(ADMIN_USER_UID).findMany({
        where: { isActive: true, blocked: false, roles: { code: { $in: codes } } },
        select: ['id', 'email', 'firstname', 'lastname'],
        orderBy: { id: 'asc' },
      })) as StaffMember[]
    );
  };

  /** The area's addresses: its contact, the oficio's requester and the area's accounts. */
  const areaRecipients = async (row: ItemRow): Promise<string[]> => {
    const area = row.oficio?.area;
    const addresses = [area?.contactEmail, row.oficio?.requesterEmail];
    if (area?.id) {
      const accounts = (await strapi.db.query(API_USER_UID).findMany({
        where: { area: { id: area.id }, blocked: false },
        select: ['email'],
      })) as { email?: string | null }[];
      addresses.push(...accounts.map((account) => account.email));
    }
    const unique = new Map<string, string>();
    for (const address of addresses) {
      if (isEmail(address)) unique.set(address.trim().toLowerCase(), address.trim());
    }
    return [...unique.values()];
  };

  /** One e-mail and one in-app notice per staff member. */
  const tellStaff = async (
    people: StaffMember[],
    message: { subject: string; text: string; html: string; title: string; body: string },
    about: {
      workflow: WorkflowKey | 'oficio';
      documentId: string;
      oficioDocumentId?: string | null;
    }
  ) => {
    const unique = [...new Map(people.map((person) => [person.id, person])).values()];
    if (unique.length === 0) return;
    const link = about.oficioDocumentId ? oficioAdminPath(about.oficioDocumentId) : null;
    await outbox().enqueue(
      unique.map(
        (person): OutgoingEmail => ({
          to: person.email,
          toUserId: person.id,
          subject: message.subject,
          text: message.text,
          html: message.html,
        })
      )
    );
    await inApp().notify(
      unique.map(
        (person): InAppNotice => ({
          userId: person.id,
          title: message.title,
          body: message.body,
          link,
          subjectUid: WORKFLOW_UIDS[about.workflow],
          subjectDocumentId: about.documentId,
        })
      )
    );
  };

  const tellArea = async (
    row: ItemRow,
    message: { subject: string; text: string; html: string },
    extra: { attachments?: EmailAttachment[]; dedupeKey?: (to: string) => string } = {}
  ) => {
    const recipients = await areaRecipients(row);
    if (recipients.length === 0) return;
    await outbox().enqueue(
      recipients.map(
        (to): OutgoingEmail => ({
          to,
          ...message,
          ...(extra.attachments?.length ? { attachments: extra.attachments } : {}),
          ...(extra.dedupeKey ? { dedupeKey: extra.dedupeKey(to) } : {}),
        })
      )
    );
  };

  const loadOficio = async (documentId: string) =>
    (await strapi.db.query(OFICIO_UID).findOne({
      where: { documentId },
      select: [
        'id',
        'documentId',
        'folio',
        'subject',
        'requesterEmail',
        'missingInformation',
        'responseFolio',
        'responseDate',
      ],
      populate: {
        area: { select: ['id', 'name', 'kind', 'contactEmail'] },
        responseDocument: { select: ['id', 'name'] },
      },
    })) as OficioRow | null;

  /** The oficio's own notices to the area: answered, or information requested. */
  const tellAreaOfOficio = async (
    kind: 'oficio-answered' | 'information-requested',
    documentId: string,
    comment: string | null
  ) => {
    const oficio = await loadOficio(documentId);
    if (!oficio) return;
    // The area's addresses are those of the oficio itself.
    const asItem: ItemRow = {
      id: oficio.id,
      documentId: oficio.documentId,
      oficio: {
        documentId: oficio.documentId,
        folio: oficio.folio,
        requesterEmail: oficio.requesterEmail,
        area: oficio.area,
      },
    };
    const folio = String(oficio.folio ?? '');
    const portalUrl = oficioPortalUrl(baseUrl(), oficio.documentId);
    if (kind === 'oficio-answered') {
      const document = oficio.responseDocument ?? null;
      await tellArea(
        asItem,
        oficioAnswered({
          folio,
          subject: oficio.subject ?? null,
          responseFolio: oficio.responseFolio ?? null,
          responseDate: oficio.responseDate ? String(oficio.responseDate).slice(0, 10) : null,
          attachmentName: document?.name ?? null,
          portalUrl,
        }),
        {
          attachments: document ? [{ fileId: document.id, name: document.name }] : [],
          dedupeKey: (to) => dedupeKeys.answered(oficio.documentId, to),
        }
      );
      return;
    }
    const lacks = await getService('oficio-registration', strapi).lacksOf(oficio.documentId);
    await tellArea(
      asItem,
      informationRequested({
        folio,
        subject: oficio.subject ?? null,
        missing: comment ?? oficio.missingInformation ?? null,
        lacking: missingInformationSentence(lacks),
        portalUrl,
      })
    );
  };

  const service = {
    /** After a state change was validated, written and logged (same transaction). */
    async onTransition(input: {
      workflow: WorkflowKey;
      documentId: string;
      from: string | null;
      to: string;
      actor?: Actor;
      comment?: string | null;
      approvalLinks?: readonly IssuedLinkRef[];
    }) {
      const notice = noticeForTransition(input.workflow, input.from, input.to);
      if (!notice) return;
      if (notice.kind === 'oficio-answered' || notice.kind === 'information-requested') {
        await tellAreaOfOficio(notice.kind, input.documentId, input.comment ?? null);
        return;
      }
      const row = await loadItem(input.workflow, input.documentId);
      if (!row) return;
      const item = refOf(input.workflow, row);

      if (notice.kind === 'proposal-for-review') {
        const links = [...(input.approvalLinks ?? []), ...(writeContext().approvalLinks ?? [])];
        const link = links.filter((l) => l.designDocumentId === row.documentId).pop() ?? null;
        await tellArea(
          row,
          proposalForReview({
            item,
            approvalUrl: link?.url ?? null,
            expiresAt: link?.expiresAt ?? null,
            comment: input.comment ?? null,
            portalUrl: item.oficioDocumentId
              ? oficioPortalUrl(baseUrl(), item.oficioDocumentId)
              : null,
          })
        );
      } else if (notice.kind === 'work-delivered') {
        await tellArea(row, workDelivered({ item, to: input.to, comment: input.comment ?? null }));
      } else if (notice.kind === 'observations') {
        let designers = active(row.assignees ?? []);
        if (designers.length === 0) {
          designers = await staffWithRoles([designerRoleFor(row.oficio?.area?.kind)]);
        }
        const proposals = [...(row.proposals ?? [])].sort(
          (a, b) => Number(a.version ?? 0) - Number(b.version ?? 0)
        );
        const observed = proposals.filter((p) => p.decision === 'observaciones').pop();
        const feedback = observed?.feedback || input.comment || null;
        await tellStaff(designers, observationsReceived({ item, feedback, baseUrl: baseUrl() }), {
          workflow: input.workflow,
          documentId: row.documentId,
          oficioDocumentId: item.oficioDocumentId,
        });
      }
    },

    /** Admin user ids working on an item (assignees, and the crew of a coverage). */
    async peopleOf(workflow: WorkflowKey, documentId: string): Promise<number[]> {
      if (workflow === 'oficio') return [];
      const where: Record<string, unknown> = { documentId };
      if (isDraftAndPublish(workflow)) where.publishedAt = null;
      const populate: Record<string, unknown> = { assignees: { select: ['id'] } };
      if (workflow === 'coverage-event') populate.crew = { select: ['id'] };
      const row = (await strapi.db
        .query(WORKFLOW_UIDS[workflow] as UID.ContentType)
        .findOne({ where, select: ['id'], populate })) as Record<string, unknown> | null;
      return peopleIn(row);
    },

    /** Tells each person newly assigned to an item (not the one who assigned themselves). */
    async onAssigned(input: {
      workflow: WorkflowKey;
      documentId: string;
      before: readonly number[];
      /** The people on the item after the write, when the caller has already loaded them. */
      after?: readonly number[];
      actor?: Actor;
    }) {
      if (input.workflow === 'oficio') return;
      const self = input.actor?.kind === 'admin' ? Number(input.actor.id) : null;
      // Most writes assign nobody: a light look-up first, the full item only when needed.
      const now = input.after ?? (await service.peopleOf(input.workflow, input.documentId));
      if (!now.some((id) => !input.before.includes(id) && id !== self)) return;
      const row = await loadItem(input.workflow, input.documentId);
      if (!row) return;
      const added = active([...(row.assignees ?? []), ...(row.crew ?? [])]).filter(
        (person) => !input.before.includes(person.id) && person.id !== self
      );
      if (added.length === 0) return;
      const item = refOf(input.workflow, row);
      await tellStaff(
        added,
        assigned({ item, by: input.actor?.name ?? null, baseUrl: baseUrl() }),
        {
          workflow: input.workflow,
          documentId: row.documentId,
          oficioDocumentId: item.oficioDocumentId,
        }
      );
    },

    /** A late request was registered: the coordinators responsible for the item must accept it. */
    async onLateRequest(input: {
      workflow: WorkflowKey;
      documentId: string;
      oficioDocumentId: string;
      reason: string;
    }) {
      const row =
        input.workflow === 'oficio' ? null : await loadItem(input.workflow, input.documentId);
      const oficio =
        row?.oficio ??
        ((await strapi.db.query(OFICIO_UID).findOne({
          where: { documentId: input.oficioDocumentId },
          select: ['documentId', 'folio'],
          populate: { area: { select: ['id', 'name', 'kind'] } },
        })) as ItemRow['oficio']);
      if (!oficio) return;
      const roles = row
        ? coordinatorRolesFor({
            workflow: input.workflow,
            status: String(row.workflowStatus ?? ''),
            medium: row.medium ?? null,
            areaKind: oficio.area?.kind ?? null,
          })
        : (['coordinador_comunicacion'] as Role[]);
      const coordinators = await staffWithRoles(roles);
      await tellStaff(
        coordinators,
        lateRequest({
          folio: String(oficio.folio ?? ''),
          oficioDocumentId: oficio.documentId,
          areaName: oficio.area?.name ?? null,
          reason: input.reason,
          baseUrl: baseUrl(),
        }),
        { workflow: 'oficio', documentId: oficio.documentId, oficioDocumentId: oficio.documentId }
      );
    },

    staffWithRoles,
    baseUrl,
  };
  return service;
};

export type NotificationRulesService = ReturnType<typeof createNotificationRulesService>;

export default createNotificationRulesService;
