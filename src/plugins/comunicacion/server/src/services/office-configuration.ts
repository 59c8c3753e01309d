import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_SETTINGS, HOLIDAY_UID, SETTING_UID, getService, runAs, type Actor } from '../app';
import type {
  BlackoutPeriodDto,
  HolidayDto,
  Holidays,
  Settings,
  SettingsDto,
} from '../../../shared/contracts/configuration';
import { isoDay } from './presenters';

interface HolidayRow {
  documentId: string;
  date: string;
  endDate?: string | null;
  name: string;
  source: HolidayDto['source'];
  note?: string | null;
}

const toHoliday = (row: HolidayRow): HolidayDto => ({
  documentId: row.documentId,
  date: isoDay(row.date) ?? '',
  endDate: isoDay(row.endDate),
  name: row.name,
  source: row.source,
  note: row.note ?? null,
});

const SETTING_FIELDS = [
  'officeHoursCutoff',
  'digitalArtLeadBusinessDays',
  'coverageLeadBusinessDays',
  'webPublicationLeadBusinessDays',
  'transparencyLeadBusinessDays',
  'promotionLeadCalendarDays',
  'printDeliveryBusinessDays',
  'siteUrl',
  'siteWebhookUrl',
] as const;

const notFound = () =>
  new errors.NotFoundError('No existe ese día inhábil.', { code: 'NOT_FOUND' }) as Error;

/**
 * The Días inhábiles and Configuración pages. Every write goes through the Document Service as
 * the staff member, so the calendar's rules apply: dates validated in Spanish, the in-memory
 * calendar reloaded and the open items' due dates recomputed.
 */
export const createOfficeConfigurationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const holidays = () => strapi.documents(HOLIDAY_UID);
  const calendar = () => getService('business-calendar', strapi);

  const holiday = async (documentId: string) => {
    const row = (await strapi.db
      .query(HOLIDAY_UID)
      .findOne({ where: { documentId } })) as HolidayRow | null;
    if (!row) throw notFound();
    return toHoliday(row);
  };

  const readSettings = async () =>
    (await strapi.documents(SETTING_UID).findFirst({
      populate: { blackoutPeriods: true },
    })) as (Record<string, unknown> & { documentId: string }) | null;

  const service = {
    /** The non-working days touching a year (its LFT days written first), and its business days. */
    async holidaysOfYear(year: number): Promise<Holidays.ListResponse> {
      const businessCalendar = await calendar().getCalendar({ from: year });
      const first = `${year}-01-01`;
      const last = `${year}-12-31`;
      const rows = (await strapi.db.query(HOLIDAY_UID).findMany({
        where: {
          $or: [
            { date: { $gte: first, $lte: last } },
            { date: { $lt: first }, endDate: { $gte: first } },
          ],
        },
        orderBy: [{ date: 'asc' }, { id: 'asc' }],
      })) as HolidayRow[];
      return {
        data: rows.map(toHoliday),
        meta: {
          year,
          businessDays: businessCalendar.businessDaysBetween(first, `${year + 1}-01-01`),
        },
      };
    },

    async createHoliday(body: Holidays.WriteBody, actor: Actor): Promise<HolidayDto> {
      const created = (await runAs(actor, () =>
        holidays().create({ data: body as never })
      )) as unknown as HolidayRow;
      return holiday(created.documentId);
    },

    async updateHoliday(
      documentId: string,
      body: Partial<Holidays.WriteBody>,
      actor: Actor
    ): Promise<HolidayDto> {
      await holiday(documentId);
      await runAs(actor, () => holidays().update({ documentId, data: body as never }));
      return holiday(documentId);
    },

    async deleteHoliday(documentId: string, actor: Actor): Promise<HolidayDto> {
      const existing = await holiday(documentId);
      await runAs(actor, () => holidays().delete({ documentId }));
      return existing;
    },

    async settings(): Promise<SettingsDto> {
      const row = await readSettings();
      const value = (field: (typeof SETTING_FIELDS)[number]) =>
        row?.[field] ?? (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[field] ?? null;
      const periods = (row?.blackoutPeriods as BlackoutPeriodDto[] | undefined) ?? [];
      return {
        ...(Object.fromEntries(SETTING_FIELDS.map((field) => [field, value(field)])) as Omit<
          SettingsDto,
          'blackoutPeriods'
        >),
        blackoutPeriods: periods.map((period) => ({
          start: isoDay(period.start) ?? '',
          end: isoDay(period.end) ?? '',
          scope: period.scope ?? null,
          note: period.note ?? null,
        })),
      };
    },

    async updateSettings(body: Settings.UpdateBody, actor: Actor): Promise<SettingsDto> {
      const existing = await readSettings();
      await runAs(actor, () =>
        existing
          ? strapi.documents(SETTING_UID).update({
              documentId: existing.documentId,
              data: body as never,
            })
          : strapi.documents(SETTING_UID).create({ data: body as never })
      );
      return service.settings();
    },
  };

  return service;
};

export type OfficeConfigurationService = ReturnType<typeof createOfficeConfigurationService>;

export default createOfficeConfigurationService;
