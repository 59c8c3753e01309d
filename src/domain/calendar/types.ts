export const MEXICO_CITY_TZ = 'America/Mexico_City';

/** A calendar date in the form 'YYYY-MM-DD'. */
export type IsoDate = string;

export type HolidaySource = 'ley_federal_trabajo' | 'calendario_estatal' | 'municipal';

export const HOLIDAY_SOURCES: readonly HolidaySource[] = Object.freeze([
  'ley_federal_trabajo',
  'calendario_estatal',
  'municipal',
] as const);

/** A día inhábil: a single date, or the inclusive range date..endDate. */
export interface NonWorkingDay {
  date: IsoDate;
  endDate?: IsoDate | null;
  name: string;
  source: HolidaySource;
  note?: string | null;
}

export interface BusinessCalendarOptions {
  /** Office-hours cutoff in Mexico City local time, 'HH:mm'. Defaults to '18:00'. */
  cutoff?: string;
}

/** A period during which the clock is stopped because the item waits on the requester. */
export interface PauseInterval {
  from: Date;
  /** null while the item is still paused. */
  to: Date | null;
}

export interface DueDateInput {
  start: Date;
  businessDays: number;
  pauses?: readonly PauseInterval[];
  /** End of still-open pauses; defaults to the current instant. */
  asOf?: Date;
}

export interface DayExplanation {
  businessDay: boolean;
  reason: string;
  holiday: NonWorkingDay | null;
}

export interface LeadTimeVerdict {
  met: boolean;
  earliest: IsoDate;
}

export interface MexicoCityParts {
  date: IsoDate;
  /** Minutes since local midnight, 0..1439. */
  minutes: number;
}

/** Print delivery is due on the approval business day plus this many business days. */
export const PRINT_DELIVERY_BUSINESS_DAYS = 5;

/** Recommended promotion lead time in calendar days (a warning, not a block). */
export const PROMOTION_LEAD_CALENDAR_DAYS = 8;
