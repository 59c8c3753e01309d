import areaAccounts from './area-accounts';
import calendar from './calendar';
import configuration from './configuration';
import dashboard from './dashboard';
import files from './files';
import intake from './intake';
import items from './items';
import meta from './meta';
import notifications from './notifications';
import oficios from './oficios';
import publications from './publications';
import queues from './queues';
import surveys from './surveys';
import transitions from './transitions';
import transparency from './transparency';

export default {
  'area-accounts': areaAccounts,
  calendar,
  configuration,
  dashboard,
  files,
  intake,
  items,
  meta,
  notifications,
  oficios,
  publications,
  queues,
  surveys,
  transitions,
  transparency,
};
