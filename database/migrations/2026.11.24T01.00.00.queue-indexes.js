'use strict';

/**
 * Indexes for the queues and the dashboard of the `comunicacion` plugin: every work-item table is
 * filtered by state and sorted by due date, the throughput chart ranges over closedAt, and
 * Recepción lists oficios by state and reception time. Names start with `cs_` so they never meet
 * Strapi's own (`<table>_<column>_idx`, `<table>_documents_idx`, …), and Strapi's schema sync
 * leaves indexes it does not manage in place.
 *
 * Strapi runs user migrations BEFORE it synchronises the schema. On an existing database the
 * tables are there and the indexes are created now; on a fresh database the tables do not exist
 * yet, so the indexes still missing are created right after this same boot's schema sync
 * (`strapi::content-types.afterSync`), once Strapi has created the tables.
 */

const WORK_ITEMS = [
  ['api::design.design', 'designs'],
  ['api::coverage-event.coverage-event', 'coverage_events'],
  ['api::social-post.social-post', 'social_posts'],
  ['api::web-publication.web-publication', 'web_publications'],
  ['api::transparency-document.transparency-document', 'transparency_documents'],
  ['api::email-account-request.email-account-request', 'email_account_requests'],
  ['api::advisory.advisory', 'advisories'],
];

/** Table and column names as Strapi's metadata has them (it may shorten long identifiers). */
const naming = (db) => (uid, fallbackTable) => {
  let meta = null;
  try {
    meta = db && db.metadata ? db.metadata.get(uid) : null;
  } catch {
    meta = null;
  }
  const table = (meta && meta.tableName) || fallbackTable;
  const column = (attribute, fallback) =>
    (meta && meta.attributes[attribute] && meta.attributes[attribute].columnName) || fallback;
  return { table, column };
};

const indexesOf = (db) => {
  const name = naming(db);
  const indexes = [];
  for (const [uid, fallbackTable] of WORK_ITEMS) {
    const { table, column } = name(uid, fallbackTable);
    indexes.push(
      {
        name: `cs_${fallbackTable}_status_due_idx`,
        table,
        columns: [column('workflowStatus', 'workflow_status'), column('dueAt', 'due_at')],
      },
      {
        name: `cs_${fallbackTable}_closed_idx`,
        table,
        columns: [column('closedAt', 'closed_at')],
      }
    );
  }
  const oficio = name('api::oficio.oficio', 'oficios');
  indexes.push({
    name: 'cs_oficios_status_received_idx',
    table: oficio.table,
    columns: [
      oficio.column('workflowStatus', 'workflow_status'),
      oficio.column('receivedAt', 'received_at'),
    ],
  });
  return indexes;
};

/** Creates the indexes whose table and columns exist; returns those that could not be made yet. */
const createIndexes = async (knex, indexes) => {
  const pending = [];
  for (const index of indexes) {
    let ready = await knex.schema.hasTable(index.table);
    for (const column of index.columns) {
      if (!ready) break;
      ready = await knex.schema.hasColumn(index.table, column);
    }
    if (!ready) {
      pending.push(index);
      continue;
    }
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ?? ON ?? (${index.columns.map(() => '??').join(', ')})`,
      [index.name, index.table, ...index.columns]
    );
  }
  return pending;
};

/**
 * The migration of a set of indexes: `up` creates them now where their tables exist and the rest
 * right after this boot's schema sync; `down` drops them. Other index migrations use it too.
 */
const indexMigration = (indexesOf) => ({
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
});

module.exports = {
  ...indexMigration(indexesOf),
  createIndexes,
  indexMigration,
  naming,
  WORK_ITEMS,
};
