import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::audit-record.audit-record');
