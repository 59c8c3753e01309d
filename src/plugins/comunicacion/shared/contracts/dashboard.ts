/**
 * GET /comunicacion/dashboard
 *
 * The Tablero: counts over the queues the staff member may see (the Director sees all), computed in
 * the database. `weeks` (1-52, default 12) sets how many past weeks the charts cover.
 */
export declare namespace GetDashboard {
  export interface Request {
    query: { weeks?: string };
  }
  export interface QueueCounts {
    key: string;
    label: string;
    total: number;
    overdue: number;
    dueToday: number;
    /** Open items per state; `workflowLabel` tells apart the states of a queue's two workflows. */
    byState: {
      workflow: string;
      workflowLabel: string;
      state: string;
      label: string;
      count: number;
    }[];
  }
  /**
   * Where a number card leads in Bandejas: `queueKey` is the visible queue holding everything the
   * card counts when exactly one does (null when they are spread over several, or none), and
   * `query` the queue filters (GET /comunicacion/queues/:key) that select them.
   */
  export interface CardLink {
    queueKey: string | null;
    query: { dueFrom?: string; dueTo?: string };
  }
  export interface Response {
    data: {
      /** Today in Mexico City (YYYY-MM-DD) and the business week's last day used for dueThisWeek. */
      today: string;
      weekEnd: string;
      queues: QueueCounts[];
      totals: {
        /** Distinct open items over the visible queues. */
        open: number;
        overdue: number;
        dueToday: number;
        /** Due from today to the end of this week (Sunday), today included. */
        dueThisWeek: number;
        /** Oficios received late whose acceptance is still pending. */
        lateAwaitingAcceptance: number;
      };
      /** The Bandejas view behind each total. */
      links: {
        open: CardLink;
        overdue: CardLink;
        dueToday: CardLink;
        dueThisWeek: CardLink;
        lateAwaitingAcceptance: CardLink;
      };
      /** Closed work items per week (Monday start), oldest first. */
      throughput: { weekStart: string; closed: number; onTime: number; late: number }[];
      /** Share of closed items (in the charted weeks) closed on or before their due date, 0-100; null if none. */
      onTimePercentage: number | null;
      /**
       * Designs per area sent for review at least once (a proposal was sent), with their average
       * and total revision rounds (charted weeks' intake). Designs never sent do not count.
       */
      revisionRoundsByArea: { area: string; designs: number; rounds: number; average: number }[];
    };
  }
}
