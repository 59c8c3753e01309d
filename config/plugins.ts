import type { Core } from '@strapi/strapi';
import { createLogTransport } from '../src/providers/email-log-transport';
import { requiredEnv } from '../src/utils/required-env';

/** What an oficio's scan, a proposal or an answer may be: PDF, images and Office documents. */
export const ALLOWED_UPLOAD_MIME_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/svg+xml',
  'image/tiff',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
];

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  comunicacion: {
    enabled: true,
    resolve: './src/plugins/comunicacion',
  },
  email: {
    config: {
      provider: 'nodemailer',
      // Without SMTP_HOST every message is written to the log (development; a warning in production).
      providerOptions: env('SMTP_HOST', '')
        ? {
            host: env('SMTP_HOST'),
            port: env.int('SMTP_PORT', 587),
            secure: env.bool('SMTP_SECURE', false),
            auth: env('SMTP_USERNAME', '')
              ? { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD', '') }
              : undefined,
            // A server that hangs must not hold the outbox worker for minutes.
            connectionTimeout: 15_000,
            greetingTimeout: 15_000,
            socketTimeout: 60_000,
          }
        : createLogTransport({ withBody: env('NODE_ENV', 'development') !== 'production' }),
      settings: {
        defaultFrom: env(
          'SMTP_FROM',
          'Comunicación Social de Calimaya <no-responder@comunicacion.local>'
        ),
        defaultReplyTo: env('SMTP_REPLY_TO', '') || undefined,
      },
    },
  },
  upload: {
    config: {
      provider: 'local',
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 50 * 1024 * 1024),
      security: {
        allowedTypes: ALLOWED_UPLOAD_MIME_TYPES,
      },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: requiredEnv('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      // The house limit (config/middlewares.ts) replaces it: one Spanish 429 with Retry-After.
      ratelimit: { enabled: false },
    },
  },
});

export default config;
