/** Admin permission actions the pages check (registered by the plugin's server). */
const action = (uid: string) => ({ action: `plugin::comunicacion.${uid}`, subject: null });

export const QUEUE_KEYS = [
  'recepcion',
  'diseno_senior',
  'diseno_junior',
  'revision_area',
  'imprenta',
  'redes_sociales',
  'cobertura',
  'gobierno_digital',
  'correos',
  'organismos',
  'cobertura_organismos',
] as const;

export const PERMISSIONS = {
  dashboard: [action('dashboard.read')],
  calendar: [action('calendar.read')],
  oficios: [action('oficios.read')],
  holidays: [action('holidays.manage')],
  settings: [action('settings.manage')],
  // Action uids admit no underscores: the server registers queues.diseno-senior.read.
  queues: QUEUE_KEYS.map((key) => action(`queues.${key.replace(/_/g, '-')}.read`)),
  fireTransitions: [action('transitions.fire')],
  assign: [action('items.assign')],
  acceptLate: [action('oficios.accept-late')],
  proposals: [action('designs.proposals')],
  publish: [action('site.publish')],
  siteDeliveries: [action('site.deliveries.read')],
  register: [action('oficios.register')],
};

/** Any of these shows the menu entry. */
export const MENU_PERMISSIONS = [
  ...PERMISSIONS.dashboard,
  ...PERMISSIONS.calendar,
  ...PERMISSIONS.queues,
  ...PERMISSIONS.holidays,
  ...PERMISSIONS.settings,
  ...PERMISSIONS.siteDeliveries,
];
