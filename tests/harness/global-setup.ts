import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compileStrapi } from '@strapi/strapi';
import { TEST_SECRETS, testEnv } from './env';
import { TEMPLATE_ENV, createTemplateDatabase } from './database';

const APP_ROOT = path.resolve(__dirname, '..', '..');
const BUILD_DIR = path.join(APP_ROOT, 'dist', 'build');
const HASH_FILE = path.join(BUILD_DIR, '.source-hash');

/** Files the admin bundle is built from: a change in any of them means a new build. */
const adminSources = (): string[] => {
  const roots = [path.join(APP_ROOT, 'src', 'admin'), path.join(APP_ROOT, 'src', 'plugins')];
  const files: string[] = [path.join(APP_ROOT, 'package-lock.json')];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      } else if (full.includes(`${path.sep}admin${path.sep}`) || full.endsWith('strapi-admin.ts')) {
        files.push(full);
      }
    }
  };
  roots.forEach(walk);
  return files.filter((file) => fs.existsSync(file)).sort();
};

const sourceHash = () => {
  const hash = crypto.createHash('sha256');
  for (const file of adminSources()) {
    hash.update(path.relative(APP_ROOT, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
};

/**
 * Once per run: builds the admin panel when its sources changed (the suite checks that /admin
 * loads and drives it in a browser) and compiles the TypeScript server code, so each test file's
 * own compileStrapi() finds it up to date.
 */
export default async function globalSetup() {
  // A lock left by an interrupted run; no worker is running yet.
  fs.rmSync(path.join(APP_ROOT, '.tmp', 'compile.lock'), { recursive: true, force: true });
  const hash = sourceHash();
  const upToDate =
    fs.existsSync(path.join(BUILD_DIR, 'index.html')) &&
    fs.existsSync(HASH_FILE) &&
    fs.readFileSync(HASH_FILE, 'utf8') === hash;

  // For a quick run of server-only test files while admin sources are being edited.
  if (!upToDate && process.env.TESTS_SKIP_ADMIN_BUILD !== '1') {
    process.stdout.write('\n[tests] Construyendo el panel de administración (strapi build)…\n');
    const result = spawnSync(path.join(APP_ROOT, 'node_modules', '.bin', 'strapi'), ['build'], {
      cwd: APP_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        ...TEST_SECRETS,
        NODE_ENV: 'production',
        ENV_PATH: path.join(APP_ROOT, 'tests', 'harness', 'does-not-exist.env'),
        STRAPI_TELEMETRY_DISABLED: 'true',
      },
    });
    if (result.status !== 0) {
      throw new Error(`strapi build terminó con código ${result.status}`);
    }
    fs.writeFileSync(HASH_FILE, hash);
  }

  await compileStrapi();
  // Every compile rewrites every file of dist/: a worker (or a command a test runs) requiring one
  // at that moment would read it half-written. Compiled once here, the workers only read it.
  process.env.TESTS_DIST_COMPILED = '1';

  if (!process.env[TEMPLATE_ENV]) await buildTemplate();
}

/**
 * Boots the compiled application once, in its own process, on an empty database: the schema and
 * the seeds every instance starts from. Test files copy it (see `copyOfTemplate`).
 */
const buildTemplate = async () => {
  const { database, reference } = await createTemplateDatabase();
  const env = Object.fromEntries(
    Object.entries({
      ...process.env,
      ...testEnv(database.env),
      ENV_PATH: path.join(APP_ROOT, 'tests', 'harness', 'does-not-exist.env'),
    }).filter((entry): entry is [string, string] => entry[1] !== undefined)
  );
  const result = spawnSync(
    process.execPath,
    [path.join(__dirname, 'second-instance.js'), JSON.stringify({ action: 'template' })],
    { cwd: APP_ROOT, env, encoding: 'utf8' }
  );
  if (result.status !== 0 || !/^RESULT "ready"$/m.test(result.stdout ?? '')) {
    await database.drop();
    throw new Error(
      `No se pudo preparar la base de plantilla de las pruebas: ${(result.stderr ?? '').slice(-3000)}`
    );
  }
  process.env[TEMPLATE_ENV] = reference;
};
