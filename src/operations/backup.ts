import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import * as tar from 'tar';
import { OFICIO_UID } from '../domain/workflows';
import { NOUNS, countOf } from '../domain/workflows/grammar';
import { CLUSTER_TOPICS, clusterEvents } from '../utils/cluster-events';

/**
 * Backup and restore of everything the system holds: every table of the database (content, the
 * transition log and the audit trail, admin users, roles and permissions, the app's own tables:
 * folio and answer counters, the outbox, staff notices, site deliveries, leases) and the uploaded
 * files. A backup is one `.tar.gz` with a manifest, one JSON-lines file per table and the files.
 *
 * It is a copy of the rows as the database holds them, so it restores into a database of the same
 * kind (SQLite into SQLite, PostgreSQL into PostgreSQL) and the same version of the system, which
 * has created the schema first. The rows are read in one transaction (one consistent snapshot) and
 * written in one: a failed restore leaves the target as it was. Both page through the rows, so a
 * table of years of work never sits in memory whole.
 */

export const BACKUP_FORMAT = 'comunicacion-calimaya/respaldo';
const FORMAT_VERSION = 1;
const PAGE = 2000;
const INSERT_CHUNK = 200;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** Rows per table, as they were read. */
  tables: Record<string, number>;
  /** Strapi's record of the migrations the schema went through. */
  migrations: string[];
  /** Uploaded files in the archive (paths under public/uploads). */
  uploads: string[];
}

export interface RestoreReport {
  tables: Record<string, number>;
  uploads: number;
  /** Counters set from the data (never behind the highest number issued). */
  folioCounters: Record<string, number>;
  answerCounters: number;
}

/** A refusal of the backup or restore commands: Spanish, for the operator. */
export class BackupError extends Error {}

type Client = 'sqlite' | 'postgres';

const dialectOf = (strapi: Core.Strapi): Client =>
  strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite';

const appVersion = (strapi: Core.Strapi) => {
  const file = path.join(strapi.dirs.app.root, 'package.json');
  return String((JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? '');
};

const uploadsRoot = (strapi: Core.Strapi) => path.join(strapi.dirs.static.public, 'uploads');

const schemaOf = (strapi: Core.Strapi) => strapi.db.getSchemaName() || 'public';

const tablesOf = async (strapi: Core.Strapi, knex: Knex | Knex.Transaction): Promise<string[]> => {
  if (dialectOf(strapi) === 'postgres') {
    const rows = (await knex
      .select('table_name')
      .from('information_schema.tables')
      .where({ table_schema: schemaOf(strapi), table_type: 'BASE TABLE' })) as {
      table_name: string;
    }[];
    return rows.map((row) => row.table_name).sort();
  }
  const rows = (await knex.raw(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
  )) as { name: string }[];
  return rows.map((row) => row.name).sort();
};

interface Column {
  name: string;
  json: boolean;
}

const columnsOf = async (
  strapi: Core.Strapi,
  knex: Knex | Knex.Transaction,
  table: string
): Promise<Column[]> => {
  if (dialectOf(strapi) === 'postgres') {
    const rows = (await knex
      .select('column_name', 'data_type')
      .from('information_schema.columns')
      .where({ table_schema: schemaOf(strapi), table_name: table })
      .orderBy('ordinal_position')) as { column_name: string; data_type: string }[];
    return rows.map((row) => ({
      name: row.column_name,
      json: row.data_type === 'json' || row.data_type === 'jsonb',
    }));
  }
  const rows = (await knex.raw(`PRAGMA table_info("${table.replace(/"/g, '""')}")`)) as {
    name: string;
  }[];
  return rows.map((row) => ({ name: row.name, json: false }));
};

const tableRef = (strapi: Core.Strapi, knex: Knex | Knex.Transaction, table: string) =>
  dialectOf(strapi) === 'postgres' ? knex(table).withSchema(schemaOf(strapi)) : knex(table);

/** Values as JSON can carry them: binary as base64, the rest as the driver gives them. */
const encode = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      Buffer.isBuffer(value) ? { $base64: value.toString('base64') } : value,
    ])
  );

const decode = (row: Record<string, unknown>, columns: Map<string, Column>) =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => {
      if (value && typeof value === 'object' && '$base64' in value) {
        return [key, Buffer.from(String((value as { $base64: string }).$base64), 'base64')];
      }
      // json/jsonb: the pg driver would send an array as a PostgreSQL array.
      if (columns.get(key)?.json && value !== null && value !== undefined) {
        return [key, JSON.stringify(value)];
      }
      return [key, value];
    })
  );

/** Files under public/uploads that the upload library's rows point at (originals and formats). */
const referencedUploads = (files: Record<string, unknown>[]): string[] => {
  const urls = new Set<string>();
  for (const file of files) {
    if (typeof file.url === 'string') urls.add(file.url);
    let formats = file.formats;
    if (typeof formats === 'string') {
      try {
        formats = JSON.parse(formats);
      } catch {
        formats = null;
      }
    }
    if (formats && typeof formats === 'object') {
      for (const format of Object.values(formats as Record<string, { url?: unknown }>)) {
        if (typeof format?.url === 'string') urls.add(format.url);
      }
    }
  }
  return [...urls]
    .filter((url) => url.startsWith('/uploads/'))
    .map((url) => url.slice('/uploads/'.length))
    .filter((name) => name && !name.includes('..'));
};

const migrationNames = async (strapi: Core.Strapi, knex: Knex | Knex.Transaction) => {
  const tables = await tablesOf(strapi, knex);
  if (!tables.includes('strapi_migrations')) return [];
  const rows = (await tableRef(strapi, knex, 'strapi_migrations').select('name')) as {
    name: string;
  }[];
  return rows.map((row) => row.name).sort();
};

/** Writes a backup of the running instance's database and uploads to `file` (a .tar.gz). */
export const createBackup = async (strapi: Core.Strapi, file: string): Promise<BackupManifest> => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'respaldo-'));
  try {
    fs.mkdirSync(path.join(work, 'tablas'));
    const knex = strapi.db.connection;
    const postgres = dialectOf(strapi) === 'postgres';
    const manifest = await knex.transaction(
      async (trx) => {
        const tables: Record<string, number> = {};
        let files: Record<string, unknown>[] = [];
        for (const table of await tablesOf(strapi, trx)) {
          const columns = await columnsOf(strapi, trx, table);
          const out = fs.openSync(path.join(work, 'tablas', `${table}.jsonl`), 'w');
          let count = 0;
          try {
            const write = (rows: Record<string, unknown>[]) => {
              if (rows.length === 0) return;
              fs.writeSync(out, rows.map((row) => `${JSON.stringify(encode(row))}\n`).join(''));
              count += rows.length;
            };
            if (columns.some((column) => column.name === 'id')) {
              // Page by id: a table of years of work never sits in memory at once.
              let last: unknown = null;
              for (;;) {
                const query = tableRef(strapi, trx, table).select('*').orderBy('id').limit(PAGE);
                if (last !== null) query.where('id', '>', last as number);
                const rows = (await query) as Record<string, unknown>[];
                write(rows);
                if (table === 'files') files = files.concat(rows);
                if (rows.length < PAGE) break;
                last = rows[rows.length - 1].id;
              }
            } else {
              write((await tableRef(strapi, trx, table).select('*')) as Record<string, unknown>[]);
            }
          } finally {
            fs.closeSync(out);
          }
          tables[table] = count;
        }
        const uploads = referencedUploads(files).filter((name) =>
          fs.existsSync(path.join(uploadsRoot(strapi), name))
        );
        return {
          format: BACKUP_FORMAT,
          formatVersion: FORMAT_VERSION,
          appVersion: appVersion(strapi),
          createdAt: new Date().toISOString(),
          dialect: dialectOf(strapi),
          tables,
          migrations: await migrationNames(strapi, trx),
          uploads,
        } satisfies BackupManifest;
      },
      // One snapshot of every table, while the office keeps working.
      postgres ? { isolationLevel: 'repeatable read', readOnly: true } : {}
    );
    if (manifest.uploads.length > 0) {
      fs.mkdirSync(path.join(work, 'uploads'));
      for (const name of manifest.uploads) {
        const target = path.join(work, 'uploads', name);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(path.join(uploadsRoot(strapi), name), target);
      }
    }
    fs.writeFileSync(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await tar.create({ gzip: true, file: path.resolve(file), cwd: work, portable: true }, [
      'manifest.json',
      'tablas',
      ...(manifest.uploads.length > 0 ? ['uploads'] : []),
    ]);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
};

const readManifest = (dir: string): BackupManifest => {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) {
    throw new BackupError('El archivo no es un respaldo de este sistema: no tiene manifest.json.');
  }
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== FORMAT_VERSION) {
    throw new BackupError('El archivo no es un respaldo de este sistema (formato desconocido).');
  }
  return manifest;
};

/** The rows of `table` in the backup, in chunks, without holding the whole table in memory. */
async function* readRows(dir: string, table: string): AsyncGenerator<Record<string, unknown>[]> {
  const file = path.join(dir, 'tablas', `${table}.jsonl`);
  if (!fs.existsSync(file)) return;
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8') });
  let chunk: Record<string, unknown>[] = [];
  for await (const line of lines) {
    if (!line.trim()) continue;
    chunk.push(JSON.parse(line) as Record<string, unknown>);
    if (chunk.length === INSERT_CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

interface ForeignKey {
  child: string;
  parent: string;
  column: string;
}

const foreignKeys = async (strapi: Core.Strapi, trx: Knex.Transaction): Promise<ForeignKey[]> => {
  const result = (await trx.raw(
    `SELECT cl.relname AS child, pcl.relname AS parent, a.attname AS "column"
       FROM pg_constraint c
       JOIN pg_class cl ON cl.oid = c.conrelid
       JOIN pg_class pcl ON pcl.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
       JOIN LATERAL unnest(c.conkey) AS k(attnum) ON true
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'f' AND n.nspname = ?`,
    [schemaOf(strapi)]
  )) as { rows: ForeignKey[] };
  return result.rows;
};

/** Parents before children; what a cycle leaves is appended in name order. */
const insertionOrder = (tables: string[], keys: ForeignKey[]) => {
  const pending = new Set(tables);
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter((table) =>
      keys.every((key) => key.child !== table || key.parent === table || !pending.has(key.parent))
    );
    const next = ready.length > 0 ? ready : [[...pending].sort()[0]];
    for (const table of next.sort()) {
      order.push(table);
      pending.delete(table);
    }
  }
  return order;
};

const FOLIO = /^DCSGD\/(\d{4,})\/(\d{4})$/;
const ANSWER = /^Oficio de respuesta (.+)-R(\d+)$/;

/**
 * Counters follow the data: the folio counter of each year is at least the highest folio of that
 * year, and each oficio's answer counter at least its highest answer number, so the next one
 * issued after a restore never repeats one.
 */
const rederiveCounters = async (strapi: Core.Strapi, trx: Knex.Transaction) => {
  const oficios = strapi.db.metadata.get(OFICIO_UID).tableName;
  const folios: Record<string, number> = {};
  const documentOf = new Map<string, string>();
  const rows = (await tableRef(strapi, trx, oficios).select('folio', 'document_id')) as {
    folio: string | null;
    document_id: string;
  }[];
  for (const row of rows) {
    const match = FOLIO.exec(row.folio ?? '');
    if (!match) continue;
    documentOf.set(String(row.folio), row.document_id);
    folios[match[2]] = Math.max(folios[match[2]] ?? 0, Number(match[1]));
  }
  for (const [year, last] of Object.entries(folios)) {
    const current = (await tableRef(strapi, trx, 'folio_counters')
      .where({ year: Number(year) })
      .first('last')) as { last: number } | undefined;
    if (!current)
      await tableRef(strapi, trx, 'folio_counters').insert({ year: Number(year), last });
    else if (Number(current.last) < last) {
      await tableRef(strapi, trx, 'folio_counters')
        .where({ year: Number(year) })
        .update({ last });
    }
  }

  const answers = new Map<string, number>();
  const files = (await tableRef(strapi, trx, 'files')
    .select('caption')
    .where('caption', 'like', 'Oficio de respuesta %')) as { caption: string }[];
  for (const file of files) {
    const match = ANSWER.exec(file.caption);
    const documentId = match ? documentOf.get(match[1]) : undefined;
    if (!match || !documentId) continue;
    answers.set(documentId, Math.max(answers.get(documentId) ?? 0, Number(match[2])));
  }
  for (const [documentId, last] of answers) {
    const current = (await tableRef(strapi, trx, 'site_answer_counters')
      .where({ oficio_document_id: documentId })
      .first('last')) as { last: number } | undefined;
    if (!current) {
      await tableRef(strapi, trx, 'site_answer_counters').insert({
        oficio_document_id: documentId,
        last,
      });
    } else if (Number(current.last) < last) {
      await tableRef(strapi, trx, 'site_answer_counters')
        .where({ oficio_document_id: documentId })
        .update({ last });
    }
  }
  return { folioCounters: folios, answerCounters: answers.size };
};

/**
 * Replaces the database and uploads of this instance with the backup in `file`. Refuses a
 * backup of another kind of database or another version of the system, and a target that already
 * holds oficios unless `replace` is set.
 */
export const restoreBackup = async (
  strapi: Core.Strapi,
  file: string,
  { replace = false }: { replace?: boolean } = {}
): Promise<RestoreReport> => {
  if (!fs.existsSync(file)) throw new BackupError(`No existe el archivo ${file}.`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'restauracion-'));
  try {
    await tar.extract({ file, cwd: work, strict: true });
    const manifest = readManifest(work);
    const dialect = dialectOf(strapi);
    if (manifest.dialect !== dialect) {
      throw new BackupError(
        `El respaldo es de una base ${manifest.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} y esta instancia usa ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}: se restaura en una base del mismo tipo.`
      );
    }
    if (manifest.appVersion !== appVersion(strapi)) {
      throw new BackupError(
        `El respaldo es de la versión ${manifest.appVersion} del sistema y esta es la ${appVersion(strapi)}: restáuralo con la misma versión.`
      );
    }
    const knex = strapi.db.connection;
    const migrations = await migrationNames(strapi, knex);
    if (JSON.stringify(migrations) !== JSON.stringify(manifest.migrations)) {
      throw new BackupError(
        'El esquema de la base no es el del respaldo (sus migraciones difieren): restáuralo con la misma versión del sistema.'
      );
    }
    const oficios = strapi.db.metadata.get(OFICIO_UID).tableName;
    const existing = await tableRef(strapi, knex, oficios).count({ n: '*' });
    if (!replace && Number(existing[0].n) > 0) {
      throw new BackupError(
        'La base de destino ya tiene oficios. Para reemplazarla por el respaldo usa --reemplazar.'
      );
    }

    const targetTables = await tablesOf(strapi, knex);
    const missing = Object.keys(manifest.tables).filter((table) => !targetTables.includes(table));
    if (missing.length > 0) {
      throw new BackupError(
        `La base de destino no tiene las tablas ${missing.join(', ')} del respaldo: restáuralo con la misma versión del sistema.`
      );
    }

    if (dialect === 'sqlite') await knex.raw('PRAGMA foreign_keys = OFF');
    let report: RestoreReport;
    try {
      report = await knex.transaction(async (trx) => {
        const keys = dialect === 'postgres' ? await foreignKeys(strapi, trx) : [];
        if (dialect === 'postgres') {
          const list = targetTables
            .map((table) => `"${schemaOf(strapi)}"."${table.replace(/"/g, '""')}"`)
            .join(', ');
          await trx.raw(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
        } else {
          for (const table of targetTables) await trx(table).delete();
        }
        const order = insertionOrder(targetTables, keys);
        const placed = new Set<string>();
        const deferred: { table: string; column: string; rows: Record<string, unknown>[] }[] = [];
        const tables: Record<string, number> = {};
        for (const table of order) {
          const columns = new Map(
            (await columnsOf(strapi, trx, table)).map((column) => [column.name, column])
          );
          // References to a table not written yet (itself, or a cycle) are set once all rows are in.
          const later = keys
            .filter(
              (key) => key.child === table && (key.parent === table || !placed.has(key.parent))
            )
            .map((key) => key.column);
          let count = 0;
          for await (const rows of readRows(work, table)) {
            const unknown = Object.keys(rows[0]).filter((k) => !columns.has(k));
            if (unknown.length > 0) {
              throw new BackupError(
                `La tabla ${table} del respaldo tiene columnas que esta versión no tiene (${unknown.join(', ')}).`
              );
            }
            for (const column of later) {
              const pending = rows.filter(
                (row) => row[column] !== null && row[column] !== undefined
              );
              if (pending.length > 0) {
                deferred.push({
                  table,
                  column,
                  rows: pending.map((row) => ({ id: row.id, [column]: row[column] })),
                });
              }
            }
            await tableRef(strapi, trx, table).insert(
              rows.map((row) => {
                const values = decode(row, columns);
                for (const column of later) values[column] = null;
                return values;
              })
            );
            count += rows.length;
          }
          placed.add(table);
          tables[table] = count;
        }
        for (const { table, column, rows } of deferred) {
          for (const row of rows) {
            await tableRef(strapi, trx, table)
              .where({ id: row.id })
              .update({ [column]: row[column] });
          }
        }
        if (dialect === 'postgres') {
          for (const table of targetTables) {
            const columns = await columnsOf(strapi, trx, table);
            if (!columns.some((column) => column.name === 'id')) continue;
            const ref = `"${schemaOf(strapi)}"."${table.replace(/"/g, '""')}"`;
            const sequence = (await trx.raw(`SELECT pg_get_serial_sequence(?, 'id') AS name`, [
              ref,
            ])) as { rows: { name: string | null }[] };
            const name = sequence.rows[0]?.name;
            if (!name) continue;
            await trx.raw(
              `SELECT setval(?, COALESCE((SELECT MAX(id) FROM ${ref}), 1), (SELECT COUNT(*) > 0 FROM ${ref}))`,
              [name]
            );
          }
        }
        if (dialect === 'sqlite') {
          const broken = (await trx.raw('PRAGMA foreign_key_check')) as unknown[];
          if (broken.length > 0) {
            throw new BackupError(
              `El respaldo tiene ${countOf(broken.length, NOUNS.referencia, ['roto', 'rota'])} ` +
                'entre tablas: no se restauró.'
            );
          }
        }
        const counters = await rederiveCounters(strapi, trx);
        for (const [table, count] of Object.entries(manifest.tables)) {
          if (tables[table] !== count) {
            throw new BackupError(
              `La tabla ${table} tiene ${countOf(tables[table] ?? 0, NOUNS.fila)} y el respaldo dice ` +
                `${count}: el archivo está incompleto.`
            );
          }
        }
        return { tables, uploads: 0, ...counters };
      });
    } finally {
      if (dialect === 'sqlite') await knex.raw('PRAGMA foreign_keys = ON');
    }
    for (const name of manifest.uploads) {
      const source = path.join(work, 'uploads', name);
      const target = path.join(uploadsRoot(strapi), name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(source, target);
    }
    report.uploads = manifest.uploads.length;
    // Instances still running on this database drop what they keep of the data it replaced.
    for (const topic of CLUSTER_TOPICS) await clusterEvents(strapi).publish(topic);
    return report;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
};
