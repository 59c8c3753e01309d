import crypto from 'node:crypto';
import type { TestApp } from './app';

export const TEST_PASSWORD = 'Prueba-Segura-2026';

export interface Session {
  token: string;
  user: { id: number; documentId?: string; email: string };
  /** Authorization header for supertest: `.set(session.auth)` */
  auth: { Authorization: string };
}

const uniqueEmail = (prefix: string) =>
  `${prefix}.${crypto.randomBytes(4).toString('hex')}@pruebas.calimaya.local`;

/**
 * Creates an admin user with the given role (its code, e.g. `strapi-super-admin`, or its name,
 * e.g. `Diseñador(a) Senior`) and logs in through `POST /admin/login`.
 */
export const loginAsAdmin = async (
  app: TestApp,
  role = 'strapi-super-admin',
  { email = uniqueEmail('staff'), password = TEST_PASSWORD } = {}
): Promise<Session> => {
  const roleRow = await app.strapi.db
    .query('admin::role')
    .findOne({ where: { $or: [{ code: role }, { name: role }] } });
  if (!roleRow) throw new Error(`No existe el rol de administración "${role}"`);

  await app.strapi.service('admin::user').create({
    email,
    firstname: 'Persona',
    lastname: 'De Prueba',
    password,
    isActive: true,
    registrationToken: null,
    roles: [roleRow.id],
  });

  const res = await app.http().post('/admin/login').send({ email, password });
  if (res.status !== 200) {
    throw new Error(`POST /admin/login respondió ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const { token, user } = res.body.data;
  return { token, user, auth: { Authorization: `Bearer ${token}` } };
};

/**
 * Creates a users-permissions user with the given role (its type, e.g. `authenticated`, or its
 * name, e.g. `Área solicitante`) and logs in through `POST /api/auth/local`.
 */
export const loginAsApiUser = async (
  app: TestApp,
  role = 'authenticated',
  {
    email = uniqueEmail('area'),
    password = TEST_PASSWORD,
    data = {},
  }: { email?: string; password?: string; data?: Record<string, unknown> } = {}
): Promise<Session> => {
  const roleRow = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { $or: [{ type: role }, { name: role }] } });
  if (!roleRow) throw new Error(`No existe el rol de la API "${role}"`);

  await app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: email,
      email,
      password,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: roleRow.id,
      ...data,
    });

  const res = await app.http().post('/api/auth/local').send({ identifier: email, password });
  if (res.status !== 200) {
    throw new Error(`POST /api/auth/local respondió ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const { jwt, user } = res.body;
  return { token: jwt, user, auth: { Authorization: `Bearer ${jwt}` } };
};
