'use strict';

/**
 * Every staff request looks its session up by `session_id` (Strapi's admin authentication), and
 * Strapi declares the column unique without indexing it: each request read the whole
 * `strapi_sessions` table, which grows with every log-in and token refresh. Created like the queue
 * indexes: now on an existing database, right after the schema sync on a fresh one.
 */
const { createIndexes } = require('./2026.11.24T01.00.00.queue-indexes');

const indexesOf = (db) => {
  let meta = null;
  try {
    meta = db && db.metadata ? db.metadata.get('admin::session') : null;
  } catch {
    meta = null;
  }
  const column =
    (meta && meta.attributes.sessionId && meta.attributes.sessionId.columnName) || 'session_id';
  return [
    {
      name: 'cs_strapi_sessions_session_idx',
      table: (meta && meta.tableName) || 'strapi_sessions',
      columns: [column],
    },
  ];
};

module.exports = {
  indexesOf,

  async up(knex, db) {
    const pending = await createIndexes(knex, indexesOf(db));
    const strapi = global.strapi;
    if (pending.length > 0 && strapi) {
      strapi.hook('strapi::content-types.afterSync').register(async () => {
        await createIndexes(strapi.db.connection, pending);
      });
    }
  },

  async down(knex, db) {
    for (const index of indexesOf(db)) {
      if (await knex.schema.hasTable(index.table)) {
        await knex.raw('DROP INDEX IF EXISTS ??', [index.name]);
      }
    }
  },
};
