import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::transparency-obligation.transparency-obligation');
