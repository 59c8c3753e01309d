import type { Role } from '../../src/domain/workflows';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { completeData, createOficio, useStaffApp } from '../harness/workflow-fixtures';
import type { HolidayDto } from '../../src/plugins/comunicacion/shared/contracts/configuration';

const DESIGN = 'api::design.design';

/** Every Monday-to-Friday of a year that no listed non-working day covers. */
const businessDaysOf = (year: number, holidays: HolidayDto[]) => {
  let count = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const day = new Date(t);
    const iso = day.toISOString().slice(0, 10);
    const weekday = day.getUTCDay();
    const off = holidays.some((h) => iso >= h.date && iso <= (h.endDate ?? h.date));
    if (weekday !== 0 && weekday !== 6 && !off) count += 1;
  }
  return count;
};

describe('días inhábiles y configuración', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  const holidays = (year: number | string, session = staff.coordinador_comunicacion) =>
    app
      .http()
      .get('/comunicacion/holidays')
      .query({ year: String(year) })
      .set(session.auth);
  const create = (body: object, session = staff.coordinador_comunicacion) =>
    app.http().post('/comunicacion/holidays').set(session.auth).send(body);

  describe('/comunicacion/holidays', () => {
    it('el año trae sus días de la Ley Federal del Trabajo y cuántos días hábiles tiene', async () => {
      const res = await holidays(2031).expect(200);

      const days = res.body.data as HolidayDto[];
      expect(days.filter((d) => d.source === 'ley_federal_trabajo').map((d) => d.date)).toEqual([
        '2031-01-01',
        '2031-02-03',
        '2031-03-17',
        '2031-05-01',
        '2031-09-16',
        '2031-11-17',
        '2031-12-25',
      ]);
      expect(days[0]).toMatchObject({ name: expect.any(String), endDate: null });
      expect(res.body.meta).toEqual({ year: 2031, businessDays: businessDaysOf(2031, days) });
    });

    it('alta, cambio y baja de un día municipal; un rango que cruza el año aparece en ambos', async () => {
      const created = await create({
        date: '2031-12-29',
        endDate: '2032-01-02',
        name: 'Vacaciones de invierno',
        source: 'calendario_estatal',
        note: 'Gaceta del Gobierno, diciembre de 2030',
      }).expect(200);
      const holiday = created.body.data as HolidayDto;
      expect(holiday).toMatchObject({
        date: '2031-12-29',
        endDate: '2032-01-02',
        name: 'Vacaciones de invierno',
        source: 'calendario_estatal',
        note: 'Gaceta del Gobierno, diciembre de 2030',
      });
      for (const year of [2031, 2032]) {
        const listed = (await holidays(year).expect(200)).body.data as HolidayDto[];
        expect(listed.map((d) => d.documentId)).toContain(holiday.documentId);
      }
      const before = (await holidays(2031).expect(200)).body.meta.businessDays;

      const updated = await app
        .http()
        .put(`/comunicacion/holidays/${holiday.documentId}`)
        .set(staff.coordinador_comunicacion.auth)
        .send({ endDate: '2031-12-31', note: null })
        .expect(200);
      expect(updated.body.data).toMatchObject({ endDate: '2031-12-31', note: null });

      await app
        .http()
        .delete(`/comunicacion/holidays/${holiday.documentId}`)
        .set(staff.coordinador_comunicacion.auth)
        .expect(200);
      const after = await holidays(2031).expect(200);
      expect(after.body.data.map((d: HolidayDto) => d.documentId)).not.toContain(
        holiday.documentId
      );
      // 29, 30 and 31 December 2031 are Monday to Wednesday: three business days back.
      expect(after.body.meta.businessDays).toBe(before + 3);
      await app
        .http()
        .delete(`/comunicacion/holidays/${holiday.documentId}`)
        .set(staff.coordinador_comunicacion.auth)
        .expect(404);
    });

    it('rechaza en español fechas inválidas, rangos al revés y datos que faltan', async () => {
      const cases: [object, string, RegExp][] = [
        [
          { date: '2031-02-30', name: 'Día', source: 'municipal' },
          'INVALID_DATE',
          /fecha válida \(AAAA-MM-DD\)/,
        ],
        [
          { date: '2031-05-10', endDate: '2031-05-01', name: 'Día', source: 'municipal' },
          'INVALID_RANGE',
          /no puede ser anterior/,
        ],
        [{ date: '2031-05-10', source: 'municipal' }, 'INVALID_DATA', /nombre del día inhábil/],
        [
          { date: '2031-05-10', name: 'Día', source: 'cabildo' },
          'INVALID_DATA',
          /La fuente debe ser una de/,
        ],
        [
          { date: '2031-05-10', name: 'Día', source: 'municipal', color: 'rojo' },
          'INVALID_DATA',
          /Campo no admitido/,
        ],
      ];
      for (const [body, code, message] of cases) {
        const res = await create(body).expect(400);
        expect(res.body.error.details.code).toBe(code);
        expect(res.body.error.message).toMatch(message);
      }
      const year = await holidays('31').expect(400);
      expect(year.body.error.details.code).toBe('INVALID_YEAR');
    });

    it('un día inhábil nuevo mueve la fecha de vencimiento de un servicio abierto', async () => {
      // Given digital art received Monday 4 January 2027, due three business days later
      const oficio = await createOficio(app, { receivedAt: '2027-01-04T16:00:00Z' });
      await app.strapi.documents(DESIGN).create({
        data: { ...completeData('design', 0), oficio: oficio.documentId } as never,
      });
      const dueAt = async () =>
        (
          await app
            .http()
            .get(`/comunicacion/oficios/${oficio.documentId}`)
            .set(staff.coordinador_comunicacion.auth)
            .expect(200)
        ).body.data.items[0].dueAt;
      expect(await dueAt()).toBe('2027-01-07');

      // When Tuesday 5 January becomes a municipal holiday
      const res = await create({
        date: '2027-01-05',
        name: 'Aniversario municipal',
        source: 'municipal',
      }).expect(200);

      // Then the design is due one business day later
      expect(await dueAt()).toBe('2027-01-08');
      await app
        .http()
        .delete(`/comunicacion/holidays/${res.body.data.documentId}`)
        .set(staff.coordinador_comunicacion.auth)
        .expect(200);
      expect(await dueAt()).toBe('2027-01-07');
    });
  });

  describe('/comunicacion/settings', () => {
    it('muestra la configuración vigente', async () => {
      const res = await app
        .http()
        .get('/comunicacion/settings')
        .set(staff.coordinador_comunicacion.auth)
        .expect(200);
      expect(res.body.data).toMatchObject({
        officeHoursCutoff: '18:00',
        digitalArtLeadBusinessDays: 3,
        coverageLeadBusinessDays: 3,
        printDeliveryBusinessDays: 5,
        promotionLeadCalendarDays: 8,
        blackoutPeriods: expect.any(Array),
      });
    });

    it('guarda plazos, vedas y sitio; rechaza en español lo que el calendario no puede usar', async () => {
      const put = (body: object) =>
        app
          .http()
          .put('/comunicacion/settings')
          .set(staff.coordinador_comunicacion.auth)
          .send(body);
      const cases: [object, string, RegExp][] = [
        [{ officeHoursCutoff: '25:00' }, 'INVALID_CUTOFF', /hora de corte «25:00» no es válida/],
        [{ coverageLeadBusinessDays: 99 }, 'INVALID_DATA', /de 0 a 60/],
        [
          { blackoutPeriods: [{ start: '2027-04-31', end: '2027-06-06' }] },
          'INVALID_DATE',
          /inicio de la veda 1/,
        ],
        [
          { blackoutPeriods: [{ start: '2027-06-06', end: '2027-04-01' }] },
          'INVALID_RANGE',
          /termina \(2027-04-01\) antes de empezar/,
        ],
        [{ siteUrl: 'calimaya.gob.mx' }, 'INVALID_DATA', /http:\/\/ o https:\/\//],
      ];
      for (const [body, code, message] of cases) {
        const res = await put(body).expect(400);
        expect(res.body.error.details.code).toBe(code);
        expect(res.body.error.message).toMatch(message);
      }

      const saved = await put({
        coverageLeadBusinessDays: 4,
        blackoutPeriods: [
          {
            start: '2027-04-03',
            end: '2027-06-06',
            scope: 'Elección local 2027',
            note: 'Campañas a la jornada electoral',
          },
        ],
        siteUrl: 'https://calimaya.gob.mx',
        siteWebhookUrl: 'https://calimaya.gob.mx/api/revalidate',
      }).expect(200);
      expect(saved.body.data).toMatchObject({
        officeHoursCutoff: '18:00',
        coverageLeadBusinessDays: 4,
        blackoutPeriods: [
          {
            start: '2027-04-03',
            end: '2027-06-06',
            scope: 'Elección local 2027',
            note: 'Campañas a la jornada electoral',
          },
        ],
        siteUrl: 'https://calimaya.gob.mx',
        siteWebhookUrl: 'https://calimaya.gob.mx/api/revalidate',
      });
      const read = await app
        .http()
        .get('/comunicacion/settings')
        .set(staff.director.auth)
        .expect(200);
      expect(read.body.data).toEqual(saved.body.data);
    });

    it('un plazo nuevo recalcula la fecha más pronta de los servicios abiertos', async () => {
      const oficio = await createOficio(app, { receivedAt: '2027-01-04T16:00:00Z' });
      const design = await app.strapi.documents(DESIGN).create({
        data: { ...completeData('design', 0), oficio: oficio.documentId } as never,
      });
      const earliest = async () =>
        (
          (await app.strapi.db
            .query(DESIGN)
            .findOne({ where: { documentId: design.documentId } })) as {
            earliestAllowedDate: string;
          }
        ).earliestAllowedDate;
      expect(await earliest()).toBe('2027-01-07');

      await app
        .http()
        .put('/comunicacion/settings')
        .set(staff.coordinador_comunicacion.auth)
        .send({ digitalArtLeadBusinessDays: 5 })
        .expect(200);
      expect(await earliest()).toBe('2027-01-11');

      await app
        .http()
        .put('/comunicacion/settings')
        .set(staff.coordinador_comunicacion.auth)
        .send({ digitalArtLeadBusinessDays: 3 })
        .expect(200);
      expect(await earliest()).toBe('2027-01-07');
    });
  });

  it('una fotógrafa o un diseñador no editan el calendario ni la configuración (403)', async () => {
    for (const session of [staff.fotografo, staff.disenador_senior]) {
      await holidays(2031, session).expect(403);
      await create({ date: '2031-05-10', name: 'Día', source: 'municipal' }, session).expect(403);
      await app.http().get('/comunicacion/settings').set(session.auth).expect(403);
      await app
        .http()
        .put('/comunicacion/settings')
        .set(session.auth)
        .send({ coverageLeadBusinessDays: 10 })
        .expect(403);
    }
    await app.http().get('/comunicacion/holidays?year=2031').expect(401);
  });
});
