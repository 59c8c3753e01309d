'use strict';

/**
 * The outbox writes an attempt down before handing the message to SMTP (`sending_since`), so a
 * crash in the middle of the exchange leaves the attempt identifiable in the delivery log.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasColumn('notification_outbox', 'sending_since'))) {
      await knex.schema.alterTable('notification_outbox', (table) => {
        table.timestamp('sending_since', { useTz: true });
      });
    }
  },
};
