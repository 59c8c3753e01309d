import calendar from './calendar';
import configuration from './configuration';
import dashboard from './dashboard';
import items from './items';
import meta from './meta';
import notifications from './notifications';
import oficios from './oficios';
import queues from './queues';
import surveys from './surveys';
import transitions from './transitions';

export default {
  calendar,
  configuration,
  dashboard,
  items,
  meta,
  notifications,
  oficios,
  queues,
  surveys,
  transitions,
};
