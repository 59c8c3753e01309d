import type { Core } from '@strapi/strapi';

const ADMIN_USER_UID = 'admin::user';

/** The office's language: every staff account starts in it. */
export const STAFF_LANGUAGE = 'es';

interface LifecycleEvent {
  params: { data?: Record<string, unknown>; where?: Record<string, unknown> };
}

const unset = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Staff accounts start in Spanish, whatever creates them: the admin API's «Invitar usuario», the
 * first administrator, a script through `strapi.service('admin::user')`. A language chosen on
 * creation is kept, and an account invited before this default gets it when its person completes
 * the registration (unless one was chosen meanwhile). The profile page still changes it.
 *
 * Admin users are written by Strapi's admin with the query engine, not the Document Service, so this
 * is a database lifecycle; `admin::user` has no draft and publish, so it runs once per write.
 */
export const staffLanguage = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.db.lifecycles.subscribe({
    models: [ADMIN_USER_UID],
    beforeCreate(event: LifecycleEvent) {
      const data = event.params.data;
      if (data && unset(data.preferedLanguage)) data.preferedLanguage = STAFF_LANGUAGE;
    },
    async beforeUpdate(event: LifecycleEvent) {
      const { data, where } = event.params;
      // Completing an invitation: Strapi clears the registration token and activates the account.
      const registering = data?.registrationToken === null && data?.isActive === true;
      if (!data || !where || !registering || !unset(data.preferedLanguage)) return;
      const current = (await strapi.db
        .query(ADMIN_USER_UID)
        .findOne({ where, select: ['preferedLanguage'] })) as { preferedLanguage?: unknown } | null;
      if (current && unset(current.preferedLanguage)) data.preferedLanguage = STAFF_LANGUAGE;
    },
  });
};
