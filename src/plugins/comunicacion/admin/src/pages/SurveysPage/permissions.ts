/** Admin permission that opens the survey results (registered by the plugin's server). */
export const SURVEYS_PERMISSIONS = [{ action: 'plugin::comunicacion.surveys.read', subject: null }];
