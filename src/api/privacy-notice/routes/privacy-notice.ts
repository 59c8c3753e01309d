import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::privacy-notice.privacy-notice', { only: ['find'] });
