import type { BlackoutPeriodDto, SettingsDto } from '../../../../../shared/contracts/configuration';

/** A blackout period row being edited; `key` keeps React rows stable while adding and removing. */
export interface BlackoutRow {
  key: number;
  start: string;
  end: string;
  scope: string;
  note: string;
}

export type LeadTimeField =
  | 'digitalArtLeadBusinessDays'
  | 'coverageLeadBusinessDays'
  | 'webPublicationLeadBusinessDays'
  | 'transparencyLeadBusinessDays'
  | 'promotionLeadCalendarDays'
  | 'printDeliveryBusinessDays';

export interface FormValues extends Record<LeadTimeField, number | undefined> {
  officeHoursCutoff: string;
  blackoutPeriods: BlackoutRow[];
  siteUrl: string;
  siteWebhookUrl: string;
}

/** Error messages by field name; blackout fields as `blackoutPeriods.<index>.<field>`. */
export type FormErrors = Record<string, string>;

/** The lead-time fields with their limits (the settings schema's min and max). */
export const LEAD_TIMES: { name: LeadTimeField; max: number }[] = [
  { name: 'digitalArtLeadBusinessDays', max: 60 },
  { name: 'coverageLeadBusinessDays', max: 60 },
  { name: 'webPublicationLeadBusinessDays', max: 60 },
  { name: 'transparencyLeadBusinessDays', max: 60 },
  { name: 'promotionLeadCalendarDays', max: 90 },
  { name: 'printDeliveryBusinessDays', max: 60 },
];

export const CUTOFF_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const URL_MAX = 300;
export const SCOPE_MAX = 200;

let nextKey = 0;
export const blackoutRow = (period?: BlackoutPeriodDto): BlackoutRow => ({
  key: ++nextKey,
  start: period?.start ?? '',
  end: period?.end ?? '',
  scope: period?.scope ?? '',
  note: period?.note ?? '',
});

export const toForm = (settings: SettingsDto): FormValues => ({
  officeHoursCutoff: settings.officeHoursCutoff.slice(0, 5),
  digitalArtLeadBusinessDays: settings.digitalArtLeadBusinessDays,
  coverageLeadBusinessDays: settings.coverageLeadBusinessDays,
  webPublicationLeadBusinessDays: settings.webPublicationLeadBusinessDays,
  transparencyLeadBusinessDays: settings.transparencyLeadBusinessDays,
  promotionLeadCalendarDays: settings.promotionLeadCalendarDays,
  printDeliveryBusinessDays: settings.printDeliveryBusinessDays,
  blackoutPeriods: settings.blackoutPeriods.map(blackoutRow),
  siteUrl: settings.siteUrl ?? '',
  siteWebhookUrl: settings.siteWebhookUrl ?? '',
});

/** The body the server receives; call only on values that passed `validate`. */
export const toBody = (values: FormValues): SettingsDto => ({
  officeHoursCutoff: values.officeHoursCutoff,
  digitalArtLeadBusinessDays: values.digitalArtLeadBusinessDays ?? 0,
  coverageLeadBusinessDays: values.coverageLeadBusinessDays ?? 0,
  webPublicationLeadBusinessDays: values.webPublicationLeadBusinessDays ?? 0,
  transparencyLeadBusinessDays: values.transparencyLeadBusinessDays ?? 0,
  promotionLeadCalendarDays: values.promotionLeadCalendarDays ?? 0,
  printDeliveryBusinessDays: values.printDeliveryBusinessDays ?? 0,
  blackoutPeriods: values.blackoutPeriods.map((row) => ({
    start: row.start,
    end: row.end,
    scope: row.scope.trim() || null,
    note: row.note.trim() || null,
  })),
  siteUrl: values.siteUrl.trim() || null,
  siteWebhookUrl: values.siteWebhookUrl.trim() || null,
});

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

type Translate = (
  id: string,
  defaultMessage: string,
  values?: Record<string, string | number>
) => string;

/** Checks the form as the server will; the messages are the staff's. */
export const validate = (values: FormValues, t: Translate): FormErrors => {
  const errors: FormErrors = {};
  const required = t('form.required', 'Este dato es obligatorio.');
  if (!values.officeHoursCutoff) errors.officeHoursCutoff = required;
  else if (!CUTOFF_PATTERN.test(values.officeHoursCutoff))
    errors.officeHoursCutoff = t(
      'settings.cutoff.invalid',
      'Escribe la hora como HH:mm, p. ej. 18:00.'
    );

  for (const { name, max } of LEAD_TIMES) {
    const value = values[name];
    if (value === undefined) errors[name] = required;
    else if (!Number.isInteger(value) || value < 0 || value > max)
      errors[name] = t('settings.leadTime.range', 'Un número entero de 0 a {max}.', { max });
  }

  values.blackoutPeriods.forEach((row, index) => {
    const prefix = `blackoutPeriods.${index}`;
    if (!row.start) errors[`${prefix}.start`] = required;
    if (!row.end) errors[`${prefix}.end`] = required;
    if (row.start && row.end && row.end < row.start)
      errors[`${prefix}.end`] = t(
        'settings.blackout.endBeforeStart',
        'El fin no puede ser anterior al inicio.'
      );
    if (row.scope.trim().length > SCOPE_MAX)
      errors[`${prefix}.scope`] = t('form.tooLong', 'Máximo {max} caracteres.', { max: SCOPE_MAX });
  });

  for (const name of ['siteUrl', 'siteWebhookUrl'] as const) {
    const value = values[name].trim();
    if (value && !isHttpUrl(value))
      errors[name] = t(
        'settings.url.invalid',
        'Escribe una dirección completa, p. ej. https://calimaya.gob.mx.'
      );
    else if (value.length > URL_MAX)
      errors[name] = t('form.tooLong', 'Máximo {max} caracteres.', { max: URL_MAX });
  }
  return errors;
};
