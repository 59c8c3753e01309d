import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // The municipal site is the only other origin that calls the API from a browser.
      origin: env.array('SITE_ORIGIN', ['http://localhost:1337']),
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept'],
      keepHeadersOnError: true,
    },
  },
  {
    name: 'global::rate-limit',
    config: {
      prefixes: ['/api/auth/', '/api/approvals/'],
      max: env.int('RATE_LIMIT_MAX', 20),
      windowMs: env.int('RATE_LIMIT_WINDOW_MS', 5 * 60 * 1000),
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  // Staff read only what their role may: populated relations and personal data (content manager).
  'global::staff-reads',
  {
    name: 'global::static-site',
    config: {
      paths: ['/sitio'],
      itemPages: {
        '/sitio/publicacion.html': {
          param: 'slug',
          uid: 'api::web-publication.web-publication',
          field: 'slug',
        },
        '/sitio/documento.html': {
          param: 'id',
          uid: 'api::transparency-document.transparency-document',
          field: 'documentId',
        },
      },
    },
  },
  'strapi::public',
];

export default config;
