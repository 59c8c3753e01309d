'use strict';

/**
 * One row per year with the last folio handed out. Incrementing it inside the same transaction
 * as the oficio insert makes folios gapless: a refused or failed write rolls the counter back.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('folio_counters'))) {
      await knex.schema.createTable('folio_counters', (table) => {
        table.integer('year').primary();
        table.integer('last').notNullable().defaultTo(0);
      });
    }
  },
};
