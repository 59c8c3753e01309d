import { isClosed } from './engine';
import type { WorkflowKey, WorkflowSettings } from './types';
import { dateOf, formatDate } from './values';

/** What the warnings of a work item read: its workflow, state and stored lead-time verdict. */
export interface WarningInput {
  workflow: WorkflowKey;
  status: string;
  leadTimeMet?: unknown;
  eventDate?: unknown;
  earliestAllowedDate?: unknown;
}

/**
 * Advice that never blocks the work, as Spanish sentences for the pages: today only event
 * promotion asked with less than the recommended calendar days (SPEC §2, 8 by default). The
 * verdict is the one the engine stored (`leadTimeMet`, `earliestAllowedDate`); closed work has
 * nothing left to warn about.
 */
export function itemWarnings(
  item: WarningInput,
  settings: Pick<WorkflowSettings, 'promotionLeadCalendarDays'>
): string[] {
  if (isClosed(item.workflow, item.status)) return [];
  const warnings: string[] = [];
  const met = item.leadTimeMet;
  if (item.workflow === 'social-post' && (met === false || met === 0 || met === 'f')) {
    const days = settings.promotionLeadCalendarDays;
    const event = dateOf(item.eventDate);
    const earliest = dateOf(item.earliestAllowedDate);
    warnings.push(
      `Difusión con menos de ${days} días naturales de anticipación` +
        (event ? `: el evento es el ${formatDate(event)}` : '') +
        (earliest ? ` y lo recomendable era a partir del ${formatDate(earliest)}` : '') +
        '. Es un aviso: el trabajo puede seguir.'
    );
  }
  return warnings;
}
