export const PLUGIN_ID = 'comunicacion';
