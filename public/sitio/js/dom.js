/** Construcción del DOM sin HTML en cadenas: todo texto entra como texto. */

/**
 * `h('a', { href: 'x', class: 'y' }, 'texto', otroNodo)`. Los atributos con valor `false`, `null`
 * o `undefined` se omiten; `true` deja el atributo vacío.
 */
export const h = (tag, attrs = {}, ...children) => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
};

/** Añade hijos (texto, nodos o listas de ellos) a un elemento. */
export const append = (parent, ...children) => {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
};

/** Reemplaza el contenido de un elemento. */
export const replace = (parent, ...children) => {
  parent.replaceChildren();
  return append(parent, ...children);
};

/** Un elemento de la página que debe existir. */
export const byId = (id) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Falta #${id} en la página`);
  return element;
};

/** Parámetro de la dirección de la página (`?nombre=...`), sin espacios sobrantes. */
export const param = (name) => (new URLSearchParams(window.location.search).get(name) || '').trim();

/** Mensaje de estado (carga, vacío) que los lectores de pantalla anuncian sin interrumpir. */
export const statusMessage = (text) => h('p', { class: 'estado', role: 'status' }, text);

/** Mensaje de error que los lectores de pantalla anuncian de inmediato. */
export const errorMessage = (text) =>
  h('p', { class: 'estado estado--error', role: 'alert' }, text);

/** Primera letra en mayúscula, para nombres de sección escritos en minúsculas. */
export const capitalize = (text) =>
  text ? text.charAt(0).toLocaleUpperCase('es-MX') + text.slice(1) : text;

/** Título de la pestaña: «<página> · Municipio de Calimaya». */
export const setTitle = (text) => {
  document.title = `${text} · Municipio de Calimaya`;
};

/**
 * Navegación «Anterior / Siguiente» que conserva los demás parámetros de la dirección.
 * Devuelve `null` cuando todo cabe en una página.
 */
export const pagination = (meta, label = 'Paginación') => {
  const { page, pageCount } = (meta && meta.pagination) || {};
  if (!page || !pageCount || pageCount <= 1) return null;
  const link = (target, text, rel) => {
    const params = new URLSearchParams(window.location.search);
    params.set('pagina', String(target));
    return h('a', { href: `?${params}`, rel, class: 'boton boton--secundario' }, text);
  };
  return h(
    'nav',
    { class: 'paginacion', 'aria-label': label },
    page > 1 ? link(page - 1, 'Anterior', 'prev') : null,
    h('span', {}, `Página ${page} de ${pageCount}`),
    page < pageCount ? link(page + 1, 'Siguiente', 'next') : null
  );
};

/** Página pedida en la dirección (`?pagina=2`), 1 si no es un entero positivo. */
export const currentPage = () => {
  const value = Number(param('pagina'));
  return Number.isInteger(value) && value > 0 ? value : 1;
};
