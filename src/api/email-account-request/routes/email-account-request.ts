import { factories } from '@strapi/strapi';

// Closed until a users-permissions role is granted the action; deletes never go through the API.
export default factories.createCoreRouter('api::email-account-request.email-account-request', {
  only: ['find', 'findOne', 'create', 'update'],
});
