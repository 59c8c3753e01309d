import { factories } from '@strapi/strapi';

// The log is read in the admin only and written by the workflow engine only.
export default factories.createCoreRouter('api::transition-log.transition-log', { only: [] });
