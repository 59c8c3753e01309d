import type { Core } from '@strapi/strapi';
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
    },
  },
});

export default config;
