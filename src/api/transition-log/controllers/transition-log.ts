import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::transition-log.transition-log');
