import { PERSONAL_FIELDS } from './audit';
import type { Role } from './types';

/**
 * What each staff role may read beyond the types of its work (SPEC §1: each role sees its own
 * queue only). Requester personal data is read by those who contact the area: the coordinators,
 * the Director and the assignee of the item that holds it. Internal notes are read by the staff of
 * the item's service.
 */

/** Roles that contact the requesting areas: they read every requester's data of the types they read. */
export const CONTACT_ROLES: readonly Role[] = Object.freeze([
  'director',
  'coordinador_comunicacion',
  'coordinador_gobierno_digital',
  'coordinador_organismos',
] as const);

/** Personal data of each content type (every one of them is in the audit trail's PERSONAL_FIELDS). */
export const PERSONAL_FIELDS_BY_TYPE: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'api::oficio.oficio': ['requesterName', 'requesterPhone', 'requesterEmail', 'requesterAddress'],
  'api::design.design': ['contactPhone', 'officeAddress'],
  'api::email-account-request.email-account-request': ['personName', 'personPosition'],
});

/**
 * What Secretaría Técnica (a content-API account) reads of the e-mail account requests it
 * authorizes: for whom the account is. Private to everyone else outside the office.
 */
export const SECRETARIA_TECNICA_READS: readonly string[] = Object.freeze([
  'personName',
  'personPosition',
]);

/** Notes the staff of an item's service keep for themselves. */
export const INTERNAL_FIELDS: readonly string[] = Object.freeze(['internalNotes']);

/** Internal documents of a type (paths into its components), read by the staff of its service. */
export const INTERNAL_FIELDS_BY_TYPE: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'api::design.design': ['delivery.document'],
});

/** Relations naming the people assigned to an item: who is in them reads the item's personal data. */
export const ASSIGNEE_RELATIONS: readonly string[] = Object.freeze(['assignees', 'crew']);

export const isContactRole = (role: Role) => CONTACT_ROLES.includes(role);

/** The personal fields of a content type (none for a type without personal data). */
export const personalFieldsOf = (uid: string): readonly string[] =>
  PERSONAL_FIELDS_BY_TYPE[uid] ?? [];

/**
 * The fields of `uid` a role's content-manager permissions leave out. `worksOn` says whether the
 * role does the type's work (it may edit it, so it may be assigned to it): such a role keeps the
 * internal notes, and the personal fields for the items it is assigned to (narrowed per item when
 * read); any other role, unless it contacts the areas, reads neither.
 */
export function fieldsHiddenFrom(role: Role, uid: string, worksOn: boolean): string[] {
  if (isContactRole(role)) return [];
  if (worksOn) return [];
  return [...personalFieldsOf(uid), ...INTERNAL_FIELDS, ...(INTERNAL_FIELDS_BY_TYPE[uid] ?? [])];
}

/**
 * Whether a reader with these roles keeps an item's personal fields: a contact role always, anyone
 * else only when assigned to that item.
 */
export const keepsPersonalData = (roles: readonly Role[], assigned: boolean) =>
  assigned || roles.some(isContactRole);

/** The designer's part of a web publication (manual GD 1): what they read and what they write. */
const DESIGNER_WEB_PUBLICATION = {
  read: [
    'title',
    'oficio',
    'workflowStatus',
    'statusChangedAt',
    'dueAt',
    'wantedDate',
    'section',
    'summary',
    'body',
    'attachments',
    'cover',
    'designRequest',
    'designedFiles',
    'transitionComment',
  ],
  update: ['designedFiles', 'workflowStatus', 'transitionComment'],
} as const;

/**
 * Types a role works on only in part, with the only fields its content-manager permissions cover
 * per action: a designer reads the web publication sent to design and uploads the worked file,
 * but neither edits its content nor publishes it.
 */
export const PARTIAL_ACCESS: Readonly<
  Partial<
    Record<Role, Readonly<Record<string, Readonly<Record<'read' | 'update', readonly string[]>>>>>
  >
> = Object.freeze({
  disenador_senior: { 'api::web-publication.web-publication': DESIGNER_WEB_PUBLICATION },
  disenador_junior: { 'api::web-publication.web-publication': DESIGNER_WEB_PUBLICATION },
});

/** The fields a role's `action` permission on `uid` is limited to, or null when not limited. */
export const partialFieldsOf = (
  role: Role,
  uid: string,
  action: string
): readonly string[] | null => {
  const limits = PARTIAL_ACCESS[role]?.[uid];
  if (!limits) return null;
  return action === 'read' || action === 'update' ? limits[action] : [];
};

// Every personal field of a type is masked in the audit trail too.
for (const fields of Object.values(PERSONAL_FIELDS_BY_TYPE)) {
  for (const field of fields) {
    if (!PERSONAL_FIELDS.has(field)) throw new Error(`${field} falta en PERSONAL_FIELDS`);
  }
}
