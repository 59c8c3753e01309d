import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminActor, createStaffReads, invalid } from '../app';
import type { AcceptLate, GetOficio } from '../../../shared/contracts/oficios';
import type { OficioSummary, SearchOficios } from '../../../shared/contracts/intake';
import { getPluginService } from '../utils/get-plugin-service';
import {
  EXPORT_MAX_ROWS,
  exportFile,
  parseFormat,
  refuseTooLarge,
  sendExport,
  type ExportColumn,
} from '../utils/exports';
import { parseOficioFilters, parsePage } from '../services/oficio-search';
import { mexicoCityToday } from '../services/presenters';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const MAX_JUSTIFICATION = 2000;

/** Columns of the oficios' export, in Spanish. */
const OFICIO_COLUMNS: ExportColumn[] = [
  { header: 'Folio', kind: 'text', width: 18 },
  { header: 'Número de oficio del área', kind: 'text', width: 24 },
  { header: 'Asunto', kind: 'text', width: 50 },
  { header: 'Área solicitante', kind: 'text', width: 36 },
  { header: 'Recepción', kind: 'datetime', width: 18 },
  { header: 'Estado', kind: 'text', width: 22 },
  { header: 'Extemporáneo', kind: 'text', width: 14 },
  { header: 'Servicios solicitados', kind: 'text', width: 44 },
];

const oficioRow = (oficio: OficioSummary) => [
  oficio.folio,
  oficio.senderReference,
  oficio.subject,
  oficio.area?.name ?? null,
  oficio.receivedAt,
  oficio.statusLabel,
  oficio.isLate ? 'Sí' : 'No',
  oficio.services.map((service) => `${service.label} (${service.count})`).join(', '),
];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService('oficio-view', strapi);
  const search = () => getPluginService('oficio-search', strapi);

  return {
    /** GET /comunicacion/oficios?q&folio&area&status&receivedFrom&receivedTo&service&page&pageSize */
    async search(ctx: Ctx) {
      const query = (ctx.query ?? {}) as Record<string, unknown>;
      const filters = parseOficioFilters(query);
      const body: SearchOficios.Response = await search().search(filters, parsePage(query));
      ctx.body = body;
    },

    /** GET /comunicacion/oficios/export?format=csv|xlsx&…the search's filters */
    async export(ctx: Ctx) {
      const query = (ctx.query ?? {}) as Record<string, unknown>;
      const format = parseFormat(query.format);
      const filters = parseOficioFilters(query);
      refuseTooLarge(await search().count(filters));
      const rows: ReturnType<typeof oficioRow>[] = [];
      for await (const chunk of search().each(filters)) {
        rows.push(...chunk.map(oficioRow));
        // Oficios registered while reading do not push the file past the cap.
        if (rows.length >= EXPORT_MAX_ROWS) break;
      }
      sendExport(
        ctx,
        await exportFile(format, {
          sheet: 'Oficios',
          filename: `oficios-${mexicoCityToday()}`,
          columns: OFICIO_COLUMNS,
          rows: rows.slice(0, EXPORT_MAX_ROWS),
        })
      );
    },

    /** GET /comunicacion/oficios/:documentId */
    async get(ctx: Ctx) {
      const data = await service().get(
        String(ctx.params.documentId),
        adminActor(ctx.state.user),
        createStaffReads(strapi, { user: ctx.state.user, userAbility: ctx.state.userAbility })
      );
      if (!data) throw new errors.NotFoundError('No existe ese oficio.', { code: 'NOT_FOUND' });
      const body: GetOficio.Response = { data };
      ctx.body = body;
    },

    /** POST /comunicacion/oficios/:documentId/accept-late */
    async acceptLate(ctx: Ctx) {
      const input = (ctx.request.body ?? {}) as Partial<AcceptLate.Request['body']>;
      if (typeof input.justification !== 'string') {
        throw invalid(
          'COMMENT_REQUIRED',
          'Escribe la justificación para aceptar la solicitud extemporánea.',
          { fields: ['justification'] }
        );
      }
      if (input.justification.length > MAX_JUSTIFICATION) {
        throw invalid(
          'INVALID_REQUEST',
          `La justificación admite hasta ${MAX_JUSTIFICATION} caracteres.`,
          { fields: ['justification'] }
        );
      }
      const body: AcceptLate.Response = {
        data: await service().acceptLate(
          String(ctx.params.documentId),
          input.justification,
          adminActor(ctx.state.user)
        ),
      };
      ctx.body = body;
    },
  };
};
