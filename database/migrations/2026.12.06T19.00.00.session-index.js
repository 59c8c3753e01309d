'use strict';

/**
 * Every staff request looks its session up by `session_id` (Strapi's admin authentication), and
 * Strapi declares the column unique without indexing it: each request read the whole
 * `strapi_sessions` table, which grows with every log-in and token refresh. Created like the queue
 * indexes: now on an existing database, right after the schema sync on a fresh one.
 */
const { indexMigration, naming } = require('./2026.11.24T01.00.00.queue-indexes');

const indexesOf = (db) => {
  const { table, column } = naming(db)('admin::session', 'strapi_sessions');
  return [
    {
      name: 'cs_strapi_sessions_session_idx',
      table,
      columns: [column('sessionId', 'session_id')],
    },
  ];
};

module.exports = indexMigration(indexesOf);
