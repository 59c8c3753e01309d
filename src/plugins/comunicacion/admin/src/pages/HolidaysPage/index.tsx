import { Layouts, Page } from '@strapi/strapi/admin';

/** Placeholder until the page is built. */
export const HolidaysPage = () => (
  <Page.Main>
    <Layouts.Header title="Holidays" />
  </Page.Main>
);
