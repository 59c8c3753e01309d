import path from 'node:path';
import type { UID } from '@strapi/strapi';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { runAs, runInternal } from '../harness/runtime';
import {
  actorFor,
  completeData,
  createOficio,
  stateOf,
  useStaffApp,
} from '../harness/workflow-fixtures';
import type { Role } from '../../src/domain/workflows';
import type {
  ListTransparencyObligations,
  ObligationWarningDto,
} from '../../src/plugins/comunicacion/shared/contracts/transparency';

const DOCUMENT = 'api::transparency-document.transparency-document' as UID.ContentType;
const OBLIGATION = 'api::transparency-obligation.transparency-obligation';
const LAW =
  'Ley de Transparencia y Acceso a la Información Pública del Estado de México y Municipios';
const ROUTE = '/comunicacion/transparency/obligations';
const cm = (uid: string, documentId = '') =>
  `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

const DAY_MS = 86_400_000;
const pad = (value: number) => String(value).padStart(2, '0');
/** Today in Mexico City, as staff read the calendar. */
const mexicoCityToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The calendar quarter `back` quarters before the current one (1 = the last closed one). */
const quarterBefore = (today: string, back: number) => {
  const [year, month] = today.split('-').map(Number);
  const index = year * 4 + Math.floor((month - 1) / 3) - back;
  const qYear = Math.floor(index / 4);
  const quarter = (index % 4) + 1;
  return {
    year: qYear,
    start: `${qYear}-${pad((quarter - 1) * 3 + 1)}-01`,
    end: new Date(Date.UTC(qYear, quarter * 3, 0)).toISOString().slice(0, 10),
  };
};

type Refusal = { status: number; code?: string; message?: string; fields?: string[] };

describe('catálogo de obligaciones de transparencia y avisos de actualización', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  const list = async (query = '', session = staff.auxiliar_gobierno_digital) => {
    const res = await app.http().get(`${ROUTE}${query}`).set(session.auth);
    expect(res.status).toBe(200);
    return res.body as ListTransparencyObligations.Response;
  };
  const byFraccion = (body: ListTransparencyObligations.Response, fraccion: string) =>
    body.data.find((item) => item.article === '92' && item.fraccion === fraccion) as
      | ObligationWarningDto
      | undefined;

  /** A transparency document of an oficio, written through the Document Service as `role`. */
  const createDocument = async (data: Record<string, unknown>, role: Role = 'system') => {
    const oficio = await createOficio(app, { area: 'UT' });
    return runAs(actorFor(role, role === 'system' ? undefined : staff[role]), () =>
      app.strapi.documents(DOCUMENT).create({
        data: {
          ...completeData('transparency-document', 0),
          oficio: oficio.documentId,
          ...data,
        } as never,
      })
    );
  };

  /** What the Document Service door answered, as an HTTP client would see it. */
  const refusalOf = async (write: () => Promise<unknown>): Promise<Refusal> => {
    try {
      await write();
      return { status: 200 };
    } catch (error) {
      const e = error as {
        name?: string;
        message: string;
        details?: { code?: string; fields?: string[] };
      };
      return {
        status: e.name === 'ValidationError' ? 400 : 500,
        code: e.details?.code,
        message: e.message,
        fields: e.details?.fields,
      };
    }
  };

  /** A document of `fraccion` covering `period`, moved to `lista` (test set-up, not a door). */
  const readyDocument = async (
    fraccion: string,
    period: { year: number; start: string; end: string }
  ) => {
    const created = await createDocument({
      title: `Fracción ${fraccion}: ${period.start} a ${period.end}`,
      fraccion,
      ejercicio: period.year,
      periodStart: period.start,
      periodEnd: period.end,
      updatedOn: addDays(period.end, 5),
      validatedOn: addDays(period.end, 6),
    });
    await runInternal(() =>
      app.strapi.documents(DOCUMENT).update({
        documentId: created.documentId,
        data: { personalDataChecked: true, workflowStatus: 'lista' } as never,
      })
    );
    return created.documentId;
  };

  describe('el catálogo', () => {
    it('empieza con las obligaciones comunes del artículo 92 de la ley estatal, numeradas en romanos', async () => {
      const body = await list();
      expect(body.data.length).toBeGreaterThanOrEqual(20);
      expect(byFraccion(body, 'II')).toMatchObject({
        law: LAW,
        lawVersion: 'Texto vigente',
        title: 'Estructura orgánica',
        frequency: 'trimestral',
        updateWindowDays: 30,
      });
      expect(byFraccion(body, 'XXIII')?.title).toMatch(/comunicación social/i);
      for (const item of body.data) {
        expect(item.fraccion).toMatch(/^[IVXLC]+$/);
        expect(item.title.length).toBeGreaterThan(3);
      }
      // Without published documents nothing is up to date.
      expect(body.meta.today).toBe(mexicoCityToday());
      expect(body.meta.counts.al_dia).toBe(0);
      expect(body.meta.counts.por_vencer + body.meta.counts.vencida).toBe(body.data.length);
    });

    it('se siembra solo si está vacío: lo que el personal cambia se queda', async () => {
      const before = (await app.strapi.db.query(OBLIGATION).count({})) as number;
      const xlv = (await app.strapi.db
        .query(OBLIGATION)
        .findOne({ where: { article: '92', fraccion: 'XLV' } })) as { documentId: string };
      await app
        .http()
        .delete(cm(OBLIGATION, xlv.documentId))
        .set(staff.coordinador_gobierno_digital.auth)
        .expect(200);

      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { seedTransparencyObligations } = require(
        path.resolve(__dirname, '..', '..', 'dist', 'src', 'bootstrap', 'transparency-obligations')
      );
      await seedTransparencyObligations({ strapi: app.strapi });

      expect(await app.strapi.db.query(OBLIGATION).count({})).toBe(before - 1);
      expect(byFraccion(await list(), 'XLV')).toBeUndefined();
    });

    it('no admite dos obligaciones activas con la misma ley, artículo y fracción', async () => {
      const duplicate = {
        law: LAW,
        lawVersion: 'Texto vigente',
        article: '92',
        fraccion: 'ii',
        title: 'Organigrama',
        frequency: 'trimestral',
        updateWindowDays: 30,
        active: true,
      };
      const refused = await app
        .http()
        .post(cm(OBLIGATION))
        .set(staff.coordinador_gobierno_digital.auth)
        .send(duplicate);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.code).toBe('DUPLICATE_OBLIGATION');
      expect(refused.body.error.message).toMatch(/fracción ii del artículo 92/);
      expect(refused.body.error.message).toMatch(/Estructura orgánica/);

      // Inactive (e.g. the numbering before a reform), it may coexist.
      const inactive = await app
        .http()
        .post(cm(OBLIGATION))
        .set(staff.coordinador_gobierno_digital.auth)
        .send({ ...duplicate, active: false });
      expect([200, 201]).toContain(inactive.status);
      expect(
        (await list()).data.filter((item) => item.fraccion.toUpperCase() === 'II')
      ).toHaveLength(1);
    });
  });

  describe('avisos', () => {
    it('una obligación con plazo vencido es «vencida», una dentro del plazo «por vencer», y una inactiva no aparece', async () => {
      const today = mexicoCityToday();
      const lastQuarter = quarterBefore(today, 1);
      const create = (fraccion: string, updateWindowDays: number, active = true) =>
        app
          .http()
          .post(cm(OBLIGATION))
          .set(staff.coordinador_gobierno_digital.auth)
          .send({
            law: LAW,
            lawVersion: 'Reforma 2025',
            article: '92',
            fraccion,
            title: `Obligación de prueba ${fraccion}`,
            responsibleArea: 'Dirección de Comunicación Social y Gobierno Digital',
            frequency: 'trimestral',
            updateWindowDays,
            active,
          });
      // A quarter closed yesterday at the latest: with no window its deadline has passed.
      expect([200, 201]).toContain((await create('LX', 0)).status);
      // A quarter closed at most 92 days ago: a year's window is still open.
      expect([200, 201]).toContain((await create('LXI', 365)).status);
      expect([200, 201]).toContain((await create('LXII', 0, false)).status);

      const body = await list();
      expect(byFraccion(body, 'LX')).toMatchObject({
        status: 'vencida',
        lastClosedPeriod: { start: lastQuarter.start, end: lastQuarter.end },
        deadline: lastQuarter.end,
        daysLeft: daysFrom(today, lastQuarter.end),
        latestDocument: null,
      });
      const deadline = addDays(lastQuarter.end, 365);
      expect(byFraccion(body, 'LXI')).toMatchObject({
        status: 'por_vencer',
        deadline,
        daysLeft: daysFrom(today, deadline),
      });
      expect(byFraccion(body, 'LXI')?.lastClosedPeriod.label).toMatch(
        new RegExp(`trimestre ${lastQuarter.year}$`)
      );
      expect(byFraccion(body, 'LXII')).toBeUndefined();

      // Overdue first, then due soonest.
      const ranks = body.data.map((item) =>
        ['vencida', 'por_vencer', 'al_dia'].indexOf(item.status)
      );
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      const byStatus = await list('?status=por_vencer');
      expect(byStatus.data.every((item) => item.status === 'por_vencer')).toBe(true);
      expect(byStatus.data.map((item) => item.fraccion)).toContain('LXI');
      expect(byStatus.meta.counts).toEqual(body.meta.counts);
    });

    it('publicar por el flujo el documento del último trimestre deja la obligación al día; uno de un trimestre anterior no', async () => {
      const today = mexicoCityToday();
      const before = await list();
      const vii = byFraccion(before, 'VII')!;
      expect(vii.status).not.toBe('al_dia');

      // Fracción VII: published from «lista» through the staff transition route.
      const lastQuarterDocument = await readyDocument('VII', quarterBefore(today, 1));
      const published = await app
        .http()
        .post('/comunicacion/transitions')
        .set(staff.coordinador_gobierno_digital.auth)
        .send({
          uid: DOCUMENT,
          documentId: lastQuarterDocument,
          to: 'publicada',
          comment: 'Directorio actualizado',
        });
      expect(published.status).toBe(200);
      expect(await stateOf(app, 'transparency-document', lastQuarterDocument)).toBe('publicada');

      // Fracción VIII: an earlier quarter, published through the Document Service by the system.
      const olderDocument = await readyDocument('VIII', quarterBefore(today, 2));
      await runAs(actorFor('system'), () =>
        (
          app.strapi.documents(DOCUMENT) as unknown as {
            publish(params: { documentId: string }): Promise<unknown>;
          }
        ).publish({ documentId: olderDocument })
      );
      expect(await stateOf(app, 'transparency-document', olderDocument)).toBe('publicada');

      const after = await list();
      expect(byFraccion(after, 'VII')).toMatchObject({
        status: 'al_dia',
        daysLeft: null,
        latestDocument: {
          documentId: lastQuarterDocument,
          periodEnd: quarterBefore(today, 1).end,
        },
      });
      expect(byFraccion(after, 'VII')?.latestDocument?.publishedAt).toEqual(expect.any(String));
      expect(byFraccion(after, 'VIII')).toMatchObject({
        status: byFraccion(before, 'VIII')!.status,
        latestDocument: { documentId: olderDocument, periodEnd: quarterBefore(today, 2).end },
      });
      expect(after.meta.counts.al_dia).toBe(before.meta.counts.al_dia + 1);
      expect(after.meta.counts[vii.status]).toBe(before.meta.counts[vii.status] - 1);

      const upToDate = await list('?status=al_dia');
      expect(upToDate.data.map((item) => item.fraccion)).toEqual(['VII']);
    });

    it('un filtro desconocido se rechaza en español', async () => {
      const res = await app
        .http()
        .get(`${ROUTE}?status=atrasada`)
        .set(staff.coordinador_gobierno_digital.auth);
      expect(res.status).toBe(400);
      expect(res.body.error.details.code).toBe('INVALID_REQUEST');
      expect(res.body.error.message).toMatch(/estado \(status\)/);
    });

    it('solo quien tiene el permiso de transparencia consulta los avisos', async () => {
      expect((await app.http().get(ROUTE).set(staff.disenador_senior.auth)).status).toBe(403);
      expect((await app.http().get(ROUTE).set(staff.community_manager.auth)).status).toBe(403);
      expect((await app.http().get(ROUTE)).status).toBe(401);
      expect(
        (await app.http().get(ROUTE).set(staff.coordinador_gobierno_digital.auth)).status
      ).toBe(200);
      expect((await app.http().get(ROUTE).set(staff.director.auth)).status).toBe(200);
    });
  });

  describe('metadatos de los documentos en cada puerta', () => {
    it('Document Service: periodo al revés, ejercicio de otro año, validación antes de la actualización', async () => {
      const reversed = await refusalOf(() =>
        createDocument(
          { periodStart: '2026-07-01', periodEnd: '2026-06-30', ejercicio: 2026 },
          'auxiliar_gobierno_digital'
        )
      );
      expect(reversed).toMatchObject({ status: 400, code: 'INVALID_DATA' });
      expect(reversed.fields).toEqual(['periodStart', 'periodEnd']);
      expect(reversed.message).toMatch(/fin del periodo/);

      const otherYear = await refusalOf(() =>
        createDocument({ periodStart: '2026-01-01', periodEnd: '2026-03-31', ejercicio: 2025 })
      );
      expect(otherYear).toMatchObject({ status: 400, code: 'INVALID_DATA' });
      expect(otherYear.fields).toContain('ejercicio');

      const created = await createDocument({ updatedOn: '2027-04-05' });
      const validatedBefore = await refusalOf(() =>
        runAs(actorFor('auxiliar_gobierno_digital', staff.auxiliar_gobierno_digital), () =>
          app.strapi.documents(DOCUMENT).update({
            documentId: created.documentId,
            data: { validatedOn: '2027-04-01' } as never,
          })
        )
      );
      expect(validatedBefore).toMatchObject({ status: 400, code: 'INVALID_DATA' });
      expect(validatedBefore.fields).toEqual(['updatedOn', 'validatedOn']);
      const row = (await app.strapi.db
        .query(DOCUMENT)
        .findOne({ where: { documentId: created.documentId } })) as { validatedOn: unknown };
      expect(row.validatedOn).toBeNull();
    });

    it('Document Service: una fracción que no está en el catálogo se rechaza y sugiere agregarla', async () => {
      const unknown = await refusalOf(() => createDocument({ fraccion: 'XCIX' }));
      expect(unknown).toMatchObject({ status: 400, code: 'UNKNOWN_OBLIGATION' });
      expect(unknown.message).toMatch(/fracción XCIX del artículo 92/);
      expect(unknown.message).toMatch(/agrégala al catálogo/);
      expect(unknown.fields).toEqual(['law', 'article', 'fraccion']);
      // Nothing half-written stays behind.
      expect(await app.strapi.db.query(DOCUMENT).count({ where: { fraccion: 'XCIX' } })).toBe(0);
    });

    it('administrador de contenidos: los mismos códigos; con la fracción agregada al catálogo se acepta', async () => {
      const session = staff.coordinador_gobierno_digital;
      const created = await createDocument({});
      const put = (data: Record<string, unknown>) =>
        app.http().put(cm(DOCUMENT, created.documentId)).set(session.auth).send(data);

      const reversed = await put({ periodStart: '2027-04-01', periodEnd: '2027-03-31' });
      expect(reversed.status).toBe(400);
      expect(reversed.body.error.details).toMatchObject({
        code: 'INVALID_DATA',
        fields: ['periodStart', 'periodEnd'],
      });

      const validated = await put({ updatedOn: '2027-04-10', validatedOn: '2027-04-09' });
      expect(validated.status).toBe(400);
      expect(validated.body.error.details.code).toBe('INVALID_DATA');
      expect(validated.body.error.message).toMatch(/validación/);

      const unknown = await put({ fraccion: 'XCVIII' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details.code).toBe('UNKNOWN_OBLIGATION');
      expect(unknown.body.error.message).toMatch(/XCVIII/);
      const row = (await app.strapi.db
        .query(DOCUMENT)
        .findOne({ where: { documentId: created.documentId, publishedAt: null } })) as {
        fraccion: string;
      };
      expect(row.fraccion).toBe('II');

      // Staff add the renumbered fracción to the catalogue; the document now names it.
      const added = await app.http().post(cm(OBLIGATION)).set(session.auth).send({
        law: LAW,
        lawVersion: 'Reforma 2025',
        article: '92',
        fraccion: 'XCVIII',
        title: 'Obligación agregada por una reforma',
        frequency: 'semestral',
        updateWindowDays: 30,
        active: true,
      });
      expect([200, 201]).toContain(added.status);
      expect((await put({ fraccion: 'XCVIII' })).status).toBe(200);

      // Deactivated, it no longer takes new documents, but this one can still be edited.
      const obligation = added.body.data as { documentId: string };
      await app
        .http()
        .put(cm(OBLIGATION, obligation.documentId))
        .set(session.auth)
        .send({ active: false })
        .expect(200);
      const refused = await refusalOf(() => createDocument({ fraccion: 'XCVIII' }));
      expect(refused.code).toBe('UNKNOWN_OBLIGATION');
      expect((await put({ note: 'Se actualizó el organigrama.' })).status).toBe(200);
    });

    it('la validación no bloquea el flujo: un documento completo sigue pasando a análisis', async () => {
      const created = await createDocument({ updatedOn: '2027-04-01', validatedOn: '2027-04-02' });
      const res = await app
        .http()
        .post('/comunicacion/transitions')
        .set(staff.auxiliar_gobierno_digital.auth)
        .send({
          uid: DOCUMENT,
          documentId: created.documentId,
          to: 'en_analisis',
          comment: 'Inicio',
        });
      expect(res.status).toBe(200);
      expect(await stateOf(app, 'transparency-document', created.documentId)).toBe('en_analisis');
    });
  });
});
