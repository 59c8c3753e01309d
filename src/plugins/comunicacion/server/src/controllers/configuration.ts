import type { Core } from '@strapi/strapi';
import { notImplemented } from './not-implemented';

export default (_: { strapi: Core.Strapi }) => ({
  listHolidays: notImplemented,
  createHoliday: notImplemented,
  updateHoliday: notImplemented,
  deleteHoliday: notImplemented,
  getSettings: notImplemented,
  updateSettings: notImplemented,
});
