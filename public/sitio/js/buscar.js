/** Búsqueda de publicaciones (`buscar.html?q=<texto>`). */
import { getJson } from './api.js';
import {
  byId,
  currentPage,
  errorMessage,
  h,
  pagination,
  param,
  replace,
  setTitle,
  statusMessage,
} from './dom.js';
import { publicationList } from './publicaciones.js';

const PAGE_SIZE = 12;

const load = async () => {
  const q = param('q');
  const container = byId('resultados');
  byId('q').value = q;
  if (!q) return;
  setTitle(`Resultados para «${q}»`);
  replace(container, statusMessage('Buscando…'));
  try {
    const { data, meta } = await getJson('/api/site/publications', {
      q,
      page: currentPage(),
      pageSize: PAGE_SIZE,
    });
    const total = meta.pagination.total;
    if (!data.length) {
      replace(
        container,
        h('h2', {}, `Resultados para «${q}»`),
        statusMessage('No encontramos publicaciones con esas palabras. Prueba con otras.')
      );
      return;
    }
    replace(
      container,
      h('h2', {}, `Resultados para «${q}»`),
      h(
        'p',
        { role: 'status' },
        total === 1 ? '1 publicación encontrada' : `${total} publicaciones encontradas`
      ),
      publicationList(data, { headingLevel: 3 }),
      pagination(meta, 'Páginas de resultados')
    );
  } catch (error) {
    replace(container, errorMessage(error.message));
  }
};

load();
