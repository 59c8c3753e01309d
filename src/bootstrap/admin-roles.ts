import type { Core } from '@strapi/strapi';
import { ROLE_LABELS, type Role } from '../domain/workflows';
import { fieldsHiddenFrom } from '../domain/workflows/staff-access';
import { ADMIN_ROLE_CODES } from '../services/write-context';
import { ROLE_GRANTS } from '../plugins/comunicacion/server/src/permissions';

const CM = 'plugin::content-manager.explorer';
export type CrudAction = 'read' | 'create' | 'update' | 'delete' | 'publish';

const OFICIO = 'api::oficio.oficio';
const AREA = 'api::area.area';
const LOGO = 'api::logo.logo';
const DESIGN = 'api::design.design';
const COVERAGE = 'api::coverage-event.coverage-event';
const SOCIAL = 'api::social-post.social-post';
const WEB = 'api::web-publication.web-publication';
const TRANSPARENCY = 'api::transparency-document.transparency-document';
const EMAIL = 'api::email-account-request.email-account-request';
const ADVISORY = 'api::advisory.advisory';
const LOG = 'api::transition-log.transition-log';
const AUDIT = 'api::audit-record.audit-record';
const HOLIDAY = 'api::holiday.holiday';
const SETTING = 'api::setting.setting';
const SURVEY = 'api::survey.survey';

const ALL = [
  OFICIO,
  AREA,
  LOGO,
  DESIGN,
  COVERAGE,
  SOCIAL,
  WEB,
  TRANSPARENCY,
  EMAIL,
  ADVISORY,
  LOG,
  AUDIT,
  HOLIDAY,
  SETTING,
];
const COMUNICACION = [OFICIO, AREA, LOGO, DESIGN, COVERAGE, SOCIAL, LOG, AUDIT, HOLIDAY];
const GOBIERNO_DIGITAL = [OFICIO, AREA, WEB, TRANSPARENCY, EMAIL, LOG, AUDIT, HOLIDAY];

/** Content-manager access of each staff role: what fits its work and nothing more. */
export const ACCESS: Record<
  Exclude<Role, 'area' | 'secretaria_tecnica' | 'system'>,
  Partial<Record<CrudAction, string[]>>
> = {
  director: {
    read: ALL,
    create: ALL.filter((uid) => uid !== LOG && uid !== AUDIT),
    update: ALL.filter((uid) => uid !== LOG && uid !== AUDIT),
    delete: ALL.filter((uid) => uid !== LOG && uid !== AUDIT && uid !== OFICIO),
    publish: [WEB, TRANSPARENCY],
  },
  coordinador_comunicacion: {
    read: [...COMUNICACION, SETTING],
    create: [OFICIO, DESIGN, COVERAGE, SOCIAL, LOGO, HOLIDAY],
    update: [OFICIO, DESIGN, COVERAGE, SOCIAL, LOGO, AREA, HOLIDAY, SETTING],
    delete: [DESIGN, COVERAGE, SOCIAL, HOLIDAY],
  },
  disenador_senior: { read: [OFICIO, AREA, LOGO, DESIGN, LOG, AUDIT], update: [DESIGN] },
  // The Junior designer and the Community Manager attend the organismos auxiliares (manual 3.3).
  disenador_junior: {
    read: [OFICIO, AREA, LOGO, DESIGN, LOG, AUDIT, ADVISORY],
    update: [DESIGN, ADVISORY],
  },
  community_manager: {
    read: [OFICIO, AREA, DESIGN, COVERAGE, SOCIAL, LOG, AUDIT, ADVISORY],
    create: [SOCIAL],
    update: [SOCIAL, COVERAGE, ADVISORY],
  },
  fotografo: { read: [OFICIO, AREA, COVERAGE, LOG, AUDIT], update: [COVERAGE] },
  creador_contenido: { read: [OFICIO, AREA, COVERAGE, SOCIAL, LOG, AUDIT], update: [COVERAGE] },
  coordinador_gobierno_digital: {
    read: [...GOBIERNO_DIGITAL, SETTING, SURVEY],
    create: [OFICIO, WEB, TRANSPARENCY, EMAIL, HOLIDAY, SURVEY],
    update: [OFICIO, WEB, TRANSPARENCY, EMAIL, HOLIDAY, SETTING, SURVEY],
    delete: [WEB, TRANSPARENCY, EMAIL],
    publish: [WEB, TRANSPARENCY, SURVEY],
  },
  // Gobierno Digital makes the departments' surveys on their behalf.
  auxiliar_gobierno_digital: {
    read: [...GOBIERNO_DIGITAL, SURVEY],
    create: [SURVEY],
    update: [WEB, TRANSPARENCY, EMAIL, SURVEY],
    publish: [WEB, TRANSPARENCY, SURVEY],
  },
  coordinador_organismos: {
    read: [OFICIO, AREA, LOGO, DESIGN, ADVISORY, LOG, AUDIT],
    create: [OFICIO, ADVISORY, DESIGN],
    update: [OFICIO, ADVISORY],
    delete: [ADVISORY],
  },
};

/** Media-library permissions every staff member needs. */
const COMMON_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

const DESCRIPTIONS: Partial<Record<Role, string>> = {
  director: 'Ve y atiende todas las bandejas de la Dirección.',
  coordinador_comunicacion:
    'Recibe oficios, asigna, programa coberturas y acepta solicitudes extemporáneas.',
  disenador_senior: 'Diseña para las dependencias y Presidencia.',
  disenador_junior: 'Diseña para los organismos auxiliares.',
  community_manager: 'Programa y publica en redes sociales.',
  fotografo: 'Cubre eventos y entrega el material.',
  creador_contenido: 'Cubre eventos, edita video y crea contenido digital.',
  coordinador_gobierno_digital: 'Publica en el sitio, transparencia y correos institucionales.',
  auxiliar_gobierno_digital: 'Apoya en publicaciones web, transparencia y correos.',
  coordinador_organismos: 'Atiende y da seguimiento a SMDIF, OPDAPAS e IMCUFIDEC.',
};

type ActionDefinition = { actionId: string; subjects?: string[]; section: string };
type StaffRole = keyof typeof ACCESS;
type PermissionRow = {
  id: number;
  action: string;
  subject: string | null;
  properties?: { fields?: string[] | null } | null;
};

/** Content-manager actions whose fields a role may be refused. */
const FIELD_ACTIONS = ['read', 'create', 'update'].map((crud) => `${CM}.${crud}`);

/** Whether the role does the work of a content type (it may edit it, so it may be assigned to it). */
const worksOn = (role: StaffRole, uid: string) => (ACCESS[role].update ?? []).includes(uid);

/** A permission's field paths without the fields (and their nested paths) the role must not read. */
const withoutHidden = (role: StaffRole, uid: string, fields: string[]) => {
  const hidden = fieldsHiddenFrom(role, uid, worksOn(role, uid));
  return fields.filter(
    (path) => !hidden.some((field) => path === field || path.startsWith(`${field}.`))
  );
};

/**
 * Creates the staff roles of SPEC §1 once, each with the content-manager permissions of its work.
 * Existing roles are left as staff adjusted them.
 */
export const seedAdminRoles = async ({ strapi }: { strapi: Core.Strapi }) => {
  const roleService = strapi.service('admin::role');
  const { actionProvider } = strapi.service('admin::permission');
  const contentTypeService = strapi.service('admin::content-type');
  const actions = actionProvider.values() as ActionDefinition[];

  for (const [code, role] of Object.entries(ADMIN_ROLE_CODES)) {
    if (code === 'strapi-super-admin') continue;
    if (await strapi.db.query('admin::role').findOne({ where: { code } })) continue;

    const access = ACCESS[role as keyof typeof ACCESS];
    const created = await roleService.create({
      name: ROLE_LABELS[role],
      code,
      description: DESCRIPTIONS[role] ?? '',
    });

    const scoped = (Object.entries(access) as [CrudAction, string[]][]).flatMap(([crud, uids]) =>
      actions
        .filter((action) => action.actionId === `${CM}.${crud}`)
        .map((action) => ({
          ...action,
          subjects: (action.subjects ?? []).filter((subject) => uids.includes(subject)),
        }))
    );
    const permissions = [
      ...(
        contentTypeService.getPermissionsWithNestedFields(scoped) as {
          action: string;
          subject: string;
          properties: { fields?: string[] };
        }[]
      ).map((permission) =>
        FIELD_ACTIONS.includes(permission.action) && permission.properties.fields
          ? {
              ...permission,
              properties: {
                ...permission.properties,
                fields: withoutHidden(
                  role as StaffRole,
                  permission.subject,
                  permission.properties.fields
                ),
              },
            }
          : permission
      ),
      ...COMMON_ACTIONS.filter((id) => actions.some((action) => action.actionId === id)).map(
        (action) => ({ action, subject: null, properties: {}, conditions: [] })
      ),
    ];
    await roleService.assignPermissions(created.id, permissions);
  }
};

const GRANTS_STORE_KEY = 'granted-plugin-actions';

/**
 * Grants each seeded staff role the `comunicacion` plugin actions of its work (its queues, pages and
 * actions). An action is granted once per role: what staff later remove in Settings › Roles stays
 * removed, and actions added by a newer version reach roles created by an older one.
 */
export const grantPluginPermissions = async ({ strapi }: { strapi: Core.Strapi }) => {
  const store = strapi.store({ type: 'plugin', name: 'comunicacion' });
  const granted = ((await store.get({ key: GRANTS_STORE_KEY })) ?? {}) as Record<string, string[]>;
  const registered = new Set(
    (strapi.service('admin::permission').actionProvider.values() as ActionDefinition[]).map(
      (action) => action.actionId
    )
  );
  let changed = false;

  for (const [code, role] of Object.entries(ADMIN_ROLE_CODES)) {
    const grants = ROLE_GRANTS[role as keyof typeof ROLE_GRANTS];
    if (!grants) continue;
    const row = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!row) continue;
    const before = new Set(granted[code] ?? []);
    const missing = grants.filter((action) => registered.has(action) && !before.has(action));
    if (missing.length === 0) continue;

    const existing = await strapi.db
      .query('admin::permission')
      .findMany({ where: { role: row.id, action: { $in: missing } }, select: ['action'] });
    const present = new Set(existing.map((permission: { action: string }) => permission.action));
    const toCreate = missing.filter((action) => !present.has(action));
    if (toCreate.length > 0) {
      await strapi.service('admin::permission').createMany(
        toCreate.map((action) => ({
          action,
          subject: null,
          properties: {},
          conditions: [],
          role: row.id,
        }))
      );
    }
    granted[code] = [...before, ...missing];
    changed = true;
  }
  if (changed) await store.set({ key: GRANTS_STORE_KEY, value: granted });
};

const NARROWED_STORE_KEY = 'narrowed-staff-fields';
/** Raise it when the fields a role must not read change, so installed roles are narrowed again. */
const NARROWED_VERSION = 1;

/**
 * Narrows, once per version, the content-manager permissions of the seeded staff roles of an
 * installation created before a role's fields were limited: the personal data and internal notes the
 * role must not read (`fieldsHiddenFrom`) leave its read, create and update permissions. Anything
 * else staff adjusted in Settings › Roles is kept. A permission granting every field (no list) gets
 * the type's full list without the hidden ones. Roles seeded by this version are narrowed already:
 * for them it only records the version.
 */
export const narrowStaffFieldPermissions = async ({ strapi }: { strapi: Core.Strapi }) => {
  const store = strapi.store({ type: 'plugin', name: 'comunicacion' });
  const narrowed = ((await store.get({ key: NARROWED_STORE_KEY })) ?? {}) as Record<string, number>;
  const contentTypeService = strapi.service('admin::content-type');
  let changed = false;

  for (const [code, role] of Object.entries(ADMIN_ROLE_CODES)) {
    if (code === 'strapi-super-admin' || !(role in ACCESS)) continue;
    if ((narrowed[code] ?? 0) >= NARROWED_VERSION) continue;
    const row = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!row) continue;

    const permissions = (await strapi.db.query('admin::permission').findMany({
      where: { role: row.id, action: { $in: FIELD_ACTIONS } },
    })) as PermissionRow[];
    for (const permission of permissions) {
      const uid = permission.subject;
      if (!uid || !strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) continue;
      if (fieldsHiddenFrom(role, uid, worksOn(role as StaffRole, uid)).length === 0) continue;
      const current =
        permission.properties?.fields ??
        (contentTypeService.getNestedFields(strapi.contentTypes[uid as never], {
          components: strapi.components,
        }) as string[]);
      const fields = withoutHidden(role as StaffRole, uid, current);
      if (permission.properties?.fields && fields.length === current.length) continue;
      strapi.log.info(
        `Rol ${code}: se retiran de ${permission.action} ${uid} los campos que no lee`
      );
      await strapi.db.query('admin::permission').update({
        where: { id: permission.id },
        data: { properties: { ...(permission.properties ?? {}), fields } },
      });
    }
    narrowed[code] = NARROWED_VERSION;
    changed = true;
  }
  if (changed) await store.set({ key: NARROWED_STORE_KEY, value: narrowed });
};

const WIDENED_STORE_KEY = 'widened-staff-access';
/** Raise it (and list what is new) when a version adds content-manager access to seeded roles. */
const WIDENED_VERSION = 1;

/** Attributes a version added to a content type: installed roles that edit the type gain them. */
const ADDED_ATTRIBUTES: Record<string, string[]> = {
  [EMAIL]: [
    'suggestedAddress',
    'supportActions',
    'attendedAt',
    'attendedBy',
    'removalActions',
    'removedAt',
    'removedBy',
    'delivery',
    'installedAt',
    'installedBy',
    'installationNote',
    'verificationNote',
    'verificationFile',
  ],
  [ADVISORY]: ['followUps'],
  [SURVEY]: ['area'],
};

/**
 * Brings, once per version, the content-manager permissions of roles seeded by an older version up
 * to what `ACCESS` gives them now: a type the role gained (advisories for the Community Manager and
 * the Junior designer, surveys for Gobierno Digital) and the attributes added to the types it
 * already had (`ADDED_ATTRIBUTES`), less the fields the role must not read. Roles seeded by this
 * version already have it all: for them it only records the version.
 */
export const widenStaffAccess = async ({ strapi }: { strapi: Core.Strapi }) => {
  const store = strapi.store({ type: 'plugin', name: 'comunicacion' });
  const widened = ((await store.get({ key: WIDENED_STORE_KEY })) ?? {}) as Record<string, number>;
  const contentTypeService = strapi.service('admin::content-type');
  const permissionService = strapi.service('admin::permission');
  const nestedFields = (uid: string) =>
    contentTypeService.getNestedFields(strapi.contentTypes[uid as never], {
      components: strapi.components,
    }) as string[];
  let changed = false;

  for (const [code, role] of Object.entries(ADMIN_ROLE_CODES)) {
    if (code === 'strapi-super-admin' || !(role in ACCESS)) continue;
    if ((widened[code] ?? 0) >= WIDENED_VERSION) continue;
    const row = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!row) continue;
    const access = ACCESS[role as StaffRole];

    for (const [crud, uids] of Object.entries(access) as [CrudAction, string[]][]) {
      for (const uid of uids.filter((subject) => subject in ADDED_ATTRIBUTES)) {
        if (!strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) continue;
        const action = `${CM}.${crud}`;
        const existing = (await strapi.db.query('admin::permission').findOne({
          where: { role: row.id, action, subject: uid },
        })) as PermissionRow | null;
        const withFields = FIELD_ACTIONS.includes(action);
        if (!existing) {
          strapi.log.info(`Rol ${code}: se agrega ${action} ${uid}`);
          await permissionService.createMany([
            {
              action,
              subject: uid,
              properties: withFields
                ? { fields: withoutHidden(role as StaffRole, uid, nestedFields(uid)) }
                : {},
              conditions: [],
              role: row.id,
            },
          ]);
          continue;
        }
        const current = existing.properties?.fields;
        if (!withFields || !current) continue;
        const added = withoutHidden(
          role as StaffRole,
          uid,
          nestedFields(uid).filter((path) => ADDED_ATTRIBUTES[uid].includes(path.split('.')[0]))
        ).filter((path) => !current.includes(path));
        if (added.length === 0) continue;
        strapi.log.info(`Rol ${code}: ${action} ${uid} gana los campos ${added.join(', ')}`);
        await strapi.db.query('admin::permission').update({
          where: { id: existing.id },
          data: { properties: { ...(existing.properties ?? {}), fields: [...current, ...added] } },
        });
      }
    }
    widened[code] = WIDENED_VERSION;
    changed = true;
  }
  if (changed) await store.set({ key: WIDENED_STORE_KEY, value: widened });
};
