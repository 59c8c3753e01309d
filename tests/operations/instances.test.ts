import { bootApp, type TestApp } from '../harness/app';
import { createTestDatabase, testDatabaseClient } from '../harness/database';
import { startInstance } from '../harness/instance';
import { lftHolidays } from '../../src/domain/calendar';

/*
 * What must hold when several instances share one database: the calendar's LFT days of a year
 * are written once, and instances starting together on an empty database all come up.
 */

const HOLIDAY = 'api::holiday.holiday';

/** tests/harness/second-instance.js with `command`; `env` points it at another database. */
const instance = (command: Record<string, unknown>, env: Record<string, string> = {}) =>
  startInstance('second-instance.js', command, env);

/** Each LFT date of `year` once, and `year` once in the list of generated years. */
const expectYearWrittenOnce = async (app: TestApp, year: number) => {
  const rows = (await app.strapi.db.query(HOLIDAY).findMany({
    select: ['date'],
    where: {
      source: 'ley_federal_trabajo',
      date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` },
    },
  })) as { date: string }[];
  expect(rows.map((row) => row.date).sort()).toEqual(
    lftHolidays(year)
      .map((day) => day.date)
      .sort()
  );
};

const generatedYears = async (app: TestApp) =>
  ((await app.strapi.store({ type: 'api', name: 'business-calendar', key: 'lft-years' }).get({})) ??
    []) as number[];

describe('calendario: los días de la Ley Federal del Trabajo de un año se escriben una vez', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('diez consultas a la vez de un año aún no generado', async () => {
    const years = [2061, 2062, 2063];
    const answers = await Promise.all(
      years.flatMap((year) =>
        Array.from({ length: 10 }, () =>
          app.http().get(`/api/business-calendar/holidays?year=${year}`)
        )
      )
    );
    answers.forEach((answer) => expect(answer.status).toBe(200));
    for (const year of years) await expectYearWrittenOnce(app, year);
    const generated = await generatedYears(app);
    expect(generated.filter((year) => years.includes(year))).toEqual(years);
    expect(new Set(generated).size).toBe(generated.length);
  });
});

const postgresOnly = testDatabaseClient() === 'postgres' ? describe : describe.skip;

postgresOnly('varias instancias sobre la misma base PostgreSQL', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('dos instancias generan a la vez los mismos años: cada fecha una vez y la lista exacta', async () => {
    const years = Array.from({ length: 10 }, (_, i) => 2071 + i);
    const other = instance({ action: 'ensure-years', years, go: true });
    await other.ready();
    other.go();
    const here = await Promise.all(
      years.map((year) => app.http().get(`/api/business-calendar/holidays?year=${year}`))
    );
    await other.result();
    here.forEach((answer) => expect(answer.status).toBe(200));
    for (const year of years) await expectYearWrittenOnce(app, year);
    const generated = await generatedYears(app);
    expect(generated.filter((year) => years.includes(year))).toEqual(years);
    expect(new Set(generated).size).toBe(generated.length);
  });

  it('dos instancias arrancan a la vez sobre una base vacía y las dos quedan en marcha', async () => {
    const empty = await createTestDatabase('postgres');
    try {
      const first = instance({ action: 'boot' }, empty.env);
      const second = instance({ action: 'boot' }, empty.env);
      const [rolesA, rolesB] = await Promise.all([
        first.result<string[]>(),
        second.result<string[]>(),
      ]);
      // Each saw the same seeding, done once: no role twice.
      expect(rolesA.sort()).toEqual(rolesB.sort());
      expect(new Set(rolesA).size).toBe(rolesA.length);
      expect(rolesA).toEqual(expect.arrayContaining(['strapi-super-admin', 'cs-director']));
    } finally {
      await empty.drop();
    }
  });
});
