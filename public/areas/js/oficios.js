/**
 * «Mis oficios»: los oficios del área, primero los que esperan algo de ella, con su estado, sus
 * fechas de entrega y lo que la Dirección espera; filtro por estado y búsqueda por folio o asunto.
 */
import { byId, currentPage, h, pagination, param, replace } from '../../sitio/js/dom.js';
import { calendarDate, longDate, timeElement } from '../../sitio/js/formato.js';
import { api, loadHeader, setTitle } from './sesion.js';

setTitle('Mis oficios');
loadHeader();

const list = byId('lista');
const result = byId('resultado');
const status = param('estado');
const query = param('q');
byId('estado').value = status;
byId('buscar').value = query;

const dueText = (day) => (day ? ['Entrega: ', timeElement(day, calendarDate(day))] : null);

const serviceLine = (service) =>
  h(
    'li',
    {},
    `${service.workflowLabel}${service.title ? ` «${service.title}»` : ''}: `,
    h('strong', {}, service.statusLabel),
    service.dueAt && !service.closed ? [' · ', dueText(service.dueAt)] : null,
    service.missing.length
      ? h('span', { class: 'falta' }, ` · Falta: ${service.missing.map((m) => m.label).join(', ')}`)
      : null
  );

const card = (row) => {
  const titleId = `oficio-${row.documentId}`;
  return h(
    'li',
    {},
    h(
      'article',
      {
        class: `oficio-ficha${row.needsAction ? ' oficio-ficha--atencion' : ''}`,
        'aria-labelledby': titleId,
      },
      row.needsAction ? h('p', {}, h('span', { class: 'atencion' }, 'Requiere tu atención')) : null,
      h(
        'h3',
        { id: titleId },
        h('a', { href: `oficio.html?id=${encodeURIComponent(row.documentId)}` }, row.folio),
        ` · ${row.subject}`
      ),
      h(
        'p',
        {},
        h('span', { class: 'estado-oficio' }, row.statusLabel),
        ' · Recibido el ',
        timeElement(row.receivedAt, longDate(row.receivedAt)),
        row.dueAt ? [' · ', dueText(row.dueAt)] : null
      ),
      row.waitingFor ? h('p', { class: 'falta' }, row.waitingFor) : null,
      row.services.length
        ? h('ul', { class: 'servicios-lista' }, row.services.map(serviceLine))
        : null
    )
  );
};

const section = (id, title, rows) =>
  rows.length
    ? h(
        'section',
        { 'aria-labelledby': id },
        h('h2', { id }, title),
        h('ul', { class: 'oficios' }, rows.map(card))
      )
    : null;

const load = async () => {
  try {
    const { data, meta } = await api(
      `/api/portal/oficios?${new URLSearchParams({
        page: String(currentPage()),
        pageSize: '20',
        ...(status ? { status } : {}),
        ...(query ? { q: query } : {}),
      })}`
    );
    const total = meta && meta.pagination ? meta.pagination.total : data.length;
    const filtered = Boolean(status || query);
    replace(
      result,
      h(
        'p',
        { class: 'estado', role: 'status' },
        total === 0
          ? filtered
            ? 'Ningún oficio coincide con el filtro.'
            : 'Tu área aún no ha presentado oficios en el portal.'
          : `${total} ${total === 1 ? 'oficio' : 'oficios'}${filtered ? ' con este filtro' : ''}.`
      )
    );
    const urgent = data.filter((row) => row.needsAction);
    const rest = data.filter((row) => !row.needsAction);
    replace(
      list,
      section('titulo-atencion', 'Requieren tu atención', urgent),
      section('titulo-demas', urgent.length ? 'Los demás oficios' : 'Oficios', rest),
      total === 0 && !filtered
        ? h('p', {}, h('a', { href: 'nuevo.html' }, 'Presenta tu primer oficio'))
        : null,
      pagination(meta, 'Páginas de oficios')
    );
  } catch (error) {
    if (error.status === 401) return;
    replace(list, h('p', { class: 'estado estado--error', role: 'alert' }, error.message));
  }
};

load();
