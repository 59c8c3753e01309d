import type { StrapiApp } from '@strapi/strapi/admin';

/** The admin's own keys (Strapi reads them before the first render). */
const LANGUAGE_KEY = 'strapi-admin-language';
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';

/** The office's language: the login page and a fresh browser start in it. */
export const DEFAULT_LANGUAGE = 'es';

/**
 * Strapi starts in English unless the browser already stored a language. A browser that has not
 * chosen one gets Spanish; a stored choice (English included) is kept, and after login the user's
 * profile language (`preferedLanguage`) still wins. The guided tour (Strapi's onboarding for the
 * developer who created the project) is switched off for the office's browsers.
 */
export const applyOfficeDefaults = (storage: Pick<Storage, 'getItem' | 'setItem'>) => {
  try {
    if (!storage.getItem(LANGUAGE_KEY)) storage.setItem(LANGUAGE_KEY, DEFAULT_LANGUAGE);
    if (!storage.getItem(GUIDED_TOUR_KEY)) {
      storage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ enabled: false }));
    }
  } catch {
    // Storage blocked (private mode): Strapi falls back to its own defaults.
  }
};

/**
 * Strapi's password inputs say `autocomplete="password"`, which is not a valid token: password
 * managers and assistive technology expect `current-password` (log in) or `new-password`
 * (register, reset, profile). The inputs are Strapi's, so the attribute is corrected as they appear.
 */
export const fixPasswordAutocomplete = (root: Document) => {
  const fix = () => {
    const fields = root.querySelectorAll<HTMLInputElement>('input[autocomplete="password"]');
    for (const field of fields) {
      const loggingIn = root.location.pathname.includes('/auth/login');
      field.setAttribute('autocomplete', loggingIn ? 'current-password' : 'new-password');
    }
  };
  new MutationObserver(fix).observe(root.documentElement, { childList: true, subtree: true });
};

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
        // The home page, the session and a few common labels Strapi's Spanish lacks.
        'HomePage.addWidget.title': 'Agregar widget',
        'HomePage.addWidget.button': 'Agregar widget',
        'HomePage.addWidget.noWidgetsAvailable': 'No hay widgets para agregar',
        'HomePage.widget.delete': 'Quitar',
        'HomePage.widget.drag': 'Arrastra para mover',
        'HomePage.widget.no-permissions': 'No tienes permiso para ver este widget',
        'widget.last-activity.title': 'Actividad reciente',
        'widget.last-activity.link': 'Abrir la bitácora',
        'widget.last-activity.no-activity': 'Sin actividad',
        'global.more': 'Más',
        'global.last-change.undo': 'Deshacer el último cambio',
        'global.last-change.redo': 'Rehacer el último cambio',
        'global.last-changes.discard': 'Descartar los últimos cambios',
        'global.sessions.active-devices': 'Dispositivos activos',
        'app.session.ended.title': 'La sesión terminó',
        'app.session.ended.unsaved':
          'Tu sesión terminó y no se puede reanudar. Los cambios sin guardar se perderán al salir.',
        'app.error.chunk.title': 'No se pudo cargar esta pantalla',
        'app.error.chunk.message':
          'El panel no pudo cargar una pantalla; suele pasar cuando el servidor está arrancando o se cortó la conexión. Recarga la página para intentarlo de nuevo.',
        'app.error.chunk.reload': 'Recargar la página',
        'app.components.ToggleCheckbox.enabled-label': 'Activado',
        'app.components.ToggleCheckbox.disabled-label': 'Desactivado',
        'app.utils.update-filter': 'Actualizar el filtro',
        'components.Input.error.validation.combobox.invalid': 'El valor no es válido',
        'components.Input.error.contain.maxBytes': 'La contraseña debe tener menos de 73 bytes',
        'tours.overview.title': 'Conoce la aplicación',
        'tours.overview.close': 'Cerrar la guía',
        'tours.skip': 'Omitir',
        'tours.next': 'Siguiente',
        'tours.gotIt': 'Entendido',
        'tours.profile.title': 'Guía',
        'tours.profile.description': 'Puedes reiniciar la guía cuando quieras.',
        'tours.profile.reset': 'Reiniciar la guía',
        // The media library's search box.
        'upload.header.search.placeholder': 'Buscar',
        'upload.header.search-results': 'Resultados de «{query}»',
        'upload.header.search-results.count':
          '{numberFolders, plural, one {1 carpeta} other {# carpetas}} - {numberAssets, plural, one {1 archivo} other {# archivos}}',
        'upload.header.search-results.count.assets':
          '{numberAssets, plural, =0 {0 archivos} one {1 archivo} other {# archivos}}',
        'upload.header.search-results.count.folders':
          '{numberFolders, plural, one {1 carpeta} other {# carpetas}}',
        'upload.input.url.placeholder': 'Vacío',
        // The main menu's entry and the login's example address.
        'content-manager.plugin.name': 'Gestor de contenido',
        'Auth.form.email.placeholder': 'nombre@calimaya.gob.mx',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register() {
    // Runs before Strapi creates its store, which reads the stored language once.
    applyOfficeDefaults(window.localStorage);
    fixPasswordAutocomplete(document);
  },
  bootstrap(_app: StrapiApp) {},
};
