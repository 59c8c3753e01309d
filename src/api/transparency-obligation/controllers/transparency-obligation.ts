import { factories } from '@strapi/strapi';

export default factories.createCoreController(
  'api::transparency-obligation.transparency-obligation'
);
