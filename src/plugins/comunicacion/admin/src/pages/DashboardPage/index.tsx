import { Layouts, Page } from '@strapi/strapi/admin';

/** Placeholder until the page is built. */
export const DashboardPage = () => (
  <Page.Main>
    <Layouts.Header title="Dashboard" />
  </Page.Main>
);
