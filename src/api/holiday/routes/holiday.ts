import { factories } from '@strapi/strapi';

// Staff edit the calendar in the admin; the public reads it through /api/business-calendar.
export default factories.createCoreRouter('api::holiday.holiday', { only: [] });
