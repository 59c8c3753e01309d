#!/usr/bin/env node
'use strict';
/**
 * Makes a fresh clone runnable: writes `.env` with random secrets the first time, adds any secret
 * that a later version needs to an existing `.env` without touching what is already there, and
 * makes sure the SQLite folder exists. In production it invents nothing: a missing secret stops
 * the start with a clear message.
 *
 * Usage: node scripts/ensure-env.js            (run by `npm run develop|start|build`)
 *        require('./scripts/ensure-env').ensureEnv({ appDir, env, log })
 */
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const randomSecret = () => randomBytes(32).toString('base64');

/** Secrets Strapi refuses to start without. */
const SECRETS = {
  APP_KEYS: () => Array.from({ length: 4 }, randomSecret).join(','),
  API_TOKEN_SALT: randomSecret,
  ADMIN_JWT_SECRET: randomSecret,
  TRANSFER_TOKEN_SALT: randomSecret,
  JWT_SECRET: randomSecret,
  ENCRYPTION_KEY: randomSecret,
  // Signs the notices to the municipal site (X-Calimaya-Signature); the site keeps the same value.
  SITE_WEBHOOK_SECRET: randomSecret,
};

/** Non-secret defaults written on first run so `.env` documents itself. */
const DEFAULTS = {
  HOST: '0.0.0.0',
  PORT: '1337',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: '.tmp/data.db',
  STRAPI_TELEMETRY_DISABLED: 'true',
};

/** Minimal dotenv reader: KEY=VALUE lines, `#` comments, optional quotes. */
const parseEnvFile = (text) => {
  const values = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!match) continue;
    let value = match[2];
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    values[match[1]] = value;
  }
  return values;
};

const isSet = (value) => typeof value === 'string' && value.trim() !== '';

/**
 * @param {{ appDir?: string, env?: NodeJS.ProcessEnv, log?: (msg: string) => void }} [options]
 * @returns {{ created: boolean, added: string[], envPath: string }}
 */
const ensureEnv = ({
  appDir = path.resolve(__dirname, '..'),
  env = process.env,
  log = console.log,
} = {}) => {
  const envPath = path.join(appDir, '.env');
  const exists = fs.existsSync(envPath);
  const fileValues = exists ? parseEnvFile(fs.readFileSync(envPath, 'utf8')) : {};
  const has = (key) => isSet(env[key]) || isSet(fileValues[key]);

  if (env.NODE_ENV === 'production') {
    const missing = Object.keys(SECRETS).filter((key) => !has(key));
    if (missing.length > 0) {
      throw new Error(
        `Faltan secretos para producción: ${missing.join(', ')}. ` +
          'En producción no se generan: defínelos en el entorno del servidor o en .env.'
      );
    }
    return { created: false, added: [], envPath };
  }

  const added = [];
  const lines = [];
  for (const [key, make] of Object.entries(SECRETS)) {
    if (!has(key)) {
      lines.push(`${key}=${make()}`);
      added.push(key);
    }
  }
  if (!exists) {
    for (const [key, value] of Object.entries(DEFAULTS)) {
      if (!has(key)) lines.push(`${key}=${value}`);
    }
  }

  if (lines.length > 0) {
    const header = exists
      ? '\n# Añadido automáticamente\n'
      : '# Generado automáticamente en el primer arranque. No lo subas al repositorio.\n';
    const prefix = exists && !fs.readFileSync(envPath, 'utf8').endsWith('\n') ? '\n' : '';
    fs.appendFileSync(envPath, `${prefix}${header}${lines.join('\n')}\n`, { mode: 0o600 });
    log(
      exists
        ? `[ensure-env] Se añadieron a .env: ${added.join(', ')}`
        : `[ensure-env] Se creó ${envPath} con secretos aleatorios.`
    );
  }

  // The default SQLite folder; config/database.ts also creates the folder of a custom path.
  const client = env.DATABASE_CLIENT || fileValues.DATABASE_CLIENT || 'sqlite';
  if (client === 'sqlite') {
    const filename = env.DATABASE_FILENAME || fileValues.DATABASE_FILENAME || '.tmp/data.db';
    fs.mkdirSync(path.dirname(path.resolve(appDir, filename)), { recursive: true });
  }

  return { created: !exists, added, envPath };
};

module.exports = { ensureEnv, parseEnvFile, SECRETS };

if (require.main === module) {
  try {
    ensureEnv();
  } catch (error) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
