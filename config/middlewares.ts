import type { Core } from '@strapi/strapi';
import { bodyParseError } from '../src/utils/error-translation';

/** Levels at which the per-request lines of `strapi::logger` are shown (config/logger.ts). */
const SHOWS_REQUESTS = ['http', 'verbose', 'debug', 'silly'];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // Formatting a request line costs even when the level drops it: no logger then.
  ...(SHOWS_REQUESTS.includes(env('LOG_LEVEL', 'http')) ? ['strapi::logger'] : []),
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
      // Every door where a password or a token can be guessed, Strapi's admin log-in included.
      prefixes: [
        '/api/auth/',
        '/api/approvals/',
        '/admin/login',
        '/admin/forgot-password',
        '/admin/reset-password',
        '/admin/register',
        '/admin/register-admin',
      ],
      max: env.int('RATE_LIMIT_MAX', 20),
      windowMs: env.int('RATE_LIMIT_WINDOW_MS', 5 * 60 * 1000),
    },
  },
  'global::site-cache-front',
  'strapi::query',
  // Malformed bodies are the client's error: coded 400/413, not logged as server failures.
  { name: 'strapi::body', config: { onError: bodyParseError } },
  // Temporary copies of uploaded files go away when the request ends, whatever its fields.
  'global::upload-cleanup',
  { name: 'global::body-guard', config: { maxDepth: 32 } },
  {
    // After the body parser: the account is named in the body.
    name: 'global::account-rate-limit',
    config: {
      doors: [
        { path: '/admin/login', field: 'email', count: 'failures' },
        { path: '/api/auth/local', field: 'identifier', count: 'failures' },
        { path: '/admin/forgot-password', field: 'email', count: 'requests' },
        { path: '/api/auth/forgot-password', field: 'email', count: 'requests' },
      ],
      max: env.int('RATE_LIMIT_ACCOUNT_MAX', 10),
      windowMs: env.int('RATE_LIMIT_WINDOW_MS', 5 * 60 * 1000),
    },
  },
  'global::core-route-guards',
  // The portal's API answers 401 without a token: its pages then ask to log in.
  'global::portal-session',
  'strapi::session',
  'strapi::favicon',
  // Staff read only what their role may: populated relations and personal data (content manager).
  'global::staff-reads',
  {
    name: 'global::static-site',
    config: {
      paths: ['/sitio', '/areas'],
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
  // Private uploads (scans, attachments, acuses) are never served at their public address.
  'global::private-uploads',
  'strapi::public',
];

export default config;
