/** Services of the plugin, reached through `strapi.plugin('comunicacion').service(name)`. */
import coverageCalendar from './coverage-calendar';
import itemActions from './item-actions';
import officeConfiguration from './office-configuration';
import oficioView from './oficio-view';

export default {
  'coverage-calendar': coverageCalendar,
  'item-actions': itemActions,
  'office-configuration': officeConfiguration,
  'oficio-view': oficioView,
};
