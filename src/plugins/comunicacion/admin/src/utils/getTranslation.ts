import { PLUGIN_ID } from '../pluginId';

/** The plugin-scoped message id, e.g. `comunicacion.queues.title`. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
