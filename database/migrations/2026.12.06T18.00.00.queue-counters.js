'use strict';

/**
 * Counters behind the queue list and the dashboard, kept exact in the transaction of every write
 * of an oficio or a work item (`src/document-middlewares/queue-counters.ts`), so neither has to
 * aggregate every item on every request:
 * - `counted_items`: what each document (oficio or work item) currently adds to the counters, so
 *   a write subtracts exactly what the document added before and adds what it adds now;
 * - `queue_counters`: documents per workflow, state, design medium, kind of the requesting area,
 *   due day and «late, acceptance pending» (what decides queue membership and the due badges);
 * - `delivered_counters`: delivered work per workflow, state, Mexico City day it closed and
 *   whether it closed by its due date (weekly throughput, on-time percentage);
 * - `design_round_counters`: designs sent for review per requesting area and reception day, with
 *   their revision rounds.
 * Text columns use '' for «none» so every key is NOT NULL (a unique key treats NULLs as distinct).
 * The counters service's `rebuild()` fills them from the items when they are empty (this
 * migration on an existing database, or rows inserted with SQL).
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('counted_items'))) {
      await knex.schema.createTable('counted_items', (table) => {
        table.string('uid', 120).notNullable();
        table.string('document_id', 100).notNullable();
        table.integer('oficio_id');
        table.string('workflow', 40).notNullable();
        table.string('status', 40).notNullable();
        table.string('medium', 20).notNullable().defaultTo('');
        table.string('area_kind', 40).notNullable().defaultTo('');
        table.string('due_day', 10).notNullable().defaultTo('');
        table.integer('late_pending').notNullable().defaultTo(0);
        table.string('closed_day', 10).notNullable().defaultTo('');
        table.integer('on_time').notNullable().defaultTo(0);
        table.integer('area_id').notNullable().defaultTo(0);
        table.string('received_day', 10).notNullable().defaultTo('');
        table.integer('rounds').notNullable().defaultTo(0);
        table.primary(['uid', 'document_id'], 'cs_counted_items_pk');
        table.index(['oficio_id'], 'cs_counted_items_oficio_idx');
      });
    }
    if (!(await knex.schema.hasTable('queue_counters'))) {
      await knex.schema.createTable('queue_counters', (table) => {
        table.string('workflow', 40).notNullable();
        table.string('status', 40).notNullable();
        table.string('medium', 20).notNullable();
        table.string('area_kind', 40).notNullable();
        table.string('due_day', 10).notNullable();
        table.integer('late_pending').notNullable();
        table.integer('n').notNullable().defaultTo(0);
        table.primary(
          ['workflow', 'status', 'medium', 'area_kind', 'due_day', 'late_pending'],
          'cs_queue_counters_pk'
        );
      });
    }
    if (!(await knex.schema.hasTable('delivered_counters'))) {
      await knex.schema.createTable('delivered_counters', (table) => {
        table.string('workflow', 40).notNullable();
        table.string('status', 40).notNullable();
        table.string('closed_day', 10).notNullable();
        table.integer('on_time').notNullable();
        table.integer('n').notNullable().defaultTo(0);
        table.primary(['closed_day', 'workflow', 'status', 'on_time'], 'cs_delivered_counters_pk');
      });
    }
    if (!(await knex.schema.hasTable('design_round_counters'))) {
      await knex.schema.createTable('design_round_counters', (table) => {
        table.string('received_day', 10).notNullable();
        table.integer('area_id').notNullable();
        table.integer('designs').notNullable().defaultTo(0);
        table.integer('rounds').notNullable().defaultTo(0);
        table.primary(['received_day', 'area_id'], 'cs_design_round_counters_pk');
      });
    }
  },
};
