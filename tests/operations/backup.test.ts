import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { UID } from '@strapi/strapi';
import { bootApp, type TestApp } from '../harness/app';
import { TEST_PASSWORD, loginAsAdmin } from '../harness/auth';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { runAs } from '../harness/runtime';
import { LOG_UID, actorFor, completeData, createOficio } from '../harness/workflow-fixtures';
import { getService } from '../../src/utils/get-service';
import { STATUS_FIELD, WORKFLOW_UIDS } from '../../src/domain/workflows';

/*
 * `npm run backup` on a populated instance, `npm run restore` into a fresh database: every table
 * comes back with its rows, admin users can log in, the files are served, the next folio follows
 * the highest one (even if the counter was behind), and a pending mail is delivered once.
 */

const APP_ROOT = path.resolve(__dirname, '..', '..');
const DESIGN = WORKFLOW_UIDS.design as UID.ContentType;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  result: Record<string, unknown> | null;
}

/** The real command (`scripts/respaldo.js`), on the database `env` points at. */
const respaldo = (command: string[], env: Record<string, string>) =>
  new Promise<Run>((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(APP_ROOT, 'scripts', 'respaldo.js'), ...command, '--json'],
      {
        env: { ...process.env, ...env, RESPALDO_SIN_COMPILAR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      resolve({
        code,
        stdout,
        stderr,
        result: line ? (JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>) : null,
      });
    });
  });

const sequenceOf = (folio: string) => Number(folio.split('/')[1]);

describe('respaldo y restauración (npm run backup / npm run restore)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'prueba-respaldo-'));
  const file = path.join(work, 'respaldo.tar.gz');
  let source: TestApp | undefined;
  let target: TestApp | undefined;
  let targetDb: TestDatabase | undefined;

  afterAll(async () => {
    await source?.close();
    await target?.close();
    if (!target) await targetDb?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('lleva todo a una base nueva y el sistema sigue registrando, numerando y enviando', async () => {
    // A populated instance: oficios with designs, a transition, an admin, a file, a pending mail.
    source = await bootApp();
    const app = source;
    const staffEmail = `respaldo.${Date.now()}@pruebas.calimaya.local`;
    await loginAsAdmin(app, 'Coordinador(a) de Comunicación Social', { email: staffEmail });
    const folios: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const oficio = await createOficio(app, { subject: `Solicitud respaldada ${i}` });
      folios.push(String((oficio as { folio: string }).folio));
      const design = await app.strapi.documents(DESIGN).create({
        data: { ...completeData('design', 0), oficio: oficio.documentId } as never,
      });
      if (i === 0) {
        await runAs(actorFor('director'), () =>
          app.strapi.documents(DESIGN).update({
            documentId: design.documentId,
            data: { [STATUS_FIELD]: 'en_diseno' } as never,
          })
        );
      }
    }
    const pdf = path.join(work, 'propuesta.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n% propuesta de prueba\n');
    const [uploaded] = (await app.strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name: 'propuesta.pdf' } },
        files: {
          filepath: pdf,
          originalFilename: 'propuesta.pdf',
          mimetype: 'application/pdf',
          size: fs.statSync(pdf).size,
        },
      })) as { url: string }[];
    await getService('outbox', app.strapi).enqueue({
      to: 'cultura@calimaya.test',
      subject: 'Correo que espera en la bandeja',
      text: 'Pendiente al hacer el respaldo.',
    });
    // As if the folio counter had been lost: the restore sets it from the folios issued.
    const year = Number(folios[0].split('/')[2]);
    await app.strapi.db.connection('folio_counters').where({ year }).update({ last: 0 });
    const logs = await app.strapi.db.query(LOG_UID).count({});

    const backup = await respaldo(['backup', file], app.db.env);
    expect(backup.stderr).not.toMatch(/Error/);
    expect(backup.code).toBe(0);
    const manifest = backup.result as { tables: Record<string, number>; uploads: string[] };
    // Every uploaded file: the proposal and the logo catalogue's placeholders.
    const files = manifest.tables.files;
    expect(files).toBeGreaterThanOrEqual(2);
    expect(backup.stdout).toMatch(
      new RegExp(
        `Respaldo escrito en .*respaldo\\.tar\\.gz: \\d+ tablas, \\d+ filas, ${files} archivos\\.`
      )
    );
    // Every table, as it stood.
    for (const [table, count] of Object.entries(manifest.tables)) {
      const [{ n }] = await app.strapi.db.connection(table).count({ n: '*' });
      expect([table, Number(n)]).toEqual([table, count]);
    }
    expect(manifest.tables.admin_users).toBeGreaterThanOrEqual(1);
    expect(manifest.tables.notification_outbox).toBe(1);
    expect(manifest.uploads).toHaveLength(files);
    expect(manifest.uploads).toContain(uploaded.url.replace('/uploads/', ''));
    await source.close();
    source = undefined;
    fs.rmSync(path.join(APP_ROOT, 'public', uploaded.url), { force: true });

    // A fresh database: the restore command creates the schema and loads the backup.
    targetDb = await createTestDatabase();
    const restore = await respaldo(['restore', file], targetDb.env);
    expect(restore.stderr).not.toMatch(/Error/);
    expect(restore.code).toBe(0);
    const report = restore.result as { tables: Record<string, number>; uploads: number };
    expect(report.tables).toEqual(manifest.tables);
    expect(report.uploads).toBe(files);

    // Restoring over a database that already holds oficios needs --reemplazar.
    const again = await respaldo(['restore', file], targetDb.env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/ya tiene oficios.*--reemplazar/);

    target = await bootApp({ db: targetDb });
    const restored = target;
    expect(await restored.strapi.db.query(LOG_UID).count({})).toBe(logs);
    // Staff log in with the password they had.
    const login = await restored
      .http()
      .post('/admin/login')
      .send({ email: staffEmail, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    // The file is served again.
    expect((await restored.http().get(uploaded.url)).status).toBe(200);
    // Filing goes on after the highest folio issued.
    const next = await createOficio(restored, { subject: 'Primera solicitud tras restaurar' });
    expect(sequenceOf(String((next as { folio: string }).folio))).toBe(
      Math.max(...folios.map(sequenceOf)) + 1
    );
    // The pending mail goes out once.
    const outbox = getService('outbox', restored.strapi);
    expect((await outbox.deliverDue()).sent).toBeGreaterThanOrEqual(1);
    expect((await outbox.deliverDue()).sent).toBe(0);
    const [mail] = await restored.strapi.db
      .connection('notification_outbox')
      .where({ subject: 'Correo que espera en la bandeja' });
    expect(mail).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
