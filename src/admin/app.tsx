import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Staff work in Spanish; English stays available in each user's profile.
    locales: ['es'],
    translations: {
      es: {
        'Auth.form.welcome.title': 'Comunicación Social y Gobierno Digital',
        'Auth.form.welcome.subtitle': 'Ayuntamiento de Calimaya: inicia sesión',
        // Strapi ships this banner in English only.
        'app.components.MediaLibraryBanner.intro': 'Nueva biblioteca de medios. ',
        'app.components.MediaLibraryBanner.text':
          'Consulta la documentación para saber cómo cambiar a la nueva.',
        'app.components.MediaLibraryBanner.text.enabled': 'Ya usas la versión renovada.',
        'app.components.MediaLibraryBanner.button': 'Documentación',
        'app.components.MediaLibraryBanner.button.enabled': 'Leer el anuncio',
        'app.components.MediaLibraryBanner.close': 'Cerrar el aviso.',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
