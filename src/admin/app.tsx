import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Staff work in Spanish; English stays available in each user's profile.
    locales: ['es'],
    translations: {
      es: {
        'Auth.form.welcome.title': 'Comunicación Social y Gobierno Digital',
        'Auth.form.welcome.subtitle': 'Ayuntamiento de Calimaya: inicia sesión',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
