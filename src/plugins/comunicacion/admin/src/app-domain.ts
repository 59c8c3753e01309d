/**
 * The admin's only door into the application's pure domain modules (no Strapi, no server code).
 *
 * Re-exports just what the admin panel uses, from the domain's leaf modules so the bundle does not
 * pull in the whole workflow engine. Server-only modules (`src/api`, `src/services`, ...) must
 * never be re-exported here.
 */

// Staff roles and their Spanish labels.
export { ROLE_LABELS } from '../../../../domain/workflows/roles';
export type { Role } from '../../../../domain/workflows/types';

// Spanish names of the workflows (a queue can hold items of several).
export { WORKFLOW_LABELS } from '../../../../domain/workflows/labels';
