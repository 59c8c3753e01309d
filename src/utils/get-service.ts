import type { Core } from '@strapi/strapi';
import type { ApprovalLinkService } from '../api/approval-link/services/approval-link';
import type { BusinessCalendarService } from '../api/business-calendar/services/business-calendar';
import type { DecisionService } from '../api/design/services/decision';
import type { DeadlineMonitorService } from '../api/notification/services/deadline-monitor';
import type { NotificationRulesService } from '../api/notification/services/notification-rules';
import type { OutboxService } from '../api/notification/services/outbox';
import type { StaffNotificationsService } from '../api/notification/services/staff-notifications';
import type { TaskLeaseService } from '../api/notification/services/task-lease';
import type { AcuseService } from '../api/oficio/services/acuse';
import type { FolioService } from '../api/oficio/services/folio';
import type { RegistrationService } from '../api/oficio/services/registration';
import type { AnswerPdfService } from '../api/site-publishing/services/answer-pdf';
import type { PortalApiService } from '../api/portal/services/portal';
import type { UploadsService } from '../api/portal/services/uploads';
import type { SitePublishingService } from '../api/site-publishing/services/site-publishing';
import type { SiteVerificationService } from '../api/site-publishing/services/site-verification';
import type { SiteWebhookService } from '../api/site-publishing/services/site-webhook';
import type { PublicSiteService } from '../api/public-site/services/public-site';
import type { SiteCacheService } from '../api/public-site/services/site-cache';
import type { PublicSurveyService } from '../api/survey/services/public-survey';
import type { WorkflowService } from '../api/workflow/services/workflow';
import type { WorkflowWritesService } from '../api/workflow/services/workflow-writes';

/** Every app service by its short name, so call sites get types instead of string look-ups. */
interface Services {
  'approval-link': ApprovalLinkService;
  'business-calendar': BusinessCalendarService;
  'design-decision': DecisionService;
  'deadline-monitor': DeadlineMonitorService;
  folio: FolioService;
  'notification-rules': NotificationRulesService;
  outbox: OutboxService;
  'public-site': PublicSiteService;
  'public-survey': PublicSurveyService;
  'site-cache': SiteCacheService;
  'staff-notifications': StaffNotificationsService;
  'task-lease': TaskLeaseService;
  workflow: WorkflowService;
  'workflow-writes': WorkflowWritesService;
  'answer-pdf': AnswerPdfService;
  acuse: AcuseService;
  'oficio-registration': RegistrationService;
  'site-publishing': SitePublishingService;
  'site-verification': SiteVerificationService;
  'site-webhook': SiteWebhookService;
  portal: PortalApiService;
  'portal-uploads': UploadsService;
}

const UIDS: { [K in keyof Services]: `api::${string}.${string}` } = {
  'approval-link': 'api::approval-link.approval-link',
  'business-calendar': 'api::business-calendar.business-calendar',
  'design-decision': 'api::design.decision',
  'deadline-monitor': 'api::notification.deadline-monitor',
  folio: 'api::oficio.folio',
  'notification-rules': 'api::notification.notification-rules',
  outbox: 'api::notification.outbox',
  'public-site': 'api::public-site.public-site',
  'public-survey': 'api::survey.public-survey',
  'site-cache': 'api::public-site.site-cache',
  'staff-notifications': 'api::notification.staff-notifications',
  'task-lease': 'api::notification.task-lease',
  workflow: 'api::workflow.workflow',
  'workflow-writes': 'api::workflow.workflow-writes',
  'answer-pdf': 'api::site-publishing.answer-pdf',
  acuse: 'api::oficio.acuse',
  'oficio-registration': 'api::oficio.registration',
  'site-publishing': 'api::site-publishing.site-publishing',
  'site-verification': 'api::site-publishing.site-verification',
  'site-webhook': 'api::site-publishing.site-webhook',
  portal: 'api::portal.portal',
  'portal-uploads': 'api::portal.uploads',
};

export const getService = <K extends keyof Services>(
  name: K,
  strapi: Core.Strapi = global.strapi
): Services[K] => strapi.service(UIDS[name]) as unknown as Services[K];
