import { Layouts, Page } from '@strapi/strapi/admin';

/** Placeholder until the page is built. */
export const OficioPage = () => (
  <Page.Main>
    <Layouts.Header title="Oficio" />
  </Page.Main>
);
