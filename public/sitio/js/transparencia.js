/**
 * Portal de transparencia: filtros en la dirección (`?fraccion=II&articulo=92&ejercicio=2027&
 * periodo=2027-T1&q=texto`), tabla de resultados con descargas y enlaces a los datos abiertos con
 * los mismos filtros.
 */
import { apiUrl, getJson } from './api.js';
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
import { fileDescription, period, quarterLabel, shortDate } from './formato.js';

const PAGE_SIZE = 25;

/** Los filtros de la dirección de la página. */
const filtersFromUrl = () => ({
  fraccion: param('fraccion'),
  article: param('articulo'),
  ejercicio: param('ejercicio'),
  period: param('periodo'),
  q: param('q'),
});

const obligationValue = (article, fraccion) => JSON.stringify([article || '', fraccion || '']);

/** «Art. 92, fracción II». */
export const obligationLabel = (article, fraccion) =>
  [article ? `Art. ${article}` : '', fraccion ? `fracción ${fraccion}` : '']
    .filter(Boolean)
    .join(', ');

const option = (value, label, selected) =>
  h('option', { value, selected: selected || null }, label);

const fillFacets = async (filters) => {
  const fraccion = byId('fraccion');
  const ejercicio = byId('ejercicio');
  const periodo = byId('periodo');
  let facets = { fracciones: [], ejercicios: [] };
  try {
    ({ data: facets } = await getJson('/api/site/transparency/facets'));
  } catch {
    // Sin las opciones el portal sigue funcionando con los filtros de la dirección.
  }

  const fracciones = [...facets.fracciones];
  const chosen = fracciones.find(
    (entry) =>
      entry.fraccion === filters.fraccion && (!filters.article || entry.article === filters.article)
  );
  if (filters.fraccion && !chosen)
    fracciones.push({ article: filters.article, fraccion: filters.fraccion, count: 0 });
  fraccion.append(
    ...fracciones.map((entry) =>
      option(
        obligationValue(entry.article, entry.fraccion),
        `${obligationLabel(entry.article, entry.fraccion)} (${entry.count})`,
        entry === chosen || (!chosen && entry.fraccion === filters.fraccion)
      )
    )
  );

  const years = [...new Set([...facets.ejercicios.map(String), filters.ejercicio].filter(Boolean))]
    .sort()
    .reverse();
  ejercicio.append(...years.map((year) => option(year, year, year === filters.ejercicio)));

  const quarters = years.flatMap((year) => ['T1', 'T2', 'T3', 'T4'].map((q) => `${year}-${q}`));
  if (filters.period && !quarters.includes(filters.period)) quarters.unshift(filters.period);
  periodo.append(
    ...quarters.map((value) => option(value, quarterLabel(value), value === filters.period))
  );

  byId('texto').value = filters.q;
};

const applyFilters = (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const params = new URLSearchParams();
  const [article, fraccion] = form.obligacion.value ? JSON.parse(form.obligacion.value) : ['', ''];
  if (fraccion) params.set('fraccion', fraccion);
  if (article) params.set('articulo', article);
  if (form.ejercicio.value) params.set('ejercicio', form.ejercicio.value);
  if (form.periodo.value) params.set('periodo', form.periodo.value);
  const q = form.q.value.trim();
  if (q) params.set('q', q);
  const query = params.toString();
  window.location.assign(`transparencia.html${query ? `?${query}` : ''}`);
};

const downloadCell = (item) => {
  if (!item.file || !item.file.url) return h('td', { 'data-etiqueta': 'Archivo' }, 'Sin archivo');
  return h(
    'td',
    { 'data-etiqueta': 'Archivo' },
    h(
      'a',
      { href: item.file.url, download: item.file.name || true },
      'Descargar',
      h('span', { class: 'visualmente-oculto' }, ` «${item.title}»`)
    ),
    ` (${fileDescription(item.file)})`
  );
};

const resultsTable = (items, total) =>
  h(
    'table',
    { class: 'tabla tabla--fichas' },
    h('caption', {}, total === 1 ? '1 documento publicado' : `${total} documentos publicados`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [
          'Documento',
          'Fundamento',
          'Ejercicio',
          'Periodo',
          'Área responsable',
          'Actualización',
          'Archivo',
        ].map((label) => h('th', { scope: 'col' }, label))
      )
    ),
    h(
      'tbody',
      {},
      items.map((item) =>
        h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            h('a', { href: `documento.html?id=${encodeURIComponent(item.documentId)}` }, item.title)
          ),
          h('td', { 'data-etiqueta': 'Fundamento' }, obligationLabel(item.article, item.fraccion)),
          h('td', { 'data-etiqueta': 'Ejercicio' }, item.ejercicio ?? ''),
          h('td', { 'data-etiqueta': 'Periodo' }, period(item.periodStart, item.periodEnd)),
          h('td', { 'data-etiqueta': 'Área responsable' }, item.responsibleArea || ''),
          h('td', { 'data-etiqueta': 'Actualización' }, shortDate(item.updatedOn)),
          downloadCell(item)
        )
      )
    )
  );

const load = async () => {
  const filters = filtersFromUrl();
  const active = Object.values(filters).some(Boolean);
  if (active) setTitle('Transparencia: resultados filtrados');
  byId('filtros').addEventListener('submit', applyFilters);
  byId('descarga-csv').href = apiUrl('/api/open-data/transparency.csv', filters);
  byId('descarga-json').href = apiUrl('/api/open-data/transparency.json', filters);
  const facets = fillFacets(filters);

  const container = byId('resultados');
  try {
    const { data, meta } = await getJson('/api/site/transparency', {
      ...filters,
      page: currentPage(),
      pageSize: PAGE_SIZE,
    });
    if (!data.length) {
      replace(
        container,
        statusMessage(
          active ? 'No hay documentos con estos filtros.' : 'Todavía no hay documentos publicados.'
        )
      );
    } else {
      replace(
        container,
        h(
          'p',
          { role: 'status', class: 'visualmente-oculto' },
          `${meta.pagination.total} documentos`
        ),
        resultsTable(data, meta.pagination.total),
        pagination(meta, 'Páginas de documentos')
      );
    }
  } catch (error) {
    replace(container, errorMessage(error.message));
  }
  await facets;
};

load();
