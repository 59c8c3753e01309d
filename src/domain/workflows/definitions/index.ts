import type { WorkflowDefinition, WorkflowKey } from '../types';
import { ADVISORY } from './advisory';
import { COVERAGE_EVENT } from './coverage-event';
import { DESIGN } from './design';
import { EMAIL_ACCOUNT_REQUEST } from './email-account-request';
import { OFICIO } from './oficio';
import { TRANSPARENCY_DOCUMENT, WEB_PUBLICATION } from './publication';
import { SOCIAL_POST } from './social-post';

/** Every workflow definition, by key. */
export const WORKFLOWS: Readonly<Record<WorkflowKey, WorkflowDefinition>> = Object.freeze({
  oficio: OFICIO,
  design: DESIGN,
  'coverage-event': COVERAGE_EVENT,
  'social-post': SOCIAL_POST,
  'web-publication': WEB_PUBLICATION,
  'transparency-document': TRANSPARENCY_DOCUMENT,
  'email-account-request': EMAIL_ACCOUNT_REQUEST,
  advisory: ADVISORY,
});
