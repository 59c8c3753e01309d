import type { WorkflowKey } from './types';

/**
 * The one place that says which content types carry a workflow, where their state lives and
 * which of them use Strapi's draft & publish. Everything else imports these names.
 */

/** The work items an oficio owns (every workflow but the oficio's own), in the order of the manual. */
export const WORK_ITEM_KEYS = [
  'design',
  'coverage-event',
  'social-post',
  'web-publication',
  'transparency-document',
  'email-account-request',
  'advisory',
] as const satisfies readonly WorkflowKey[];

/** Every workflow key: the oficio, then its work items. */
export const WORKFLOW_KEYS: readonly WorkflowKey[] = Object.freeze([
  'oficio',
  ...WORK_ITEM_KEYS,
] as const);

/** A work item's workflow key. */
export type WorkItemKey = (typeof WORK_ITEM_KEYS)[number];

/** Strapi content-type UID of each workflow. */
export const WORKFLOW_UIDS: Readonly<Record<WorkflowKey, string>> = Object.freeze({
  oficio: 'api::oficio.oficio',
  design: 'api::design.design',
  'coverage-event': 'api::coverage-event.coverage-event',
  'social-post': 'api::social-post.social-post',
  'web-publication': 'api::web-publication.web-publication',
  'transparency-document': 'api::transparency-document.transparency-document',
  'email-account-request': 'api::email-account-request.email-account-request',
  advisory: 'api::advisory.advisory',
});

export const OFICIO_UID = 'api::oficio.oficio';
export const TRANSITION_LOG_UID = 'api::transition-log.transition-log';
export const AUDIT_RECORD_UID = 'api::audit-record.audit-record';

/**
 * The attribute holding the workflow state. It cannot be called `status`: Strapi 5 reserves that
 * name for the draft/published dimension (the content manager rejects any other value for it).
 */
export const STATUS_FIELD = 'workflowStatus';

/** The workflows whose content type uses draft & publish (the municipal site's content). */
export const DRAFT_AND_PUBLISH_KEYS = ['web-publication', 'transparency-document'] as const;

export const isDraftAndPublish = (workflow: WorkflowKey) =>
  (DRAFT_AND_PUBLISH_KEYS as readonly WorkflowKey[]).includes(workflow);

/** The workflow of a content-type UID, or null when the type has no workflow. */
export function workflowForUid(uid: string): WorkflowKey | null {
  return WORKFLOW_KEYS.find((key) => WORKFLOW_UIDS[key] === uid) ?? null;
}
