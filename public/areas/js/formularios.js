/**
 * Errores de formulario como los anuncia un lector de pantalla: cada mensaje junto a su campo y
 * ligado con `aria-describedby`, y un resumen arriba que recibe el foco con un enlace a cada campo.
 */
import { h, replace } from '../../sitio/js/dom.js';

const errorIdOf = (control) => `${control.id}-error`;

const describedBy = (control, without) =>
  (control.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== without);

/** Dónde va el mensaje de un control: al final de su `.campo` (o de su grupo). */
const holderOf = (control) =>
  control.closest('[data-campo]') || control.closest('.campo') || control.parentElement;

/** Muestra (o quita, con `null`) el mensaje de error de un control. */
export const markField = (control, message) => {
  const errorId = errorIdOf(control);
  let error = document.getElementById(errorId);
  if (message) {
    if (!error) {
      error = h('p', { id: errorId, class: 'mensaje-error' });
      holderOf(control).append(error);
    }
    replace(error, message);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [...describedBy(control, errorId), errorId].join(' '));
  } else {
    if (error) error.remove();
    control.removeAttribute('aria-invalid');
    const rest = describedBy(control, errorId);
    if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
    else control.removeAttribute('aria-describedby');
  }
};

/** Quita todos los mensajes de error dentro de `root`. */
export const clearMarks = (root) => {
  root.querySelectorAll('[aria-invalid="true"]').forEach((control) => markField(control, null));
};

/**
 * El resumen de errores: título, un enlace por problema (`{ control, message, label }`) que lleva
 * el foco al campo, y el foco en el resumen para que se lea primero.
 */
export const showSummary = (summary, title, problems = []) => {
  replace(
    summary,
    h('h2', {}, title),
    problems.length
      ? h(
          'ul',
          {},
          problems.map(({ control, message, label }) => {
            const link = h(
              'a',
              { href: `#${control.id}` },
              label ? `${label}: ${message}` : message
            );
            link.addEventListener('click', (event) => {
              event.preventDefault();
              control.focus();
            });
            return h('li', {}, link);
          })
        )
      : null
  );
  summary.hidden = false;
  summary.setAttribute('role', 'alert');
  summary.focus();
};

/** Oculta el resumen de errores. */
export const hideSummary = (summary) => {
  summary.hidden = true;
  summary.removeAttribute('role');
  replace(summary);
};

/** Marca los problemas y muestra el resumen; `false` si no hubo problemas. */
export const reportProblems = (summary, title, problems) => {
  for (const { control, message } of problems) markField(control, message);
  if (!problems.length) {
    hideSummary(summary);
    return false;
  }
  showSummary(summary, title, problems);
  return true;
};

/** Un botón mientras su petición está en curso: deshabilitado y con otro texto. */
export const busy = (button, text) => {
  const original = button.textContent;
  button.disabled = true;
  button.textContent = text;
  return () => {
    button.disabled = false;
    button.textContent = original;
  };
};

/** El mensaje del servidor sobre un formulario, como resumen de errores. */
export const serverRefusal = (summary, error, controlsByField = {}) => {
  const fields = Array.isArray(error.details && error.details.fields) ? error.details.fields : [];
  const problems = fields
    .map((name) => controlsByField[name])
    .filter(Boolean)
    .map((control) => ({ control, message: error.message }));
  for (const { control, message } of problems) markField(control, message);
  showSummary(summary, error.message, problems.length > 1 ? problems : []);
};
