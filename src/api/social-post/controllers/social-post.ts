import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::social-post.social-post');
