/** Admin permission that opens «Cuentas de áreas» (registered by the plugin's server). */
export const AREA_ACCOUNTS_PERMISSIONS = [
  { action: 'plugin::comunicacion.area-accounts.manage', subject: null },
];
