import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::logo.logo', { only: ['find', 'findOne'] });
