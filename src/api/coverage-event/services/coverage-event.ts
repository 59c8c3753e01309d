import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::coverage-event.coverage-event');
