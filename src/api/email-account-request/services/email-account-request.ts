import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::email-account-request.email-account-request');
