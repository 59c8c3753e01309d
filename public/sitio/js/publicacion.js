/** Una publicación (`publicacion.html?slug=<slug>`). */
import { getJson } from './api.js';
import { byId, capitalize, errorMessage, h, param, replace, setTitle } from './dom.js';
import { fileDescription, longDate, timeElement } from './formato.js';
import { htmlContent } from './contenido.js';
import { sectionHref } from './publicaciones.js';

const notFound = (container) => {
  setTitle('Publicación no encontrada');
  replace(
    container,
    h('h1', {}, 'Publicación no encontrada'),
    errorMessage(
      'No encontramos esta publicación. Es posible que se haya retirado o que la dirección esté incompleta.'
    ),
    h('p', {}, h('a', { href: './' }, 'Volver al inicio'))
  );
};

const attachments = (files) => {
  if (!files || !files.length) return null;
  return h(
    'section',
    { 'aria-labelledby': 'titulo-adjuntos' },
    h('h2', { id: 'titulo-adjuntos' }, 'Archivos adjuntos'),
    h(
      'ul',
      { class: 'adjuntos' },
      files.map((file) =>
        h(
          'li',
          {},
          h('a', { href: file.url, download: file.name || true }, file.name || 'Archivo'),
          ` (${fileDescription(file)})`
        )
      )
    )
  );
};

const load = async () => {
  const container = byId('publicacion');
  const slug = param('slug');
  if (!slug) {
    notFound(container);
    return;
  }
  try {
    const { data } = await getJson(`/api/site/publications/${encodeURIComponent(slug)}`);
    setTitle(data.title);
    if (data.section) {
      replace(
        byId('miga-seccion'),
        h('a', { href: sectionHref(data.section) }, capitalize(data.section))
      );
    }
    replace(
      container,
      h(
        'article',
        { class: 'articulo' },
        h('h1', {}, data.title),
        h(
          'p',
          { class: 'fecha' },
          data.isNews ? 'Noticia · ' : null,
          'Publicado el ',
          timeElement(data.publishedAt, longDate(data.publishedAt)),
          data.section
            ? [' en ', h('a', { href: sectionHref(data.section) }, capitalize(data.section))]
            : null
        ),
        data.summary ? h('p', { class: 'entrada' }, data.summary) : null,
        data.cover && data.cover.url
          ? h('img', {
              class: 'articulo__portada',
              src: data.cover.url,
              alt: data.cover.alternativeText || '',
              width: data.cover.width || null,
              height: data.cover.height || null,
            })
          : null,
        h('div', { class: 'contenido' }, htmlContent(data.bodyHtml)),
        attachments(data.attachments)
      )
    );
  } catch (error) {
    if (error.status === 404) notFound(container);
    else replace(container, h('h1', {}, 'Publicación'), errorMessage(error.message));
  }
};

load();
