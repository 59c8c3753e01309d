import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin } from '../harness/auth';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { ADMIN_ROLE_CODES } from '../../src/services/write-context';
import {
  ROLE_GRANTS,
  queuePermission,
} from '../../src/plugins/comunicacion/server/src/permissions';
import { QUEUES } from '../../src/domain/queues';

const PREFIX = 'plugin::comunicacion.';

interface PermissionBody {
  action: string;
  subject: string | null;
  properties: Record<string, unknown>;
  conditions: string[];
}

/** Plugin actions a role holds, read from the database. */
const pluginActionsOf = async (app: TestApp, code: string) => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
  const rows = (await app.strapi.db.query('admin::permission').findMany({
    where: { role: role.id, action: { $startsWith: PREFIX } },
    select: ['action'],
  })) as {
    action: string;
  }[];
  return rows.map((row) => row.action).sort();
};

const staffRoles = Object.entries(ADMIN_ROLE_CODES).filter(
  ([code]) => code !== 'strapi-super-admin'
) as [string, keyof typeof ROLE_GRANTS][];

describe('permisos del complemento comunicacion en los roles sembrados', () => {
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

  it('cada rol recibe en el primer arranque exactamente las acciones de su trabajo', async () => {
    app = await bootApp({ db });
    for (const [code, role] of staffRoles) {
      expect({ code, actions: await pluginActionsOf(app, code) }).toEqual({
        code,
        actions: [...new Set(ROLE_GRANTS[role])].sort(),
      });
    }
    // The Director sees every queue; each designer only its own.
    expect(await pluginActionsOf(app, 'cs-director')).toEqual(
      expect.arrayContaining(QUEUES.map((queue) => queuePermission(queue.key)))
    );
    const senior = await pluginActionsOf(app, 'cs-disenador-senior');
    expect(senior.filter((action) => action.includes('.queues.')).sort()).toEqual(
      ['diseno_senior', 'revision_area', 'imprenta']
        .map((key) => queuePermission(key as never))
        .sort()
    );
  });

  it('un permiso retirado por el personal no vuelve en el siguiente arranque y los demás se conservan', async () => {
    // Given: the first boot granted the roles, and a super admin takes «Imprenta» away from the
    // senior designer in Settings › Roles.
    app = await bootApp({ db });
    const admin = await loginAsAdmin(app);
    const role = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'cs-disenador-senior' } });
    const current = await app
      .http()
      .get(`/admin/roles/${role.id}/permissions`)
      .set(admin.auth)
      .expect(200);
    const removed = queuePermission('imprenta');
    const kept = (current.body.data as PermissionBody[])
      .filter((permission) => permission.action !== removed)
      .map(({ action, subject, properties, conditions }) => ({
        action,
        subject,
        properties,
        conditions,
      }));
    await app
      .http()
      .put(`/admin/roles/${role.id}/permissions`)
      .set(admin.auth)
      .send({ permissions: kept })
      .expect(200);
    expect(await pluginActionsOf(app, 'cs-disenador-senior')).not.toContain(removed);
    await app.close({ keepDatabase: true });

    // When: the application boots again on the same database.
    app = await bootApp({ db });

    // Then: the removal stands, and every other grant survived the restart.
    const after = await pluginActionsOf(app, 'cs-disenador-senior');
    expect(after).not.toContain(removed);
    expect(after).toEqual(
      [...new Set(ROLE_GRANTS.disenador_senior)].filter((action) => action !== removed).sort()
    );
    for (const [code, role] of staffRoles.filter(([code]) => code !== 'cs-disenador-senior')) {
      expect({ code, actions: await pluginActionsOf(app, code) }).toEqual({
        code,
        actions: [...new Set(ROLE_GRANTS[role])].sort(),
      });
    }
    // The super admin holds every plugin action after a restart too.
    const superActions = await pluginActionsOf(app, 'strapi-super-admin');
    expect(superActions).toEqual(expect.arrayContaining([...new Set(ROLE_GRANTS.director)]));

    // And the senior designer, logged in, is refused the queue it lost.
    const designer = await loginAsAdmin(app, 'cs-disenador-senior');
    const res = await app.http().get('/comunicacion/queues/imprenta').set(designer.auth);
    expect(res.status).toBe(403);
    await app.http().get('/comunicacion/queues/diseno_senior').set(designer.auth).expect(200);
  });
});
