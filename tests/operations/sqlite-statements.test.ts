import { bootApp, type TestApp } from '../harness/app';
import { testDatabaseClient } from '../harness/database';

const sqliteOnly = testDatabaseClient() === 'sqlite' ? describe : describe.skip;

/** SQLite keeps each compiled statement per connection (src/utils/sqlite-statements.ts). */
sqliteOnly('sentencias de SQLite reutilizadas', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const knex = () => app.strapi.db.connection;
  /**
   * The message a query fails with, or null. better-sqlite3 builds its errors with the class of the
   * first test file that loaded it in this worker, from another realm: compared by message.
   */
  const failureOf = (query: PromiseLike<unknown>) =>
    Promise.resolve(query).then(
      () => null,
      (error: unknown) => String((error as { message?: unknown })?.message ?? error)
    );

  it('la misma consulta con otros valores da sus propios resultados, y las escrituras sus cambios', async () => {
    await knex().schema.createTable('tmp_sentencias', (table) => {
      table.increments('id');
      table.string('name');
    });
    const [first] = await knex()('tmp_sentencias').insert({ name: 'uno' });
    const [second] = await knex()('tmp_sentencias').insert({ name: 'dos' });
    expect(second).toBe(first + 1);
    const byName = (name: string) => knex()('tmp_sentencias').where({ name }).select('id');
    expect(await byName('uno')).toEqual([{ id: first }]);
    expect(await byName('dos')).toEqual([{ id: second }]);
    const changed = await knex()('tmp_sentencias').where('id', '>=', first).update({ name: 'x' });
    expect(changed).toBe(2);
  });

  it('una sentencia guardada ve el esquema nuevo después de un cambio de tabla', async () => {
    const all = () => knex()('tmp_sentencias').select('*').orderBy('id');
    expect(Object.keys((await all())[0]).sort()).toEqual(['id', 'name']);
    await knex().schema.alterTable('tmp_sentencias', (table) => table.string('extra'));
    expect(Object.keys((await all())[0]).sort()).toEqual(['extra', 'id', 'name']);
    await knex().schema.dropTable('tmp_sentencias');
    expect(await failureOf(all())).toMatch(/no such table/);
  });

  it('una sentencia con error no queda guardada a medias', async () => {
    const missing = () => knex().raw('SELECT * FROM tabla_que_no_existe');
    expect(await failureOf(missing())).toMatch(/no such table/);
    expect(await failureOf(missing())).toMatch(/no such table/);
    expect(await knex().raw('SELECT 1 AS uno')).toEqual([{ uno: 1 }]);
  });
});
