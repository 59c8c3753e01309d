import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureEnv, parseEnvFile, SECRETS } = require('../ensure-env');

const SECRET_NAMES = Object.keys(SECRETS);

describe('ensure-env', () => {
  let dir: string;
  const silent = () => undefined;
  const read = () => parseEnvFile(fs.readFileSync(path.join(dir, '.env'), 'utf8'));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-env-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('crea .env con secretos aleatorios y la carpeta de SQLite en un clon nuevo', () => {
    const result = ensureEnv({ appDir: dir, env: {}, log: silent });

    expect(result.created).toBe(true);
    const values = read();
    for (const name of SECRET_NAMES) expect(values[name]).toMatch(/\S{20,}/);
    expect(values.APP_KEYS.split(',')).toHaveLength(4);
    expect(values.DATABASE_FILENAME).toBe('.tmp/data.db');
    expect(fs.existsSync(path.join(dir, '.tmp'))).toBe(true);
  });

  it('genera secretos distintos en cada clon', () => {
    ensureEnv({ appDir: dir, env: {}, log: silent });
    const first = read();
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-env-'));
    ensureEnv({ appDir: other, env: {}, log: silent });
    const second = parseEnvFile(fs.readFileSync(path.join(other, '.env'), 'utf8'));
    fs.rmSync(other, { recursive: true, force: true });
    expect(second.JWT_SECRET).not.toBe(first.JWT_SECRET);
  });

  it('no toca un .env existente y completo en el segundo arranque', () => {
    ensureEnv({ appDir: dir, env: {}, log: silent });
    const before = fs.readFileSync(path.join(dir, '.env'), 'utf8');

    const result = ensureEnv({ appDir: dir, env: {}, log: silent });

    expect(result).toMatchObject({ created: false, added: [] });
    expect(fs.readFileSync(path.join(dir, '.env'), 'utf8')).toBe(before);
  });

  it('añade solo los secretos que faltan, sin cambiar lo que ya había', () => {
    fs.writeFileSync(path.join(dir, '.env'), 'JWT_SECRET=mio\nPORT=4000');

    const result = ensureEnv({ appDir: dir, env: {}, log: silent });

    expect(result.added).not.toContain('JWT_SECRET');
    expect(result.added).toContain('ADMIN_JWT_SECRET');
    const values = read();
    expect(values.JWT_SECRET).toBe('mio');
    expect(values.PORT).toBe('4000');
    expect(values.ADMIN_JWT_SECRET).toBeTruthy();
  });

  it('respeta los secretos que ya vienen del entorno', () => {
    const env = Object.fromEntries(SECRET_NAMES.map((name) => [name, `de-entorno-${name}`]));
    ensureEnv({ appDir: dir, env, log: silent });
    const values = read();
    for (const name of SECRET_NAMES) expect(values[name]).toBeUndefined();
  });

  it('en producción no inventa secretos: se detiene con un mensaje claro', () => {
    expect(() => ensureEnv({ appDir: dir, env: { NODE_ENV: 'production' }, log: silent })).toThrow(
      /Faltan secretos para producción: APP_KEYS, .*JWT_SECRET/
    );
    expect(fs.existsSync(path.join(dir, '.env'))).toBe(false);
  });

  it('en producción arranca cuando el entorno trae todos los secretos', () => {
    const env = Object.fromEntries(SECRET_NAMES.map((name) => [name, 'x']));
    expect(
      ensureEnv({ appDir: dir, env: { ...env, NODE_ENV: 'production' }, log: silent })
    ).toMatchObject({ created: false, added: [] });
  });
});
