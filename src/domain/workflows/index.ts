import { WORKFLOWS } from './definitions';
import { WORKFLOW_KEYS } from './labels';
import type { WorkflowKey } from './types';

export type {
  Actor,
  AreaKind,
  BlackoutPeriod,
  CrewOverlap,
  Effect,
  EffectResult,
  ErrorCode,
  Facts,
  Failure,
  Guard,
  Item,
  LeadTime,
  LeadVerdict,
  OficioFacts,
  OficioItemFacts,
  Role,
  RoleRef,
  RuleContext,
  ScheduleContext,
  SideEffect,
  Success,
  TransitionDefinition,
  WorkflowDefinition,
  WorkflowKey,
  WorkflowSettings,
} from './types';
export {
  ROLES,
  ROLE_LABELS,
  STAFF_ROLES,
  assignedDesigner,
  coverageSchedulers,
  resolveRoles,
} from './roles';
export {
  FIELD_LABELS,
  WORKFLOW_KEYS,
  WORKFLOW_LABELS,
  WORKFLOW_UIDS,
  fieldLabel,
  workflowForUid,
} from './labels';
export {
  AUDIT_RECORD_UID,
  DRAFT_AND_PUBLISH_KEYS,
  OFICIO_UID,
  STATUS_FIELD,
  TRANSITION_LOG_UID,
  WORK_ITEM_KEYS,
  isDraftAndPublish,
  type WorkItemKey,
} from './work-items';
export { BLACKOUT_EXCEPTIONS, type BlackoutException } from './guards';
export { missingFields } from './values';
export {
  availableTransitions,
  cancellationOf,
  initialState,
  isClosed,
  leadTimeOf,
  leadVerdict,
  planCreate,
  planTransition,
  recomputeSchedule,
  transitionRefusal,
  type AvailableInput,
  type AvailableTransition,
  type CreateInput,
  type ScheduleInput,
  type TransitionInput,
} from './engine';
export { WORKFLOWS };

/** Spanish labels of every state of every workflow, e.g. STATE_LABELS.design.en_diseno. */
export const STATE_LABELS: Readonly<Record<WorkflowKey, Readonly<Record<string, string>>>> =
  Object.freeze(
    Object.fromEntries(WORKFLOW_KEYS.map((key) => [key, WORKFLOWS[key].states])) as Record<
      WorkflowKey,
      Readonly<Record<string, string>>
    >
  );
