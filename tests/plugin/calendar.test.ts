import type { Role } from '../../src/domain/workflows';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import { createOficio, useStaffApp } from '../harness/workflow-fixtures';
import type { CalendarEvent } from '../../src/plugins/comunicacion/shared/contracts/calendar';

const COVERAGE = 'api::coverage-event.coverage-event';
const DAY_MS = 86_400_000;

const rename = async (app: TestApp, session: Session, firstname: string, lastname: string) =>
  app.strapi.db
    .query('admin::user')
    .update({ where: { id: session.user.id }, data: { firstname, lastname } });

/** Unfolds iCalendar content lines (RFC 5545 §3.1). */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n');

/** The VEVENT blocks of a calendar, each as a map of property name to raw value. */
const vevents = (text: string) => {
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfold(text)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
};

/** Reverses TEXT escaping (RFC 5545 §3.3.11). */
const unescape = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('calendario de coberturas y su iCalendar por persona', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  let oficio: { documentId: string; folio: string };
  const coverage = async (data: Record<string, unknown>, status?: string) => {
    const created = await app.strapi.documents(COVERAGE).create({
      data: {
        title: 'Cobertura',
        eventName: 'Evento',
        place: 'Explanada municipal',
        deliverables: ['fotos'],
        oficio: oficio.documentId,
        ...data,
      } as never,
    });
    if (status) {
      // Test set-up: put the event straight into the state under test.
      await runInternal(() =>
        app.strapi
          .documents(COVERAGE)
          .update({ documentId: created.documentId, data: { workflowStatus: status } as never })
      );
    }
    return created.documentId;
  };

  const calendar = (session: Session, query: Record<string, string>) =>
    app.http().get('/comunicacion/calendar').query(query).set(session.auth);

  describe('GET /comunicacion/calendar', () => {
    let first: string;
    let overlapping: string;
    let later: string;
    let cancelled: string;
    let outside: string;
    let spill: string;

    beforeAll(async () => {
      await rename(app, staff.fotografo, 'Fabiola', 'Fotógrafa');
      await rename(app, staff.creador_contenido, 'Carlos', 'Creador');
      oficio = (await createOficio(app)) as unknown as { documentId: string; folio: string };
      const photographer = staff.fotografo.user.id;
      const creator = staff.creador_contenido.user.id;
      // Mexico City is UTC-6: 16:00Z is 10:00 local.
      first = await coverage({
        title: 'Informe de gobierno',
        startsAt: '2027-05-10T16:00:00Z',
        endsAt: '2027-05-10T18:00:00Z',
        crew: [photographer, creator],
        deliverables: ['fotos', 'video'],
      });
      overlapping = await coverage({
        title: 'Entrega de becas',
        startsAt: '2027-05-10T17:00:00Z',
        endsAt: '2027-05-10T19:00:00Z',
        crew: [photographer],
      });
      later = await coverage(
        {
          title: 'Torneo deportivo',
          startsAt: '2027-05-10T19:00:00Z',
          endsAt: '2027-05-10T21:00:00Z',
          crew: [photographer],
        },
        'programada'
      );
      cancelled = await coverage(
        {
          title: 'Evento cancelado',
          startsAt: '2027-05-10T16:30:00Z',
          endsAt: '2027-05-10T17:30:00Z',
          crew: [creator],
        },
        'cancelada'
      );
      outside = await coverage({
        title: 'Fuera del periodo',
        startsAt: '2027-06-20T16:00:00Z',
        endsAt: '2027-06-20T18:00:00Z',
        crew: [creator],
      });
      // Starts on 30 April (outside the range) and runs into 1 May: still overlaps nothing asked.
      spill = await coverage({
        title: 'Vigilia',
        startsAt: '2027-05-01T04:00:00Z',
        endsAt: '2027-05-01T07:00:00Z',
        crew: [creator],
      });
    });

    it('lista los eventos del periodo con su equipo, folio, área y conflictos', async () => {
      const res = await calendar(staff.coordinador_comunicacion, {
        from: '2027-05-01',
        to: '2027-05-31',
      }).expect(200);

      expect(res.body.meta).toEqual({ from: '2027-05-01', to: '2027-05-31' });
      const events = res.body.data as CalendarEvent[];
      expect(events.map((event) => event.documentId)).toEqual([first, overlapping, later]);
      expect(events).not.toContainEqual(expect.objectContaining({ documentId: cancelled }));
      expect(events).not.toContainEqual(expect.objectContaining({ documentId: outside }));
      expect(events).not.toContainEqual(expect.objectContaining({ documentId: spill }));

      const [a, b, c] = events;
      expect(a).toMatchObject({
        title: 'Informe de gobierno',
        eventName: 'Evento',
        startsAt: '2027-05-10T16:00:00.000Z',
        endsAt: '2027-05-10T18:00:00.000Z',
        place: 'Explanada municipal',
        status: 'solicitada',
        statusLabel: 'Solicitada',
        deliverables: ['fotos', 'video'],
        oficio: { documentId: oficio.documentId, folio: oficio.folio },
        area: { shortName: 'DC', kind: 'dependencia' },
        hasConflict: true,
        conflictsWith: [overlapping],
      });
      expect(a.crew.map((p) => p.name).sort()).toEqual(['Carlos Creador', 'Fabiola Fotógrafa']);
      // Sharing the photographer 17:00-18:00; the cancelled event does not count.
      expect(b).toMatchObject({ hasConflict: true, conflictsWith: [first] });
      // Starts when the other ends: no overlap.
      expect(c).toMatchObject({ status: 'programada', hasConflict: false, conflictsWith: [] });
    });

    it('los días son de la Ciudad de México y el filtro por persona deja solo los suyos', async () => {
      // 30 April 22:00 local is 1 May 04:00Z: it belongs to 30 April.
      const april = await calendar(staff.fotografo, { from: '2027-04-30', to: '2027-04-30' });
      expect(april.status).toBe(200);
      expect(april.body.data.map((e: CalendarEvent) => e.documentId)).toEqual([spill]);

      const mine = await calendar(staff.fotografo, {
        from: '2027-05-01',
        to: '2027-06-30',
        crew: String(staff.creador_contenido.user.id),
      }).expect(200);
      expect(mine.body.data.map((e: CalendarEvent) => e.documentId)).toEqual([first, outside]);
    });

    it('rechaza en español fechas inválidas, periodos al revés o de más de 62 días', async () => {
      const cases: [Record<string, string>, RegExp][] = [
        [{ to: '2027-05-31' }, /Falta el parámetro «from»/],
        [{ from: '2027-02-30', to: '2027-03-01' }, /no es una fecha válida/],
        [{ from: '2027-05-31', to: '2027-05-01' }, /anterior a la inicial/],
        [{ from: '2027-05-01', to: '2027-07-02' }, /hasta 62 días/],
      ];
      for (const [query, message] of cases) {
        const res = await calendar(staff.coordinador_comunicacion, query).expect(400);
        expect(res.body.error.details.code).toBe('INVALID_DATE');
        expect(res.body.error.message).toMatch(message);
      }
      await calendar(staff.coordinador_comunicacion, {
        from: '2027-05-01',
        to: '2027-07-01',
      }).expect(200);
      const crew = await calendar(staff.coordinador_comunicacion, {
        from: '2027-05-01',
        to: '2027-05-02',
        crew: 'todos',
      }).expect(400);
      expect(crew.body.error.details.code).toBe('INVALID_DATA');
    });

    it('quien no tiene el calendario recibe 403', async () => {
      await calendar(staff.disenador_senior, { from: '2027-05-01', to: '2027-05-31' }).expect(403);
      await app
        .http()
        .get('/comunicacion/calendar/feed')
        .set(staff.disenador_senior.auth)
        .expect(403);
    });
  });

  describe('iCalendar privado por persona', () => {
    const feedUrl = async (session: Session) =>
      (await app.http().get('/comunicacion/calendar/feed').set(session.auth).expect(200)).body.data
        .url as string;
    const pathOf = (url: string) => new URL(url).pathname;

    let recent: string;
    let old: string;
    let cancelled: string;
    let others: string;

    beforeAll(async () => {
      await rename(app, staff.community_manager, 'Mónica', 'Redes');
      const person = staff.community_manager.user.id;
      const soon = Date.now() + 10 * DAY_MS;
      recent = await coverage({
        title: 'Presentación del programa «Calimaya, limpia»; cobertura completa',
        eventName: 'Jornada de limpieza',
        startsAt: new Date(soon).toISOString(),
        endsAt: new Date(soon + 2 * 3_600_000).toISOString(),
        place:
          'Plaza Juárez, frente al Palacio Municipal, San Andrés Ocotlán, Calimaya, Estado de México',
        deliverables: ['fotos', 'transmision_en_vivo', 'boletin_prensa'],
        crew: [person],
      });
      old = await coverage({
        title: 'Evento de hace dos meses',
        startsAt: new Date(Date.now() - 60 * DAY_MS).toISOString(),
        endsAt: new Date(Date.now() - 60 * DAY_MS + 3_600_000).toISOString(),
        crew: [person],
      });
      cancelled = await coverage(
        {
          title: 'Evento suspendido',
          startsAt: new Date(soon + DAY_MS).toISOString(),
          endsAt: new Date(soon + DAY_MS + 3_600_000).toISOString(),
          crew: [person],
        },
        'cancelada'
      );
      others = await coverage({
        title: 'Evento de otra persona',
        startsAt: new Date(soon + 2 * DAY_MS).toISOString(),
        endsAt: new Date(soon + 2 * DAY_MS + 3_600_000).toISOString(),
        crew: [staff.creador_contenido.user.id],
      });
    });

    it('entrega un iCalendar válido con los eventos de la persona desde hace 30 días', async () => {
      const url = await feedUrl(staff.community_manager);
      expect(url).toMatch(/\/api\/comunicacion\/calendar\/\d+\.[A-Za-z0-9_-]{43}\.ics$/);
      // The URL is stable until rotated.
      expect(await feedUrl(staff.community_manager)).toBe(url);

      const res = await app
        .http()
        .get(pathOf(url))
        .buffer(true)
        .parse((response, done) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => done(null, text));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const text = res.body as string;

      // CRLF everywhere, no line longer than 75 octets, continuation lines start with a space.
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const lines = text.split('\r\n').slice(0, -1);
      for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(lines.some((line) => line.startsWith(' '))).toBe(true);
      const unfolded = unfold(text);
      expect(unfolded.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
      expect(unfolded).toContain('END:VCALENDAR');
      expect(unfolded.find((line) => line.startsWith('PRODID:'))).toBeTruthy();

      const events = vevents(text);
      const uids = events.map((event) => event.UID.split('@')[0]);
      expect(uids).toEqual([recent, cancelled]);
      expect(uids).not.toContain(old);
      expect(uids).not.toContain(others);

      const [event, suspended] = events;
      const row = (await app.strapi.db
        .query(COVERAGE)
        .findOne({ where: { documentId: recent } })) as { startsAt: string; endsAt: string };
      const utc = (iso: string) =>
        new Date(iso)
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d{3}/, '');
      expect(event.DTSTART).toBe(utc(row.startsAt));
      expect(event.DTEND).toBe(utc(row.endsAt));
      expect(event.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(event.STATUS).toBe('TENTATIVE');
      expect(suspended.STATUS).toBe('CANCELLED');
      // Commas and semicolons are escaped in TEXT values.
      expect(event.SUMMARY).toBe(
        'Presentación del programa «Calimaya\\, limpia»\\; cobertura completa · Jornada de limpieza'
      );
      expect(unescape(event.LOCATION)).toBe(
        'Plaza Juárez, frente al Palacio Municipal, San Andrés Ocotlán, Calimaya, Estado de México'
      );
      const description = unescape(event.DESCRIPTION).split('\n');
      expect(description).toEqual(
        expect.arrayContaining([
          `Folio: ${oficio.folio}`,
          expect.stringMatching(/^Área: /),
          'Entregables: Fotografías, Transmisión en vivo, Boletín de prensa',
          'Equipo: Mónica Redes',
        ])
      );
    });

    it('rotar deja sin efecto la URL anterior; una URL alterada no existe', async () => {
      const before = await feedUrl(staff.community_manager);
      const rotated = await app
        .http()
        .post('/comunicacion/calendar/feed/rotate')
        .set(staff.community_manager.auth)
        .expect(200);
      const after = rotated.body.data.url as string;
      expect(after).not.toBe(before);
      expect(await feedUrl(staff.community_manager)).toBe(after);

      await app.http().get(pathOf(before)).expect(404);
      await app.http().get(pathOf(after)).expect(200);

      // Another person's id with this signature, a changed signature, or no .ics: all unknown.
      const [, id, signature] = /calendar\/(\d+)\.([^.]+)\.ics$/.exec(after)!;
      const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
      for (const path of [
        `/api/comunicacion/calendar/${staff.fotografo.user.id}.${signature}.ics`,
        `/api/comunicacion/calendar/${id}.${flipped}.ics`,
        `/api/comunicacion/calendar/${id}.${signature}`,
        '/api/comunicacion/calendar/nada.ics',
      ]) {
        await app.http().get(path).expect(404);
      }
    });

    it('cada persona tiene su propia URL', async () => {
      const mine = await feedUrl(staff.community_manager);
      const theirs = await feedUrl(staff.creador_contenido);
      expect(theirs).not.toBe(mine);
      const res = await app
        .http()
        .get(pathOf(theirs))
        .buffer(true)
        .parse((response, done) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => done(null, text));
        });
      expect(res.status).toBe(200);
      const uids = vevents(res.body as string).map((event) => event.UID.split('@')[0]);
      expect(uids).toContain(others);
      expect(uids).not.toContain(recent);
    });
  });
});
