import type { Core } from '@strapi/strapi';
import { bootstrap } from './bootstrap';
import { register } from './register';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    register({ strapi });
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await bootstrap({ strapi });
  },
};
