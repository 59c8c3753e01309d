import type { Core } from '@strapi/strapi';
import { WORK_ITEM_KEYS } from '../api/workflow/services/workflow';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

const LOGOUT = 'plugin::users-permissions.auth.logout';

/** The Portal de áreas' content API (src/api/portal). */
const PORTAL = [
  'me',
  'form',
  'leadTime',
  'find',
  'findOne',
  'create',
  'acuse',
  'addFiles',
  'cancel',
  'completeService',
  'cancelService',
  'download',
].map((handler) => `api::portal.portal.${handler}`);

const ACCOUNT = [
  'plugin::users-permissions.user.me',
  'plugin::users-permissions.auth.changePassword',
  LOGOUT,
];

/**
 * Content-API roles and exactly the actions each needs (SPEC §1, §7). Anything not listed here is
 * closed, including self-registration: area accounts are created by the office.
 */
export const API_ROLES: Record<string, { name: string; description: string; actions: string[] }> = {
  public: {
    name: 'Public',
    description: 'Visitantes del sitio municipal, sin cuenta.',
    actions: [
      'plugin::users-permissions.auth.callback',
      'plugin::users-permissions.auth.forgotPassword',
      'plugin::users-permissions.auth.resetPassword',
      'api::web-publication.web-publication.find',
      'api::web-publication.web-publication.findOne',
      'api::transparency-document.transparency-document.find',
      'api::transparency-document.transparency-document.findOne',
      'api::privacy-notice.privacy-notice.find',
    ],
  },
  authenticated: {
    name: 'Authenticated',
    description: 'Cuenta sin rol asignado: solo ve su propio perfil.',
    actions: ['plugin::users-permissions.user.me'],
  },
  'area-solicitante': {
    name: 'Área solicitante',
    description: 'Presenta oficios de su área, sigue su avance y aprueba o comenta los diseños.',
    actions: [
      ...ACCOUNT,
      'api::oficio.oficio.find',
      'api::oficio.oficio.findOne',
      'api::oficio.oficio.create',
      ...WORK_ITEM_KEYS.flatMap((name) => [
        `api::${name}.${name}.find`,
        `api::${name}.${name}.findOne`,
      ]),
      'api::design.design.decision',
      'api::logo.logo.find',
      'api::logo.logo.findOne',
      ...PORTAL,
    ],
  },
  'secretaria-tecnica': {
    name: 'Secretaría Técnica',
    description: 'Autoriza o rechaza las cuentas de correo institucional.',
    actions: [
      ...ACCOUNT,
      'api::email-account-request.email-account-request.find',
      'api::email-account-request.email-account-request.findOne',
      'api::email-account-request.email-account-request.authorization',
    ],
  },
};

/**
 * Seeds the content-API roles once with exactly their actions; later changes made by staff in the
 * admin are kept. Self-registration is switched off.
 */
export const seedApiRoles = async ({ strapi }: { strapi: Core.Strapi }) => {
  const store = strapi.store({ type: 'api', name: 'users-permissions', key: 'roles-seeded' });
  const seeded = new Set<string>(((await store.get({})) as string[] | null) ?? []);

  for (const [type, definition] of Object.entries(API_ROLES)) {
    if (seeded.has(type)) continue;
    let role = (await strapi.db.query(ROLE_UID).findOne({ where: { type } })) as {
      id: number;
    } | null;
    if (!role) {
      role = (await strapi.db.query(ROLE_UID).create({
        data: { type, name: definition.name, description: definition.description },
      })) as { id: number };
    }
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { role: role.id } });
    for (const action of definition.actions) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
    seeded.add(type);
  }
  if (!seeded.has('account-logout')) {
    // Roles seeded before logging out revoked the session: they gain it once, like the rest.
    for (const type of Object.keys(API_ROLES)) {
      if (!API_ROLES[type].actions.includes(LOGOUT)) continue;
      const role = (await strapi.db.query(ROLE_UID).findOne({ where: { type } })) as {
        id: number;
      } | null;
      if (!role) continue;
      const granted = await strapi.db
        .query(PERMISSION_UID)
        .count({ where: { action: LOGOUT, role: role.id } });
      if (!granted) {
        await strapi.db.query(PERMISSION_UID).create({ data: { action: LOGOUT, role: role.id } });
      }
    }
    seeded.add('account-logout');
  }
  if (!seeded.has('logo-catalogue')) {
    // Areas seeded before the logo catalogue read it to choose their logos, in order.
    const role = (await strapi.db.query(ROLE_UID).findOne({
      where: { type: 'area-solicitante' },
    })) as { id: number } | null;
    for (const action of ['api::logo.logo.find', 'api::logo.logo.findOne']) {
      if (!role) break;
      const granted = await strapi.db
        .query(PERMISSION_UID)
        .count({ where: { action, role: role.id } });
      if (!granted)
        await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
    seeded.add('logo-catalogue');
  }
  if (!seeded.has('portal-de-areas')) {
    // Areas seeded before the Portal de áreas gain its routes once, like the rest.
    const role = (await strapi.db.query(ROLE_UID).findOne({
      where: { type: 'area-solicitante' },
    })) as { id: number } | null;
    for (const action of role ? PORTAL : []) {
      const granted = await strapi.db
        .query(PERMISSION_UID)
        .count({ where: { action, role: role!.id } });
      if (!granted)
        await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role!.id } });
    }
    seeded.add('portal-de-areas');
  }
  if (!seeded.has('registration-closed')) {
    const advanced = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
    const settings = ((await advanced.get({})) as Record<string, unknown> | null) ?? {};
    await advanced.set({ value: { ...settings, allow_register: false } });
    seeded.add('registration-closed');
  }
  await store.set({ value: [...seeded].sort() });
};
