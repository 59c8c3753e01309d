import type { Core } from '@strapi/strapi';
import { notImplemented } from './not-implemented';

export default (_: { strapi: Core.Strapi }) => ({
  transitions: notImplemented,
  assign: notImplemented,
  addProposal: notImplemented,
});
