import type { Core } from '@strapi/strapi';
import { mexicoCityParts } from '../domain/calendar';
import { DEFAULT_SETTINGS, SETTING_UID } from '../api/business-calendar/services/business-calendar';
import { getService } from '../utils/get-service';

/** The settings single type exists with its defaults, and this year and the next have LFT days. */
export const seedCalendar = async ({ strapi }: { strapi: Core.Strapi }) => {
  if (!(await strapi.documents(SETTING_UID).findFirst())) {
    await strapi.documents(SETTING_UID).create({ data: { ...DEFAULT_SETTINGS } });
  }
  const year = Number(mexicoCityParts(new Date()).date.slice(0, 4));
  await getService('business-calendar', strapi).ensureYears(year, year + 1);
};
