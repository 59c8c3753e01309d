'use strict';

/**
 * Indexes for the oficio page's timeline (the log records of an oficio and of its work items) and
 * the coverage calendar (events by start time). Created like the queue indexes: now on an existing
 * database, right after the schema sync on a fresh one.
 */
const { indexMigration } = require('./2026.11.24T01.00.00.queue-indexes');

const columnOf = (db, uid, attribute, fallback) => {
  try {
    return db.metadata.get(uid).attributes[attribute].columnName || fallback;
  } catch {
    return fallback;
  }
};

const tableOf = (db, uid, fallback) => {
  try {
    return db.metadata.get(uid).tableName || fallback;
  } catch {
    return fallback;
  }
};

const indexesOf = (db) => {
  const LOG = 'api::transition-log.transition-log';
  const COVERAGE = 'api::coverage-event.coverage-event';
  const logs = tableOf(db, LOG, 'transition_logs');
  const events = tableOf(db, COVERAGE, 'coverage_events');
  return [
    {
      name: 'cs_transition_logs_oficio_at_idx',
      table: logs,
      columns: [
        columnOf(db, LOG, 'oficioDocumentId', 'oficio_document_id'),
        columnOf(db, LOG, 'at', 'at'),
      ],
    },
    {
      name: 'cs_transition_logs_subject_idx',
      table: logs,
      columns: [columnOf(db, LOG, 'subjectDocumentId', 'subject_document_id')],
    },
    {
      name: 'cs_coverage_events_starts_idx',
      table: events,
      columns: [columnOf(db, COVERAGE, 'startsAt', 'starts_at')],
    },
  ];
};

module.exports = indexMigration(indexesOf);
