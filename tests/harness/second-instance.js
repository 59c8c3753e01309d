'use strict';
/**
 * A second Strapi process on the same database, for tests of what must hold across instances.
 * Reads a JSON command on argv[2], boots the compiled app, runs it, prints one JSON line, exits.
 *   { "action": "create-oficios", "count": 25 }
 *   { "action": "serve" }  listens on a free port, prints `READY <port>`, stops when stdin closes
 *   { "action": "ensure-years", "years": [2031, 2032] }  writes those years' LFT days
 *   { "action": "boot" }  only starts (migrations, schema, seeding) and reports the seeded roles
 *   { "action": "template" }  the same, then closes cleanly: the database is ready to be copied
 * With "go": true it prints `READY` once booted and waits for a `GO` line on stdin first.
 */
const path = require('node:path');

const main = async () => {
  const command = JSON.parse(process.argv[2]);
  const { createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..', '..');
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  if (command.go) {
    process.stdout.write('\nREADY\n');
    await new Promise((resolve) => {
      let input = '';
      process.stdin.on('data', (chunk) => {
        input += chunk;
        if (input.split('\n').includes('GO')) resolve();
      });
    });
  }
  let result;
  if (command.action === 'boot') {
    result = (await strapi.db.query('admin::role').findMany({ select: ['code'] })).map(
      (role) => role.code
    );
  }
  if (command.action === 'create-oficios') {
    const created = await Promise.all(
      Array.from({ length: command.count }, (_, i) =>
        strapi.documents('api::oficio.oficio').create({
          data: { subject: `Instancia B ${i}`, receivedAt: command.receivedAt, channel: 'digital' },
        })
      )
    );
    result = created.map((oficio) => oficio.folio);
  }
  if (command.action === 'serve') {
    process.env.PORT = '0';
    strapi.config.set('server.port', 0);
    await strapi.start();
    process.stdout.write(`\nREADY ${strapi.server.httpServer.address().port}\n`);
    await new Promise((resolve) => {
      process.stdin.on('end', resolve);
      process.stdin.on('close', resolve);
      process.stdin.resume();
    });
    result = 'stopped';
  }
  if (command.action === 'ensure-years') {
    const calendar = strapi.service('api::business-calendar.business-calendar');
    await Promise.all(command.years.map((year) => calendar.ensureYears(year)));
    result = command.years;
  }
  if (command.action === 'template') {
    // A clean close: SQLite writes its journal back into the file that is then copied.
    await strapi.destroy();
    result = 'ready';
  }
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
  // Exit without destroy(): the pool would abort Strapi's own background queries mid-flight;
  // the connections close with the process.
};

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  }
);
