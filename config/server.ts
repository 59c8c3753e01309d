import type { Core } from '@strapi/strapi';
import { requiredEnvList } from '../src/utils/required-env';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy, the client's address comes from X-Forwarded-For; without this every
  // citizen would share the proxy's address and its rate limits.
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  app: {
    keys: requiredEnvList('APP_KEYS'),
  },
  logger: {
    startup: { enabled: env.bool('LOG_STARTUP', true) },
    updates: { enabled: false },
  },
});

export default config;
