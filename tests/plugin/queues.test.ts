import crypto from 'node:crypto';
import type { UID } from '@strapi/strapi';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { completeData, createOficio, useStaffApp } from '../harness/workflow-fixtures';
import { QUEUES } from '../../src/domain/queues';
import { mexicoCityParts, addCalendarDays } from '../../src/domain/calendar';
import type { Role, WorkflowKey } from '../../src/domain/workflows';
import { WORKFLOW_UIDS } from '../../src/domain/workflows';
import type { GetQueue, ListQueues } from '../../src/plugins/comunicacion/shared/contracts/queues';
import type { GetMeta } from '../../src/plugins/comunicacion/shared/contracts/items';

const today = () => mexicoCityParts(new Date()).date;

/** A word no other row contains, so a search isolates one test's rows. */
const token = () => `zq${crypto.randomBytes(4).toString('hex')}`;

interface Made {
  documentId: string;
  id: number;
  oficioDocumentId: string;
  oficioId: number;
}

/**
 * A work item standing in `state` with the given due date, owned by an oficio of `area` received
 * at `receivedAt`. State, due date and assignees are written directly: test set-up, not a door
 * under test.
 */
const make = async (
  app: TestApp,
  workflow: Exclude<WorkflowKey, 'oficio'>,
  {
    title,
    state,
    dueAt = null,
    area = 'DC',
    receivedAt = '2027-01-04T16:00:00Z',
    data = {},
    assignees,
  }: {
    title: string;
    state: string;
    dueAt?: string | null;
    area?: string;
    receivedAt?: string;
    data?: Record<string, unknown>;
    assignees?: number[];
  }
): Promise<Made> => {
  const uid = WORKFLOW_UIDS[workflow] as UID.ContentType;
  const oficio = await createOficio(app, { area, receivedAt });
  const created = await app.strapi.documents(uid).create({
    data: {
      ...completeData(workflow, 0),
      ...(workflow === 'coverage-event' ? { crew: [] } : {}),
      title,
      oficio: oficio.documentId,
    } as never,
  });
  const row = (await app.strapi.db
    .query(uid)
    .findOne({ where: { documentId: created.documentId }, select: ['id'] })) as { id: number };
  await app.strapi.db.query(uid).update({
    where: { id: row.id },
    data: {
      workflowStatus: state,
      dueAt,
      ...data,
      ...(assignees ? { assignees } : {}),
    } as never,
  });
  return {
    documentId: created.documentId,
    id: row.id,
    oficioDocumentId: oficio.documentId,
    oficioId: (oficio as unknown as { id: number }).id,
  };
};

const getQueue = (
  app: TestApp,
  session: Session,
  key: string,
  query: Record<string, string | number> = {}
) => app.http().get(`/comunicacion/queues/${key}`).query(query).set(session.auth);

/**
 * Every page of a queue filtered by `q`, read `pageSize` rows at a time; each page's pagination
 * is checked against `total`.
 */
const readPages = async (
  app: TestApp,
  session: Session,
  key: string,
  { q, pageSize, total }: { q: string; pageSize: number; total: number }
) => {
  const pageCount = Math.ceil(total / pageSize);
  const bodies: GetQueue.Response[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const res = await getQueue(app, session, key, { q, page, pageSize }).expect(200);
    const body = res.body as GetQueue.Response;
    expect(body.meta.pagination).toEqual({ page, pageSize, pageCount, total });
    bodies.push(body);
  }
  return bodies;
};

describe('bandejas del complemento comunicacion', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  describe('quién ve qué bandeja', () => {
    it('el diseñador senior ve solo diseño senior, revisión del área e imprenta', async () => {
      const res = await app
        .http()
        .get('/comunicacion/queues')
        .set(staff.disenador_senior.auth)
        .expect(200);
      const body = res.body as ListQueues.Response;
      expect(body.data.map((queue) => queue.key)).toEqual([
        'diseno_senior',
        'revision_area',
        'imprenta',
      ]);
      body.data.forEach((queue) => {
        expect(queue.label).toBeTruthy();
        expect(typeof queue.total).toBe('number');
        expect(typeof queue.overdue).toBe('number');
      });

      for (const key of ['diseno_senior', 'revision_area', 'imprenta']) {
        await getQueue(app, staff.disenador_senior, key).expect(200);
      }
      for (const queue of QUEUES.filter(
        (q) => !['diseno_senior', 'revision_area', 'imprenta'].includes(q.key)
      )) {
        const refused = await getQueue(app, staff.disenador_senior, queue.key);
        expect(refused.status).toBe(403);
        expect(refused.body.error.details.code).toBe('QUEUE_FORBIDDEN');
        expect(refused.body.error.message).toContain(queue.label);
      }
    });

    it('el Director ve las diez bandejas; una bandeja inexistente responde 404', async () => {
      const res = await app.http().get('/comunicacion/queues').set(staff.director.auth).expect(200);
      expect((res.body as ListQueues.Response).data.map((queue) => queue.key)).toEqual(
        QUEUES.map((queue) => queue.key)
      );
      for (const queue of QUEUES) await getQueue(app, staff.director, queue.key).expect(200);
      const missing = await getQueue(app, staff.director, 'no_existe').expect(404);
      expect(missing.body.error.details.code).toBe('QUEUE_NOT_FOUND');
      await app.http().get('/comunicacion/queues').expect(401);
    });

    it('meta: persona, áreas, personal, bandejas visibles y permisos del que llama', async () => {
      const res = await app
        .http()
        .get('/comunicacion/meta')
        .set(staff.disenador_senior.auth)
        .expect(200);
      const { data } = res.body as GetMeta.Response;
      expect(data.user.id).toBe(staff.disenador_senior.user.id);
      expect(data.user.roles).toEqual(['cs-disenador-senior']);
      expect(data.user.name).toBe('Persona De Prueba');
      expect(data.queues.map((queue) => queue.key)).toEqual([
        'diseno_senior',
        'revision_area',
        'imprenta',
      ]);
      expect(data.permissions).toEqual(
        expect.arrayContaining(['queues.diseno-senior.read', 'transitions.fire'])
      );
      expect(data.permissions).not.toContain('dashboard.read');
      expect(data.permissions).not.toContain('queues.cobertura.read');
      const areaCount = await app.strapi.db.query('api::area.area').count();
      expect(data.areas).toHaveLength(areaCount);
      expect(data.areas.find((area) => area.shortName === 'SMDIF')?.kind).toBe(
        'organismo_auxiliar'
      );
      const photographer = data.staff.find((member) => member.id === staff.fotografo.user.id);
      expect(photographer).toEqual({
        id: staff.fotografo.user.id,
        name: 'Persona De Prueba',
        roles: ['cs-fotografo'],
      });

      const director = await app.http().get('/comunicacion/meta').set(staff.director.auth);
      expect((director.body as GetMeta.Response).data.queues).toHaveLength(QUEUES.length);
      expect((director.body as GetMeta.Response).data.permissions).toContain('dashboard.read');
    });
  });

  describe('orden, paginación e insignias', () => {
    it('ordena por vencimiento (sin fecha al final) y luego por recepción del oficio', async () => {
      const word = token();
      // Given: designs for dependencias with due dates and receptions out of order.
      const late = await make(app, 'design', {
        title: `${word} d`,
        state: 'pendiente',
        dueAt: '2027-02-10',
      });
      const noDate = await make(app, 'design', {
        title: `${word} e`,
        state: 'en_diseno',
        dueAt: null,
      });
      const secondReceived = await make(app, 'design', {
        title: `${word} b`,
        state: 'con_observaciones',
        dueAt: '2027-02-05',
        receivedAt: '2027-01-06T16:00:00Z',
      });
      const firstReceived = await make(app, 'design', {
        title: `${word} a`,
        state: 'pendiente',
        dueAt: '2027-02-05',
        receivedAt: '2027-01-05T16:00:00Z',
      });
      const earliest = await make(app, 'design', {
        title: `${word} c`,
        state: 'pendiente',
        dueAt: '2027-01-20',
        receivedAt: '2027-01-08T16:00:00Z',
      });
      // An organismo auxiliar's design goes to the junior designer, not here.
      await make(app, 'design', { title: `${word} f`, state: 'pendiente', area: 'SMDIF' });

      // When / Then
      const res = await getQueue(app, staff.disenador_senior, 'diseno_senior', { q: word }).expect(
        200
      );
      const body = res.body as GetQueue.Response;
      expect(body.data.map((item) => item.documentId)).toEqual([
        earliest.documentId,
        firstReceived.documentId,
        secondReceived.documentId,
        late.documentId,
        noDate.documentId,
      ]);
      expect(body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 5 });
      const first = body.data[1];
      expect(first).toMatchObject({
        uid: 'api::design.design',
        workflow: 'design',
        workflowLabel: expect.any(String),
        title: `${word} a`,
        status: 'pendiente',
        statusLabel: 'Pendiente',
        dueAt: '2027-02-05',
        receivedAt: '2027-01-05T16:00:00.000Z',
        area: { name: 'Dirección de Cultura', shortName: 'DC', kind: 'dependencia' },
        oficio: {
          documentId: firstReceived.oficioDocumentId,
          folio: expect.stringMatching(/^DCSGD\//),
        },
        medium: 'digital',
      });
      // Besides designs, the web publications whose image is with the designer (manual GD 1).
      expect(body.meta.states.map((state) => `${state.workflow} ${state.state}`)).toEqual([
        'design pendiente',
        'design en_diseno',
        'design con_observaciones',
        'web-publication en_diseno',
      ]);
      expect(body.meta.queue.key).toBe('diseno_senior');

      const junior = await getQueue(app, staff.disenador_junior, 'diseno_junior', {
        q: word,
      }).expect(200);
      expect((junior.body as GetQueue.Response).data.map((item) => item.title)).toEqual([
        `${word} f`,
      ]);
    });

    it('une varias fuentes en una sola lista: redes sociales con publicaciones y arte digital aprobado', async () => {
      const word = token();
      const post = await make(app, 'social-post', {
        title: `${word} post`,
        state: 'programada',
        dueAt: '2027-03-02',
      });
      const art = await make(app, 'design', {
        title: `${word} arte`,
        state: 'aprobado',
        dueAt: '2027-03-01',
      });
      // Approved print material goes to Imprenta, not to social media.
      const print = await make(app, 'design', {
        title: `${word} lona`,
        state: 'aprobado',
        dueAt: '2027-02-01',
        data: { medium: 'impreso' },
      });

      const res = await getQueue(app, staff.community_manager, 'redes_sociales', {
        q: word,
      }).expect(200);
      expect(
        (res.body as GetQueue.Response).data.map((item) => [item.uid, item.documentId])
      ).toEqual([
        ['api::design.design', art.documentId],
        ['api::social-post.social-post', post.documentId],
      ]);
      const imprenta = await getQueue(app, staff.disenador_senior, 'imprenta', { q: word });
      expect((imprenta.body as GetQueue.Response).data.map((item) => item.documentId)).toEqual([
        print.documentId,
      ]);
    });

    it('pagina en la base: totales, páginas sin huecos ni repetidos y límites de pageSize', async () => {
      const word = token();
      const made: string[] = [];
      for (let i = 0; i < 7; i++) {
        const item = await make(app, 'coverage-event', {
          title: `${word} ${i}`,
          state: 'solicitada',
          dueAt: addCalendarDays('2027-04-01', i % 3),
        });
        made.push(item.documentId);
      }
      const all = await getQueue(app, staff.fotografo, 'cobertura', { q: word }).expect(200);
      const ordered = (all.body as GetQueue.Response).data.map((item) => item.documentId);
      expect([...ordered].sort()).toEqual([...made].sort());

      const pages: string[] = [];
      const bodies = await readPages(app, staff.fotografo, 'cobertura', {
        q: word,
        pageSize: 3,
        total: 7,
      });
      expect(bodies).toHaveLength(3);
      for (const [index, body] of bodies.entries()) {
        expect(body.data).toHaveLength(index === 2 ? 1 : 3);
        pages.push(...body.data.map((item) => item.documentId));
      }
      expect(pages).toEqual(ordered);
      expect((all.body as GetQueue.Response).data[0].startsAt).toEqual(expect.any(String));

      for (const pageSize of ['0', '101', 'x']) {
        const res = await getQueue(app, staff.fotografo, 'cobertura', { pageSize }).expect(400);
        expect(res.body.error.details.code).toBe('INVALID_REQUEST');
      }
      await getQueue(app, staff.fotografo, 'cobertura', { page: '-1' }).expect(400);
      const max = await getQueue(app, staff.fotografo, 'cobertura', { pageSize: 100 }).expect(200);
      expect((max.body as GetQueue.Response).meta.pagination.pageSize).toBe(100);

      // The queue's own counts match its listing.
      const list = await app.http().get('/comunicacion/queues').set(staff.fotografo.auth);
      const summary = (list.body as ListQueues.Response).data.find((q) => q.key === 'cobertura');
      const whole = await getQueue(app, staff.fotografo, 'cobertura').expect(200);
      expect(summary?.total).toBe((whole.body as GetQueue.Response).meta.pagination.total);
    });

    it('los empates de fecha y recepción se deshacen por fuente e id en cada página, y una página después de la última viene vacía', async () => {
      const word = token();
      // Given: publications (first source) and digital art (second source) with the same due
      // date and the same reception, created in alternating order, and two without a due date.
      const made: { source: number; id: number; documentId: string }[] = [];
      for (let i = 0; i < 6; i++) {
        const design = i % 2 === 0;
        const item = await make(app, design ? 'design' : 'social-post', {
          title: `${word} ${i}`,
          state: design ? 'aprobado' : 'programada',
          dueAt: i < 4 ? '2027-05-03' : null,
          receivedAt: '2027-04-20T16:00:00Z',
        });
        made.push({ source: design ? 1 : 0, id: item.id, documentId: item.documentId });
      }
      const expected = (rows: typeof made) =>
        [...rows].sort((a, b) => a.source - b.source || a.id - b.id).map((row) => row.documentId);
      const dated = made.slice(0, 4);
      const undated = made.slice(4);

      // When: the queue read two rows at a time.
      const pages: string[] = [];
      const bodies = await readPages(app, staff.community_manager, 'redes_sociales', {
        q: word,
        pageSize: 2,
        total: 6,
      });
      expect(bodies).toHaveLength(3);
      for (const body of bodies) {
        pages.push(...body.data.map((item) => item.documentId));
        for (const item of body.data) {
          expect(item.title.startsWith(word)).toBe(true);
          expect(item.area).toMatchObject({ shortName: 'DC' });
          expect(item.receivedAt).toBe('2027-04-20T16:00:00.000Z');
        }
      }

      // Then: dated first, each group by source then id, every row exactly once.
      expect(pages).toEqual([...expected(dated), ...expected(undated)]);
      const whole = await getQueue(app, staff.community_manager, 'redes_sociales', {
        q: word,
      }).expect(200);
      expect((whole.body as GetQueue.Response).data.map((item) => item.documentId)).toEqual(pages);

      const past = await getQueue(app, staff.community_manager, 'redes_sociales', {
        q: word,
        page: 4,
        pageSize: 2,
      }).expect(200);
      expect((past.body as GetQueue.Response).data).toEqual([]);
      expect((past.body as GetQueue.Response).meta.pagination).toEqual({
        page: 4,
        pageSize: 2,
        pageCount: 3,
        total: 6,
      });
    });

    it('insignias: vencido, vence hoy, extemporáneo por aceptar y en pausa', async () => {
      const word = token();
      const overdue = await make(app, 'design', {
        title: `${word} vencido`,
        state: 'pendiente',
        dueAt: addCalendarDays(today(), -3),
      });
      const dueToday = await make(app, 'design', {
        title: `${word} hoy`,
        state: 'en_diseno',
        dueAt: today(),
      });
      const paused = await make(app, 'design', {
        title: `${word} pausa`,
        state: 'con_observaciones',
        dueAt: addCalendarDays(today(), 10),
      });
      await app.strapi.db
        .query('api::oficio.oficio')
        .update({ where: { id: paused.oficioId }, data: { isLate: true, lateAcceptedAt: null } });
      const accepted = await make(app, 'design', {
        title: `${word} aceptado`,
        state: 'pendiente',
        dueAt: addCalendarDays(today(), 11),
      });
      await app.strapi.db.query('api::oficio.oficio').update({
        where: { id: accepted.oficioId },
        data: { isLate: true, lateAcceptedAt: new Date() },
      });

      const res = await getQueue(app, staff.disenador_senior, 'diseno_senior', { q: word });
      const byId = new Map(
        (res.body as GetQueue.Response).data.map((item) => [item.documentId, item.badges])
      );
      expect(byId.get(overdue.documentId)).toEqual({
        overdue: true,
        dueToday: false,
        late: false,
        awaitingLateAcceptance: false,
        paused: false,
      });
      expect(byId.get(dueToday.documentId)).toMatchObject({ overdue: false, dueToday: true });
      expect(byId.get(paused.documentId)).toEqual({
        overdue: false,
        dueToday: false,
        late: true,
        awaitingLateAcceptance: true,
        paused: true,
      });
      expect(byId.get(accepted.documentId)).toMatchObject({
        late: true,
        awaitingLateAcceptance: false,
        paused: false,
      });

      // The queue summary counts the overdue one.
      const list = await app.http().get('/comunicacion/queues').set(staff.disenador_senior.auth);
      const summary = (list.body as ListQueues.Response).data.find(
        (q) => q.key === 'diseno_senior'
      );
      expect(summary?.overdue).toBeGreaterThanOrEqual(1);
    });

    it('Recepción lista los oficios mismos, con el asunto como título y la pausa por información', async () => {
      const word = token();
      const waiting = await app.strapi.documents('api::oficio.oficio').create({
        data: {
          subject: `${word} faltan datos`,
          receivedAt: '2027-01-04T16:00:00Z',
          channel: 'digital',
          area: (
            await app.strapi.db.query('api::area.area').findOne({ where: { shortName: 'DE' } })
          ).id,
        } as never,
      });
      await app.strapi.db.query('api::oficio.oficio').update({
        where: { documentId: waiting.documentId },
        data: { workflowStatus: 'informacion_incompleta' },
      });
      const fresh = await app.strapi.documents('api::oficio.oficio').create({
        data: {
          subject: `${word} completo`,
          receivedAt: '2027-01-03T16:00:00Z',
          channel: 'fisico',
          area: (
            await app.strapi.db.query('api::area.area').findOne({ where: { shortName: 'PM' } })
          ).id,
        } as never,
      });

      const res = await getQueue(app, staff.coordinador_comunicacion, 'recepcion', {
        q: word,
      }).expect(200);
      const items = (res.body as GetQueue.Response).data;
      expect(items.map((item) => item.documentId)).toEqual([fresh.documentId, waiting.documentId]);
      expect(items[1]).toMatchObject({
        uid: 'api::oficio.oficio',
        title: `${word} faltan datos`,
        status: 'informacion_incompleta',
        dueAt: null,
        oficio: { documentId: waiting.documentId, folio: (waiting as { folio?: string }).folio },
        area: { shortName: 'DE' },
        assignees: [],
      });
      expect(items[1].badges.paused).toBe(true);
      expect(items[0].area).toMatchObject({ shortName: 'PM', kind: 'presidencia' });

      // Search by folio.
      const byFolio = await getQueue(app, staff.coordinador_comunicacion, 'recepcion', {
        q: String((waiting as { folio?: string }).folio).toLowerCase(),
      }).expect(200);
      expect((byFolio.body as GetQueue.Response).data.map((item) => item.documentId)).toEqual([
        waiting.documentId,
      ]);
    });
  });

  it('los índices de las bandejas existen desde el primer arranque', async () => {
    const knex = app.strapi.db.connection;
    const tables = [
      'designs',
      'coverage_events',
      'social_posts',
      'web_publications',
      'transparency_documents',
      'email_account_requests',
      'advisories',
    ];
    const expected = [
      ...tables.flatMap((table) => [
        `cs_${table}_status_due_idx`,
        `cs_${table}_closed_idx`,
        `cs_${table}_due_status_idx`,
      ]),
      'cs_oficios_status_received_idx',
      // Every staff request looks its session up by id.
      'cs_strapi_sessions_session_idx',
    ].sort();
    const names =
      app.db.client === 'postgres'
        ? (await knex.raw("SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'cs\\_%'"))
            .rows
        : await knex.raw(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'cs\\_%' ESCAPE '\\'"
          );
    expect((names as { name: string }[]).map((row) => row.name)).toEqual(
      expect.arrayContaining(expected)
    );
    const migrations = await knex('strapi_migrations').select('name');
    expect(migrations.map((row: { name: string }) => row.name)).toEqual(
      expect.arrayContaining([
        '2026.11.24T01.00.00.queue-indexes.js',
        '2026.12.06T17.00.00.queue-due-indexes.js',
        '2026.12.06T19.00.00.session-index.js',
      ])
    );
  });

  describe('filtros', () => {
    it('por área, estado, responsable, fechas y texto', async () => {
      const word = token();
      const photographer = staff.fotografo.user.id;
      const creator = staff.creador_contenido.user.id;
      const a = await make(app, 'coverage-event', {
        title: `${word} Feria`,
        state: 'solicitada',
        dueAt: '2027-05-03',
        area: 'DC',
        assignees: [photographer],
      });
      const b = await make(app, 'coverage-event', {
        title: `${word} Informe`,
        state: 'programada',
        dueAt: '2027-05-10',
        area: 'PM',
        assignees: [photographer, creator],
      });
      const c = await make(app, 'coverage-event', {
        title: `${word} Desfile`,
        state: 'cubierta',
        dueAt: '2027-05-20',
        area: 'DC',
      });
      const ids = async (query: Record<string, string>) => {
        const res = await getQueue(app, staff.fotografo, 'cobertura', { q: word, ...query }).expect(
          200
        );
        return (res.body as GetQueue.Response).data.map((item) => item.documentId);
      };
      const area = async (shortName: string) =>
        (
          (await app.strapi.db.query('api::area.area').findOne({ where: { shortName } })) as {
            documentId: string;
          }
        ).documentId;

      expect(await ids({ area: await area('DC') })).toEqual([a.documentId, c.documentId]);
      expect(await ids({ area: await area('PM') })).toEqual([b.documentId]);
      expect(await ids({ state: 'programada' })).toEqual([b.documentId]);
      expect(await ids({ assignee: String(photographer) })).toEqual([a.documentId, b.documentId]);
      expect(await ids({ assignee: String(creator) })).toEqual([b.documentId]);
      expect(await ids({ assignee: 'none' })).toEqual([c.documentId]);
      expect(await ids({ dueFrom: '2027-05-04' })).toEqual([b.documentId, c.documentId]);
      expect(await ids({ dueTo: '2027-05-10' })).toEqual([a.documentId, b.documentId]);
      expect(await ids({ dueFrom: '2027-05-10', dueTo: '2027-05-10' })).toEqual([b.documentId]);
      // Case-insensitive text search within the queue.
      const res = await getQueue(app, staff.fotografo, 'cobertura', {
        q: `${word} informe`.toUpperCase(),
      }).expect(200);
      expect((res.body as GetQueue.Response).data.map((item) => item.documentId)).toEqual([
        b.documentId,
      ]);
      // Wildcards are text, not patterns.
      expect(await ids({ q: `${word}%` })).toEqual([]);

      const assigned = await getQueue(app, staff.fotografo, 'cobertura', {
        q: word,
        state: 'programada',
      });
      expect((assigned.body as GetQueue.Response).data[0].assignees).toEqual([
        { id: photographer, name: 'Persona De Prueba' },
        { id: creator, name: 'Persona De Prueba' },
      ]);

      // Bad filters are refused in Spanish with a stable code.
      for (const query of [
        { state: 'publicada' } as Record<string, string>,
        { assignee: 'alguien' },
        { dueFrom: '2027-02-30' },
        { dueFrom: '2027-05-10', dueTo: '2027-05-01' },
      ]) {
        const refused = await getQueue(app, staff.fotografo, 'cobertura', query).expect(400);
        expect(refused.body.error.details.code).toBe('INVALID_REQUEST');
        expect(refused.body.error.message).toMatch(/[a-záéíóúñ]/);
      }
    });
  });
});
