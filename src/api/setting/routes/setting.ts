import { factories } from '@strapi/strapi';

// Settings are edited in the admin only; nothing here is exposed on the content API.
export default factories.createCoreRouter('api::setting.setting', { only: [] });
