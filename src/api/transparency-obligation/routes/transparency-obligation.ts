import { factories } from '@strapi/strapi';

// Staff edit the catalogue in the admin; the warning list is a plugin route.
export default factories.createCoreRouter('api::transparency-obligation.transparency-obligation', {
  only: [],
});
