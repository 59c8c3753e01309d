import type { Core } from '@strapi/strapi';
import { errors, yup } from '@strapi/utils';
import { STATE_LABELS } from '../../../domain/workflows';
import {
  MAX_SERVICES_PER_OFICIO,
  TOO_MANY_SERVICES_MESSAGE,
} from '../../../domain/workflows/intake-requirements';
import { ADDRESSEE_LABELS } from '../../../domain/workflows/intake-values';
import { areaActor, requireArea, roleType } from '../../../utils/area-scope';
import { forbidden, invalid } from '../../../utils/errors';
import { validateInput } from '../../../utils/validation';
import type { NewOficio } from '../contract';
import { getService } from '../../../utils/get-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const text = (max: number, label: string) =>
  yup
    .string()
    .typeError(`${label} debe ser un texto.`)
    .trim()
    .max(max, `${label} admite hasta ${max} caracteres.`)
    .nullable();

const newOficioSchema = yup
  .object({
    subject: text(300, 'El asunto').required('Escribe el asunto del oficio.'),
    senderReference: text(80, 'El número de oficio del área'),
    summary: text(5000, 'El resumen'),
    addressedTo: yup
      .string()
      .oneOf(
        Object.keys(ADDRESSEE_LABELS),
        `Indica a quién va dirigido el oficio: ${Object.keys(ADDRESSEE_LABELS).join(' o ')}.`
      )
      .nullable(),
    // A list of known codes: the `known-lists` rule names what is wrong with it.
    copiedTo: yup.array().of(yup.string()).nullable(),
    requester: yup
      .object({
        name: text(200, 'El nombre de la persona responsable'),
        phone: text(40, 'El teléfono de contacto'),
        email: yup
          .string()
          .trim()
          .email('El correo de contacto no es válido.')
          .max(254, 'El correo de contacto es demasiado largo.')
          .nullable(),
      })
      .noUnknown(true, 'Campo no admitido en el responsable: ${unknown}.')
      .nullable(),
    services: yup
      .array()
      .min(1, 'Pide al menos un servicio en el oficio.')
      .max(MAX_SERVICES_PER_OFICIO, TOO_MANY_SERVICES_MESSAGE)
      .required('Pide al menos un servicio en el oficio.'),
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

const reasonSchema = yup
  .object({
    reason: yup
      .string()
      .typeError('El motivo debe ser un texto.')
      .trim()
      .max(2000, 'El motivo admite hasta 2000 caracteres.')
      .nullable(),
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

const INLINE = /^(application\/pdf|image\/(jpeg|png|gif|webp))$/;

/** `filename*` for any name (RFC 5987), with an ASCII fallback. */
const disposition = (kind: 'inline' | 'attachment', name: string) => {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'archivo';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const portal = () => getService('portal', strapi);
  const uploads = () => getService('portal-uploads', strapi);

  /** The caller's area and the actor its writes run as; only area accounts come in. */
  const caller = async (ctx: Ctx) => {
    if (roleType(ctx) !== 'area-solicitante') {
      throw forbidden(
        'FORBIDDEN',
        'El Portal de áreas es para las cuentas de las áreas solicitantes.'
      );
    }
    const area = await requireArea(strapi, ctx);
    return { area, actor: areaActor(area, ctx.state.user) };
  };

  const reasonOf = async (ctx: Ctx) =>
    (await validateInput<{ reason?: string | null }>(reasonSchema, ctx.request.body ?? {}))
      .reason || null;

  return {
    /** GET /api/portal/me */
    async me(ctx: Ctx) {
      const { area } = await caller(ctx);
      ctx.body = { data: await portal().me(area, ctx.state.user) };
    },

    /** GET /api/portal/form */
    async form(ctx: Ctx) {
      const { area } = await caller(ctx);
      ctx.body = { data: await portal().form(area) };
    },

    /** POST /api/portal/lead-time */
    async leadTime(ctx: Ctx) {
      await caller(ctx);
      const body = (ctx.request.body ?? {}) as { services?: unknown };
      ctx.body = { data: await portal().leadTime(body.services) };
    },

    /** GET /api/portal/oficios */
    async find(ctx: Ctx) {
      const { area } = await caller(ctx);
      const query = ctx.query as Record<string, unknown>;
      const positive = (value: unknown, fallback: number, max: number) => {
        if (value === undefined || value === '') return fallback;
        const number = Number(value);
        if (!Number.isInteger(number) || number < 1) {
          throw invalid(
            'INVALID_QUERY',
            'Los parámetros de paginación no son válidos: la página y su tamaño son números enteros positivos.'
          );
        }
        return Math.min(number, max);
      };
      const status = typeof query.status === 'string' ? query.status.trim() : '';
      if (status && !(status in STATE_LABELS.oficio)) {
        throw invalid('INVALID_QUERY', `No existe el estado de oficio «${status}».`, {
          parameter: 'status',
        });
      }
      const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
      ctx.body = await portal().list(area, {
        page: positive(query.page, 1, 10_000),
        pageSize: positive(query.pageSize, 20, 100),
        status: status || undefined,
        q: q || undefined,
      });
    },

    /** GET /api/portal/oficios/:documentId */
    async findOne(ctx: Ctx) {
      const { area } = await caller(ctx);
      ctx.body = { data: await portal().detail(area, String(ctx.params.documentId)) };
    },

    /** POST /api/portal/oficios (multipart: data, scan, attachments) */
    async create(ctx: Ctx) {
      const { area, actor } = await caller(ctx);
      const raw = (ctx.request.body as { data?: unknown } | undefined)?.data;
      let parsed: unknown;
      try {
        parsed = typeof raw === 'string' ? JSON.parse(raw) : raw;
      } catch {
        throw invalid('INVALID_BODY', 'El campo «data» no es JSON válido.', { fields: ['data'] });
      }
      if (!parsed || typeof parsed !== 'object') {
        throw invalid(
          'INVALID_REQUEST',
          'Envía los datos del oficio en el campo «data» (JSON) del formulario.',
          { fields: ['data'] }
        );
      }
      const oficio = await validateInput<NewOficio>(newOficioSchema, parsed);
      const scans = uploads().filesOf(ctx, 'scan');
      const attachments = uploads().filesOf(ctx, 'attachments');
      if (scans.length === 0) {
        throw invalid(
          'SCAN_REQUIRED',
          'Adjunta el oficio firmado y digitalizado (PDF o imagen) en «scan».',
          { fields: ['scan'] }
        );
      }
      if (scans.length > 1) {
        throw invalid('INVALID_REQUEST', 'El oficio digitalizado es un solo archivo.', {
          fields: ['scan'],
        });
      }
      // Every file is checked before anything is written.
      const [scan, ...others] = await uploads().check([...scans, ...attachments]);
      if (!/^(application\/pdf|image\/)/.test(scan.mime)) {
        throw invalid(
          'FILE_TYPE_NOT_ALLOWED',
          `El oficio digitalizado («${scan.name}») debe ser un PDF o una imagen.`,
          { fileName: scan.name }
        );
      }
      ctx.status = 201;
      ctx.body = {
        data: await portal().file({ area, actor, oficio, scan, attachments: others }),
      };
    },

    /** PUT /api/portal/oficios/:documentId/services/:workflow/:itemDocumentId */
    async completeService(ctx: Ctx) {
      const { area, actor } = await caller(ctx);
      const body = (ctx.request.body ?? {}) as { fields?: unknown };
      ctx.body = {
        data: await portal().completeService({
          area,
          actor,
          documentId: String(ctx.params.documentId),
          workflow: String(ctx.params.workflow),
          itemDocumentId: String(ctx.params.itemDocumentId),
          fields: body.fields,
        }),
      };
    },

    /** POST /api/portal/oficios/:documentId/files (multipart: files) */
    async addFiles(ctx: Ctx) {
      const { area, actor } = await caller(ctx);
      // 404 before looking at the files: another area's oficio does not exist.
      await portal().ownOficio(area, String(ctx.params.documentId));
      const files = uploads().filesOf(ctx, 'files');
      if (files.length === 0) {
        throw invalid('INVALID_REQUEST', 'Adjunta al menos un archivo en «files».', {
          fields: ['files'],
        });
      }
      const accepted = await uploads().check(files);
      ctx.status = 201;
      ctx.body = {
        data: await portal().addFiles({
          area,
          actor,
          documentId: String(ctx.params.documentId),
          files: accepted,
        }),
      };
    },

    /** POST /api/portal/oficios/:documentId/cancel */
    async cancel(ctx: Ctx) {
      const { area, actor } = await caller(ctx);
      await portal().ownOficio(area, String(ctx.params.documentId));
      ctx.body = {
        data: await portal().cancel({
          area,
          actor,
          documentId: String(ctx.params.documentId),
          reason: await reasonOf(ctx),
        }),
      };
    },

    /** POST /api/portal/oficios/:documentId/services/:workflow/:itemDocumentId/cancel */
    async cancelService(ctx: Ctx) {
      const { area, actor } = await caller(ctx);
      const oficio = await portal().ownOficio(area, String(ctx.params.documentId));
      await portal().ownItem(
        oficio,
        String(ctx.params.workflow),
        String(ctx.params.itemDocumentId)
      );
      ctx.body = {
        data: await portal().cancel({
          area,
          actor,
          documentId: String(ctx.params.documentId),
          workflow: String(ctx.params.workflow),
          itemDocumentId: String(ctx.params.itemDocumentId),
          reason: await reasonOf(ctx),
        }),
      };
    },

    /** GET /api/portal/oficios/:documentId/acuse */
    async acuse(ctx: Ctx) {
      const { area } = await caller(ctx);
      const { buffer, fileName } = await portal().acuse(area, String(ctx.params.documentId));
      ctx.set('Content-Disposition', disposition('attachment', fileName));
      ctx.set('Cache-Control', 'private, no-store');
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.type = 'application/pdf';
      ctx.body = buffer;
    },

    /** GET /api/portal/files/:id */
    async download(ctx: Ctx) {
      const { area } = await caller(ctx);
      const id = Number(ctx.params.id);
      if (!Number.isInteger(id) || id <= 0) {
        throw new errors.NotFoundError('No existe ese archivo.', { code: 'NOT_FOUND' });
      }
      const { file, stream } = await portal().download(area, id);
      const inline = ctx.query.inline === '1' && INLINE.test(file.mime);
      ctx.set('Content-Disposition', disposition(inline ? 'inline' : 'attachment', file.name));
      ctx.set('Cache-Control', 'private, no-store');
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.type = file.mime || 'application/octet-stream';
      ctx.body = stream;
    },
  };
};
