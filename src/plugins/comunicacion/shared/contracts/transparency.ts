/** Whether an obligation's last closed period is published on the site. */
export type ObligationStatus = 'al_dia' | 'por_vencer' | 'vencida';

/** How often an obligation's information must be updated. */
export type ObligationFrequency = 'trimestral' | 'semestral' | 'anual';

/** One obligation of the catalogue with the state of its last update. */
export interface ObligationWarningDto {
  documentId: string;
  law: string;
  lawVersion: string | null;
  article: string;
  fraccion: string;
  /** What the obligation is, e.g. «Estructura orgánica». */
  title: string;
  responsibleArea: string | null;
  frequency: ObligationFrequency;
  updateWindowDays: number;
  /** The latest period that has closed today (Mexico City). */
  lastClosedPeriod: {
    start: string;
    end: string;
    /** e.g. «3.er trimestre 2026», «1.er semestre 2026», «ejercicio 2025». */
    label: string;
  };
  /** Last day to publish that period's update: its end plus updateWindowDays (YYYY-MM-DD). */
  deadline: string;
  /** The published document of this obligation with the latest period end. */
  latestDocument: {
    documentId: string;
    title: string;
    periodEnd: string;
    /** ISO instant. */
    publishedAt: string | null;
  } | null;
  /**
   * `al_dia`: a published document covers the last closed period (or a later one);
   * `por_vencer`: not yet, and the deadline is today or later; `vencida`: the deadline passed.
   */
  status: ObligationStatus;
  /** Days from today to the deadline (0 on the day, negative once passed); null when al_dia. */
  daysLeft: number | null;
}

/**
 * GET /comunicacion/transparency/obligations
 *
 * The active obligations of the catalogue, overdue first (most overdue first), then due soonest,
 * then up to date in catalogue order. `status` keeps only one status; the counts are always over
 * every active obligation. Needs `plugin::comunicacion.transparency.read`.
 */
export declare namespace ListTransparencyObligations {
  export interface Request {
    query: { status?: ObligationStatus };
  }
  export interface Response {
    data: ObligationWarningDto[];
    meta: {
      counts: Record<ObligationStatus, number>;
      /** Today in Mexico City (YYYY-MM-DD). */
      today: string;
    };
  }
}
