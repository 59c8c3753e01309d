import type { Core } from '@strapi/strapi';
import { clusterEvents } from '../utils/cluster-events';
import { getService } from '../utils/get-service';

/**
 * Connects the in-memory copies of this instance to the others' writes: the public response cache
 * and the business calendar (with the office settings) are dropped whenever any instance on the
 * same PostgreSQL database changes what they hold. Their expiry times stay as a safety net.
 */
export const listenToOtherInstances = async ({ strapi }: { strapi: Core.Strapi }) => {
  const bus = clusterEvents(strapi);
  bus.subscribe('site', () => getService('site-cache', strapi).invalidate());
  bus.subscribe('calendar', () => getService('business-calendar', strapi).invalidate());
  await bus.start();
};
