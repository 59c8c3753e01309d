import type { Core } from '@strapi/strapi';

/** Wires what must exist before the app boots: Document Service middlewares live here. */
export const register = (_: { strapi: Core.Strapi }) => {};
