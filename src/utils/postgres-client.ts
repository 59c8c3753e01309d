import type { Core } from '@strapi/strapi';
import type { ClientConfig } from 'pg';

/** Whether the application's database is PostgreSQL. */
export const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/**
 * Settings for a `pg` connection of its own (outside Strapi's pool) to the database Strapi uses,
 * or null when the database is not PostgreSQL. Named one by one: Strapi keeps the password out of
 * the config's enumerable keys.
 */
export const dedicatedClientConfig = (
  strapi: Core.Strapi,
  extra: Pick<ClientConfig, 'application_name'> = {}
): ClientConfig | null => {
  const database = strapi.config.get('database.connection') as {
    client?: string;
    connection?: ClientConfig;
  };
  if (database?.client !== 'postgres') return null;
  const settings = database.connection ?? {};
  return {
    connectionString: settings.connectionString,
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    password: settings.password,
    ssl: settings.ssl,
    ...extra,
  };
};
