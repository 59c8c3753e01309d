import type { Core } from '@strapi/strapi';
import { bootstrap } from './bootstrap';
import { acquireBootLock, releaseBootLock } from './bootstrap/boot-lock';
import { register } from './register';
import { clusterEvents } from './utils/cluster-events';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    // Before Strapi touches the database: instances starting together prepare it one at a time.
    await acquireBootLock(strapi);
    register({ strapi });
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    try {
      await bootstrap({ strapi });
    } finally {
      await releaseBootLock();
    }
  },
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await clusterEvents(strapi).close();
    await releaseBootLock();
  },
};
