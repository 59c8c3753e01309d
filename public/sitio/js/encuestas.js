/** Encuestas abiertas. */
import { getJson } from './api.js';
import { byId, errorMessage, h, replace, statusMessage } from './dom.js';
import { longDate, timeElement } from './formato.js';

const load = async () => {
  const container = byId('encuestas');
  try {
    const { data } = await getJson('/api/surveys');
    if (!data.length) {
      replace(container, statusMessage('No hay encuestas abiertas en este momento.'));
      return;
    }
    replace(
      container,
      h(
        'ul',
        { class: 'tarjetas' },
        data.map((survey) =>
          h(
            'li',
            {},
            h(
              'article',
              { class: 'tarjeta' },
              h(
                'div',
                { class: 'tarjeta__cuerpo' },
                h(
                  'h2',
                  {},
                  h(
                    'a',
                    { href: `encuesta.html?slug=${encodeURIComponent(survey.slug)}` },
                    survey.title
                  )
                ),
                survey.description ? h('p', {}, survey.description) : null,
                survey.closesAt
                  ? h(
                      'p',
                      { class: 'fecha' },
                      'Abierta hasta el ',
                      timeElement(survey.closesAt, longDate(survey.closesAt))
                    )
                  : null
              )
            )
          )
        )
      )
    );
  } catch (error) {
    replace(container, errorMessage(error.message));
  }
};

load();
