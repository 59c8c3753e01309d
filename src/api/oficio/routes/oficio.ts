import { factories } from '@strapi/strapi';

// Areas file and follow their oficios; the office works on them in the admin.
export default factories.createCoreRouter('api::oficio.oficio', {
  only: ['find', 'findOne', 'create'],
});
