import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::web-publication.web-publication');
