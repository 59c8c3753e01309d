#!/usr/bin/env node
'use strict';
/**
 * `npm run backup [-- <archivo.tar.gz>]` and `npm run restore -- <archivo.tar.gz> [--reemplazar]`
 * (`--json` also prints the manifest or the report as one `RESULT <json>` line):
 * a backup of the whole system (every table, admin users included, and the uploaded files) and its
 * restore into a database of the same kind, with the same version of the system. The database is
 * the one the environment points at (DATABASE_*), as for `npm run start`.
 * See src/operations/backup.ts and the README («Operación»).
 */
const path = require('node:path');

const root = path.resolve(__dirname, '..');

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

const main = async () => {
  const [command, ...rest] = process.argv.slice(2);
  const flags = rest.filter((arg) => arg.startsWith('--'));
  const args = rest.filter((arg) => !arg.startsWith('--'));
  if (command !== 'backup' && command !== 'restore') {
    throw new Error('Uso: respaldo.js backup [archivo] | restore <archivo> [--reemplazar]');
  }
  // A restore replaces everything: the development demo data would only be in the way.
  if (command === 'restore') process.env.DEMO_DATA = 'false';
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  // The suite compiles once for every worker; a command run from a test must not recompile.
  const ctx =
    process.env.RESPALDO_SIN_COMPILAR === '1'
      ? { appDir: root, distDir: path.join(root, 'dist') }
      : await compileStrapi();
  const strapi = await createStrapi({ ...ctx, autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'warn';
  const { createBackup, restoreBackup, BackupError } = require(
    path.join(ctx.distDir, 'src', 'operations', 'backup')
  );
  // «1 tabla», «2 tablas»: the counts read in singular or plural.
  const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const totals = (tables, uploads) => {
    const rows = Object.values(tables).reduce((sum, n) => sum + n, 0);
    return [
      count(Object.keys(tables).length, 'tabla', 'tablas'),
      count(rows, 'fila', 'filas'),
      count(uploads, 'archivo', 'archivos'),
    ].join(', ');
  };
  try {
    if (command === 'backup') {
      const file = path.resolve(
        args[0] || path.join(root, 'backups', `respaldo-${stamp()}.tar.gz`)
      );
      const manifest = await createBackup(strapi, file);
      process.stdout.write(
        `Respaldo escrito en ${file}: ${totals(manifest.tables, manifest.uploads.length)}.\n`
      );
      if (flags.includes('--json')) process.stdout.write(`RESULT ${JSON.stringify(manifest)}\n`);
    } else {
      if (!args[0])
        throw new BackupError('Indica el archivo del respaldo: npm run restore -- <archivo>');
      const report = await restoreBackup(strapi, path.resolve(args[0]), {
        replace: flags.includes('--reemplazar'),
      });
      process.stdout.write(
        `Respaldo restaurado: ${totals(report.tables, report.uploads)}. Folios al día: ${JSON.stringify(report.folioCounters)}.\n`
      );
      if (flags.includes('--json')) process.stdout.write(`RESULT ${JSON.stringify(report)}\n`);
    }
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  }
);
