import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { invalid } from '../../../utils/errors';
import { privateFileInfo, removeOnRollback, type FileRow } from '../../../utils/private-files';
import type { UploadLimits } from '../contract';

/** An uploaded file as koa-body (formidable) leaves it in `ctx.request.files`. */
export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

/** A file that passed the checks, with the type its content shows. */
export interface AcceptedFile {
  file: IncomingFile;
  name: string;
  mime: string;
}

/** Most files in one request (the scan included). */
export const MAX_FILES = 10;

/**
 * What an area may send, with the extensions each is known by: the upload plugin's allowed types
 * (config/plugins.ts) that appear here. SVG is left out on purpose: it is a document that may carry
 * scripts and links, staff open the area's files in their browser, and a scan, a photo or an Office
 * document never needs to be one.
 */
const AREA_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'image/tiff': ['.tif', '.tiff'],
  'application/msword': ['.doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.ms-excel': ['.xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.ms-powerpoint': ['.ppt'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
  'application/vnd.oasis.opendocument.presentation': ['.odp'],
};

/** The type a file name's extension stands for, among the area's types. */
const typeOfName = (name: string) => {
  const ext = path.extname(name).toLowerCase();
  return Object.keys(AREA_TYPES).find((type) => AREA_TYPES[type].includes(ext)) ?? null;
};

/** Types whose content is a ZIP (OOXML) or an OLE compound file (Office 97–2003). */
const CONTAINERS: Readonly<Record<string, readonly string[]>> = {
  'application/zip': [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.oasis.opendocument.presentation',
  ],
  'application/x-cfb': [
    'application/msword',
    'application/vnd.ms-excel',
    'application/vnd.ms-powerpoint',
  ],
};

type DetectMimeType = (file: { filepath: string }) => Promise<string | undefined>;

/**
 * The upload plugin's own content sniffing (file-type on the first bytes). Its package exports
 * only its entry points, so the module is loaded by its path.
 */
const detectMimeType = (): DetectMimeType =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(
    path.join(
      path.dirname(require.resolve('@strapi/upload/package.json')),
      'dist/server/utils/mime-validation.js'
    )
  ).detectMimeType;

const megabytes = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString('es-MX', { maximumFractionDigits: 1 })} MB`;

/** The file name with an extension of the type its content shows. */
const nameFor = (given: string, mime: string) => {
  if (typeOfName(given) === mime) return given;
  const current = path.extname(given);
  const base = (current ? given.slice(0, -current.length) : given).trim() || 'archivo';
  return `${base}${AREA_TYPES[mime]?.[0] ?? ''}`;
};

/**
 * The files an area sends with its oficio: checked by their content before anything is written,
 * stored in the private folder inside the caller's transaction (and removed from disk if it is
 * rolled back).
 */
export const createUploadsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () =>
    strapi.config.get('plugin::upload') as {
      sizeLimit?: number;
      security?: { allowedTypes?: string[] };
    };
  const sizeLimit = () => Number(config().sizeLimit) || 50 * 1024 * 1024;
  const areaTypes = () => {
    const allowed = config().security?.allowedTypes;
    return Object.keys(AREA_TYPES).filter((type) => !allowed || allowed.includes(type));
  };

  const service = {
    limits(): UploadLimits {
      const types = areaTypes();
      return {
        maxFileBytes: sizeLimit(),
        maxFiles: MAX_FILES,
        mimeTypes: types,
        extensions: types.flatMap((type) => AREA_TYPES[type]),
      };
    },

    /** The files sent under `field` (none, one or several). */
    filesOf(ctx: Parameters<Core.MiddlewareHandler>[0], field: string): IncomingFile[] {
      const files = (ctx.request as { files?: Record<string, unknown> }).files?.[field];
      if (!files) return [];
      return (Array.isArray(files) ? files : [files]) as IncomingFile[];
    },

    /** Checks count, size and content type of every file; refuses the request on the first fault. */
    async check(files: readonly IncomingFile[], max = MAX_FILES): Promise<AcceptedFile[]> {
      if (files.length > max) {
        throw invalid(
          'TOO_MANY_FILES',
          `Se admiten hasta ${max} archivos por envío; llegaron ${files.length}.`,
          { max, received: files.length }
        );
      }
      const limit = sizeLimit();
      const detect = detectMimeType();
      const types = areaTypes();
      const accepted: AcceptedFile[] = [];
      for (const file of files) {
        const given = String(file.originalFilename || 'archivo');
        if (file.size > limit) {
          throw invalid(
            'FILE_TOO_LARGE',
            `«${given}» pesa ${megabytes(file.size)}: el límite por archivo es ${megabytes(limit)}.`,
            { fileName: given, size: file.size, maxFileBytes: limit }
          );
        }
        const detected = file.size > 0 ? await detect(file) : undefined;
        const byName = typeOfName(given);
        // The content decides; an Office container is named by its extension only when the
        // content really is that container.
        const mime =
          detected && types.includes(detected)
            ? detected
            : detected && byName && types.includes(byName) && CONTAINERS[detected]?.includes(byName)
              ? byName
              : null;
        if (!mime) {
          throw invalid(
            'FILE_TYPE_NOT_ALLOWED',
            `«${given}» no es un PDF, una imagen ni un documento de Office: por su contenido no ` +
              'se puede recibir. Envía el oficio y sus anexos en PDF, JPG, PNG, Word, Excel o ' +
              'PowerPoint.',
            { fileName: given, detectedType: detected ?? null }
          );
        }
        accepted.push({ file, name: nameFor(given, mime), mime });
      }
      return accepted;
    },

    /** Stores accepted files in the private folder; `caption` describes them in the Media Library. */
    async store(files: readonly AcceptedFile[], caption: string): Promise<FileRow[]> {
      if (files.length === 0) return [];
      const folder = await privateFileInfo(strapi);
      const stored = (await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: files.map(({ name }) => ({ name, caption, ...folder })) },
          files: files.map(({ file, name, mime }) => ({
            filepath: file.filepath,
            originalFilename: name,
            mimetype: mime,
            detectedMimeType: mime,
            size: file.size,
          })),
        })) as FileRow[];
      await removeOnRollback(strapi, stored);
      return stored;
    },
  };
  return service;
};

export type UploadsService = ReturnType<typeof createUploadsService>;

export default createUploadsService;
