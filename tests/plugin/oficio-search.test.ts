import type { UID } from '@strapi/strapi';
import type { Role } from '../../src/domain/workflows';
import type { TestApp } from '../harness/app';
import { loginAsAdmin, type Session } from '../harness/auth';
import { OFICIO_UID, areaId, completeData, useStaffApp } from '../harness/workflow-fixtures';
import type { SearchOficios } from '../../src/plugins/comunicacion/shared/contracts/intake';
import {
  containsPattern,
  fold,
  foldedContains,
  foldedSql,
} from '../../src/plugins/comunicacion/server/src/services/oficio-search';

type Result = SearchOficios.Response;

/** An oficio registered through the Document Service, with a requester's private contact. */
const register = async (
  app: TestApp,
  data: { subject: string; senderReference?: string; receivedAt: string; area?: string }
) =>
  (await app.strapi.documents(OFICIO_UID).create({
    data: {
      subject: data.subject,
      senderReference: data.senderReference ?? null,
      receivedAt: data.receivedAt,
      channel: 'digital',
      area: await areaId(app, data.area ?? 'DC'),
      requesterName: 'Lic. Persona Privada',
      requesterPhone: '722 111 2233',
      requesterEmail: 'privada@calimaya.gob.mx',
    } as never,
  })) as { documentId: string; folio: string };

const addItem = async (
  app: TestApp,
  uid: string,
  workflow: 'design' | 'web-publication',
  oficio: string
) =>
  app.strapi.documents(uid as UID.ContentType).create({
    data: { ...completeData(workflow, 0), oficio } as never,
  });

describe('búsqueda de oficios en cualquier estado', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  const search = async (session: Session, query: Record<string, string | number>) =>
    (await app.http().get('/comunicacion/oficios').query(query).set(session.auth).expect(200))
      .body as Result;
  const folios = (result: Result) => result.data.map((oficio) => oficio.folio);

  let feria: { documentId: string; folio: string };
  let becas: { documentId: string; folio: string };
  let difusion: { documentId: string; folio: string };
  let cerrado: { documentId: string; folio: string };

  beforeAll(async () => {
    // Four oficios received on different days of January 2027 (Mexico City is UTC-6).
    feria = await register(app, {
      subject: 'Cartel de la Feria del Elote',
      senderReference: 'DC/045/2027',
      receivedAt: '2027-01-04T16:00:00Z',
    });
    becas = await register(app, {
      subject: 'Convocatoria de becas',
      senderReference: 'DE/010/2027',
      receivedAt: '2027-01-11T05:30:00Z', // 10/01 at 23:30 in Mexico City
      area: 'DE',
    });
    difusion = await register(app, {
      subject: 'DIFUSIÓN de la jornada de salud',
      senderReference: 'SMDIF/7/2027',
      receivedAt: '2027-01-18T17:00:00Z',
      area: 'SMDIF',
    });
    cerrado = await register(app, {
      subject: 'Publicación ya atendida',
      receivedAt: '2027-01-20T17:00:00Z',
    });
    await addItem(app, 'api::design.design', 'design', feria.documentId);
    await addItem(app, 'api::design.design', 'design', feria.documentId);
    await addItem(app, 'api::web-publication.web-publication', 'web-publication', becas.documentId);
    // Test set-up, not a door under test: the last oficio is already closed.
    await app.strapi.db
      .query(OFICIO_UID)
      .update({ where: { documentId: cerrado.documentId }, data: { workflowStatus: 'atendido' } });
  });

  it('sin filtros lista todos, del más reciente al más antiguo, con etiquetas en español', async () => {
    const result = await search(staff.coordinador_comunicacion, {});

    expect(folios(result).slice(0, 4)).toEqual([
      cerrado.folio,
      difusion.folio,
      becas.folio,
      feria.folio,
    ]);
    expect(result.meta.pagination).toEqual({
      page: 1,
      pageSize: 25,
      pageCount: 1,
      total: result.data.length,
    });
    const first = result.data.find((oficio) => oficio.documentId === feria.documentId)!;
    expect(first).toEqual({
      documentId: feria.documentId,
      folio: feria.folio,
      senderReference: 'DC/045/2027',
      subject: 'Cartel de la Feria del Elote',
      area: expect.objectContaining({ shortName: 'DC', kind: 'dependencia' }),
      receivedAt: '2027-01-04T16:00:00.000Z',
      status: 'recibido',
      statusLabel: 'Recibido',
      isLate: false,
      services: [{ workflow: 'design', label: 'Diseño', count: 2 }],
    });
    expect(result.meta.states).toContainEqual({ value: 'atendido', label: 'Atendido' });
    expect(result.meta.services).toContainEqual({ value: 'design', label: 'Diseño' });
  });

  it('no trae datos personales del solicitante', async () => {
    const result = await search(staff.director, {});
    const text = JSON.stringify(result);
    expect(text).not.toContain('Persona Privada');
    expect(text).not.toContain('722 111 2233');
    expect(text).not.toContain('privada@calimaya.gob.mx');
    for (const oficio of result.data) {
      expect(Object.keys(oficio).sort()).toEqual(
        [
          'area',
          'documentId',
          'folio',
          'isLate',
          'receivedAt',
          'senderReference',
          'services',
          'status',
          'statusLabel',
          'subject',
        ].sort()
      );
    }
  });

  it('el texto busca en folio, número del área y asunto, sin distinguir mayúsculas ni acentos', async () => {
    const designer = staff.disenador_senior;
    expect(folios(await search(designer, { q: 'feria del elote' }))).toEqual([feria.folio]);
    expect(folios(await search(designer, { q: 'de/010' }))).toEqual([becas.folio]);
    // «difusion» finds «DIFUSIÓN»; «publicacion» finds «Publicación».
    expect(folios(await search(designer, { q: 'difusion' }))).toEqual([difusion.folio]);
    expect(folios(await search(designer, { q: 'PUBLICACION' }))).toEqual([cerrado.folio]);
    expect(folios(await search(designer, { q: feria.folio.toLowerCase() }))).toEqual([feria.folio]);
    // LIKE wildcards are text.
    expect((await search(designer, { q: '%' })).data).toEqual([]);
  });

  it('comillas, signos de interrogación, diagonales y comodines en el texto o el folio son texto', async () => {
    const designer = staff.disenador_senior;
    const hostile = ["' OR 1=1 --", '?', '??', '\\', '%_%', '"; DROP TABLE oficios; --', '$1'];
    for (const text of hostile) {
      expect((await search(designer, { q: text })).data).toEqual([]);
      expect((await search(designer, { folio: text })).data).toEqual([]);
      expect((await search(designer, { folio: text, status: 'recibido', q: text })).data).toEqual(
        []
      );
    }
    // The same filters still find what they should afterwards.
    expect(folios(await search(designer, { folio: feria.folio, q: 'elote' }))).toEqual([
      feria.folio,
    ]);
  });

  it('el texto también busca en el nombre y las siglas del área, sin mayúsculas ni acentos', async () => {
    const designer = staff.disenador_senior;
    // Dirección de Cultura (DC): «Cultura» finds its oficios, not those of other areas.
    expect(folios(await search(designer, { q: 'Cultura' }))).toEqual([cerrado.folio, feria.folio]);
    expect(folios(await search(designer, { q: 'direccion de educacion' }))).toEqual([becas.folio]);
    // By short name: nothing else of this oficio says «DDE».
    const expo = await register(app, {
      subject: 'Expo de productores',
      receivedAt: '2027-01-25T17:00:00Z',
      area: 'DDE',
    });
    expect(folios(await search(designer, { q: 'dde' }))).toEqual([expo.folio]);
    expect(folios(await search(designer, { q: 'economico' }))).toEqual([expo.folio]);
    // Still paginated in the database.
    const page = await search(designer, { q: 'cultura', pageSize: 1, page: 2 });
    expect(folios(page)).toEqual([feria.folio]);
    expect(page.meta.pagination).toMatchObject({ total: 2, pageCount: 2 });
  });

  it('la condición rápida del texto encuentra exactamente lo mismo que el plegado completo', async () => {
    // Given: texts mixing accented capitals and small letters, ñ, LIKE wildcards and a backslash,
    // and searches taken from them (folded or not) or made up.
    let seed = 19;
    // Park and Miller's minimal generator: the same pairs on every run.
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const alphabet = [...'aeiounAEIOUNáéíóúñÁÉÍÓÚÑàüÜçÇøØ xyzXYZ%_\\/1'];
    const word = (length: number) => Array.from({ length }, () => pick(alphabet)).join('');
    const values = [
      'DIFUSIÓN de la jornada de salud',
      'Año de la Niñez',
      'Evento 50% _gratis_ C:\\ruta',
      ...Array.from({ length: 40 }, () => word(1 + Math.floor(random() * 12))),
    ];
    const searches = [
      'difusion',
      'DIFUSIÓN DE',
      'ano',
      'niñez',
      'nine',
      '50%',
      '_g',
      '\\r',
      'ç',
      'ø',
      ...values.map((value) => {
        const start = Math.floor(random() * value.length);
        const piece = value.slice(start, start + 1 + Math.floor(random() * 4));
        return random() < 0.5 ? piece : fold(piece);
      }),
      ...Array.from({ length: 20 }, () => word(1 + Math.floor(random() * 3))),
    ].filter((text) => text.trim() !== '');
    const knex = app.strapi.db.connection;

    // When / Then: on this database, both conditions agree on every pair.
    let found = 0;
    for (const text of searches) {
      const [fast, fastBindings] = foldedContains('v', text);
      const rows = (await knex
        .from(
          knex.raw(
            `(${values.map(() => 'SELECT CAST(? AS VARCHAR(255)) AS v').join(' UNION ALL ')}) s`,
            values
          )
        )
        .select(
          'v',
          knex.raw(`CASE WHEN ${fast} THEN 1 ELSE 0 END AS fast`, fastBindings),
          knex.raw(`CASE WHEN ${foldedSql('v')} LIKE ? ESCAPE '\\' THEN 1 ELSE 0 END AS full`, [
            containsPattern(text),
          ])
        )) as { v: string; fast: unknown; full: unknown }[];
      expect(rows).toHaveLength(values.length);
      for (const row of rows) {
        expect({ text, value: row.v, hit: Number(row.fast) }).toEqual({
          text,
          value: row.v,
          hit: Number(row.full),
        });
        found += Number(row.full);
      }
    }
    // The pairs include matches, not only misses.
    expect(found).toBeGreaterThan(searches.length);
  });

  it('filtra por folio, área, estado, servicio y rango de recepción (días de la Ciudad de México)', async () => {
    const session = staff.coordinador_gobierno_digital;
    expect(folios(await search(session, { folio: feria.folio }))).toEqual([feria.folio]);

    const de = (await app.strapi.db
      .query('api::area.area')
      .findOne({ where: { shortName: 'DE' } })) as { documentId: string };
    expect(folios(await search(session, { area: de.documentId }))).toEqual([becas.folio]);

    // A closed oficio is found too.
    expect(folios(await search(session, { status: 'atendido' }))).toEqual([cerrado.folio]);

    expect(folios(await search(session, { service: 'design' }))).toEqual([feria.folio]);
    expect(folios(await search(session, { service: 'web-publication' }))).toEqual([becas.folio]);
    expect(folios(await search(session, { service: 'advisory' }))).toEqual([]);

    // 23:30 of 10/01 in Mexico City is the 10th, although it is the 11th in UTC.
    expect(
      folios(await search(session, { receivedFrom: '2027-01-10', receivedTo: '2027-01-10' }))
    ).toEqual([becas.folio]);
    expect(
      folios(await search(session, { receivedFrom: '2027-01-04', receivedTo: '2027-01-18' }))
    ).toEqual([difusion.folio, becas.folio, feria.folio]);
    expect(folios(await search(session, { receivedTo: '2027-01-09' }))).toEqual([feria.folio]);

    // Filters add up.
    expect(
      folios(await search(session, { q: 'becas', service: 'design', receivedFrom: '2027-01-01' }))
    ).toEqual([]);
  });

  it('pagina en la base de datos sin repetir ni perder oficios', async () => {
    const session = staff.director;
    const all = await search(session, { pageSize: 100 });
    const pages: string[] = [];
    for (let page = 1; page <= Math.ceil(all.meta.pagination.total / 2); page += 1) {
      const result = await search(session, { page, pageSize: 2 });
      expect(result.meta.pagination).toMatchObject({
        page,
        pageSize: 2,
        total: all.meta.pagination.total,
        pageCount: Math.ceil(all.meta.pagination.total / 2),
      });
      pages.push(...folios(result));
    }
    expect(pages).toEqual(folios(all));
    expect((await search(session, { page: 99, pageSize: 2 })).data).toEqual([]);
  });

  it('un filtro inválido responde 400 INVALID_QUERY con un mensaje en español', async () => {
    const cases: Record<string, string>[] = [
      { status: 'perdido' },
      { service: 'pizza' },
      { receivedFrom: '2027-13-01' },
      { receivedTo: '04/01/2027' },
      { receivedFrom: '2027-02-01', receivedTo: '2027-01-01' },
      { page: '0' },
      { page: 'dos' },
      { pageSize: '101' },
      { area: "x' OR 1=1" },
      { q: 'x'.repeat(201) },
    ];
    for (const query of cases) {
      const res = await app
        .http()
        .get('/comunicacion/oficios')
        .query(query)
        .set(staff.director.auth)
        .expect(400);
      expect(res.body.error.details.code).toBe('INVALID_QUERY');
      expect(res.body.error.message).toMatch(/[áéíóúñ]|debe|admite|existe/);
    }
    const repeated = await app
      .http()
      .get('/comunicacion/oficios?status=recibido&status=atendido')
      .set(staff.director.auth)
      .expect(400);
    expect(repeated.body.error.details.code).toBe('INVALID_QUERY');
  });

  it('sin el permiso de ver oficios responde 403; sin sesión, 401', async () => {
    await app.strapi.service('admin::role').create({
      name: 'Consulta sin permisos',
      code: 'consulta-sin-permisos',
      description: 'Sin acciones del complemento',
    });
    const nobody = await loginAsAdmin(app, 'consulta-sin-permisos');
    await app.http().get('/comunicacion/oficios').set(nobody.auth).expect(403);
    await app.http().get('/comunicacion/oficios').expect(401);
    // The oficio page keeps answering on its own route.
    await app
      .http()
      .get(`/comunicacion/oficios/${feria.documentId}`)
      .set(staff.director.auth)
      .expect(200);
  });
});
