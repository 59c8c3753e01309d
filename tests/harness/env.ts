import crypto from 'node:crypto';

/**
 * Environment every test instance starts from. The developer's own `.env` is never read
 * (ENV_PATH points nowhere) so a test run depends only on what the harness sets.
 */
const secret = () => crypto.randomBytes(24).toString('base64');

export const TEST_SECRETS = {
  APP_KEYS: [secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  SITE_WEBHOOK_SECRET: secret(),
};

/** The environment of a test instance: the harness's settings and the given overrides. */
export const testEnv = (
  overrides: Record<string, string | undefined> = {}
): Record<string, string | undefined> => ({
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'warn',
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'none',
  LOG_STARTUP: 'false',
  // Suites log in many times from one address; the limit itself has its own test.
  RATE_LIMIT_MAX: '10000',
  RATE_LIMIT_ACCOUNT_MAX: '10000',
  // Tests run the notification worker themselves; mail goes to the log unless a test sets SMTP_HOST.
  NOTIFICATIONS_CRON: 'false',
  SMTP_HOST: undefined,
  TRUST_PROXY: undefined,
  ...TEST_SECRETS,
  ...overrides,
});

export const applyTestEnv = (overrides: Record<string, string | undefined> = {}) => {
  for (const [key, value] of Object.entries(testEnv(overrides))) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
};
