/** The admin action that opens the transparency obligations (registered by the plugin's server). */
export const TRANSPARENCY_PERMISSIONS = [
  { action: 'plugin::comunicacion.transparency.read', subject: null },
];

/** The catalogue in the content manager, where staff add, renumber and deactivate obligations. */
export const CATALOGUE_PATH =
  '/content-manager/collection-types/api::transparency-obligation.transparency-obligation';
