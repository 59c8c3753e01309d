import type { Core } from '@strapi/strapi';
import {
  BusinessCalendar,
  DEFAULT_CUTOFF,
  LFT_MAX_YEAR,
  LFT_MIN_YEAR,
  lftHolidays,
  type HolidaySource,
  type IsoDate,
  type NonWorkingDay,
} from '../../../domain/calendar';
import { runInternal } from '../../../services/write-context';
import { lockForTransaction } from '../../../utils/locks';

export const HOLIDAY_UID = 'api::holiday.holiday';
export const SETTING_UID = 'api::setting.setting';

/** Lead times and cutoff as the rest of the app reads them (SPEC §2, §5). */
export interface CalendarSettings {
  officeHoursCutoff: string;
  digitalArtLeadBusinessDays: number;
  coverageLeadBusinessDays: number;
  webPublicationLeadBusinessDays: number;
  transparencyLeadBusinessDays: number;
  promotionLeadCalendarDays: number;
  printDeliveryBusinessDays: number;
}

export const DEFAULT_SETTINGS: CalendarSettings = {
  officeHoursCutoff: DEFAULT_CUTOFF,
  digitalArtLeadBusinessDays: 3,
  coverageLeadBusinessDays: 3,
  webPublicationLeadBusinessDays: 3,
  transparencyLeadBusinessDays: 3,
  promotionLeadCalendarDays: 8,
  printDeliveryBusinessDays: 5,
};

/**
 * Every instance drops the calendar when any of them changes holidays or settings
 * (`utils/cluster-events`); it is still re-read at least this often in case a notice is lost.
 */
const MAX_CACHE_AGE_MS = 60_000;

/** Settings with the electoral blackout periods (SPEC §6), as the workflow guards read them. */
export interface OfficeSettings extends CalendarSettings {
  blackoutPeriods: { start: IsoDate; end: IsoDate; note: string | null }[];
}

interface Loaded {
  calendar: BusinessCalendar;
  settings: OfficeSettings;
  loadedAt: number;
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));
const clampYear = (year: number) => Math.min(LFT_MAX_YEAR, Math.max(LFT_MIN_YEAR, year));

const toNonWorkingDay = (row: {
  date: string;
  endDate?: string | null;
  name: string;
  source: string;
  note?: string | null;
}): NonWorkingDay => ({
  date: row.date,
  endDate: row.endDate && row.endDate !== row.date ? row.endDate : null,
  name: row.name,
  source: row.source as HolidaySource,
  note: row.note ?? null,
});

/**
 * The office's business calendar: holidays and settings loaded once into an in-memory
 * {@link BusinessCalendar}, reloaded when they change; LFT days written for every year asked about.
 */
export const createBusinessCalendarService = ({ strapi }: { strapi: Core.Strapi }) => {
  let loaded: Promise<Loaded> | null = null;
  let generation = 0;
  const ensuring = new Map<number, Promise<void>>();
  const knownYears = new Set<number>();
  const lftStore = () => strapi.store({ type: 'api', name: 'business-calendar', key: 'lft-years' });

  const readSettings = async (): Promise<OfficeSettings> => {
    const row = (await strapi.documents(SETTING_UID).findFirst({
      populate: { blackoutPeriods: true },
    })) as
      | (Record<string, unknown> & { blackoutPeriods?: OfficeSettings['blackoutPeriods'] })
      | null;
    const settings: OfficeSettings = { ...DEFAULT_SETTINGS, blackoutPeriods: [] };
    if (row) {
      for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof CalendarSettings)[]) {
        const value = row[key];
        if (value !== null && value !== undefined) Object.assign(settings, { [key]: value });
      }
      settings.blackoutPeriods = (row.blackoutPeriods ?? []).map(({ start, end, note }) => ({
        start,
        end,
        note: note ?? null,
      }));
    }
    return settings;
  };

  const load = async (): Promise<Loaded> => {
    const [rows, settings] = await Promise.all([
      strapi.db.query(HOLIDAY_UID).findMany({
        select: ['date', 'endDate', 'name', 'source', 'note'],
        orderBy: [{ date: 'asc' }],
      }),
      readSettings(),
    ]);
    const calendar = new BusinessCalendar(rows.map(toNonWorkingDay), {
      cutoff: settings.officeHoursCutoff,
    });
    return { calendar, settings, loadedAt: Date.now() };
  };

  const current = async (): Promise<Loaded> => {
    if (loaded) {
      const value = await loaded;
      if (Date.now() - value.loadedAt < MAX_CACHE_AGE_MS) return value;
      loaded = null;
    }
    const mine = generation;
    const promise = load();
    loaded = promise;
    try {
      return await promise;
    } catch (error) {
      if (loaded === promise) loaded = null;
      throw error;
    } finally {
      // A write that landed while this load ran must not be hidden by it.
      if (mine !== generation && loaded === promise) loaded = null;
    }
  };

  const generatedYears = async (): Promise<number[]> => {
    const value = await lftStore().get({});
    return Array.isArray(value) ? (value as number[]) : [];
  };

  /**
   * Writes the LFT days of one year unless they were written before (staff may have edited them).
   * The check and the writes are one step for every instance: on PostgreSQL they run under one
   * advisory lock (also guarding the list of generated years); on SQLite the transaction has the
   * database to itself. A year's days are written once whatever the concurrency.
   */
  const ensureYear = async (year: number) => {
    // Years only ever get added, so a year seen once needs no more queries in this process.
    if (knownYears.has(year)) return;
    await strapi.db.transaction(async ({ onCommit }) => {
      await lockForTransaction(strapi, 'calendar');
      // Remembered only once committed: a rolled-back transaction must write the year again.
      onCommit(() => knownYears.add(year));
      const generated = await generatedYears();
      if (generated.includes(year)) return;
      const existing = await strapi.db.query(HOLIDAY_UID).findMany({
        select: ['date'],
        where: {
          source: 'ley_federal_trabajo',
          date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` },
        },
      });
      const have = new Set(existing.map((row: { date: string }) => row.date));
      for (const day of lftHolidays(year)) {
        if (have.has(day.date)) continue;
        // The engine's own write: a year's first LFT days move no existing due date.
        await runInternal(() =>
          strapi.documents(HOLIDAY_UID).create({
            data: {
              date: day.date,
              name: day.name,
              source: day.source,
              note: day.note ?? undefined,
            },
          })
        );
      }
      await lftStore().set({ value: [...new Set([...generated, year])].sort((a, b) => a - b) });
    });
  };

  const service = {
    /** Drops the in-memory calendar; the next call reloads it from the database. */
    invalidate() {
      generation += 1;
      loaded = null;
    },

    /** Makes sure the LFT days of every year in [from, to] are in the calendar (2000..2100). */
    async ensureYears(from: number, to: number = from) {
      for (let year = clampYear(from); year <= clampYear(to); year += 1) {
        // Inside a caller's transaction the writes belong to it: sharing that promise with other
        // transactions could make one wait on another that waits on its locks.
        if (strapi.db.inTransaction()) {
          await ensureYear(year);
          continue;
        }
        let pending = ensuring.get(year);
        if (!pending) {
          pending = ensureYear(year).finally(() => ensuring.delete(year));
          ensuring.set(year, pending);
        }
        await pending;
      }
    },

    /** The calendar and settings in memory, covering the years given. */
    async getCalendar(years?: { from: number; to?: number }): Promise<BusinessCalendar> {
      if (years) await service.ensureYears(years.from, years.to ?? years.from);
      return (await current()).calendar;
    },

    async getSettings(): Promise<OfficeSettings> {
      return (await current()).settings;
    },

    /** Non-working days touching a year, for the public listing. */
    async holidaysOfYear(year: number) {
      const calendar = await service.getCalendar({ from: year });
      return calendar.nonWorkingDaysOfYear(year);
    },

    /** Years a computation from `date` adding `businessDays` may reach. */
    yearsSpanned(date: IsoDate, businessDays: number) {
      const from = yearOf(date);
      // 250 business days a year at most; one more year covers year-end ranges.
      return { from, to: from + Math.ceil(businessDays / 200) + 1 };
    },
  };

  return service;
};

export type BusinessCalendarService = ReturnType<typeof createBusinessCalendarService>;

export default createBusinessCalendarService;
