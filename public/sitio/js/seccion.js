/** Publicaciones de una sección (`seccion.html?nombre=<sección>`). */
import { getJson } from './api.js';
import {
  byId,
  capitalize,
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
import { loadSections } from './secciones.js';

const PAGE_SIZE = 12;

const load = async () => {
  const name = param('nombre');
  const container = byId('resultados');
  loadSections(byId('secciones'), { current: name });
  if (!name) {
    replace(byId('titulo'), 'Secciones');
    setTitle('Secciones');
    replace(container, statusMessage('Elige una sección de la lista.'));
    return;
  }
  replace(byId('titulo'), capitalize(name));
  setTitle(capitalize(name));
  try {
    const { data, meta } = await getJson('/api/site/publications', {
      section: name,
      page: currentPage(),
      pageSize: PAGE_SIZE,
    });
    if (!data.length) {
      replace(container, statusMessage('No hay publicaciones en esta sección.'));
      return;
    }
    const total = meta.pagination.total;
    replace(
      container,
      h('p', { role: 'status' }, total === 1 ? '1 publicación' : `${total} publicaciones`),
      publicationList(data, { headingLevel: 2, showSection: false }),
      pagination(meta, 'Páginas de la sección')
    );
  } catch (error) {
    replace(container, errorMessage(error.message));
  }
};

load();
