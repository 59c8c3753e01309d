import type { Modules } from '@strapi/strapi';
import { parseCutoff } from '../domain/calendar';
import { unorderedBlackoutPeriod } from '../domain/workflows/intake-values';
import { invalid } from '../utils/errors';

const SETTING_UID = 'api::setting.setting';

/** Field, label and allowed range of each lead time, as staff see them. */
const LEAD_TIMES: Record<string, { label: string; max: number }> = {
  digitalArtLeadBusinessDays: { label: 'arte digital (días hábiles)', max: 60 },
  coverageLeadBusinessDays: { label: 'cobertura (días hábiles)', max: 60 },
  webPublicationLeadBusinessDays: { label: 'publicación web (días hábiles)', max: 60 },
  transparencyLeadBusinessDays: { label: 'transparencia (días hábiles)', max: 60 },
  promotionLeadCalendarDays: { label: 'difusión (días naturales)', max: 90 },
  printDeliveryBusinessDays: { label: 'entrega de impresos (días hábiles)', max: 60 },
};

/**
 * The cutoff and lead times drive every due date, and the blackout periods every publication:
 * refuse values the calendar cannot use and periods that end before they start.
 */
export const settingRules = (): Modules.Documents.Middleware.Middleware => async (ctx, next) => {
  if (ctx.uid !== SETTING_UID || (ctx.action !== 'create' && ctx.action !== 'update')) {
    return next();
  }
  const data = ((ctx.params as { data?: Record<string, unknown> }).data ?? {}) as Record<
    string,
    unknown
  >;

  if ('officeHoursCutoff' in data && parseCutoff(String(data.officeHoursCutoff ?? '')) === null) {
    throw invalid(
      'INVALID_CUTOFF',
      `La hora de corte «${data.officeHoursCutoff ?? ''}» no es válida; usa HH:mm en 24 horas (p. ej. 18:00).`,
      { field: 'officeHoursCutoff' }
    );
  }
  for (const [field, { label, max }] of Object.entries(LEAD_TIMES)) {
    if (!(field in data)) continue;
    const value = data[field];
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) {
      throw invalid(
        'INVALID_LEAD_TIME',
        `El plazo de ${label} debe ser un número entero de 0 a ${max}.`,
        { field }
      );
    }
  }
  const unordered = unorderedBlackoutPeriod(data.blackoutPeriods);
  if (unordered) {
    throw invalid('INVALID_RANGE', unordered.message, {
      fields: [`blackoutPeriods.${unordered.index}.end`],
    });
  }
  return next();
};
