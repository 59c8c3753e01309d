import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { QUEUES, forbidden, invalid, parseIsoDate, queueByKey, queueStates } from '../app';
import type { ItemBadges } from '../../../shared/contracts/common';
import type { GetQueue, ListQueues, QueueItem } from '../../../shared/contracts/queues';
import { queuePermission } from '../permissions';
import type { QueueFilters } from '../services/queues';
import { getPluginService } from '../utils/get-plugin-service';
import {
  exportFile,
  parseFormat,
  refuseTooLarge,
  sendExport,
  slug,
  type ExportColumn,
} from '../utils/exports';
import { mexicoCityToday } from '../services/presenters';

type Context = Parameters<Core.MiddlewareHandler>[0];

const DEFAULT_PAGE_SIZE = 25;
/** Rows read per query while exporting a queue. */
const EXPORT_CHUNK = 500;

/** Columns of a queue's export, in Spanish. */
const QUEUE_COLUMNS: ExportColumn[] = [
  { header: 'Servicio', kind: 'text', width: 24 },
  { header: 'Título', kind: 'text', width: 44 },
  { header: 'Estado', kind: 'text', width: 22 },
  { header: 'Folio del oficio', kind: 'text', width: 18 },
  { header: 'Área solicitante', kind: 'text', width: 36 },
  { header: 'Recepción', kind: 'datetime', width: 18 },
  { header: 'Vence', kind: 'date', width: 12 },
  { header: 'Responsables', kind: 'text', width: 30 },
  { header: 'Avisos', kind: 'text', width: 50 },
];

/** A row's badges as the queue page reads them. */
const badgeWords = (badges: ItemBadges) =>
  [
    badges.overdue && 'Vencido.',
    badges.dueToday && 'Vence hoy.',
    badges.late && 'Extemporáneo.',
    badges.awaitingLateAcceptance && 'Pendiente de aceptar la extemporaneidad.',
    badges.paused && 'En espera del área.',
  ].filter((word): word is string => Boolean(word));
const MAX_PAGE_SIZE = 100;

/** Whether the logged-in admin holds a plugin action (admin abilities, as hasPermissions checks). */
export const can = (ctx: Context, action: string): boolean =>
  Boolean((ctx.state.userAbility as { can(action: string): boolean } | undefined)?.can(action));

/** The queues the logged-in admin may see: one permission per queue. */
export const visibleQueues = (ctx: Context) =>
  QUEUES.filter((queue) => can(ctx, queuePermission(queue.key)));

const positiveInteger = (value: unknown, fallback: number, message: string) => {
  if (value === undefined || value === '') return fallback;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) < 1) throw invalid('INVALID_REQUEST', message);
  return Number(text);
};

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value) as string | undefined;

const dateFilter = (value: string | undefined, name: string) => {
  if (value === undefined || value === '') return undefined;
  if (!parseIsoDate(value)) {
    throw invalid('INVALID_REQUEST', `La fecha «${name}» debe tener el formato AAAA-MM-DD.`);
  }
  return value;
};

/** The queue of a request (404 unknown, 403 without its permission) and its validated filters. */
const parseQueueRequest = (ctx: Context) => {
  const queue = queueByKey(String(ctx.params.key));
  if (!queue) {
    throw new errors.NotFoundError('No existe esa bandeja.', { code: 'QUEUE_NOT_FOUND' });
  }
  if (!can(ctx, queuePermission(queue.key))) {
    throw forbidden('QUEUE_FORBIDDEN', `No tienes acceso a la bandeja «${queue.label}».`, {
      queue: queue.key,
    });
  }

  const query = (ctx.query ?? {}) as Record<string, unknown>;
  const page = positiveInteger(
    single(query.page),
    1,
    'La página (page) debe ser un entero mayor que cero.'
  );
  const pageSize = positiveInteger(
    single(query.pageSize),
    DEFAULT_PAGE_SIZE,
    `El tamaño de página (pageSize) debe ser un entero entre 1 y ${MAX_PAGE_SIZE}.`
  );
  if (pageSize > MAX_PAGE_SIZE) {
    throw invalid(
      'INVALID_REQUEST',
      `El tamaño de página (pageSize) debe ser un entero entre 1 y ${MAX_PAGE_SIZE}.`
    );
  }

  const filters: QueueFilters = {};
  const state = single(query.state);
  if (state) {
    if (!queueStates(queue).some((entry) => entry.state === state)) {
      throw invalid(
        'INVALID_REQUEST',
        `La bandeja «${queue.label}» no tiene el estado «${state}».`
      );
    }
    filters.state = state;
  }
  const area = single(query.area)?.trim();
  if (area) filters.area = area;
  const assignee = single(query.assignee)?.trim();
  if (assignee) {
    if (assignee !== 'none' && !/^\d+$/.test(assignee)) {
      throw invalid(
        'INVALID_REQUEST',
        'El responsable (assignee) debe ser el id de una persona o «none» para los no asignados.'
      );
    }
    filters.assignee = assignee === 'none' ? 'none' : Number(assignee);
  }
  filters.dueFrom = dateFilter(single(query.dueFrom)?.trim(), 'dueFrom');
  filters.dueTo = dateFilter(single(query.dueTo)?.trim(), 'dueTo');
  if (filters.dueFrom && filters.dueTo && filters.dueFrom > filters.dueTo) {
    throw invalid('INVALID_REQUEST', 'La fecha inicial (dueFrom) es posterior a la final (dueTo).');
  }
  const q = single(query.q)?.trim();
  if (q) {
    if (q.length > 200)
      throw invalid('INVALID_REQUEST', 'La búsqueda admite hasta 200 caracteres.');
    filters.q = q;
  }

  return { queue, filters, page, pageSize };
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService('queues', strapi);

  return {
    /** GET /comunicacion/queues */
    async list(ctx: Context) {
      const response: ListQueues.Response = {
        data: await service().summaries(visibleQueues(ctx)),
      };
      ctx.body = response;
    },

    /** GET /comunicacion/queues/:key */
    async get(ctx: Context) {
      const { queue, filters, page, pageSize } = parseQueueRequest(ctx);
      const response: GetQueue.Response = await service().page(queue, filters, { page, pageSize });
      ctx.body = response;
    },

    /** GET /comunicacion/queues/:key/export?format=csv|xlsx&…the queue's filters */
    async export(ctx: Context) {
      const { queue, filters } = parseQueueRequest(ctx);
      const format = parseFormat((ctx.query as Record<string, unknown>)?.format);
      const items: QueueItem[] = [];
      for (let page = 1; ; page += 1) {
        const { data, meta } = await service().page(queue, filters, {
          page,
          pageSize: EXPORT_CHUNK,
        });
        if (page === 1) refuseTooLarge(meta.pagination.total);
        items.push(...data);
        if (data.length < EXPORT_CHUNK || items.length >= meta.pagination.total) break;
      }
      const today = mexicoCityToday();
      sendExport(
        ctx,
        await exportFile(format, {
          sheet: queue.label,
          filename: `bandeja-${slug(queue.label)}-${today}`,
          columns: QUEUE_COLUMNS,
          rows: items.map((item) => [
            item.workflowLabel,
            item.title,
            item.statusLabel,
            item.oficio?.folio ?? null,
            item.area?.name ?? null,
            item.receivedAt,
            item.dueAt,
            item.assignees.map((person) => person.name).join(', '),
            [...badgeWords(item.badges), ...item.warnings].join(' '),
          ]),
        })
      );
    },
  };
};
