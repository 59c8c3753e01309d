import type { Knex } from 'knex';
import { bootApp, type TestApp } from '../harness/app';
import { publishedItem } from './site-fixtures';

const MIGRATION = '2026.11.24T05.00.00.public-site-indexes.js';
const EXPECTED = [
  'cs_site_transparency_article_idx',
  'cs_site_transparency_ejercicio_idx',
  'cs_site_transparency_fraccion_idx',
  'cs_site_transparency_published_idx',
  'cs_site_web_publications_news_idx',
  'cs_site_web_publications_published_idx',
  'cs_site_web_publications_section_idx',
  'cs_site_web_publications_slug_idx',
];

const siteIndexes = async (app: TestApp): Promise<string[]> => {
  const knex = app.strapi.db.connection as unknown as Knex;
  const rows =
    app.db.client === 'postgres'
      ? (
          (await knex.raw(
            "SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'cs\\_site\\_%'"
          )) as { rows: { name: string }[] }
        ).rows
      : ((await knex.raw(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'cs\\_site\\_%' ESCAPE '\\'"
        )) as { name: string }[]);
  // Other features name theirs `cs_site_…` too (the webhook log): keep to the public API's.
  return rows
    .map((row) => row.name)
    .filter((name) => EXPECTED.includes(name))
    .sort();
};

describe('índices de la API pública', () => {
  let app: TestApp | undefined;
  afterAll(async () => {
    await app?.close();
  });

  it('existen desde el primer arranque y vuelven en una base existente que no los tenía', async () => {
    // Fresh database: the tables appear only in the schema sync, after the migrations ran.
    app = await bootApp();
    expect(await siteIndexes(app)).toEqual(EXPECTED);
    const knex = app.strapi.db.connection as unknown as Knex;
    expect((await knex('strapi_migrations').select('name')).map((row) => row.name)).toContain(
      MIGRATION
    );

    if (app.db.client === 'sqlite') {
      // The section listing reads its page in index order instead of sorting the table.
      await publishedItem(app, 'web-publication', { title: 'Plan de obra', section: 'Obras' });
      const sql: { sql: string; bindings: unknown[] }[] = [];
      const onQuery = (query: { sql: string; bindings: unknown[] }) => sql.push(query);
      knex.on('query', onQuery);
      await app.http().get('/api/site/publications?section=Obras&pageSize=25').expect(200);
      knex.off('query', onQuery);
      const page = sql.find(
        (q) =>
          /from [`"]web_publications[`"]/i.test(q.sql) &&
          /[`"]section[`"] = \?/.test(q.sql) &&
          /order by/i.test(q.sql)
      )!;
      const plan = (await knex.raw(`EXPLAIN QUERY PLAN ${page.sql}`, page.bindings as never)) as {
        detail: string;
      }[];
      const details = plan.map((row) => row.detail).join('\n');
      expect(details).toMatch(/cs_site_web_publications_section_idx/);
      expect(details).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }

    // An existing database where the migration has not run yet: it creates them at once.
    for (const name of EXPECTED) await knex.raw('DROP INDEX IF EXISTS ??', [name]);
    await knex('strapi_migrations').where({ name: MIGRATION }).del();
    expect(await siteIndexes(app)).toEqual([]);
    const db = app.db;
    await app.close({ keepDatabase: true });
    app = await bootApp({ db });
    expect(await siteIndexes(app)).toEqual(EXPECTED);
  });
});
