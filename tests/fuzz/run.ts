/*
 * `npm run fuzz -- --requests 30000 --seed 7`: the hostile walk of tests/fuzz/fuzz.ts on a fresh
 * SQLite (or, with DATABASE_CLIENT=postgres, PostgreSQL) database, outside the suite. Prints the
 * totals and the first findings of each kind; exits 1 when there is any.
 */
import path from 'node:path';
import { bootApp } from '../harness/app';
import { applyTestEnv } from '../harness/env';
import { runFuzz, summaryLine } from './fuzz';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};

const main = async () => {
  // Never the developer's .env: the run depends only on what the harness sets.
  process.env.ENV_PATH = path.join(__dirname, 'does-not-exist.env');
  applyTestEnv({});
  const requests = argument('requests', 2500);
  const seed = argument('seed', 20261206);
  const app = await bootApp({
    env: {
      RATE_LIMIT_MAX: '1000000',
      SURVEY_RATE_LIMIT_MAX: '1000000',
      NOTIFICATIONS_CRON: 'false',
    },
  });
  const started = Date.now();
  try {
    const report = await runFuzz(app, { seed, requests, log: (line) => console.log(line) });
    console.log(summaryLine(report));
    console.log(
      `estados: ${JSON.stringify(report.byStatus)} · semilla ${seed} · ${Math.round((Date.now() - started) / 1000)} s`
    );
    for (const kind of ['5xx', 'uncoded', 'leak', 'cross-area', 'forbidden-not-404']) {
      for (const f of report.findings.filter((x) => x.kind === kind).slice(0, 10)) {
        console.log(`  [${kind}] ${f.actor} · ${f.request} → ${f.status}: ${f.detail}`);
      }
    }
    process.exitCode = report.findings.length ? 1 : 0;
  } finally {
    await app.close();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
