import { ROLE_LABELS } from '../../src/domain/workflows';
import { getService } from '../../src/utils/get-service';
import type { NotificationDto } from '../../src/plugins/comunicacion/shared/contracts/notifications';
import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin, type Session } from '../harness/auth';

const TABLE = 'staff_notifications';

interface Fixture {
  title: string;
  minutesAgo: number;
  read?: boolean;
  link?: string | null;
}

describe('notificaciones en el panel (/comunicacion/notifications)', () => {
  let app: TestApp;
  let ana: Session;
  let beto: Session;

  beforeAll(async () => {
    app = await bootApp();
    ana = await loginAsAdmin(app, ROLE_LABELS.disenador_junior);
    beto = await loginAsAdmin(app, ROLE_LABELS.fotografo);
  });

  afterAll(async () => {
    await app?.close();
  });

  const table = () => app.strapi.db.getConnection(TABLE);

  /** Writes notices straight into the table, as the notification rules would, and returns ids. */
  const seed = async (session: Session, fixtures: Fixture[]) => {
    const now = Date.now();
    const ids: number[] = [];
    for (const fixture of fixtures) {
      const createdAt = new Date(now - fixture.minutesAgo * 60_000);
      const [row] = (await table()
        .insert({
          user_id: session.user.id,
          title: fixture.title,
          body: `Detalle de «${fixture.title}»`,
          link: fixture.link === undefined ? '/plugins/comunicacion/bandejas' : fixture.link,
          created_at: createdAt,
          read_at: fixture.read ? createdAt : null,
        })
        .returning('id')) as Array<{ id: number } | number>;
      ids.push(Number(typeof row === 'object' ? row.id : row));
    }
    return ids;
  };

  const readAtOf = async (id: number) =>
    ((await table().where({ id }).first()) as { read_at: unknown } | undefined)?.read_at ?? null;

  const list = (session: Session, query: Record<string, string> = {}) =>
    app.http().get('/comunicacion/notifications').query(query).set(session.auth);
  const unreadCount = async (session: Session) =>
    (await app.http().get('/comunicacion/notifications/unread-count').set(session.auth).expect(200))
      .body.data.count as number;
  const markRead = (session: Session, body: unknown) =>
    app
      .http()
      .post('/comunicacion/notifications/read')
      .set(session.auth)
      .send(body as object);

  beforeEach(async () => {
    await table().delete();
  });

  it('cada quien ve solo sus avisos, del más reciente al más antiguo, con cuántos no ha leído', async () => {
    await seed(ana, [
      { title: 'Te asignaron el arte de la Feria', minutesAgo: 90 },
      { title: 'Observaciones a la propuesta 2', minutesAgo: 5 },
      { title: 'Propuesta aprobada', minutesAgo: 30, read: true, link: null },
    ]);
    await seed(beto, [{ title: 'Cobertura del informe', minutesAgo: 1 }]);

    const res = await list(ana).expect(200);

    const notices = res.body.data as NotificationDto[];
    expect(notices.map((n) => n.title)).toEqual([
      'Observaciones a la propuesta 2',
      'Propuesta aprobada',
      'Te asignaron el arte de la Feria',
    ]);
    expect(notices[0]).toEqual({
      id: expect.any(Number),
      title: 'Observaciones a la propuesta 2',
      body: 'Detalle de «Observaciones a la propuesta 2»',
      link: '/plugins/comunicacion/bandejas',
      subjectUid: null,
      subjectDocumentId: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      readAt: null,
    });
    expect(notices[1]).toMatchObject({ link: null, readAt: expect.any(String) });
    expect(res.body.meta).toEqual({
      pagination: { page: 1, pageSize: 20, pageCount: 1, total: 3 },
      unreadCount: 2,
    });
    expect(await unreadCount(ana)).toBe(2);
    expect(await unreadCount(beto)).toBe(1);
  });

  it('pagina en el servidor y filtra las no leídas', async () => {
    await seed(
      ana,
      Array.from({ length: 7 }, (_, i) => ({
        title: `Aviso ${i + 1}`,
        minutesAgo: 100 - i,
        read: i % 3 === 0,
      }))
    );

    const second = await list(ana, { page: '2', pageSize: '3' }).expect(200);
    expect((second.body.data as NotificationDto[]).map((n) => n.title)).toEqual([
      'Aviso 4',
      'Aviso 3',
      'Aviso 2',
    ]);
    expect(second.body.meta).toEqual({
      pagination: { page: 2, pageSize: 3, pageCount: 3, total: 7 },
      unreadCount: 4,
    });

    const unread = await list(ana, { unread: 'true' }).expect(200);
    expect((unread.body.data as NotificationDto[]).map((n) => n.title)).toEqual([
      'Aviso 6',
      'Aviso 5',
      'Aviso 3',
      'Aviso 2',
    ]);
    expect(unread.body.meta.pagination.total).toBe(4);
    expect((unread.body.data as NotificationDto[]).every((n) => n.readAt === null)).toBe(true);
  });

  it('marcar como leídas cambia solo los avisos propios; los ids ajenos se ignoran', async () => {
    const [first, second, third] = await seed(ana, [
      { title: 'Uno', minutesAgo: 3 },
      { title: 'Dos', minutesAgo: 2 },
      { title: 'Tres', minutesAgo: 1 },
    ]);
    const [betos] = await seed(beto, [{ title: 'De Beto', minutesAgo: 1 }]);

    // Ana sends one of hers, Beto's notice and an id that does not exist.
    const res = await markRead(ana, { ids: [first, betos, 999_999] }).expect(200);

    expect(res.body.data).toEqual({ updated: 1, unreadCount: 2 });
    expect(await readAtOf(first)).not.toBeNull();
    expect(await readAtOf(betos)).toBeNull();
    expect(await unreadCount(beto)).toBe(1);

    // Beto cannot mark Ana's notices either.
    expect((await markRead(beto, { ids: [second, third] }).expect(200)).body.data).toEqual({
      updated: 0,
      unreadCount: 1,
    });
    expect(await unreadCount(ana)).toBe(2);

    // Marking an already read notice again changes nothing and is not an error.
    expect((await markRead(ana, { ids: [first, second] }).expect(200)).body.data).toEqual({
      updated: 1,
      unreadCount: 1,
    });
    const listed = (await list(ana).expect(200)).body.data as NotificationDto[];
    expect(listed.map((n) => [n.title, n.readAt === null])).toEqual([
      ['Tres', true],
      ['Dos', false],
      ['Uno', false],
    ]);
  });

  it('marcar todas como leídas deja en cero a quien lo pide y no toca a los demás', async () => {
    await seed(ana, [
      { title: 'Uno', minutesAgo: 3 },
      { title: 'Dos', minutesAgo: 2 },
      { title: 'Ya leída', minutesAgo: 1, read: true },
    ]);
    await seed(beto, [{ title: 'De Beto', minutesAgo: 1 }]);

    const res = await app
      .http()
      .post('/comunicacion/notifications/read-all')
      .set(ana.auth)
      .expect(200);

    expect(res.body.data).toEqual({ updated: 2, unreadCount: 0 });
    expect(await unreadCount(ana)).toBe(0);
    expect((await list(ana, { unread: 'true' }).expect(200)).body.data).toEqual([]);
    expect(await unreadCount(beto)).toBe(1);
  });

  it('un aviso creado con el servicio aparece en la lista de su destinatario', async () => {
    await getService('staff-notifications', app.strapi).notify({
      userId: ana.user.id,
      title: 'Nueva solicitud asignada',
      body: 'Arte digital para la Feria del Elote',
      link: '/plugins/comunicacion/oficios/abc123',
      subjectUid: 'api::design.design',
      subjectDocumentId: 'abc123',
    });

    const res = await list(ana).expect(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        title: 'Nueva solicitud asignada',
        body: 'Arte digital para la Feria del Elote',
        link: '/plugins/comunicacion/oficios/abc123',
        subjectUid: 'api::design.design',
        subjectDocumentId: 'abc123',
        readAt: null,
      }),
    ]);
    expect(await unreadCount(ana)).toBe(1);
    expect((await list(beto).expect(200)).body.data).toEqual([]);
  });

  it.each([
    [{ page: '0' }, 'La página (page) debe ser un entero mayor que cero.'],
    [{ page: 'dos' }, 'La página (page) debe ser un entero mayor que cero.'],
    [{ pageSize: '101' }, 'El tamaño de página (pageSize) debe ser un entero entre 1 y 100.'],
    [{ pageSize: '2.5' }, 'El tamaño de página (pageSize) debe ser un entero entre 1 y 100.'],
    [{ unread: 'si' }, 'El filtro de no leídas (unread) debe ser «true» o «false».'],
  ])('la lista rechaza %j con un 400 en español', async (query, message) => {
    const res = await list(ana, query).expect(400);
    expect(res.body.error).toMatchObject({ message, details: { code: 'INVALID_REQUEST' } });
  });

  it.each([
    [{}, 'Indica los avisos a marcar como leídos (ids).'],
    [{ ids: [] }, 'Indica al menos un aviso a marcar como leído.'],
    [{ ids: 'todas' }, 'Indica los avisos a marcar como leídos (ids).'],
    [{ ids: ['uno'] }, 'Los avisos (ids) deben ser números enteros positivos.'],
    [{ ids: [0] }, 'Los avisos (ids) deben ser números enteros positivos.'],
  ])('marcar como leídas rechaza %j con un 400 en español', async (body, message) => {
    const [id] = await seed(ana, [{ title: 'Sin tocar', minutesAgo: 1 }]);

    const res = await markRead(ana, body).expect(400);

    expect(res.body.error).toMatchObject({ message, details: { code: 'INVALID_REQUEST' } });
    expect(await readAtOf(id)).toBeNull();
  });

  it('indicar otra persona en el cuerpo no deja marcar sus avisos', async () => {
    const [betos] = await seed(beto, [{ title: 'De Beto', minutesAgo: 1 }]);

    // A field the route does not know is refused, not dropped: the caller learns it does nothing.
    const refused = await markRead(ana, { ids: [betos], userId: beto.user.id }).expect(400);
    expect(refused.body.error.details).toMatchObject({
      code: 'INVALID_REQUEST',
      fields: ['userId'],
    });
    expect(await readAtOf(betos)).toBeNull();

    // Only the caller's own notices are marked: Beto's stays unread.
    const res = await markRead(ana, { ids: [betos] }).expect(200);
    expect(res.body.data).toEqual({ updated: 0, unreadCount: 0 });
    expect(await readAtOf(betos)).toBeNull();
  });

  it('sin sesión de administración no responde ninguna ruta', async () => {
    await app.http().get('/comunicacion/notifications').expect(401);
    await app.http().get('/comunicacion/notifications/unread-count').expect(401);
    await app
      .http()
      .post('/comunicacion/notifications/read')
      .send({ ids: [1] })
      .expect(401);
    await app.http().post('/comunicacion/notifications/read-all').expect(401);
  });
});
