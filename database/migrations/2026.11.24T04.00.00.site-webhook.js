'use strict';

/**
 * Notices to the municipal site (site webhook) and their delivery log: one row per notice, written
 * in the transaction of the publish or withdrawal that causes it, and one row per attempt to send
 * it (every attempt is kept). Plus the counter of the answer oficios' folios of each oficio
 * (`<oficio folio>-R<n>`), incremented under a row lock like the oficio folios.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('site_webhook_deliveries'))) {
      await knex.schema.createTable('site_webhook_deliveries', (table) => {
        table.increments('id').primary();
        table.string('event', 40).notNullable();
        table.string('content_type', 120).notNullable();
        table.string('document_id', 100).notNullable();
        table.string('title', 300).notNullable();
        table.string('target_url', 2000);
        table.text('payload').notNullable();
        table.string('status', 20).notNullable().defaultTo('pendiente');
        table.integer('attempts').notNullable().defaultTo(0);
        table.timestamp('next_attempt_at', { useTz: true });
        table.string('claimed_by', 100);
        table.timestamp('claimed_until', { useTz: true });
        table.integer('last_http_status');
        table.text('last_error');
        table.timestamp('created_at', { useTz: true }).notNullable();
        table.timestamp('delivered_at', { useTz: true });
        table.index(['status', 'next_attempt_at'], 'cs_site_webhook_due_idx');
        table.index(['document_id', 'created_at'], 'cs_site_webhook_document_idx');
        table.index(['created_at'], 'cs_site_webhook_created_idx');
      });
    }
    if (!(await knex.schema.hasTable('site_webhook_attempts'))) {
      await knex.schema.createTable('site_webhook_attempts', (table) => {
        table.increments('id').primary();
        table
          .integer('delivery_id')
          .notNullable()
          .references('id')
          .inTable('site_webhook_deliveries')
          .onDelete('CASCADE');
        table.integer('attempt').notNullable();
        table.timestamp('attempted_at', { useTz: true }).notNullable();
        table.integer('http_status');
        table.text('error');
        table.integer('duration_ms').notNullable();
        table.index(['delivery_id', 'attempt'], 'cs_site_webhook_attempts_idx');
      });
    }
    if (!(await knex.schema.hasTable('site_answer_counters'))) {
      await knex.schema.createTable('site_answer_counters', (table) => {
        table.string('oficio_document_id', 100).primary();
        table.integer('last').notNullable().defaultTo(0);
      });
    }
  },
};
