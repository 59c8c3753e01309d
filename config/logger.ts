import { winston, formats } from '@strapi/logger';

/** LOG_LEVEL lets the test suite and production quiet Strapi's per-request log lines. */
export default {
  level: process.env.LOG_LEVEL || 'http',
  format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }),
  transports: [new winston.transports.Console()],
};
