/** Services of the plugin, reached through `getPluginService(name)` (`utils/get-plugin-service`). */
import areaAccounts from './area-accounts';
import counters from './counters';
import coverageCalendar from './coverage-calendar';
import dashboard from './dashboard';
import fileAccess from './file-access';
import intake from './intake';
import itemActions from './item-actions';
import officeConfiguration from './office-configuration';
import oficioSearch from './oficio-search';
import oficioView from './oficio-view';
import queues from './queues';
import surveyResults from './survey-results';
import transparencyObligations from './transparency-obligations';

export default {
  'area-accounts': areaAccounts,
  counters,
  'coverage-calendar': coverageCalendar,
  dashboard,
  'file-access': fileAccess,
  intake,
  'item-actions': itemActions,
  'office-configuration': officeConfiguration,
  'oficio-search': oficioSearch,
  'oficio-view': oficioView,
  queues,
  'survey-results': surveyResults,
  'transparency-obligations': transparencyObligations,
};
