import type { Core } from '@strapi/strapi';
import { ROLE_LABELS, type Role } from '../domain/workflows';
import { fieldsHiddenFrom, partialFieldsOf } from '../domain/workflows/staff-access';
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
  // Web publications only in part (staff-access PARTIAL_ACCESS): the image sent to design.
  disenador_senior: {
    read: [OFICIO, AREA, LOGO, DESIGN, LOG, AUDIT, WEB],
    update: [DESIGN, WEB],
  },
  // The Junior designer and the Community Manager also attend the organismos auxiliares (3.3).
  disenador_junior: {
    read: [OFICIO, AREA, LOGO, DESIGN, LOG, AUDIT, WEB, ADVISORY],
    update: [DESIGN, WEB, ADVISORY],
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
    read: [OFICIO, AREA, LOGO, DESIGN, ADVISORY, LOG, AUDIT, COVERAGE],
    create: [OFICIO, ADVISORY, DESIGN, COVERAGE],
    update: [OFICIO, ADVISORY, COVERAGE],
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

const within = (path: string, field: string) => path === field || path.startsWith(`${field}.`);

/**
 * A permission's field paths without the fields (and their nested paths) the role must not read,
 * and only those of its part of the type when it works on it in part.
 */
const withoutHidden = (role: StaffRole, uid: string, fields: string[], action: string) => {
  const hidden = fieldsHiddenFrom(role, uid, worksOn(role, uid));
  const partial = partialFieldsOf(role, uid, action.replace(`${CM}.`, ''));
  return fields.filter(
    (path) =>
      !hidden.some((field) => within(path, field)) &&
      (!partial || partial.some((field) => within(path, field)))
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
                  permission.properties.fields,
                  permission.action
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
const NARROWED_VERSION = 2;

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
      const fields = withoutHidden(role as StaffRole, uid, current, permission.action);
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
/**
 * Content-manager access added to seeded roles after they were created, by version: a role
 * installed before gets it once (and keeps what staff later remove in Settings › Roles).
 */
const ACCESS_ADDITIONS: readonly {
  version: number;
  grants: readonly { role: StaffRole; crud: CrudAction; uid: string }[];
}[] = [
  {
    // Manual GD 1 and 3.2: designers work on a web publication's image; the organismos
    // coordination registers and schedules its organisms' coverage.
    version: 1,
    grants: [
      ...(['disenador_senior', 'disenador_junior'] as const).flatMap((role) =>
        (['read', 'update'] as const).map((crud) => ({ role, crud, uid: WEB }))
      ),
      ...(['read', 'create', 'update'] as const).map((crud) => ({
        role: 'coordinador_organismos' as const,
        crud,
        uid: COVERAGE,
      })),
    ],
  },
  {
    // Manual 3.3: the Community Manager and the Junior designer attend advisories; Gobierno
    // Digital makes the departments' surveys.
    version: 2,
    grants: [
      ...(['community_manager', 'disenador_junior'] as const).flatMap((role) =>
        (['read', 'update'] as const).map((crud) => ({ role, crud, uid: ADVISORY }))
      ),
      ...(['coordinador_gobierno_digital', 'auxiliar_gobierno_digital'] as const).flatMap((role) =>
        (['read', 'create', 'update', 'publish'] as const).map((crud) => ({
          role,
          crud,
          uid: SURVEY,
        }))
      ),
    ],
  },
];

/**
 * Gives the seeded staff roles of an older installation the content-manager access added since,
 * with the same field limits as a newly seeded role.
 */
export const widenStaffAccess = async ({ strapi }: { strapi: Core.Strapi }) => {
  const store = strapi.store({ type: 'plugin', name: 'comunicacion' });
  const widened = ((await store.get({ key: WIDENED_STORE_KEY })) ?? {}) as Record<string, number>;
  const contentTypeService = strapi.service('admin::content-type');
  let changed = false;

  for (const [code, role] of Object.entries(ADMIN_ROLE_CODES)) {
    if (code === 'strapi-super-admin' || !(role in ACCESS)) continue;
    const row = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!row) continue;
    const done = widened[code] ?? 0;
    const pending = ACCESS_ADDITIONS.filter((addition) => addition.version > done);
    if (pending.length === 0) continue;
    for (const { crud, uid } of pending.flatMap((a) => a.grants).filter((g) => g.role === role)) {
      const action = `${CM}.${crud}`;
      if (!strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) continue;
      const exists = await strapi.db
        .query('admin::permission')
        .findOne({ where: { role: row.id, action, subject: uid } });
      if (exists) continue;
      const all = contentTypeService.getNestedFields(strapi.contentTypes[uid as never], {
        components: strapi.components,
      }) as string[];
      const properties = FIELD_ACTIONS.includes(action)
        ? { fields: withoutHidden(role as StaffRole, uid, all, action) }
        : {};
      strapi.log.info(`Rol ${code}: se agrega ${action} ${uid}`);
      await strapi
        .service('admin::permission')
        .createMany([{ action, subject: uid, properties, conditions: [], role: row.id }]);
    }
    widened[code] = Math.max(...ACCESS_ADDITIONS.map((addition) => addition.version));
    changed = true;
  }
  if (changed) await store.set({ key: WIDENED_STORE_KEY, value: widened });
};

const WIDENED_FIELDS_STORE_KEY = 'widened-staff-fields';
/** Raise it (and list the attributes) when a version adds attributes to a type roles edit. */
const WIDENED_FIELDS_VERSION = 1;

/** Attributes a version added to a content type: installed roles that read or edit it gain them. */
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
  [OFICIO]: ['addressedTo', 'copiedTo'],
  // `logos` was a relation and is now an ordered list of choices (`logos.logo`).
  [DESIGN]: ['requirements', 'delivery', 'logos'],
  [COVERAGE]: ['bulletin', 'material', 'publications'],
  [WEB]: [
    'designRequest',
    'designedFiles',
    'spellingCheckedBy',
    'spellingCheckedAt',
    'plainLanguageCheckedBy',
    'plainLanguageCheckedAt',
    'personalDataCheckedBy',
    'personalDataCheckedAt',
  ],
  [TRANSPARENCY]: ['personalDataCheckedBy', 'personalDataCheckedAt'],
};

/**
 * Adds, once per version, the attributes a version added (`ADDED_ATTRIBUTES`) to the field lists of
 * the content-manager permissions installed roles already hold on those types, less the fields the
 * role must not read. Roles seeded by this version have them already.
 */
export const widenAddedAttributes = async ({ strapi }: { strapi: Core.Strapi }) => {
  const store = strapi.store({ type: 'plugin', name: 'comunicacion' });
  const widened = ((await store.get({ key: WIDENED_FIELDS_STORE_KEY })) ?? {}) as Record<
    string,
    number
  >;
  const contentTypeService = strapi.service('admin::content-type');
  let changed = false;

  for (const [code, role] of Object.entries(ADMIN_ROLE_CODES)) {
    if (code === 'strapi-super-admin' || !(role in ACCESS)) continue;
    if ((widened[code] ?? 0) >= WIDENED_FIELDS_VERSION) continue;
    const row = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!row) continue;
    const permissions = (await strapi.db.query('admin::permission').findMany({
      where: {
        role: row.id,
        action: { $in: FIELD_ACTIONS },
        subject: { $in: Object.keys(ADDED_ATTRIBUTES) },
      },
    })) as PermissionRow[];
    for (const permission of permissions) {
      const uid = permission.subject;
      const current = permission.properties?.fields;
      if (!uid || !current || !strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) {
        continue;
      }
      const all = contentTypeService.getNestedFields(strapi.contentTypes[uid as never], {
        components: strapi.components,
      }) as string[];
      const added = withoutHidden(
        role as StaffRole,
        uid,
        all.filter((path) => ADDED_ATTRIBUTES[uid].includes(path.split('.')[0])),
        permission.action
      ).filter((path) => !current.includes(path));
      if (added.length === 0) continue;
      strapi.log.info(`Rol ${code}: ${permission.action} ${uid} gana ${added.join(', ')}`);
      await strapi.db.query('admin::permission').update({
        where: { id: permission.id },
        data: { properties: { ...(permission.properties ?? {}), fields: [...current, ...added] } },
      });
    }
    widened[code] = WIDENED_FIELDS_VERSION;
    changed = true;
  }
  if (changed) await store.set({ key: WIDENED_FIELDS_STORE_KEY, value: widened });
};
