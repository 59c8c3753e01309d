import type { Core } from '@strapi/strapi';
import { bodyParseError } from '../src/utils/error-translation';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  // In front of Strapi's error middleware: request ids, unreadable bodies refused before parsing,
  // every refusal Spanish and coded, no 500 with internals.
  'global::error-boundary',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        // Strings, not lists: Strapi merges lists with its defaults position by position.
        directives: {
          'connect-src': "'self'",
          'img-src': "'self' data: blob:",
        },
      },
    },
  },
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
  'strapi::query',
  // Malformed bodies are the client's error: coded 400/413, not logged as server failures.
  { name: 'strapi::body', config: { onError: bodyParseError } },
  { name: 'global::body-guard', config: { maxDepth: 32 } },
  'global::core-route-guards',
  'strapi::session',
  'strapi::favicon',
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
