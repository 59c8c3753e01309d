import { bootApp, type TestApp } from './harness/app';
import { createTestDatabase, type TestDatabase } from './harness/database';
import { DEFAULT_DEMO_ADMIN_EMAIL, ensureDemoAdmin } from '../src/bootstrap/demo-admin';
import { DEMO_AREA_ACCOUNTS, seedDemoAreaAccounts } from '../src/bootstrap/demo-area-accounts';

const login = (app: TestApp, email: string, password: string) =>
  app.http().post('/admin/login').send({ email, password });

describe('administrador de demostración en desarrollo', () => {
  let db: TestDatabase;
  let app: TestApp | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterEach(async () => {
    await app?.close({ keepDatabase: true });
    app = undefined;
  });

  afterAll(async () => {
    await db.drop();
  });

  it('se crea en el primer arranque con ADMIN_EMAIL y ADMIN_PASSWORD', async () => {
    app = await bootApp({
      db,
      env: {
        NODE_ENV: 'development',
        ADMIN_EMAIL: 'Directora@Calimaya.local',
        ADMIN_PASSWORD: 'Calimaya2026',
      },
    });

    const res = await login(app, 'directora@calimaya.local', 'Calimaya2026').expect(200);
    expect(res.body.data.user.roles).toBeUndefined(); // the login answer carries no role list
    const me = await app
      .http()
      .get('/admin/users/me')
      .set({ Authorization: `Bearer ${res.body.data.token}` })
      .expect(200);
    expect(me.body.data.roles.map((r: { code: string }) => r.code)).toEqual(['strapi-super-admin']);

    // Demo work: real oficios with folios, their services and their log.
    const oficios = (await app.strapi.db
      .query('api::oficio.oficio')
      .findMany({ select: ['folio', 'workflowStatus'] })) as {
      folio: string;
      workflowStatus: string;
    }[];
    expect(oficios).toHaveLength(6);
    oficios.forEach((o) => expect(o.folio).toMatch(/^DCSGD\/\d{4}\/\d{4}$/));
    expect(await app.strapi.db.query('api::design.design').count()).toBe(3);
    // One of them was asked for too late, so its oficio waits for acceptance.
    expect(await app.strapi.db.query('api::oficio.oficio').count({ where: { isLate: true } })).toBe(
      1
    );
    expect(
      await app.strapi.db.query('api::transition-log.transition-log').count()
    ).toBeGreaterThanOrEqual(10);
    // A web publication whose image is with the designer, and an organismo's coverage with its bulletin.
    expect(
      await app.strapi.db
        .query('api::web-publication.web-publication')
        .count({ where: { workflowStatus: 'en_diseno', designRequest: { $notNull: true } } })
    ).toBe(1);
    expect(
      await app.strapi.db
        .query('api::coverage-event.coverage-event')
        .count({ where: { bulletin: { $notNull: true } } })
    ).toBe(1);
  });

  it('un segundo arranque conserva la base de datos y el administrador', async () => {
    app = await bootApp({
      db,
      env: {
        NODE_ENV: 'development',
        ADMIN_EMAIL: 'otra@calimaya.local',
        ADMIN_PASSWORD: 'Distinta2026',
      },
    });

    await login(app, 'directora@calimaya.local', 'Calimaya2026').expect(200);
    await login(app, 'otra@calimaya.local', 'Distinta2026').expect(400);
    expect(await app.strapi.db.query('admin::user').count()).toBe(1);
    // The demo area accounts were created on the first boot only.
    expect(
      await app.strapi.db
        .query('plugin::users-permissions.user')
        .count({ where: { role: { type: 'area-solicitante' } } })
    ).toBe(DEMO_AREA_ACCOUNTS.length);
    expect(await app.strapi.db.query('api::oficio.oficio').count()).toBe(6);
  });

  it('no se crea fuera de desarrollo', async () => {
    const fresh = await createTestDatabase();
    app = await bootApp({
      db: fresh,
      env: { NODE_ENV: 'test', ADMIN_EMAIL: 'x@calimaya.local', ADMIN_PASSWORD: 'Calimaya2026' },
    });
    expect(await app.strapi.db.query('admin::user').count()).toBe(0);
    await app.close();
    app = undefined;
  });
});

describe('ensureDemoAdmin sin variables', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('genera una contraseña válida, la imprime una sola vez y permite entrar con ella', async () => {
    const logged: string[] = [];
    const spy = jest.spyOn(app.strapi.log, 'info').mockImplementation((message: unknown) => {
      logged.push(String(message));
      return app.strapi.log;
    });

    const first = await ensureDemoAdmin({ strapi: app.strapi, env: {} });
    const second = await ensureDemoAdmin({ strapi: app.strapi, env: {} });
    spy.mockRestore();

    expect(first).toMatchObject({
      created: true,
      email: DEFAULT_DEMO_ADMIN_EMAIL,
      generated: true,
    });
    expect(second).toEqual({ created: false });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(DEFAULT_DEMO_ADMIN_EMAIL);
    expect(logged[0]).toContain(first.password);

    await login(app, DEFAULT_DEMO_ADMIN_EMAIL, first.password!).expect(200);
  });

  it('crea una cuenta de área por tipo (dependencia y organismo auxiliar), imprime sus contraseñas una sola vez y entran al portal', async () => {
    const logged: string[] = [];
    const spy = jest.spyOn(app.strapi.log, 'info').mockImplementation((message: unknown) => {
      logged.push(String(message));
      return app.strapi.log;
    });
    const first = await seedDemoAreaAccounts({ strapi: app.strapi });
    const second = await seedDemoAreaAccounts({ strapi: app.strapi });
    spy.mockRestore();

    expect(first.map((account) => account.areaName)).toEqual([
      'Dirección de Cultura',
      'Sistema Municipal para el Desarrollo Integral de la Familia',
    ]);
    expect(second).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('/areas/');
    for (const account of first) {
      expect(logged[0]).toContain(account.email);
      expect(logged[0]).toContain(account.password);
      const res = await app
        .http()
        .post('/api/auth/local')
        .send({ identifier: account.email, password: account.password })
        .expect(200);
      const row = await app.strapi.db.query('plugin::users-permissions.user').findOne({
        where: { email: account.email },
        populate: { role: true, area: true },
      });
      expect(row.role.type).toBe('area-solicitante');
      expect(row.area.name).toBe(account.areaName);
      await app
        .http()
        .get('/api/users/me')
        .set({ Authorization: `Bearer ${res.body.jwt}` })
        .expect(200);
    }
    const kinds = await app.strapi.db.query('api::area.area').findMany({
      where: { name: { $in: first.map((account) => account.areaName) } },
      select: ['kind'],
    });
    expect(kinds.map((area: { kind: string }) => area.kind).sort()).toEqual([
      'dependencia',
      'organismo_auxiliar',
    ]);
  });
});
