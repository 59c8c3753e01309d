import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin, type Session } from '../harness/auth';

const DASHBOARD = 'plugin::comunicacion.dashboard.read';

/**
 * Each staff request reuses the ability compiled for the same member with exactly the same
 * permissions: a permission given or taken away must count on the very next request.
 */
describe('permisos del personal reutilizados entre solicitudes', () => {
  let app: TestApp;
  let coordinator: Session;
  let roleId: number;

  beforeAll(async () => {
    app = await bootApp();
    coordinator = await loginAsAdmin(app, 'cs-coordinador-comunicacion');
    const role = await app.strapi.db.query('admin::role').findOne({
      where: { code: 'cs-coordinador-comunicacion' },
    });
    roleId = role.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  const dashboard = () => app.http().get('/comunicacion/dashboard').set(coordinator.auth);
  const permissionRows = () =>
    app.strapi.db
      .query('admin::permission')
      .findMany({ where: { role: roleId, action: DASHBOARD } }) as Promise<
      { id: number; action: string; subject: string | null; properties: unknown }[]
    >;

  it('un permiso quitado al rol cuenta en la solicitud siguiente, y devuelto también', async () => {
    expect((await dashboard()).status).toBe(200);
    // Warm: the same member with the same permissions twice.
    expect((await dashboard()).status).toBe(200);

    const rows = await permissionRows();
    expect(rows.length).toBeGreaterThan(0);
    await app.strapi.db
      .query('admin::permission')
      .deleteMany({ where: { id: rows.map((r) => r.id) } });
    const refused = await dashboard();
    expect(refused.status).toBe(403);

    await app.strapi.db.query('admin::permission').create({
      data: { action: DASHBOARD, subject: null, properties: {}, conditions: [], role: roleId },
    });
    expect((await dashboard()).status).toBe(200);
  });

  it('un cambio de rol del miembro cuenta en la solicitud siguiente', async () => {
    const designer = await loginAsAdmin(app, 'cs-disenador-senior');
    const asDesigner = () => app.http().get('/comunicacion/dashboard').set(designer.auth);
    const before = (await asDesigner()).status;
    // The designer's role does not read the dashboard; the coordinator's does.
    expect(before).toBe(403);
    await app.strapi.db.query('admin::user').update({
      where: { id: designer.user.id },
      data: { roles: [roleId] },
    });
    expect((await asDesigner()).status).toBe(200);
  });
});
