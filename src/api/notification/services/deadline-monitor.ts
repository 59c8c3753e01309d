import type { Core, UID } from '@strapi/strapi';
import { mexicoCityParts, type IsoDate } from '../../../domain/calendar';
import {
  buildDigests,
  coordinatorRolesFor,
  dedupeKeys,
  digest,
  digestTime,
  monitorWindow,
  oficioAdminPath,
  overdueAlert,
  reminder,
  reminderWindow,
  type DigestItem,
  type DigestPerson,
} from '../../../domain/notifications';
import { WORKFLOWS, WORKFLOW_UIDS, isDraftAndPublish, type Role } from '../../../domain/workflows';
import { ADMIN_ROLE_CODES } from '../../../services/write-context';
import { getService } from '../../../utils/get-service';
import { WORK_ITEM_KEYS } from '../../workflow/services/workflow';
import { appTable } from '../db';
import type { InAppNotice, OutgoingEmail } from '../types';
import { codesOfRoles, type StaffMember } from './notification-rules';

/** Safety bound per workflow on one run's read; real open work is far below it. */
const MAX_ITEMS_PER_WORKFLOW = 5000;
/** Roles whose digest holds their queues' items, not only their own. */
const QUEUE_WIDE: readonly Role[] = [
  'director',
  'coordinador_comunicacion',
  'coordinador_gobierno_digital',
  'coordinador_organismos',
];

interface ItemRow {
  documentId: string;
  title?: string | null;
  workflowStatus: string;
  medium?: string | null;
  dueAt: string | Date;
  assignees?: { id: number }[] | null;
  crew?: { id: number }[] | null;
  oficio?: {
    documentId: string;
    folio?: string | null;
    area?: { name?: string | null; kind?: string | null } | null;
  } | null;
}

interface PersonRow extends StaffMember {
  roles?: { code?: string | null }[] | null;
}

/** Reminder lead in business days (REMINDER_BUSINESS_DAYS, default 1). */
const reminderDays = () => {
  const value = Number(process.env.REMINDER_BUSINESS_DAYS ?? 1);
  return Number.isInteger(value) && value >= 0 ? value : 1;
};

const toDay = (value: unknown): IsoDate => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};

/** What one run of the monitor queued. */
export interface MonitorResult {
  date: IsoDate;
  digests: number;
  reminders: number;
  overdue: number;
}

/**
 * The deadline monitor: the daily digest from 08:00 Mexico City, reminders before due dates and
 * overdue alerts to coordinators. Every message carries a dedupe key (per person and day, or per
 * item, due date and person), so running it every minute, after downtime or on two instances at
 * once never sends anything twice.
 */
export const createDeadlineMonitorService = ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => getService('outbox', strapi);
  const inApp = () => getService('staff-notifications', strapi);
  const rules = () => getService('notification-rules', strapi);

  /** Open items not waiting on the requester, with a due date in [from, to]. */
  const openItems = async (from: IsoDate, to: IsoDate): Promise<DigestItem[]> => {
    const items: DigestItem[] = [];
    for (const workflow of WORK_ITEM_KEYS) {
      const definition = WORKFLOWS[workflow];
      const where: Record<string, unknown> = {
        workflowStatus: { $notIn: [...definition.closed, ...definition.waitingStates] },
        dueAt: { $gte: from, $lte: to },
      };
      if (isDraftAndPublish(workflow)) where.publishedAt = null;
      const populate: Record<string, unknown> = {
        assignees: { select: ['id'] },
        oficio: {
          select: ['documentId', 'folio'],
          populate: { area: { select: ['name', 'kind'] } },
        },
      };
      if (workflow === 'coverage-event') populate.crew = { select: ['id'] };
      const select = ['documentId', 'title', 'workflowStatus', 'dueAt'];
      if (workflow === 'design') select.push('medium');
      const rows = (await strapi.db.query(WORKFLOW_UIDS[workflow] as UID.ContentType).findMany({
        where,
        select,
        populate,
        orderBy: { dueAt: 'asc' },
        limit: MAX_ITEMS_PER_WORKFLOW,
      })) as ItemRow[];
      for (const row of rows) {
        items.push({
          workflow,
          status: row.workflowStatus,
          medium: row.medium ?? null,
          areaKind: row.oficio?.area?.kind ?? null,
          documentId: row.documentId,
          title: String(row.title ?? ''),
          dueAt: toDay(row.dueAt),
          folio: row.oficio?.folio ?? null,
          oficioDocumentId: row.oficio?.documentId ?? null,
          areaName: row.oficio?.area?.name ?? null,
          people: [...new Set([...(row.assignees ?? []), ...(row.crew ?? [])].map((p) => p.id))],
        });
      }
    }
    return items;
  };

  /** Active staff: the given people plus everyone whose digest covers whole queues. */
  const staff = async (ids: readonly number[]) => {
    const rows = (await strapi.db.query('admin::user').findMany({
      where: {
        isActive: true,
        blocked: false,
        $or: [
          { id: { $in: [...ids, -1] } },
          { roles: { code: { $in: codesOfRoles(QUEUE_WIDE) } } },
        ],
      },
      select: ['id', 'email', 'firstname', 'lastname'],
      populate: { roles: { select: ['code'] } },
    })) as PersonRow[];
    return rows.map((row) => ({
      ...row,
      workflowRoles: [
        ...new Set(
          (row.roles ?? []).map((role) => ADMIN_ROLE_CODES[role.code ?? '']).filter(Boolean)
        ),
      ] as Role[],
    }));
  };

  /** Which of these dedupe keys the outbox already holds (one indexed lookup). */
  const existingKeys = async (keys: string[]) => {
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const rows = (await appTable(strapi, 'notification_outbox')
        .whereIn('dedupe_key', chunk)
        .select('dedupe_key')) as { dedupe_key: string }[];
      rows.forEach((row) => found.add(row.dedupe_key));
    }
    return found;
  };

  /** Queues the e-mails (and in-app notices) whose keys are new, in one transaction. */
  const send = async (emails: OutgoingEmail[], notices: InAppNotice[]) => {
    const known = await existingKeys(emails.map((email) => String(email.dedupeKey)));
    const newEmails = emails.filter((email) => !known.has(String(email.dedupeKey)));
    const newNotices = notices.filter((notice) => !known.has(String(notice.dedupeKey)));
    if (newEmails.length === 0 && newNotices.length === 0) return 0;
    await strapi.db.transaction(async () => {
      if (newEmails.length > 0) await outbox().enqueue(newEmails);
      if (newNotices.length > 0) await inApp().notify(newNotices);
    });
    return newEmails.length;
  };

  const service = {
    /** One pass: today's digest (from 08:00), due reminders and overdue alerts. */
    async run(now: Date = new Date()): Promise<MonitorResult> {
      const { date: today, minutes } = mexicoCityParts(now);
      const year = Number(today.slice(0, 4));
      const calendar = await getService('business-calendar', strapi).getCalendar({
        from: year - 1,
        to: year + 1,
      });
      const days = reminderDays();
      const window = monitorWindow(calendar, today, days);
      const items = await openItems(window.from, window.to);
      const people = await staff([...new Set(items.flatMap((item) => item.people))]);
      const byId = new Map(people.map((person) => [person.id, person]));
      const baseUrl = rules().baseUrl();
      const result: MonitorResult = { date: today, digests: 0, reminders: 0, overdue: 0 };

      // (a) The digest: business days, from 08:00; a late run the same day still sends it once.
      if (calendar.isBusinessDay(today) && digestTime(minutes)) {
        const persons: DigestPerson[] = people.map((p) => ({ id: p.id, roles: p.workflowRoles }));
        const emails = buildDigests(items, persons, today).map((entry): OutgoingEmail => {
          const person = byId.get(entry.userId)!;
          return {
            to: person.email,
            toUserId: person.id,
            ...digest({ name: person.firstname, date: today, ...entry, baseUrl }),
            dedupeKey: dedupeKeys.digest(person.id, today),
          };
        });
        result.digests = await send(emails, []);
      }

      // (b) Reminders to the people working on items due within the next N business days.
      const reminderRange = reminderWindow(calendar, today, days);
      if (reminderRange) {
        const emails: OutgoingEmail[] = [];
        const notices: InAppNotice[] = [];
        for (const item of items) {
          if (item.dueAt < reminderRange.from || item.dueAt > reminderRange.to) continue;
          const message = reminder({ item, dueAt: item.dueAt, baseUrl });
          for (const id of item.people) {
            const person = byId.get(id);
            if (!person) continue;
            const dedupeKey = dedupeKeys.reminder(item.workflow, item.documentId, item.dueAt, id);
            emails.push({ to: person.email, toUserId: id, ...message, dedupeKey });
            notices.push(noticeOf(id, message, item, dedupeKey));
          }
        }
        result.reminders = await send(emails, notices);
      }

      // (c) Overdue alerts to the coordinators of the item's queues.
      const overdueItems = items.filter((item) => item.dueAt < today);
      if (overdueItems.length > 0) {
        const coordinators = people.filter((p) =>
          p.workflowRoles.some((role) => role.startsWith('coordinador_'))
        );
        const emails: OutgoingEmail[] = [];
        const notices: InAppNotice[] = [];
        for (const item of overdueItems) {
          const roles = coordinatorRolesFor(item);
          const message = overdueAlert({ item, dueAt: item.dueAt, baseUrl });
          for (const person of coordinators) {
            if (!person.workflowRoles.some((role) => roles.includes(role))) continue;
            const dedupeKey = dedupeKeys.overdue(
              item.workflow,
              item.documentId,
              item.dueAt,
              person.id
            );
            emails.push({ to: person.email, toUserId: person.id, ...message, dedupeKey });
            notices.push(noticeOf(person.id, message, item, dedupeKey));
          }
        }
        result.overdue = await send(emails, notices);
      }
      return result;
    },
  };
  return service;
};

const noticeOf = (
  userId: number,
  message: { title: string; body: string },
  item: DigestItem,
  dedupeKey: string
): InAppNotice => ({
  userId,
  title: message.title,
  body: message.body,
  link: item.oficioDocumentId ? oficioAdminPath(item.oficioDocumentId) : null,
  subjectUid: WORKFLOW_UIDS[item.workflow],
  subjectDocumentId: item.documentId,
  dedupeKey,
});

export type DeadlineMonitorService = ReturnType<typeof createDeadlineMonitorService>;

export default createDeadlineMonitorService;
