import type { DashboardData } from '../../../services/dashboard';

export type TotalKey = keyof DashboardData['totals'];

/** A calendar day (YYYY-MM-DD) moved by whole days. */
export const addDays = (day: string, days: number) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
};

/** The queue holding most of a figure (the first one on a tie or when every count is 0). */
const busiest = (
  queues: DashboardData['queues'],
  count: (queue: DashboardData['queues'][number]) => number
) =>
  queues.reduce<DashboardData['queues'][number] | undefined>(
    (best, queue) => (!best || count(queue) > count(best) ? queue : best),
    undefined
  );

const withFilters = (key: string, filters: Record<string, string> = {}) => {
  const query = new URLSearchParams(filters).toString();
  return `../bandejas/${encodeURIComponent(key)}${query ? `?${query}` : ''}`;
};

/**
 * Where each headline figure of the Tablero leads: the queue holding most of it, filtered by the
 * same due dates the figure counts (Bandejas keeps filters in the URL). Null when none of the
 * person's queues shows it.
 */
export const cardLink = (key: TotalKey, data: DashboardData): string | null => {
  const { queues, today, weekEnd } = data;
  switch (key) {
    case 'open': {
      const queue = busiest(queues, (q) => q.total);
      return queue ? withFilters(queue.key) : null;
    }
    case 'overdue': {
      const queue = busiest(queues, (q) => q.overdue);
      return queue ? withFilters(queue.key, { dueTo: addDays(today, -1) }) : null;
    }
    case 'dueToday': {
      const queue = busiest(queues, (q) => q.dueToday);
      return queue ? withFilters(queue.key, { dueFrom: today, dueTo: today }) : null;
    }
    case 'dueThisWeek': {
      const queue = busiest(queues, (q) => q.dueToday + q.total);
      return queue ? withFilters(queue.key, { dueFrom: today, dueTo: weekEnd }) : null;
    }
    case 'lateAwaitingAcceptance':
      // Late oficios wait for the coordinator's acceptance in Recepción.
      return queues.some((q) => q.key === 'recepcion') ? withFilters('recepcion') : null;
    default:
      return null;
  }
};
