import { QUEUES, type QueueKey, type Role } from './app';

/** `plugin::comunicacion.<uid>` of every page and action of the plugin. */
export const PERMISSIONS = {
  dashboard: 'plugin::comunicacion.dashboard.read',
  calendar: 'plugin::comunicacion.calendar.read',
  oficios: 'plugin::comunicacion.oficios.read',
  fireTransitions: 'plugin::comunicacion.transitions.fire',
  assign: 'plugin::comunicacion.items.assign',
  acceptLate: 'plugin::comunicacion.oficios.accept-late',
  proposals: 'plugin::comunicacion.designs.proposals',
  holidays: 'plugin::comunicacion.holidays.manage',
  settings: 'plugin::comunicacion.settings.manage',
  publish: 'plugin::comunicacion.site.publish',
  siteDeliveries: 'plugin::comunicacion.site.deliveries.read',
  transparency: 'plugin::comunicacion.transparency.read',
  surveys: 'plugin::comunicacion.surveys.read',
  register: 'plugin::comunicacion.oficios.register',
  areaAccounts: 'plugin::comunicacion.area-accounts.manage',
} as const;

/**
 * The permission action that lets a staff member see one queue. Action uids admit only lowercase
 * letters, dots and hyphens, so the key's underscores become hyphens (queues.diseno-senior.read).
 */
export const queuePermission = (key: QueueKey) =>
  `plugin::comunicacion.queues.${key.replace(/_/g, '-')}.read`;

const action = (uid: string, displayName: string, subCategory: string) => ({
  section: 'plugins' as const,
  pluginName: 'comunicacion',
  uid,
  displayName,
  subCategory,
});

const uidOf = (permission: string) => permission.replace('plugin::comunicacion.', '');

/** Admin permission actions registered by the plugin (Settings › Roles › Plugins). */
export const ACTIONS = [
  action(uidOf(PERMISSIONS.dashboard), 'Ver el tablero', 'Páginas'),
  action(uidOf(PERMISSIONS.calendar), 'Ver el calendario de coberturas', 'Páginas'),
  action(uidOf(PERMISSIONS.oficios), 'Ver la ficha e historial de los oficios', 'Páginas'),
  action(uidOf(PERMISSIONS.holidays), 'Editar los días inhábiles', 'Páginas'),
  action(uidOf(PERMISSIONS.settings), 'Editar la configuración', 'Páginas'),
  action(uidOf(PERMISSIONS.siteDeliveries), 'Ver los avisos enviados al sitio web', 'Páginas'),
  action(uidOf(PERMISSIONS.transparency), 'Ver las obligaciones de transparencia', 'Páginas'),
  action(uidOf(PERMISSIONS.surveys), 'Ver los resultados de las encuestas', 'Páginas'),
  ...QUEUES.map((queue) =>
    action(uidOf(queuePermission(queue.key)), `Bandeja: ${queue.label}`, 'Bandejas')
  ),
  action(
    uidOf(PERMISSIONS.fireTransitions),
    'Cambiar el estado de oficios y servicios',
    'Acciones'
  ),
  action(uidOf(PERMISSIONS.assign), 'Asignar responsables', 'Acciones'),
  action(uidOf(PERMISSIONS.acceptLate), 'Aceptar solicitudes extemporáneas', 'Acciones'),
  action(uidOf(PERMISSIONS.proposals), 'Subir versiones de propuesta de diseño', 'Acciones'),
  action(uidOf(PERMISSIONS.publish), 'Publicar en el sitio y retirar del sitio', 'Acciones'),
  action(uidOf(PERMISSIONS.register), 'Registrar oficios y agregarles servicios', 'Acciones'),
  action(
    uidOf(PERMISSIONS.areaAccounts),
    'Crear, invitar, desactivar y reactivar las cuentas de las áreas',
    'Acciones'
  ),
];

type StaffRole = Exclude<Role, 'area' | 'secretaria_tecnica' | 'system'>;

const queuesOf = (role: StaffRole) =>
  QUEUES.filter((queue) => role === 'director' || queue.roles.includes(role)).map((queue) =>
    queuePermission(queue.key)
  );

const COORDINATOR = [
  PERMISSIONS.dashboard,
  PERMISSIONS.oficios,
  PERMISSIONS.fireTransitions,
  PERMISSIONS.assign,
  PERMISSIONS.acceptLate,
  PERMISSIONS.holidays,
  PERMISSIONS.settings,
  PERMISSIONS.register,
];

/** Publishing to the municipal site and its transparency obligations. */
const GOBIERNO_DIGITAL = [
  PERMISSIONS.publish,
  PERMISSIONS.siteDeliveries,
  PERMISSIONS.transparency,
];

/** Plugin permissions each seeded staff role receives: its own queues and the actions of its work. */
export const ROLE_GRANTS: Record<StaffRole, string[]> = {
  director: [...Object.values(PERMISSIONS), ...queuesOf('director')],
  coordinador_comunicacion: [
    ...COORDINATOR,
    PERMISSIONS.calendar,
    PERMISSIONS.proposals,
    PERMISSIONS.surveys,
    PERMISSIONS.areaAccounts,
    ...queuesOf('coordinador_comunicacion'),
  ],
  disenador_senior: [
    PERMISSIONS.oficios,
    PERMISSIONS.fireTransitions,
    PERMISSIONS.proposals,
    ...queuesOf('disenador_senior'),
  ],
  disenador_junior: [
    PERMISSIONS.oficios,
    PERMISSIONS.fireTransitions,
    PERMISSIONS.proposals,
    ...queuesOf('disenador_junior'),
  ],
  community_manager: [
    PERMISSIONS.oficios,
    PERMISSIONS.fireTransitions,
    PERMISSIONS.calendar,
    ...queuesOf('community_manager'),
  ],
  fotografo: [
    PERMISSIONS.oficios,
    PERMISSIONS.fireTransitions,
    PERMISSIONS.calendar,
    ...queuesOf('fotografo'),
  ],
  creador_contenido: [
    PERMISSIONS.oficios,
    PERMISSIONS.fireTransitions,
    PERMISSIONS.calendar,
    ...queuesOf('creador_contenido'),
  ],
  coordinador_gobierno_digital: [
    ...COORDINATOR,
    ...GOBIERNO_DIGITAL,
    PERMISSIONS.surveys,
    PERMISSIONS.areaAccounts,
    ...queuesOf('coordinador_gobierno_digital'),
  ],
  auxiliar_gobierno_digital: [
    PERMISSIONS.oficios,
    PERMISSIONS.fireTransitions,
    ...GOBIERNO_DIGITAL,
    PERMISSIONS.surveys,
    ...queuesOf('auxiliar_gobierno_digital'),
  ],
  coordinador_organismos: [
    PERMISSIONS.dashboard,
    PERMISSIONS.oficios,
    PERMISSIONS.fireTransitions,
    PERMISSIONS.assign,
    PERMISSIONS.acceptLate,
    PERMISSIONS.proposals,
    PERMISSIONS.register,
    // It schedules its organisms' coverage (with the Community Manager).
    PERMISSIONS.calendar,
    PERMISSIONS.areaAccounts,
    ...queuesOf('coordinador_organismos'),
  ],
};
