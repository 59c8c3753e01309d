import { Layouts, Page } from '@strapi/strapi/admin';

/** Placeholder until the page is built. */
export const CalendarPage = () => (
  <Page.Main>
    <Layouts.Header title="Calendar" />
  </Page.Main>
);
