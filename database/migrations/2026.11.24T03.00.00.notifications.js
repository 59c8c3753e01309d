'use strict';

/**
 * Tables of the notifications: the e-mail outbox (also the delivery log), staff in-app notices and
 * the leases that let one instance run each scheduled task at a time. They are the app's own
 * tables (not content types), written in the same transaction as the change that causes them.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('notification_outbox'))) {
      await knex.schema.createTable('notification_outbox', (table) => {
        table.increments('id').primary();
        table.string('dedupe_key', 255).unique('cs_notification_outbox_dedupe_uq');
        table.string('recipient', 320).notNullable();
        table.integer('recipient_user_id');
        table.string('subject', 500).notNullable();
        table.text('text_body').notNullable();
        table.text('html_body');
        table.string('status', 20).notNullable().defaultTo('pending');
        table.integer('attempts').notNullable().defaultTo(0);
        table.timestamp('next_attempt_at', { useTz: true }).notNullable();
        table.text('last_error');
        table.timestamp('created_at', { useTz: true }).notNullable();
        table.timestamp('sent_at', { useTz: true });
        table.string('claimed_by', 100);
        table.timestamp('claimed_until', { useTz: true });
        table.index(['status', 'next_attempt_at'], 'cs_notification_outbox_due_idx');
      });
    }
    if (!(await knex.schema.hasTable('staff_notifications'))) {
      await knex.schema.createTable('staff_notifications', (table) => {
        table.increments('id').primary();
        table.integer('user_id').notNullable();
        table.string('title', 300).notNullable();
        table.text('body').notNullable();
        table.string('link', 500);
        table.string('subject_uid', 200);
        table.string('subject_document_id', 100);
        table.string('dedupe_key', 255).unique('cs_staff_notifications_dedupe_uq');
        table.timestamp('created_at', { useTz: true }).notNullable();
        table.timestamp('read_at', { useTz: true });
        table.index(['user_id', 'read_at', 'created_at'], 'cs_staff_notifications_user_idx');
      });
    }
    if (!(await knex.schema.hasTable('task_leases'))) {
      await knex.schema.createTable('task_leases', (table) => {
        table.string('name', 100).primary();
        table.string('holder', 100);
        table.timestamp('expires_at', { useTz: true });
        table.timestamp('last_run_at', { useTz: true });
      });
    }
  },
};
