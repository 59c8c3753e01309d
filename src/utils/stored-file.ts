import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/** A media-library file row, as far as reading its bytes needs. */
export interface StoredFileRef {
  id: number;
  name: string;
  url: string;
  mime?: string | null;
}

/** Where the bytes of a stored file are, and how many there are. */
export interface StoredFileOnDisk {
  path: string;
  size: number;
}

/**
 * The file's bytes on this server's disk, or null when they are not there: the upload provider of
 * this project is `local` (files under `public/uploads`); a URL on another host, or one that
 * leads out of the uploads folder, is never read.
 */
export const storedFileOnDisk = async (
  strapi: Core.Strapi,
  file: Pick<StoredFileRef, 'url'>
): Promise<StoredFileOnDisk | null> => {
  if (typeof file.url !== 'string' || !file.url.startsWith('/uploads/')) return null;
  const uploads = path.resolve(strapi.dirs.static.public, 'uploads');
  const relative = decodeURIComponent(file.url.split(/[?#]/)[0].slice('/uploads/'.length));
  const absolute = path.resolve(uploads, relative);
  if (!absolute.startsWith(`${uploads}${path.sep}`)) return null;
  try {
    const stat = await fs.promises.stat(absolute);
    return stat.isFile() ? { path: absolute, size: stat.size } : null;
  } catch {
    return null;
  }
};

/** The whole file in memory (e-mail attachments), or null when it is not on this server. */
export const readStoredFile = async (
  strapi: Core.Strapi,
  file: Pick<StoredFileRef, 'url'>
): Promise<Buffer | null> => {
  const found = await storedFileOnDisk(strapi, file);
  if (!found) return null;
  try {
    return await fs.promises.readFile(found.path);
  } catch {
    return null;
  }
};
