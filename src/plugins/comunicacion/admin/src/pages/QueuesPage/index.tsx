import { Layouts, Page } from '@strapi/strapi/admin';

/** Placeholder until the page is built. */
export const QueuesPage = () => (
  <Page.Main>
    <Layouts.Header title="Queues" />
  </Page.Main>
);
