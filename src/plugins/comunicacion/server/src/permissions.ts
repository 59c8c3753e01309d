/** Admin permission actions of the plugin, `plugin::comunicacion.<uid>`. */
export const ACTIONS = [
  {
    section: 'plugins',
    displayName: 'Cambiar el estado de oficios y servicios',
    uid: 'transitions.fire',
    pluginName: 'comunicacion',
  },
] as const;

export const PERMISSIONS = {
  fireTransitions: 'plugin::comunicacion.transitions.fire',
} as const;
