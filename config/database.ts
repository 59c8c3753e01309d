import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

type Client = 'sqlite' | 'postgres';

const APP_ROOT = path.resolve(__dirname, '..', '..');

const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite') as Client;

  if (client === 'postgres') {
    return {
      connection: {
        client,
        connection: {
          connectionString: env('DATABASE_URL', '') || undefined,
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'comunicacion'),
          user: env('DATABASE_USERNAME', 'comunicacion'),
          password: env('DATABASE_PASSWORD', 'comunicacion'),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT debe ser "sqlite" o "postgres" (se recibió "${client}").`);
  }

  const filename = env('DATABASE_FILENAME', '.tmp/data.db');
  if (!filename.trim()) {
    throw new Error('DATABASE_FILENAME no puede estar vacío (por omisión: .tmp/data.db).');
  }
  const absolute = path.resolve(APP_ROOT, filename);
  // A fresh clone has no .tmp folder and better-sqlite3 does not create parent folders.
  fs.mkdirSync(path.dirname(absolute), { recursive: true });

  return {
    connection: {
      client,
      connection: { filename: absolute },
      useNullAsDefault: true,
    },
  };
};

export default config;
