import type { Core, UID } from '@strapi/strapi';
import type { StaffReads } from '../app';
import { storedFileOnDisk, type StoredFileOnDisk } from '../../../../../utils/stored-file';

const FILE_UID = 'plugin::upload.file';

/** A media-library file as the download answers it. */
export interface StaffFile {
  id: number;
  name: string;
  mime: string | null;
  onDisk: StoredFileOnDisk;
}

/** One place a file is attached: a record's field, or a component's field inside a record. */
interface Reference {
  relatedId: number;
  relatedType: string;
  field: string;
}

interface MorphJoinTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
}

type Attributes = Record<string, { type?: string; component?: string }>;

/**
 * Which files a staff member may download: a file attached to a record (an oficio's scan,
 * attachments, acuse or answer; an item's files, a proposal's file inside its component) is
 * theirs to read when they may read that record's type and that field, with the same permission
 * checker as the content manager and the plugin's pages. A file attached to nothing is nobody's.
 */
export const createFileAccessService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Where the media library records what each file is attached to (Strapi's morph join table). */
  const references = async (fileId: number): Promise<Reference[]> => {
    const related = strapi.db.metadata.get(FILE_UID).attributes.related as unknown as {
      joinTable: MorphJoinTable;
    };
    const { name, joinColumn, morphColumn } = related.joinTable;
    const rows = (await strapi.db
      .getConnection(name)
      .where(joinColumn.name, fileId)
      .select(
        `${morphColumn.idColumn.name} as relatedId`,
        `${morphColumn.typeColumn.name} as relatedType`,
        'field'
      )) as Reference[];
    return rows.map((row) => ({ ...row, relatedId: Number(row.relatedId) }));
  };

  /** The content types that hold `component` directly, with the attribute that holds it. */
  const holdersOf = (component: string) =>
    Object.entries(strapi.contentTypes).flatMap(([uid, type]) =>
      Object.entries(type.attributes as Attributes)
        .filter(
          ([, attribute]) => attribute.type === 'component' && attribute.component === component
        )
        .map(([attribute]) => ({ uid, attribute }))
    );

  const exists = async (uid: string, where: Record<string, unknown>) =>
    Boolean(await strapi.db.query(uid as UID.ContentType).findOne({ where, select: ['id'] }));

  /** Whether the reader may read the record (and its field) that `reference` points at. */
  const mayRead = async (reference: Reference, reads: StaffReads): Promise<boolean> => {
    const { relatedType, relatedId, field } = reference;
    if (strapi.contentTypes[relatedType as UID.ContentType]) {
      if (!relatedType.startsWith('api::')) return false;
      return (
        reads.canRead(relatedType) &&
        reads.canReadField(relatedType, field) &&
        (await exists(relatedType, { id: relatedId }))
      );
    }
    if (!strapi.components[relatedType as UID.Component]) return false;
    for (const holder of holdersOf(relatedType)) {
      if (!holder.uid.startsWith('api::') || !reads.canRead(holder.uid)) continue;
      if (!reads.canReadField(holder.uid, `${holder.attribute}.${field}`)) continue;
      if (await exists(holder.uid, { [holder.attribute]: { id: relatedId } })) return true;
    }
    return false;
  };

  return {
    /** The file `id` when the reader may read a record it is attached to; null otherwise. */
    async readable(id: number, reads: StaffReads): Promise<StaffFile | null> {
      const file = (await strapi.db.query(FILE_UID).findOne({
        where: { id },
        select: ['id', 'name', 'url', 'mime'],
      })) as { id: number; name: string; url: string; mime: string | null } | null;
      if (!file) return null;
      let allowed = false;
      for (const reference of await references(id)) {
        if (await mayRead(reference, reads)) {
          allowed = true;
          break;
        }
      }
      if (!allowed) return null;
      const onDisk = await storedFileOnDisk(strapi, file);
      return onDisk ? { id: file.id, name: file.name, mime: file.mime, onDisk } : null;
    },
  };
};

export type FileAccessService = ReturnType<typeof createFileAccessService>;

export default createFileAccessService;
