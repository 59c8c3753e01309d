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

// One folder per installation: its id and path do not change once created.
const known = new WeakMap<Core.Strapi, FolderRow>();

/** The private folder, created at the root of the Media Library the first time it is needed. */
export const privateFolder = async (strapi: Core.Strapi): Promise<FolderRow> => {
  const cached = known.get(strapi);
  if (cached) return cached;
  let folder = (await strapi.db.query(FOLDER_UID).findOne({
    where: { name: PRIVATE_FOLDER_NAME, parent: { id: { $null: true } } },
    select: ['id', 'path'],
  })) as FolderRow | null;
  if (!folder) {
    folder = (await strapi
      .plugin('upload')
      .service('folder')
      .create({ name: PRIVATE_FOLDER_NAME, parent: null })) as FolderRow;
  }
  known.set(strapi, { id: folder.id, path: folder.path });
  return folder;
};

const inFolder = (folderPath: string | null | undefined, root: string) =>
  typeof folderPath === 'string' && (folderPath === root || folderPath.startsWith(`${root}/`));

/** Whether a stored file (its id or its row) is private. */
export const isPrivateFile = async (
  strapi: Core.Strapi,
  file: number | Pick<FileRow, 'folderPath'>
): Promise<boolean> => {
  const row =
    typeof file === 'number'
      ? ((await strapi.db
          .query(FILE_UID)
          .findOne({ where: { id: file }, select: ['folderPath'] })) as FileRow | null)
      : file;
  if (!row) return false;
  return inFolder(row.folderPath, (await privateFolder(strapi)).path);
};

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
  const root = (await privateFolder(strapi)).path;
  const rows = (await strapi.db.query(FILE_UID).findMany({
    where: {
      $or: [{ folderPath: root }, { folderPath: { $startsWith: `${root}/` } }],
      hash: { $in: hashes },
    },
    select: ['id', 'url', 'formats', 'folderPath'],
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
