/** Un documento de transparencia (`documento.html?id=<documentId>`). */
import { getJson } from './api.js';
import { byId, errorMessage, h, param, replace, setTitle } from './dom.js';
import { calendarDate, fileDescription, longDate, period } from './formato.js';
import { htmlContent } from './contenido.js';

const notFound = (container) => {
  setTitle('Documento no encontrado');
  replace(
    container,
    h('h1', {}, 'Documento no encontrado'),
    errorMessage(
      'No encontramos este documento. Es posible que se haya retirado o que la dirección esté incompleta.'
    ),
    h('p', {}, h('a', { href: 'transparencia.html' }, 'Volver al portal de transparencia'))
  );
};

const row = (label, value) =>
  value || value === 0 ? [h('dt', {}, label), h('dd', {}, value)] : null;

const load = async () => {
  const container = byId('documento');
  const id = param('id');
  if (!id) {
    notFound(container);
    return;
  }
  try {
    const { data } = await getJson(`/api/site/transparency/${encodeURIComponent(id)}`);
    setTitle(data.title);
    const related = new URLSearchParams({ fraccion: data.fraccion || '' });
    if (data.article) related.set('articulo', data.article);
    replace(
      container,
      h(
        'article',
        { class: 'articulo' },
        h('h1', {}, data.title),
        data.file && data.file.url
          ? h(
              'p',
              {},
              h(
                'a',
                { class: 'boton', href: data.file.url, download: data.file.name || true },
                'Descargar el documento'
              ),
              ` (${fileDescription(data.file)})`
            )
          : h('p', {}, 'Este documento no tiene archivo adjunto.'),
        h(
          'dl',
          { class: 'ficha' },
          row('Ley', data.law),
          row('Versión de la ley', data.lawVersion),
          row('Artículo', data.article),
          row('Fracción', data.fraccion),
          row('Ejercicio', data.ejercicio),
          row('Periodo', period(data.periodStart, data.periodEnd)),
          row('Área responsable', data.responsibleArea),
          row('Fecha de actualización', calendarDate(data.updatedOn)),
          row('Fecha de validación', calendarDate(data.validatedOn)),
          row('Publicado en el sitio', longDate(data.publishedAt)),
          row('Nota', data.note)
        ),
        data.body ? h('div', { class: 'contenido' }, htmlContent(data.bodyHtml)) : null,
        data.fraccion
          ? h(
              'p',
              {},
              h(
                'a',
                { href: `transparencia.html?${related}` },
                `Más documentos de la fracción ${data.fraccion}`
              )
            )
          : null
      )
    );
  } catch (error) {
    if (error.status === 404) notFound(container);
    else replace(container, h('h1', {}, 'Documento de transparencia'), errorMessage(error.message));
  }
};

load();
