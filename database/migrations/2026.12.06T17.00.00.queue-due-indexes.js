'use strict';

/**
 * Indexes for the first pages of a queue: every work-item table by due date, then state. A queue
 * page sorts by due date first; on PostgreSQL each source of the queue reads its first rows along
 * this index and stops, where the (state, due date) index would make it read and sort every open
 * item of the queue. Created like the queue indexes: now on an existing database, right after the
 * schema sync on a fresh one.
 */
const { createIndexes } = require('./2026.11.24T01.00.00.queue-indexes');

const WORK_ITEMS = [
  ['api::design.design', 'designs'],
  ['api::coverage-event.coverage-event', 'coverage_events'],
  ['api::social-post.social-post', 'social_posts'],
  ['api::web-publication.web-publication', 'web_publications'],
  ['api::transparency-document.transparency-document', 'transparency_documents'],
  ['api::email-account-request.email-account-request', 'email_account_requests'],
  ['api::advisory.advisory', 'advisories'],
];

const indexesOf = (db) =>
  WORK_ITEMS.map(([uid, fallbackTable]) => {
    let meta = null;
    try {
      meta = db && db.metadata ? db.metadata.get(uid) : null;
    } catch {
      meta = null;
    }
    const column = (attribute, fallback) =>
      (meta && meta.attributes[attribute] && meta.attributes[attribute].columnName) || fallback;
    return {
      name: `cs_${fallbackTable}_due_status_idx`,
      table: (meta && meta.tableName) || fallbackTable,
      columns: [column('dueAt', 'due_at'), column('workflowStatus', 'workflow_status')],
    };
  });

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
