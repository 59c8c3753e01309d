import type { Core } from '@strapi/strapi';
import type { BusinessCalendarService } from '../api/business-calendar/services/business-calendar';

/** Every app service by its short name, so call sites get types instead of string look-ups. */
interface Services {
  'business-calendar': BusinessCalendarService;
}

const UIDS: { [K in keyof Services]: `api::${string}.${string}` } = {
  'business-calendar': 'api::business-calendar.business-calendar',
};

export const getService = <K extends keyof Services>(
  name: K,
  strapi: Core.Strapi = global.strapi
): Services[K] => strapi.service(UIDS[name]) as unknown as Services[K];
