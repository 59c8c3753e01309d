'use strict';

/**
 * An e-mail may carry files of the media library (the answer oficio to the area). The outbox keeps
 * only their ids, as JSON (`[{ "fileId": 12, "name": "respuesta.pdf" }]`): the bytes are read
 * when the message goes out, so a queued message never holds a copy of a file.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasColumn('notification_outbox', 'attachments'))) {
      await knex.schema.alterTable('notification_outbox', (table) => {
        table.text('attachments');
      });
    }
  },
};
