/** La lista de secciones con su número de publicaciones. */
import { getJson } from './api.js';
import { capitalize, errorMessage, h, replace, statusMessage } from './dom.js';
import { sectionHref } from './publicaciones.js';

/** Llena `container` con los enlaces a las secciones publicadas, señalando `current`. */
export const loadSections = async (container, { current = '' } = {}) => {
  try {
    const { data } = await getJson('/api/site/sections');
    if (!data.length) {
      replace(container, statusMessage('Todavía no hay secciones con publicaciones.'));
      return;
    }
    replace(
      container,
      h(
        'ul',
        { class: 'secciones' },
        data.map((entry) =>
          h(
            'li',
            {},
            h(
              'a',
              {
                href: sectionHref(entry.section),
                'aria-current': entry.section === current ? 'page' : null,
              },
              `${capitalize(entry.section)} (${entry.count})`
            )
          )
        )
      )
    );
  } catch (error) {
    replace(container, errorMessage(error.message));
  }
};
