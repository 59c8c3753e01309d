'use strict';
/**
 * A second Strapi process on the same database that runs the notification worker, for tests of
 * what must hold across instances. Reads a JSON command on argv[2], boots the compiled app,
 * prints `READY`, waits for a `GO` line on stdin (so both instances start together), runs the
 * command, prints one `RESULT <json>` line and exits.
 *   { "action": "deliver", "limit": 3 }       deliverDue() until nothing is pending
 *   { "action": "exclusive", "name": "x", "ttlMs": 5000, "holdMs": 100, "durationMs": 3000 }
 *        runExclusive() in a loop; returns the [start, end] of each run it got
 *   { "action": "hold", "name": "x", "ttlMs": 3000 }
 *        takes the lease, prints HOLDING and never lets go (the test kills the process)
 */
const path = require('node:path');
const readline = require('node:readline');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

  const lines = readline.createInterface({ input: process.stdin });
  const go = new Promise((resolve) =>
    lines.on('line', (line) => line.trim() === 'GO' && resolve())
  );
  process.stdout.write('\nREADY\n');
  await go;

  const outbox = strapi.service('api::notification.outbox');
  const lease = strapi.service('api::notification.task-lease');
  let result;
  if (command.action === 'deliver') {
    result = { sent: 0, failed: 0, retried: 0 };
    for (;;) {
      const report = await outbox.deliverDue({ limit: command.limit });
      result.sent += report.sent;
      result.failed += report.failed;
      result.retried += report.retried;
      const [{ pending }] = await strapi.db
        .connection('notification_outbox')
        .where('status', 'pending')
        .count({ pending: '*' });
      if (Number(pending) === 0) break;
      if (report.sent + report.failed + report.retried === 0) await sleep(20);
    }
  } else if (command.action === 'exclusive') {
    result = [];
    const until = Date.now() + command.durationMs;
    while (Date.now() < until) {
      await lease.runExclusive(command.name, command.ttlMs, async () => {
        const start = Date.now();
        await sleep(command.holdMs);
        result.push([start, Date.now()]);
      });
      await sleep(5 + Math.random() * 20);
    }
  } else if (command.action === 'hold') {
    await lease.runExclusive(command.name, command.ttlMs, async () => {
      process.stdout.write('\nHOLDING\n');
      await new Promise(() => {});
    });
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
