/** Tarjetas de publicaciones, compartidas por la portada, las secciones y la búsqueda. */
import { capitalize, h } from './dom.js';
import { longDate, timeElement } from './formato.js';

/** Dirección de la página de una publicación. */
export const publicationHref = (slug) => `publicacion.html?slug=${encodeURIComponent(slug)}`;

/** Dirección de la página de una sección. */
export const sectionHref = (section) => `seccion.html?nombre=${encodeURIComponent(section)}`;

const cover = (item) => {
  if (!item.cover || !item.cover.url) {
    return h(
      'div',
      { class: 'tarjeta__portada tarjeta__portada--vacia', 'aria-hidden': 'true' },
      'C'
    );
  }
  return h('img', {
    class: 'tarjeta__portada',
    src: item.cover.url,
    // La imagen acompaña al título; sin texto alternativo es decorativa.
    alt: item.cover.alternativeText || '',
    width: item.cover.width || null,
    height: item.cover.height || null,
    loading: 'lazy',
    decoding: 'async',
  });
};

/** Una tarjeta: portada, sección, título enlazado, fecha y resumen. */
export const publicationCard = (item, { headingLevel = 3, showSection = true } = {}) =>
  h(
    'li',
    {},
    h(
      'article',
      { class: 'tarjeta' },
      cover(item),
      h(
        'div',
        { class: 'tarjeta__cuerpo' },
        showSection && item.section
          ? h('a', { class: 'etiqueta', href: sectionHref(item.section) }, capitalize(item.section))
          : null,
        h(
          `h${headingLevel}`,
          {},
          // Without a slug the publication has no page of its own: the title is not a link.
          item.slug ? h('a', { href: publicationHref(item.slug) }, item.title) : item.title
        ),
        h(
          'p',
          { class: 'fecha' },
          item.isNews ? 'Noticia · ' : null,
          timeElement(item.publishedAt, longDate(item.publishedAt))
        ),
        item.summary ? h('p', {}, item.summary) : null
      )
    )
  );

/** La lista de tarjetas. */
export const publicationList = (items, options) =>
  h(
    'ul',
    { class: 'tarjetas' },
    items.map((item) => publicationCard(item, options))
  );
