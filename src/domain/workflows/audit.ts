import { isBlank, isRecord } from './values';

/**
 * The audit trail's view of a write: which attributes changed, from what to what. Personal data
 * is recorded as changed, never with its values, because the trail is read by auditors and staff.
 */

/** How an attribute is compared and recorded. */
export type AttributeKind =
  | 'scalar'
  | 'datetime'
  | 'date'
  | 'relation'
  | 'media'
  | 'component'
  | 'json';

/** One changed attribute. Personal data carries `changed: true` instead of its values. */
export type AuditChange =
  | { field: string; from: unknown; to: unknown }
  | { field: string; changed: true };

/** Attributes holding personal data (SPEC §3: never in a public answer, never in the trail). */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  'requesterName',
  'requesterPhone',
  'requesterEmail',
  'requesterAddress',
  'contactPhone',
  'officeAddress',
  'personName',
  'personPosition',
]);

/** Bookkeeping that every write touches and that says nothing about the record. */
export const UNAUDITED: ReadonlySet<string> = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
  'transitionComment',
]);

/**
 * Fields of a component entry (proposal version, delivery oficio, chosen logo, advisory follow-up)
 * the trail records.
 */
const COMPONENT_FIELDS = [
  'version',
  'file',
  'sentAt',
  'decision',
  'feedback',
  'decidedAt',
  'decidedBy',
  'number',
  'date',
  'document',
  'receivedBy',
  'logo',
  'by',
  'notes',
  'nextDate',
];

/** Component fields that point at another record or a file: the trail keeps their id. */
const COMPONENT_REFERENCES = new Set(['file', 'document', 'logo']);

const idOf = (value: unknown): unknown => {
  if (isRecord(value)) return value.id ?? value.documentId ?? null;
  return value;
};

const instant = (value: unknown): string | null => {
  if (isBlank(value)) return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
};

/** A stored value in the trail's canonical form: comparable and small. */
export function normalizeValue(kind: AttributeKind, value: unknown): unknown {
  if (value === undefined) return null;
  switch (kind) {
    case 'datetime':
      return instant(value);
    case 'date':
      if (isBlank(value)) return null;
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    case 'relation':
    case 'media': {
      if (Array.isArray(value)) {
        return value
          .map(idOf)
          .filter((id) => !isBlank(id))
          .map(String)
          .sort();
      }
      const id = idOf(value);
      return isBlank(id) ? null : String(id);
    }
    case 'component': {
      const list = Array.isArray(value) ? value : isBlank(value) ? [] : [value];
      return list
        .filter(isRecord)
        .map((entry) =>
          Object.fromEntries(
            COMPONENT_FIELDS.filter((field) => field in entry).map((field) => [
              field,
              COMPONENT_REFERENCES.has(field)
                ? normalizeValue('media', entry[field])
                : field.endsWith('At')
                  ? instant(entry[field])
                  : (entry[field] ?? null),
            ])
          )
        );
    }
    case 'json':
      return value === null ? null : JSON.parse(JSON.stringify(value));
    default:
      if (value === '' || value === null) return null;
      return value;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The attributes (of `kinds`) whose value differs between two rows, in the schema's order, with
 * personal data masked. A row absent (creation) counts as every value null.
 */
export function diffRows(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
  kinds: Readonly<Record<string, AttributeKind>>
): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const [field, kind] of Object.entries(kinds)) {
    if (UNAUDITED.has(field)) continue;
    // A relation the row was not loaded with is not compared (null is not "unknown").
    if (before && !(field in before) && !(field in after)) continue;
    const from = normalizeValue(kind, before ? before[field] : null);
    const to = normalizeValue(kind, after[field]);
    if (same(from, to)) continue;
    if (!before && (to === null || (Array.isArray(to) && to.length === 0))) continue;
    changes.push(PERSONAL_FIELDS.has(field) ? { field, changed: true } : { field, from, to });
  }
  return changes;
}
