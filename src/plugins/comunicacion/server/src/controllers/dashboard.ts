import type { Core } from '@strapi/strapi';
import { WORKFLOW_LABELS, WORK_ITEM_KEYS, addCalendarDays, invalid, parseIsoDate } from '../app';
import type { GetDashboard } from '../../../shared/contracts/dashboard';
import { visibleQueues } from './queues';
import { getPluginService } from '../utils/get-plugin-service';
import { exportFile, parseFormat, sendExport, type ExportColumn } from '../utils/exports';
import type { AreaFigures } from '../services/dashboard';
import { mexicoCityToday } from '../services/presenters';

type Context = Parameters<Core.MiddlewareHandler>[0];

const DEFAULT_WEEKS = 12;
/** Longest period of the per-area export, in days. */
const MAX_PERIOD_DAYS = 366 * 3;

/** Columns of the per-area export, in Spanish: one per requested service in the middle. */
const AREA_COLUMNS: ExportColumn[] = [
  { header: 'Área solicitante', kind: 'text', width: 40 },
  { header: 'Oficios recibidos', kind: 'number', width: 12 },
  { header: 'Oficios extemporáneos', kind: 'number', width: 14 },
  { header: 'Proporción de extemporáneos', kind: 'percent', width: 16 },
  ...WORK_ITEM_KEYS.map(
    (workflow): ExportColumn => ({
      header: `${WORKFLOW_LABELS[workflow]} (solicitados)`,
      kind: 'number',
      width: 16,
    })
  ),
  { header: 'Servicios entregados', kind: 'number', width: 14 },
  { header: 'Entregados a tiempo', kind: 'percent', width: 14 },
  { header: 'Diseños enviados a revisión', kind: 'number', width: 16 },
  { header: 'Rondas de revisión (promedio)', kind: 'number', width: 16 },
];

const ratio = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

const areaRow = (figures: AreaFigures) => [
  figures.area,
  figures.oficios,
  figures.lateOficios,
  ratio(figures.lateOficios, figures.oficios),
  ...WORK_ITEM_KEYS.map((workflow) => figures.requested[workflow] ?? 0),
  figures.delivered,
  ratio(figures.deliveredOnTime, figures.delivered),
  figures.reviewedDesigns,
  figures.reviewedDesigns === 0
    ? null
    : Math.round((100 * figures.revisionRounds) / figures.reviewedDesigns) / 100,
];

/** The period's day from the query, or the fallback; 400 when it is not a date. */
const dayOf = (value: unknown, name: string, fallback: string) => {
  if (value === undefined || value === '') return fallback;
  if (typeof value !== 'string' || !parseIsoDate(value)) {
    throw invalid('INVALID_QUERY', `La fecha «${name}» debe tener el formato AAAA-MM-DD.`, {
      field: name,
    });
  }
  return value;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /comunicacion/dashboard */
  async get(ctx: Context) {
    const raw = (ctx.query as Record<string, unknown>)?.weeks;
    const text = raw === undefined || raw === '' ? String(DEFAULT_WEEKS) : String(raw);
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 52) {
      throw invalid('INVALID_REQUEST', 'Las semanas (weeks) deben ser un entero entre 1 y 52.');
    }
    const service = getPluginService('dashboard', strapi);
    const response: GetDashboard.Response = {
      data: await service.summary(visibleQueues(ctx), Number(text)),
    };
    ctx.body = response;
  },

  /**
   * GET /comunicacion/dashboard/export?format=csv|xlsx&from=YYYY-MM-DD&to=YYYY-MM-DD
   *
   * One row per requesting area over the period (default: this month up to today) and a total.
   */
  async export(ctx: Context) {
    const query = (ctx.query ?? {}) as Record<string, unknown>;
    const format = parseFormat(query.format);
    const today = mexicoCityToday();
    const from = dayOf(query.from, 'from', `${today.slice(0, 8)}01`);
    const to = dayOf(query.to, 'to', today);
    if (from > to) {
      throw invalid('INVALID_QUERY', 'La fecha inicial (from) es posterior a la final (to).', {
        field: 'from',
      });
    }
    if (addCalendarDays(from, MAX_PERIOD_DAYS) < to) {
      throw invalid('INVALID_QUERY', 'El periodo admite hasta tres años.', { field: 'to' });
    }
    const figures = await getPluginService('dashboard', strapi).areaFigures(from, to);
    const total: AreaFigures = {
      area: 'Total',
      oficios: 0,
      lateOficios: 0,
      requested: {},
      delivered: 0,
      deliveredOnTime: 0,
      reviewedDesigns: 0,
      revisionRounds: 0,
    };
    for (const area of figures) {
      total.oficios += area.oficios;
      total.lateOficios += area.lateOficios;
      total.delivered += area.delivered;
      total.deliveredOnTime += area.deliveredOnTime;
      total.reviewedDesigns += area.reviewedDesigns;
      total.revisionRounds += area.revisionRounds;
      for (const [workflow, count] of Object.entries(area.requested)) {
        total.requested[workflow] = (total.requested[workflow] ?? 0) + count;
      }
    }
    sendExport(
      ctx,
      await exportFile(format, {
        sheet: 'Tablero por área',
        filename: `tablero-por-area-${from}-a-${to}`,
        columns: AREA_COLUMNS,
        rows: [...figures, total].map(areaRow),
      })
    );
  },
});
