import type { Core } from '@strapi/strapi';
import controllers from './controllers';
import { ACTIONS } from './permissions';
import routes from './routes';
import services from './services';

export default {
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany([...ACTIONS]);
  },
  controllers,
  routes,
  services,
};
