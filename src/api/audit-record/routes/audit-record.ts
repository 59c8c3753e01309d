import { factories } from '@strapi/strapi';

// The audit trail is read in the admin only and written by the workflow engine only.
export default factories.createCoreRouter('api::audit-record.audit-record', { only: [] });
