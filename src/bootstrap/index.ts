import type { Core } from '@strapi/strapi';
import { ensureDemoAdmin } from './demo-admin';

/** Seeds roles, permissions and reference data; in development, the demo admin too. */
export const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  if (strapi.config.get('environment') === 'development') {
    await ensureDemoAdmin({ strapi });
  }
};
