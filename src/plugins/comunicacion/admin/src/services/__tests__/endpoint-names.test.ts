import fs from 'node:fs';
import path from 'node:path';

/**
 * Every plugin of the admin injects its endpoints into the one `adminApi`. RTK Query keeps the
 * first definition of a name and ignores a later one (only a development warning), so an endpoint
 * named like one of Strapi's silently fetches Strapi's URL instead of ours.
 */
const ENDPOINT = /^\s+([A-Za-z]\w*): (?:build|builder)\.(?:query|mutation)\b/gm;

const endpointNames = (source: string) => [...source.matchAll(ENDPOINT)].map((match) => match[1]);

const filesUnder = (dir: string, extension: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' ? [] : filesUnder(full, extension);
    return entry.name.endsWith(extension) ? [full] : [];
  });

const SERVICES = path.resolve(__dirname, '..');
const STRAPI = path.resolve(__dirname, '../../../../../../../node_modules/@strapi');

const ours = fs
  .readdirSync(SERVICES)
  .filter((file) => file.endsWith('.ts'))
  .flatMap((file) =>
    endpointNames(fs.readFileSync(path.join(SERVICES, file), 'utf8')).map((name) => ({
      file,
      name,
    }))
  );

const strapis = new Set(
  fs
    .readdirSync(STRAPI)
    .map((pkg) => path.join(STRAPI, pkg, 'dist', 'admin'))
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => filesUnder(dir, '.mjs'))
    .flatMap((file) => endpointNames(fs.readFileSync(file, 'utf8')))
);

describe('capa de datos del panel: nombres de endpoints', () => {
  it('lee los endpoints del complemento y los del propio Strapi', () => {
    expect(ours.map(({ name }) => name)).toEqual(
      expect.arrayContaining(['fireTransition', 'getOfficeSettings', 'listNotifications'])
    );
    // i18n's settings endpoint is the one the Configuración page once used by mistake.
    expect(strapis.has('getSettings')).toBe(true);
  });

  it('ningún endpoint del complemento se llama como uno de Strapi', () => {
    expect(ours.filter(({ name }) => strapis.has(name))).toEqual([]);
  });

  it('cada nombre se define una sola vez en el complemento', () => {
    const seen = new Map<string, string>();
    const repeated = ours.filter(({ file, name }) => {
      const first = seen.get(name);
      seen.set(name, first ?? file);
      return first !== undefined;
    });
    expect(repeated).toEqual([]);
  });
});
