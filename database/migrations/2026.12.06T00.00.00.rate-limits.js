'use strict';

/**
 * Counters of the rate limits on PostgreSQL, shared by every instance of the server (the layout
 * rate-limiter-flexible's RateLimiterPostgres reads and writes). On SQLite the counters live in
 * memory and the table is not needed.
 */
module.exports = {
  async up(knex) {
    if (knex.client.dialect !== 'postgresql') return;
    if (!(await knex.schema.hasTable('rate_limits'))) {
      await knex.schema.createTable('rate_limits', (table) => {
        table.string('key', 255).primary();
        table.integer('points').notNullable().defaultTo(0);
        table.bigInteger('expire');
      });
    }
  },
};
