import type { Core } from '@strapi/strapi';
import type services from '../services';
import type { AreaAccountsService } from '../services/area-accounts';
import type { CountersService } from '../services/counters';
import type { CoverageCalendarService } from '../services/coverage-calendar';
import type { DashboardService } from '../services/dashboard';
import type { FileAccessService } from '../services/file-access';
import type { IntakeService } from '../services/intake';
import type { ItemActionsService } from '../services/item-actions';
import type { OfficeConfigurationService } from '../services/office-configuration';
import type { OficioSearchService } from '../services/oficio-search';
import type { OficioViewService } from '../services/oficio-view';
import type { QueuesService } from '../services/queues';
import type { SurveyResultsService } from '../services/survey-results';
import type { TransparencyObligationsService } from '../services/transparency-obligations';

const PLUGIN_ID = 'comunicacion';

/** Every service of the plugin by the name it is registered under in `services/index.ts`. */
interface PluginServices {
  'area-accounts': AreaAccountsService;
  counters: CountersService;
  'coverage-calendar': CoverageCalendarService;
  dashboard: DashboardService;
  'file-access': FileAccessService;
  intake: IntakeService;
  'item-actions': ItemActionsService;
  'office-configuration': OfficeConfigurationService;
  'oficio-search': OficioSearchService;
  'oficio-view': OficioViewService;
  queues: QueuesService;
  'survey-results': SurveyResultsService;
  'transparency-obligations': TransparencyObligationsService;
}

/** Does not compile when this list and the services registered in `services/index.ts` differ. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameNames: SameKeys<keyof PluginServices, keyof typeof services> = true;

/** The plugin's own services, typed; the app's services go through the app's `getService`. */
export const getPluginService = <K extends keyof PluginServices>(
  name: K,
  strapi: Core.Strapi = global.strapi
): PluginServices[K] => strapi.plugin(PLUGIN_ID).service(name) as unknown as PluginServices[K];
