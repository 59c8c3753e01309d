import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::email-account-request.email-account-request');
