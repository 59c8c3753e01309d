/**
 * The plugin's only door into the application's domain and services.
 *
 * Everything the plugin's server code needs from the app (`src/domain`, `src/api`,
 * `src/services`, `src/utils`, `src/document-middlewares`) is re-exported here, so the rest of
 * the plugin imports `./app` or `../app` instead of climbing out of the plugin. Add a name here
 * when the plugin starts using it; keep the list to what the plugin actually imports.
 */

// Workflows: keys, labels, UIDs, the status field, draft & publish membership and the engine.
export {
  AUDIT_RECORD_UID,
  OFICIO_UID,
  STATE_LABELS,
  STATUS_FIELD,
  TRANSITION_LOG_UID,
  WORKFLOWS,
  WORKFLOW_LABELS,
  WORKFLOW_UIDS,
  WORK_ITEM_KEYS,
  availableTransitions,
  isClosed,
  isDraftAndPublish,
  resolveRoles,
  workflowForUid,
  type Actor,
  type AvailableTransition,
  type CrewOverlap,
  type Facts,
  type Role,
  type WorkflowKey,
  type WorkItemKey,
} from '../../../../domain/workflows';

// Work-item rows as the workflow service reads them.
export {
  POPULATE,
  systemFields,
  toDomainItem,
  yearsOfRow,
  type Row,
} from '../../../../api/workflow/services/workflow';

// The invariants every write is held to, and the audit trail's vocabulary.
export {
  DOOR_LABELS,
  lateAcceptanceFailure,
  type Door,
} from '../../../../domain/workflows/invariants';
export { PERSONAL_FIELDS, type AuditChange } from '../../../../domain/workflows/audit';
export {
  ADDRESSEE_LABELS,
  COPY_LABELS,
  DELIVERABLE_LABELS,
  SOCIAL_NETWORK_LABELS,
} from '../../../../domain/workflows/intake-values';
export {
  MAX_SERVICES_PER_OFICIO,
  OPTION_LABELS,
  TOO_MANY_SERVICES_MESSAGE,
  missingIntake,
  missingInformationSentence,
  oficioLacks,
  type IntakeItem,
} from '../../../../domain/workflows/intake-requirements';
export type { RegisteredService } from '../../../../api/oficio/services/registration';
export { itemWarnings } from '../../../../domain/workflows/warnings';
export { formatDate } from '../../../../domain/workflows/values';
export { labelOf } from '../../../../utils/field-labels';
export {
  CREW_OVERLAP_POPULATE,
  crewOverlapOf,
  type CrewOverlapRow,
} from '../../../../utils/crew-overlaps';
export { toError } from '../../../../api/workflow/services/workflow-writes';
export { SURVEY_RESPONSE_UID, SURVEY_UID } from '../../../../document-middlewares/survey-rules';

// Queues of the work trays.
export {
  QUEUES,
  deliveredStates,
  queueBadges,
  queueByKey,
  queueStates,
  queuesOverlap,
  sourceHolds,
  type QueueDefinition,
  type QueueKey,
  type QueueSource,
} from '../../../../domain/queues';

// Calendar: dates in Mexico City, holidays and weeks.
export {
  HOLIDAY_SOURCES,
  LFT_MAX_YEAR,
  LFT_MIN_YEAR,
  mexicoCityParts,
  parseInstant,
  parseIsoDate,
  toDayNumber,
  addCalendarDays,
} from '../../../../domain/calendar';
export { startOfMexicoCityDay, sundayOf, weekStarts } from '../../../../domain/weeks';
export {
  DEFAULT_SETTINGS,
  HOLIDAY_UID,
  SETTING_UID,
} from '../../../../api/business-calendar/services/business-calendar';

// Transparency obligations.
export {
  countByStatus,
  isoDateOf,
  obligationWarnings,
  type Frequency,
  type ObligationStatus,
} from '../../../../domain/transparency';

// Surveys: questions and their results.
export {
  isOpen,
  toQuestion,
  type Question,
  type QuestionInput,
} from '../../../../api/survey/domain/questions';
export { responsesCsv, summarize, type ResponseRow } from '../../../../api/survey/domain/results';

// Publishing on the public site.
export { PUBLISHABLE_UIDS, type PublishableUid } from '../../../../api/site-publishing/webhook';

// Who is writing: the actor of a request and the write context.
export { adminActor, runAs, runExpecting, writeContext } from '../../../../services/write-context';
// What a staff member may read: relations, fields and requester personal data.
export { createStaffReads, type StaffReads } from '../../../../services/staff-reads';

// Plumbing: errors, input validation, database values and the app's typed service look-up.
export { conflict, forbidden, invalid } from '../../../../utils/errors';
export { ROOT_MESSAGE, validateInput } from '../../../../utils/validation';
export { toIso } from '../../../../api/notification/db';
export { toCsv } from '../../../../utils/csv';
export { likePattern } from '../../../../utils/like';
export { getService } from '../../../../utils/get-service';
export {
  clientAddress,
  createRateLimiter,
  refuseRateLimited,
} from '../../../../utils/rate-limiter';

// Area accounts: users-permissions users of the areas, their sessions and password links.
export { USER_UID, revokeSessions } from '../../../../utils/sessions';
export {
  newResetToken,
  passwordLink,
  publicServerUrl,
  resetPageUrl,
  unusablePassword,
} from '../../../../utils/password-links';
export { areaAccountInvitation } from '../../../../domain/notifications/account-templates';

// Queue counters: held by one transaction at a time on PostgreSQL.
export { lockForTransaction } from '../../../../utils/locks';
export { isPostgres } from '../../../../utils/postgres-client';
