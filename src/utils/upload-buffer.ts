import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { privateFileInfo, removeOnRollback, type FileRow } from './private-files';

/** What the upload service answers for a stored file. */
export interface StoredFile {
  id: number;
  url: string;
  name: string;
  hash: string;
  ext: string;
}

/**
 * Stores bytes made on the server (a PDF, a placeholder image) in the media library through the
 * upload service, which wants a file on disk: written to a temporary folder removed afterwards.
 * `private`: in the private folder, never served at its public address. Inside a transaction the
 * bytes leave the disk again if it is rolled back.
 */
export const uploadBuffer = async (
  strapi: Core.Strapi,
  content: Buffer | string,
  options: {
    name: string;
    mimetype: string;
    fileInfo?: { caption?: string; alternativeText?: string };
    private?: boolean;
  }
): Promise<StoredFile> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'archivo-'));
  const filepath = path.join(dir, options.name);
  try {
    await fs.writeFile(filepath, content);
    const [file] = (await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: {
          fileInfo: {
            name: options.name,
            ...options.fileInfo,
            ...(options.private ? await privateFileInfo(strapi) : {}),
          },
        },
        files: {
          filepath,
          originalFilename: options.name,
          mimetype: options.mimetype,
          size: Buffer.byteLength(content),
        },
      })) as StoredFile[];
    await removeOnRollback(strapi, [file as unknown as FileRow]);
    return file;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
};
