import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Response } from 'supertest';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';

/** A small real PDF that says `text`. */
export const pdfOf = (text: string): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

/** A photo big enough for the media library to make its formats (thumbnail, small). */
export const photo = (): Promise<Buffer> => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sharp = require('sharp') as (options: unknown) => {
    jpeg(): { toBuffer(): Promise<Buffer> };
  };
  return sharp({ create: { width: 900, height: 600, channels: 3, background: '#b0203a' } })
    .jpeg()
    .toBuffer();
};

/** What a Windows executable starts with (MZ header, PE stub): no PDF, whatever its name. */
export const EXECUTABLE = Buffer.concat([
  Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000', 'hex'),
  Buffer.alloc(60),
  Buffer.from('PE\0\0', 'latin1'),
  Buffer.alloc(400),
]);

/**
 * The text a PDF shows: pdfkit writes each run of text as hex strings inside `[...] TJ` arrays
 * (WinAnsi for the standard fonts), and the acuse is written uncompressed.
 */
export const pdfText = (pdf: Buffer) => {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
    const runs = [...match[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) =>
      Buffer.from(hex[1], 'hex').toString('latin1')
    );
    lines.push(runs.join(''));
  }
  return lines.join('\n');
};

/** Collects a binary body (supertest only buffers text by itself). */
export const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

export interface Attachment {
  name: string;
  content: Buffer;
  type?: string;
}

/** POST /api/portal/oficios as multipart: `data` JSON, `scan` and `attachments`. */
export const fileOficio = (
  app: TestApp,
  session: Session | null,
  data: unknown,
  { scan, attachments = [] }: { scan?: Attachment; attachments?: Attachment[] } = {}
) => {
  let req = app.http().post('/api/portal/oficios');
  if (session) req = req.set(session.auth);
  req = req.field('data', JSON.stringify(data));
  if (scan) {
    req = req.attach('scan', scan.content, {
      filename: scan.name,
      contentType: scan.type ?? 'application/pdf',
    });
  }
  for (const attachment of attachments) {
    req = req.attach('attachments', attachment.content, {
      filename: attachment.name,
      contentType: attachment.type ?? 'application/octet-stream',
    });
  }
  return req;
};

/**
 * A mark of this test file's run in the names of the files a refused request sends: the uploads
 * folder is shared with the test files running beside it, so only marked names are compared.
 */
export const RUN_TAG = crypto.randomBytes(4).toString('hex');

/** `oficio.pdf` → `oficio-<tag>.pdf`. */
export const tagged = (name: string) => {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}-${RUN_TAG}${name.slice(dot)}`;
};

/** Every file name under public/uploads (what a refused request must not add to). */
export const uploadsOnDisk = (app: TestApp) => {
  const dir = path.join(app.strapi.dirs.static.public, 'uploads');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};

/** Counts that a refused request must leave as they were, and this run's marked files on disk. */
export const footprint = async (app: TestApp) => ({
  oficios: await app.strapi.db.query('api::oficio.oficio').count({}),
  files: await app.strapi.db.query('plugin::upload.file').count({}),
  designs: await app.strapi.db.query('api::design.design').count({}),
  disk: uploadsOnDisk(app).filter((name) => name.includes(RUN_TAG)),
});

/** Waits for work Strapi does after a rollback without awaiting it (removing files from disk). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
