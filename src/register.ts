import type { Core } from '@strapi/strapi';
import { calendarReload } from './document-middlewares/calendar-reload';
import { holidayRules } from './document-middlewares/holiday-rules';
import { passwordRules } from './document-middlewares/password-rules';
import { queueCounters } from './document-middlewares/queue-counters';
import { sessionRevocation } from './document-middlewares/session-revocation';
import { settingRules } from './document-middlewares/setting-rules';
import { surveyRules } from './document-middlewares/survey-rules';
import { siteCache } from './document-middlewares/site-cache';
import { slugs } from './document-middlewares/slugs';
import { transitionLogAppendOnly } from './document-middlewares/transition-log-append-only';
import { transparencyMetadata } from './document-middlewares/transparency-metadata';
import { validationMessages } from './document-middlewares/validation-messages';
import { workflowRules } from './document-middlewares/workflow-rules';
import { queueCounterLifecycles } from './lifecycles/queue-counters';
import { staffLanguage } from './lifecycles/staff-language';
import { guardContentManagerReads } from './policies/content-manager-reads';
import { keepSessionSecretsAsKeys } from './utils/jwt-keys';

/**
 * Wires the Document Service middlewares: every door that writes (admin, content API, plugin
 * routes, scripts using strapi.documents) passes through them. The content manager's read
 * routes get the policy that keeps filters, sorts and relation lists to what the reader may read.
 */
export const register = ({ strapi }: { strapi: Core.Strapi }) => {
  keepSessionSecretsAsKeys(strapi);
  // First, so it wraps the others and Strapi's own validation underneath them.
  strapi.documents.use(validationMessages());
  strapi.documents.use(slugs({ strapi }));
  strapi.documents.use(holidayRules({ strapi }));
  strapi.documents.use(settingRules());
  strapi.documents.use(passwordRules());
  strapi.documents.use(sessionRevocation());
  strapi.documents.use(calendarReload({ strapi }));
  strapi.documents.use(transitionLogAppendOnly());
  strapi.documents.use(transparencyMetadata({ strapi }));
  strapi.documents.use(workflowRules({ strapi }));
  strapi.documents.use(surveyRules({ strapi }));
  strapi.documents.use(siteCache({ strapi }));
  // Last, so it wraps only the row's own write, including the engine's internal ones.
  strapi.documents.use(queueCounters({ strapi }));

  guardContentManagerReads(strapi);
  staffLanguage({ strapi });
  queueCounterLifecycles({ strapi });
};
