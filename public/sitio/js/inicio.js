/** Portada: publicaciones recientes y secciones. */
import { getJson } from './api.js';
import { byId, errorMessage, replace, statusMessage } from './dom.js';
import { publicationList } from './publicaciones.js';
import { loadSections } from './secciones.js';

const RECENT = 6;

const loadRecent = async () => {
  const container = byId('recientes');
  try {
    const { data } = await getJson('/api/site/publications', { pageSize: RECENT });
    if (!data.length) {
      replace(container, statusMessage('Todavía no hay publicaciones.'));
      return;
    }
    replace(container, publicationList(data, { headingLevel: 3 }));
  } catch (error) {
    replace(container, errorMessage(error.message));
  }
};

loadRecent();
loadSections(byId('secciones'));
