/** Datos abiertos: cuántos documentos hay hoy en el conjunto. */
import { getJson } from './api.js';
import { byId, replace } from './dom.js';

const load = async () => {
  try {
    const { meta } = await getJson('/api/site/transparency', { pageSize: 1 });
    const total = meta.pagination.total;
    replace(
      byId('total-documentos'),
      total === 1
        ? 'Hoy contiene 1 documento.'
        : `Hoy contiene ${total.toLocaleString('es-MX')} documentos.`
    );
  } catch {
    // El número es informativo: las descargas funcionan sin él.
  }
};

load();
