import { bootApp, type TestApp } from './harness/app';
import { loginAsAdmin, type Session } from './harness/auth';

const HOLIDAY = 'api::holiday.holiday';
const CM_HOLIDAYS = `/content-manager/collection-types/${HOLIDAY}`;
const CM_SETTINGS = '/content-manager/single-types/api::setting.setting';

describe('calendario de días hábiles: API pública', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (path: string) => app.http().get(path);

  describe('GET /api/business-calendar/holidays', () => {
    it('lista sin cuenta los días de la Ley Federal del Trabajo del año, en orden', async () => {
      const res = await get('/api/business-calendar/holidays?year=2026').expect(200);
      const dates = res.body.data.map((d: { date: string }) => d.date);
      expect(dates).toEqual(
        expect.arrayContaining([
          '2026-01-01',
          '2026-02-02',
          '2026-03-16',
          '2026-05-01',
          '2026-09-16',
          '2026-11-16',
          '2026-12-25',
        ])
      );
      expect([...dates].sort()).toEqual(dates);
      expect(res.body.data).toContainEqual({
        date: '2026-11-16',
        name: 'Día de la Revolución Mexicana',
        source: 'ley_federal_trabajo',
      });
    });

    it('escribe los días de la LFT de cualquier año que se consulte, con el cambio de sexenio', async () => {
      const res = await get('/api/business-calendar/holidays?year=2030').expect(200);
      const dates = res.body.data.map((d: { date: string }) => d.date);
      expect(dates).toEqual(
        expect.arrayContaining(['2030-02-04', '2030-03-18', '2030-10-01', '2030-11-18'])
      );
      const stored = await app.strapi.db.query(HOLIDAY).count({
        where: {
          source: 'ley_federal_trabajo',
          date: { $gte: '2030-01-01', $lte: '2030-12-31' },
        },
      });
      expect(stored).toBe(8);

      // Asking again writes nothing more.
      await get('/api/business-calendar/holidays?year=2030').expect(200);
      expect(
        await app.strapi.db.query(HOLIDAY).count({
          where: {
            source: 'ley_federal_trabajo',
            date: { $gte: '2030-01-01', $lte: '2030-12-31' },
          },
        })
      ).toBe(8);
    });

    it.each([
      ['1999', 'INVALID_YEAR'],
      ['2101', 'INVALID_YEAR'],
      ['20x6', 'INVALID_YEAR'],
      ['', 'INVALID_YEAR'],
    ])('rechaza year=%p con 400 y código %s', async (year, code) => {
      const res = await get(`/api/business-calendar/holidays?year=${year}`).expect(400);
      expect(res.body.error.details.code).toBe(code);
      expect(res.body.error.message).toMatch(/año|year/i);
    });
  });

  describe('GET /api/business-calendar/add', () => {
    it('cuenta desde el día de recepción: viernes 13/11/2026 10:00 + 3 → jueves 19/11/2026', async () => {
      const res = await get('/api/business-calendar/add?from=2026-11-13T10:00&days=3').expect(200);
      expect(res.body.data).toEqual({
        from: '2026-11-13T10:00',
        receptionDay: '2026-11-13',
        days: 3,
        date: '2026-11-19',
      });
    });

    it('lee una fecha y hora en hora de la Ciudad de México y aplica el corte de las 18:00', async () => {
      const late = await get('/api/business-calendar/add?from=2026-11-13T18:30&days=3').expect(200);
      expect(late.body.data).toMatchObject({ receptionDay: '2026-11-17', date: '2026-11-20' });

      // 16:00 UTC is 10:00 in Mexico City.
      const utc = await get(
        `/api/business-calendar/add?from=${encodeURIComponent('2026-11-13T16:00:00Z')}&days=3`
      ).expect(200);
      expect(utc.body.data).toMatchObject({ receptionDay: '2026-11-13', date: '2026-11-19' });

      // 00:30 UTC on the 14th is still 18:30 on Friday the 13th in Mexico City.
      const evening = await get(
        `/api/business-calendar/add?from=${encodeURIComponent('2026-11-14T00:30:00Z')}&days=0`
      ).expect(200);
      expect(evening.body.data).toMatchObject({ receptionDay: '2026-11-17', date: '2026-11-17' });
    });

    it('una fecha sin hora en día inhábil cuenta desde el siguiente día hábil', async () => {
      const res = await get('/api/business-calendar/add?from=2026-11-14&days=0').expect(200);
      expect(res.body.data).toMatchObject({ receptionDay: '2026-11-17', date: '2026-11-17' });
    });

    it('cruza el año y carga los días de la LFT del año siguiente', async () => {
      const res = await get('/api/business-calendar/add?from=2032-12-30&days=3').expect(200);
      // 2033-01-01 is a Saturday; 30 and 31 Dec are Thursday and Friday.
      expect(res.body.data).toMatchObject({ receptionDay: '2032-12-30', date: '2033-01-04' });
    });

    it.each([
      ['from=2026-02-30&days=3', 'INVALID_DATE'],
      ['from=mañana&days=3', 'INVALID_DATE'],
      ['from=2026-11-13T25:00&days=3', 'INVALID_DATE'],
      ['days=3', 'INVALID_DATE'],
      ['from=1999-06-01&days=3', 'INVALID_DATE'],
      ['from=2026-11-13&days=-1', 'INVALID_DAYS'],
      ['from=2026-11-13&days=1.5', 'INVALID_DAYS'],
      ['from=2026-11-13&days=366', 'INVALID_DAYS'],
      ['from=2026-11-13&days=tres', 'INVALID_DAYS'],
      ['from=2026-11-13', 'INVALID_DAYS'],
    ])('rechaza %s con 400 y código %s', async (query, code) => {
      const res = await get(`/api/business-calendar/add?${query}`).expect(400);
      expect(res.body.error.details.code).toBe(code);
      expect(res.body.error.message).toMatch(/[áéíóúñ]|fecha|días|parámetro/i);
    });
  });

  describe('GET /api/business-calendar/check', () => {
    it.each([
      ['2026-11-16', false, 'Día de la Revolución Mexicana'],
      ['2026-11-14', false, 'Sábado'],
      ['2026-11-15', false, 'Domingo'],
      ['2026-11-17', true, 'Día hábil'],
    ])('%s → hábil=%p (%s)', async (date, businessDay, reason) => {
      const res = await get(`/api/business-calendar/check?date=${date}`).expect(200);
      expect(res.body.data).toEqual({ date, businessDay, reason });
    });

    it.each(['2026-13-01', '2026-02-29', '13/11/2026', ''])('rechaza date=%p', async (date) => {
      const res = await get(`/api/business-calendar/check?date=${date}`).expect(400);
      expect(res.body.error.details.code).toBe('INVALID_DATE');
    });
  });
});

describe('calendario de días hábiles: edición por el personal', () => {
  let app: TestApp;
  let staff: Session;

  beforeAll(async () => {
    app = await bootApp();
    staff = await loginAsAdmin(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const add = (from: string, days: number) =>
    app.http().get(`/api/business-calendar/add?from=${encodeURIComponent(from)}&days=${days}`);

  it('un día inhábil agregado en el administrador de contenido mueve las fechas', async () => {
    expect((await add('2026-11-13T10:00', 3).expect(200)).body.data.date).toBe('2026-11-19');

    const created = await app
      .http()
      .post(CM_HOLIDAYS)
      .set(staff.auth)
      .send({ date: '2026-11-18', name: 'Aniversario municipal', source: 'municipal' })
      .expect(201);

    expect((await add('2026-11-13T10:00', 3).expect(200)).body.data.date).toBe('2026-11-20');
    const check = await app.http().get('/api/business-calendar/check?date=2026-11-18').expect(200);
    expect(check.body.data).toEqual({
      date: '2026-11-18',
      businessDay: false,
      reason: 'Aniversario municipal',
    });

    // Deleting it restores the original date.
    await app
      .http()
      .delete(`${CM_HOLIDAYS}/${created.body.data.documentId}`)
      .set(staff.auth)
      .expect(200);
    expect((await add('2026-11-13T10:00', 3).expect(200)).body.data.date).toBe('2026-11-19');
  });

  it('un rango de vacaciones se salta completo y se lista con su fecha final', async () => {
    await app
      .http()
      .post(CM_HOLIDAYS)
      .set(staff.auth)
      .send({
        date: '2027-07-19',
        endDate: '2027-07-30',
        name: 'Periodo vacacional de verano',
        source: 'calendario_estatal',
      })
      .expect(201);

    const res = await add('2027-07-16T09:00', 1).expect(200);
    expect(res.body.data.date).toBe('2027-08-02');
    const list = await app.http().get('/api/business-calendar/holidays?year=2027').expect(200);
    expect(list.body.data).toContainEqual({
      date: '2027-07-19',
      endDate: '2027-07-30',
      name: 'Periodo vacacional de verano',
      source: 'calendario_estatal',
    });
  });

  it('rechaza un rango al revés por cualquier puerta sin dejar nada escrito', async () => {
    const before = await app.strapi.db.query(HOLIDAY).count();

    const res = await app
      .http()
      .post(CM_HOLIDAYS)
      .set(staff.auth)
      .send({ date: '2027-03-10', endDate: '2027-03-01', name: 'Al revés', source: 'municipal' })
      .expect(400);
    expect(res.body.error.details.code).toBe('INVALID_RANGE');
    expect(res.body.error.message).toMatch(/no puede ser anterior/);

    await expect(
      app.strapi.documents(HOLIDAY).create({
        data: { date: '2027-03-10', endDate: '2027-03-01', name: 'Al revés', source: 'municipal' },
      })
    ).rejects.toMatchObject({ details: { code: 'INVALID_RANGE' } });

    expect(await app.strapi.db.query(HOLIDAY).count()).toBe(before);
  });

  it('un día de la LFT borrado por el personal no vuelve a aparecer', async () => {
    await app.http().get('/api/business-calendar/holidays?year=2028').expect(200);
    const row = await app.strapi.db
      .query(HOLIDAY)
      .findOne({ where: { date: '2028-09-16', source: 'ley_federal_trabajo' } });
    await app.http().delete(`${CM_HOLIDAYS}/${row.documentId}`).set(staff.auth).expect(200);

    const res = await app.http().get('/api/business-calendar/holidays?year=2028').expect(200);
    expect(res.body.data.map((d: { date: string }) => d.date)).not.toContain('2028-09-16');
    const check = await app.http().get('/api/business-calendar/check?date=2028-09-15').expect(200);
    expect(check.body.data.businessDay).toBe(true);
  });

  it('la hora de corte se cambia en Configuración y se aplica al momento', async () => {
    expect((await add('2026-11-13T17:30', 0).expect(200)).body.data.receptionDay).toBe(
      '2026-11-13'
    );

    await app
      .http()
      .put(CM_SETTINGS)
      .set(staff.auth)
      .send({ officeHoursCutoff: '17:00' })
      .expect(200);
    expect((await add('2026-11-13T17:30', 0).expect(200)).body.data.receptionDay).toBe(
      '2026-11-17'
    );

    const bad = await app
      .http()
      .put(CM_SETTINGS)
      .set(staff.auth)
      .send({ officeHoursCutoff: '25:00' })
      .expect(400);
    expect(bad.body.error.details.code).toBe('INVALID_CUTOFF');

    const lead = await app
      .http()
      .put(CM_SETTINGS)
      .set(staff.auth)
      .send({ digitalArtLeadBusinessDays: -2 })
      .expect(400);
    expect(lead.body.error.details.code).toBe('INVALID_LEAD_TIME');

    await app
      .http()
      .put(CM_SETTINGS)
      .set(staff.auth)
      .send({ officeHoursCutoff: '18:00' })
      .expect(200);
  });

  it('los días inhábiles no se exponen en la API de contenido fuera del calendario', async () => {
    await app.http().get('/api/holidays').expect(404);
    await app.http().get('/api/setting').expect(404);
  });
});
