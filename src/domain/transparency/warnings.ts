import type { IsoDate } from '../calendar';
import { compareObligations, obligationKey, type ObligationRef } from './catalogue';
import { isoDateOf } from './metadata';
import { daysBetween, lastClosedPeriod, plusDays, type Frequency, type Period } from './periods';

/** Whether an obligation's last closed period is on the site. */
export const OBLIGATION_STATUSES = ['al_dia', 'por_vencer', 'vencida'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

/** One entry of the catalogue as the warning list reads it. */
export interface Obligation extends ObligationRef {
  frequency: Frequency;
  /** Calendar days after the period closes to publish its update. */
  updateWindowDays: number;
  active: boolean;
}

/** A published transparency document as the warning list reads it. */
export interface PublishedDocument extends ObligationRef {
  periodEnd?: unknown;
  updatedOn?: unknown;
}

export interface ObligationWarning<O extends Obligation, D extends PublishedDocument> {
  obligation: O;
  lastClosedPeriod: Period;
  /** Last day to publish the update: the period's end plus the window. */
  deadline: IsoDate;
  /** The document with the latest period end, or null when none was published. */
  latestDocument: D | null;
  /** Its period end (YYYY-MM-DD). */
  latestPeriodEnd: IsoDate | null;
  status: ObligationStatus;
  /** Days from today to the deadline (0 on the day itself, negative once passed); null when up to date. */
  daysLeft: number | null;
}

const RANK: Record<ObligationStatus, number> = { vencida: 0, por_vencer: 1, al_dia: 2 };

/**
 * The warning list: for every active obligation, the last period that has closed on `today`
 * (Mexico City date), the deadline to publish it, the latest published document and whether the
 * obligation is `al_dia` (a document covers that period or a later one), `por_vencer` (not
 * covered, deadline today or later) or `vencida` (not covered, deadline passed). Overdue first,
 * then due soonest, then the rest in catalogue order.
 */
export const obligationWarnings = <O extends Obligation, D extends PublishedDocument>(
  obligations: readonly O[],
  documents: readonly D[],
  today: IsoDate
): ObligationWarning<O, D>[] => {
  const latestByKey = new Map<string, { document: D; periodEnd: IsoDate; updatedOn: string }>();
  for (const document of documents) {
    const periodEnd = isoDateOf(document.periodEnd);
    if (!periodEnd) continue;
    const updatedOn = isoDateOf(document.updatedOn) ?? '';
    const key = obligationKey(document);
    const current = latestByKey.get(key);
    if (
      !current ||
      periodEnd > current.periodEnd ||
      (periodEnd === current.periodEnd && updatedOn > current.updatedOn)
    ) {
      latestByKey.set(key, { document, periodEnd, updatedOn });
    }
  }

  return obligations
    .filter((obligation) => obligation.active)
    .map((obligation) => {
      const period = lastClosedPeriod(obligation.frequency, today);
      const deadline = plusDays(period.end, Math.max(0, Math.trunc(obligation.updateWindowDays)));
      const latest = latestByKey.get(obligationKey(obligation)) ?? null;
      const covered = latest !== null && latest.periodEnd >= period.end;
      const daysLeft = daysBetween(today, deadline);
      const status: ObligationStatus = covered
        ? 'al_dia'
        : daysLeft >= 0
          ? 'por_vencer'
          : 'vencida';
      return {
        obligation,
        lastClosedPeriod: period,
        deadline,
        latestDocument: latest?.document ?? null,
        latestPeriodEnd: latest?.periodEnd ?? null,
        status,
        daysLeft: covered ? null : daysLeft,
      };
    })
    .sort(
      (a, b) =>
        RANK[a.status] - RANK[b.status] ||
        (a.status === 'al_dia' ? 0 : (a.daysLeft ?? 0) - (b.daysLeft ?? 0)) ||
        compareObligations(a.obligation, b.obligation)
    );
};

/** How many obligations stand in each status. */
export const countByStatus = (warnings: readonly { status: ObligationStatus }[]) => {
  const counts: Record<ObligationStatus, number> = { al_dia: 0, por_vencer: 0, vencida: 0 };
  for (const warning of warnings) counts[warning.status] += 1;
  return counts;
};
