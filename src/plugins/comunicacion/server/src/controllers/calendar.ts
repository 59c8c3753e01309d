import type { Core } from '@strapi/strapi';
import { notImplemented } from './not-implemented';

export default (_: { strapi: Core.Strapi }) => ({
  get: notImplemented,
  feed: notImplemented,
  rotateFeed: notImplemented,
  ical: notImplemented,
});
