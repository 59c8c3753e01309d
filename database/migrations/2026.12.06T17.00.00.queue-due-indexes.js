'use strict';

/**
 * Indexes for the first pages of a queue: every work-item table by due date, then state. A queue
 * page sorts by due date first; on PostgreSQL each source of the queue reads its first rows along
 * this index and stops, where the (state, due date) index would make it read and sort every open
 * item of the queue. Created like the queue indexes: now on an existing database, right after the
 * schema sync on a fresh one.
 */
const { WORK_ITEMS, indexMigration, naming } = require('./2026.11.24T01.00.00.queue-indexes');

const indexesOf = (db) => {
  const name = naming(db);
  return WORK_ITEMS.map(([uid, fallbackTable]) => {
    const { table, column } = name(uid, fallbackTable);
    return {
      name: `cs_${fallbackTable}_due_status_idx`,
      table,
      columns: [column('dueAt', 'due_at'), column('workflowStatus', 'workflow_status')],
    };
  });
};

module.exports = indexMigration(indexesOf);
