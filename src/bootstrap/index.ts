import type { Core } from '@strapi/strapi';
import {
  grantPluginPermissions,
  narrowStaffFieldPermissions,
  seedAdminRoles,
  widenAddedAttributes,
  widenStaffAccess,
} from './admin-roles';
import { seedApiRoles } from './api-roles';
import { seedAreas } from './areas';
import { seedCalendar } from './calendar';
import { listenToOtherInstances } from './cluster-events';
import { configureContentManager } from './content-manager-labels';
import { ensureDemoAdmin } from './demo-admin';
import { seedDemoAreaAccounts } from './demo-area-accounts';
import { seedDemoCalendar } from './demo-calendar';
import { seedDemoSite } from './demo-site';
import { seedDemoSurvey } from './demo-survey';
import { seedDemoWork } from './demo-work';
import { seedLogos } from './logos';
import { seedPasswordEmails } from './password-emails';
import { scheduleNotifications } from './notifications';
import { seedPrivacyNotice } from './privacy-notice';
import { seedTransparencyObligations } from './transparency-obligations';
import { privateFolder } from '../utils/private-files';
import { reuseSqliteStatements } from '../utils/sqlite-statements';
import { reuseStaffAbilities } from '../utils/staff-abilities';

/** Seeds roles, permissions and reference data; in development, the demo data too. */
export const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  reuseSqliteStatements(strapi);
  reuseStaffAbilities(strapi);
  await listenToOtherInstances({ strapi });
  await seedCalendar({ strapi });
  await seedAreas({ strapi });
  await seedLogos({ strapi });
  // Before anything is stored privately: the folder outside any request's transaction.
  await privateFolder(strapi);
  await seedAdminRoles({ strapi });
  await narrowStaffFieldPermissions({ strapi });
  await widenStaffAccess({ strapi });
  await widenAddedAttributes({ strapi });
  await grantPluginPermissions({ strapi });
  await seedApiRoles({ strapi });
  await seedPasswordEmails({ strapi });
  await seedPrivacyNotice({ strapi });
  await seedTransparencyObligations({ strapi });
  await configureContentManager({ strapi });
  // A database from before the queue counters (or filled with SQL): count its items once.
  await strapi.plugin('comunicacion').service('counters').ensure();
  scheduleNotifications({ strapi });

  // A restore loads the system only to replace its data: no demo data to replace.
  const demo = !['false', '0', 'no'].includes((process.env.DEMO_DATA ?? '').trim().toLowerCase());
  if (strapi.config.get('environment') === 'development' && demo) {
    await seedDemoCalendar({ strapi });
    await seedDemoWork({ strapi });
    await seedDemoSurvey({ strapi });
    await seedDemoSite({ strapi });
    await ensureDemoAdmin({ strapi });
    await seedDemoAreaAccounts({ strapi });
  }
};
