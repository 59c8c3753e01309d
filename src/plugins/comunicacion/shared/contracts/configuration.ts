/** A non-working day (or range) of the office's calendar. */
export interface HolidayDto {
  documentId: string;
  date: string;
  endDate: string | null;
  name: string;
  source: 'ley_federal_trabajo' | 'calendario_estatal' | 'municipal';
  note: string | null;
}

/**
 * GET /comunicacion/holidays?year=YYYY
 * POST /comunicacion/holidays                 { date, endDate?, name, source, note? }
 * PUT /comunicacion/holidays/:documentId      (same body, partial)
 * DELETE /comunicacion/holidays/:documentId
 *
 * The year's calendar (LFT days are written for the year on first read). Writes go through the
 * Document Service, so open items' due dates are recomputed; 400 with `INVALID_DATA` and Spanish
 * messages for bad input (`INVALID_DATE` or `INVALID_RANGE` for a bad date or range).
 */
export declare namespace Holidays {
  export interface ListResponse {
    data: HolidayDto[];
    meta: { year: number; businessDays: number };
  }
  export interface WriteBody {
    date: string;
    endDate?: string | null;
    name: string;
    source: HolidayDto['source'];
    note?: string | null;
  }
  export interface WriteResponse {
    data: HolidayDto;
  }
}

/** Blackout period (veda electoral). */
export interface BlackoutPeriodDto {
  start: string;
  end: string;
  scope: string | null;
  note: string | null;
}

/** The office settings single type, as the Configuración page edits it. */
export interface SettingsDto {
  officeHoursCutoff: string;
  digitalArtLeadBusinessDays: number;
  coverageLeadBusinessDays: number;
  webPublicationLeadBusinessDays: number;
  transparencyLeadBusinessDays: number;
  promotionLeadCalendarDays: number;
  printDeliveryBusinessDays: number;
  blackoutPeriods: BlackoutPeriodDto[];
  siteUrl: string | null;
  siteWebhookUrl: string | null;
}

/**
 * GET /comunicacion/settings
 * PUT /comunicacion/settings   (SettingsDto, partial)
 */
export declare namespace Settings {
  export interface Response {
    data: SettingsDto;
  }
  export type UpdateBody = Partial<SettingsDto>;
}
