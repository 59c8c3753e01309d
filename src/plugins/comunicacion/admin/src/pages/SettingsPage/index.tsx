import { Layouts, Page } from '@strapi/strapi/admin';

/** Placeholder until the page is built. */
export const SettingsPage = () => (
  <Page.Main>
    <Layouts.Header title="Settings" />
  </Page.Main>
);
