export {
  MEXICO_CITY_TZ,
  HOLIDAY_SOURCES,
  PRINT_DELIVERY_BUSINESS_DAYS,
  PROMOTION_LEAD_CALENDAR_DAYS,
  type IsoDate,
  type HolidaySource,
  type NonWorkingDay,
  type BusinessCalendarOptions,
  type PauseInterval,
  type DueDateInput,
  type DayExplanation,
  type LeadTimeVerdict,
  type MexicoCityParts,
} from './types';
export {
  parseIsoDate,
  toDayNumber,
  fromDayNumber,
  dayOfWeek,
  addCalendarDays,
  parseInstant,
  mexicoCityParts,
  parseCutoff,
} from './dates';
export { lftHolidays, LFT_MIN_YEAR, LFT_MAX_YEAR } from './lft';
export { BusinessCalendar, DEFAULT_CUTOFF } from './business-calendar';
export { NaiveBusinessCalendar } from './naive';
