import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::coverage-event.coverage-event');
