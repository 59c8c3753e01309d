import path from 'node:path';
import type { Core } from '@strapi/strapi';

const FILE_UID = 'plugin::upload.file';
const FOLDER_UID = 'plugin::upload.folder';

/**
 * The Media Library folder that holds what must never be served at a public address: the areas'
 * scans and attachments and every acuse de recibo. The files stay on disk under public/uploads (so
 * backups keep copying one folder); the `private-uploads` middleware answers 404 to their address
 * and their image formats, and they are downloaded only through routes that check who asks.
 */
export const PRIVATE_FOLDER_NAME = 'Archivos privados (no públicos)';

export interface FileRow {
  id: number;
  name: string;
  hash: string;
  ext: string | null;
  mime: string;
  size: number;
  url: string;
  provider: string;
  folderPath?: string | null;
  formats?: Record<string, { url?: string; hash?: string; ext?: string }> | null;
}

interface FolderRow {
  id: number;
  path: string;
}

// One folder per installation: its id does not change (staff may move or rename it, and its path
// changes with a move, so the path is always read again).
const known = new WeakMap<Core.Strapi, number>();

/**
 * The private folder, created at the root of the Media Library the first time it is needed (and
 * again if staff deleted it, which deletes the files in it too).
 */
export const privateFolder = async (strapi: Core.Strapi): Promise<FolderRow> => {
  const cached = known.get(strapi);
  let folder = cached
    ? ((await strapi.db.query(FOLDER_UID).findOne({
        where: { id: cached },
        select: ['id', 'path'],
      })) as FolderRow | null)
    : null;
  folder ??= (await strapi.db.query(FOLDER_UID).findOne({
    where: { name: PRIVATE_FOLDER_NAME },
    select: ['id', 'path'],
    orderBy: { id: 'asc' },
  })) as FolderRow | null;
  folder ??= (await strapi
    .plugin('upload')
    .service('folder')
    .create({ name: PRIVATE_FOLDER_NAME, parent: null })) as FolderRow;
  known.set(strapi, folder.id);
  return folder;
};

/** The private folder's id, without reading it again once known. */
const privateFolderId = async (strapi: Core.Strapi) =>
  known.get(strapi) ?? (await privateFolder(strapi)).id;

/**
 * Whether a stored file is private: it is in the private folder. Moving it out of that folder in
 * the Media Library makes it public again; that is a deliberate act of the staff.
 */
export const isPrivateFile = async (strapi: Core.Strapi, id: number): Promise<boolean> =>
  (await strapi.db.query(FILE_UID).count({
    where: { id, folder: { id: await privateFolderId(strapi) } },
  })) > 0;

/** Moves stored files into the private folder (the upload service keeps folder and path in step). */
export const markPrivate = async (strapi: Core.Strapi, ids: readonly number[]) => {
  const folder = await privateFolder(strapi);
  for (const id of ids) {
    await strapi.plugin('upload').service('upload').updateFileInfo(id, { folder: folder.id });
  }
};

/** The `fileInfo.folder` that stores a new upload as private. */
export const privateFileInfo = async (strapi: Core.Strapi) => ({
  folder: (await privateFolder(strapi)).id,
});

/**
 * The private file that `/uploads/<name>` serves (the file itself or one of its image formats,
 * `thumbnail_<hash>.jpg`, `small_<hash>.jpg`…); null when the address is not a private file's.
 */
export const privateFileAt = async (
  strapi: Core.Strapi,
  urlPath: string
): Promise<FileRow | null> => {
  const name = path.posix.basename(urlPath);
  const base = name.slice(0, name.length - path.posix.extname(name).length);
  if (!base) return null;
  // A format's hash is `<format>_<hash of the file>`.
  const hashes = [...new Set([base, base.replace(/^[a-z0-9]+_/i, '')])];
  const rows = (await strapi.db.query(FILE_UID).findMany({
    where: { folder: { id: await privateFolderId(strapi) }, hash: { $in: hashes } },
    select: ['id', 'url', 'formats'],
  })) as FileRow[];
  const address = `/uploads/${name}`;
  return (
    rows.find(
      (row) =>
        row.url === address ||
        Object.values(row.formats ?? {}).some((format) => format?.url === address)
    ) ?? null
  );
};

/**
 * Removes a stored file's bytes (and its formats) from where the provider keeps them. Used when
 * the transaction that stored it is rolled back: the row goes away with it, the bytes must too.
 */
export const removeStoredBytes = async (strapi: Core.Strapi, file: FileRow) => {
  const provider = strapi.plugin('upload').provider as { delete(file: unknown): Promise<void> };
  const formats = Object.values(file.formats ?? {});
  await Promise.allSettled([provider.delete(file), ...formats.map((f) => provider.delete(f))]);
};

/**
 * Inside a transaction: when it is rolled back, the files stored in it leave the disk too, so a
 * refused request leaves nothing behind. Outside one: nothing to do.
 */
export const removeOnRollback = async (strapi: Core.Strapi, files: readonly FileRow[]) => {
  if (!strapi.db.inTransaction() || files.length === 0) return;
  await strapi.db.transaction(async ({ onRollback }) => {
    onRollback(() => {
      for (const file of files) {
        removeStoredBytes(strapi, file).catch((error: unknown) =>
          strapi.log.warn(`No se pudo borrar el archivo ${file.url}: ${String(error)}`)
        );
      }
    });
  });
};
