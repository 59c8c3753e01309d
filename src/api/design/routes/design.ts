import { factories } from '@strapi/strapi';

// Outside accounts read; the office writes in the admin. Deletes never go through the API.
export default factories.createCoreRouter('api::design.design', { only: ['find', 'findOne'] });
