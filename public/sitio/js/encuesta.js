/**
 * Formulario de una encuesta (`encuesta.html?slug=<slug>`): una pregunta por bloque, mensajes de
 * validación en español ligados a sus campos con `aria-describedby`, y el resultado del envío.
 */
import { ApiError, getJson, postJson } from './api.js';
import { append, byId, errorMessage, h, param, replace, setTitle } from './dom.js';
import { longDate, timeElement } from './formato.js';
import { htmlContent } from './contenido.js';

const MAX_TEXT = 2000;
/** Una escala de hasta once valores se contesta con botones de opción; más larga, con un número. */
const MAX_SCALE_BUTTONS = 11;

const unavailable = (container) => {
  setTitle('Encuesta no disponible');
  replace(
    container,
    h('h1', {}, 'Encuesta no disponible'),
    errorMessage('Esta encuesta no existe o ya cerró.'),
    h('p', {}, h('a', { href: 'encuestas.html' }, 'Ver las encuestas abiertas'))
  );
};

const scaleBounds = (question) => {
  const min = Number.isFinite(question.scaleMin) ? question.scaleMin : 1;
  const max = Number.isFinite(question.scaleMax) ? question.scaleMax : 5;
  return { min, max };
};

const requiredMark = (question) =>
  question.required ? h('span', { class: 'obligatoria' }, ' (obligatoria)') : null;

/** Los campos de una pregunta y cómo leer y marcar su respuesta. */
const buildQuestion = (question, index) => {
  const id = `pregunta-${index}`;
  const errorId = `${id}-error`;
  const error = h('p', { id: errorId, class: 'mensaje-error', hidden: true });
  const choice = (type, value, label, name) => {
    const inputId = `${id}-${name}`;
    return h(
      'label',
      { class: 'opcion', for: inputId },
      h('input', { type, id: inputId, name: id, value }),
      h('span', {}, label)
    );
  };

  let block;
  let read;
  let inputs;
  if (question.kind === 'texto') {
    const hintId = `${id}-ayuda`;
    const textarea = h('textarea', {
      id: `${id}-campo`,
      name: id,
      maxlength: MAX_TEXT,
      'aria-describedby': hintId,
    });
    block = h(
      'div',
      { class: 'pregunta', id },
      h('label', { for: `${id}-campo` }, question.prompt, requiredMark(question)),
      h('p', { id: hintId, class: 'ayuda' }, `Máximo ${MAX_TEXT} caracteres.`),
      textarea,
      error
    );
    inputs = [textarea];
    read = () => textarea.value.trim();
  } else if (question.kind === 'escala') {
    const { min, max } = scaleBounds(question);
    const hintId = `${id}-ayuda`;
    const hint = h(
      'p',
      { id: hintId, class: 'ayuda escala__extremos' },
      `De ${min} (lo más bajo) a ${max} (lo más alto).`
    );
    if (max - min + 1 <= MAX_SCALE_BUTTONS) {
      const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      const options = values.map((value) =>
        choice('radio', String(value), String(value), String(value))
      );
      block = h(
        'fieldset',
        { class: 'pregunta', id },
        h('legend', {}, question.prompt, requiredMark(question)),
        hint,
        h('div', { class: 'escala' }, options),
        error
      );
    } else {
      const input = h('input', {
        type: 'number',
        id: `${id}-campo`,
        name: id,
        min,
        max,
        step: 1,
        inputmode: 'numeric',
      });
      block = h(
        'div',
        { class: 'pregunta', id },
        h('label', { for: `${id}-campo` }, question.prompt, requiredMark(question)),
        hint,
        input,
        error
      );
    }
    inputs = [...block.querySelectorAll('input')];
    inputs.forEach((input) => input.setAttribute('aria-describedby', hintId));
    read = () => {
      const checked = inputs.find((input) => input.type !== 'radio' || input.checked);
      if (!checked || checked.value === '') return '';
      return Number(checked.value);
    };
  } else {
    const multiple = question.kind === 'opcion_multiple';
    const options = (question.options || []).map((label, i) =>
      choice(multiple ? 'checkbox' : 'radio', label, label, String(i))
    );
    block = h(
      'fieldset',
      { class: 'pregunta', id },
      h('legend', {}, question.prompt, requiredMark(question)),
      multiple ? h('p', { class: 'ayuda' }, 'Puedes elegir varias opciones.') : null,
      options,
      error
    );
    inputs = [...block.querySelectorAll('input')];
    read = () => {
      const values = inputs.filter((input) => input.checked).map((input) => input.value);
      if (multiple) return values;
      return values[0] || '';
    };
  }

  const describedBy = (input) =>
    (input.getAttribute('aria-describedby') || '').split(' ').filter((v) => v && v !== errorId);

  return {
    question,
    block,
    first: () => inputs[0],
    read,
    /** Muestra (o quita, con `null`) el mensaje de error de la pregunta. */
    mark(message) {
      replace(error, message || '');
      error.hidden = !message;
      block.classList.toggle('pregunta--invalida', Boolean(message));
      for (const input of inputs) {
        const ids = describedBy(input);
        if (message) ids.push(errorId);
        if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
        else input.removeAttribute('aria-describedby');
        if (message) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
    },
  };
};

const isEmpty = (value) => value === '' || (Array.isArray(value) && value.length === 0);

/** El mensaje de una respuesta que no se puede enviar, o `null`. */
const problemOf = ({ question }, value) => {
  if (isEmpty(value)) {
    if (!question.required) return null;
    if (question.kind === 'opcion_multiple') return 'Elige al menos una opción.';
    if (question.kind === 'opcion_unica') return 'Elige una opción.';
    if (question.kind === 'escala') return 'Elige un valor de la escala.';
    return 'Escribe tu respuesta.';
  }
  if (question.kind === 'escala') {
    const { min, max } = scaleBounds(question);
    if (!Number.isInteger(value) || value < min || value > max)
      return `Elige un número entero del ${min} al ${max}.`;
  }
  if (question.kind === 'texto' && value.length > MAX_TEXT) {
    return `Tu respuesta tiene ${value.length} caracteres; el máximo es ${MAX_TEXT}.`;
  }
  return null;
};

const errorSummary = (summary, title, problems) => {
  replace(
    summary,
    h('h2', {}, title),
    problems.length
      ? h(
          'ul',
          {},
          problems.map(({ field, message }) =>
            h(
              'li',
              {},
              h('a', { href: `#${field.first().id}` }, `${field.question.prompt}: ${message}`)
            )
          )
        )
      : null
  );
  summary.hidden = false;
  summary.focus();
};

const submitted = (container) => {
  const message = h(
    'div',
    { class: 'estado estado--exito', role: 'status', tabindex: '-1' },
    h('h2', {}, '¡Gracias por participar!'),
    h('p', {}, 'Recibimos tus respuestas.')
  );
  replace(container, message);
  message.focus();
};

const retryText = (seconds) => {
  if (!seconds) return '';
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1
    ? ' Podrás intentarlo de nuevo en un minuto.'
    : ` Podrás intentarlo de nuevo en ${minutes} minutos.`;
};

const renderSurvey = (container, survey, slug) => {
  setTitle(survey.title);
  const fields = survey.questions.map(buildQuestion);
  const summary = h('div', { class: 'resumen-errores', tabindex: '-1', hidden: true });
  const notice = h('div');
  const button = h('button', { type: 'submit' }, 'Enviar respuestas');
  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': 'titulo-encuesta' },
    summary,
    fields.map((field) => field.block),
    notice,
    h('div', { class: 'acciones' }, button)
  );
  const anyRequired = survey.questions.some((question) => question.required);

  replace(
    container,
    h('h1', { id: 'titulo-encuesta' }, survey.title),
    survey.descriptionHtml
      ? h('div', { class: 'entrada' }, htmlContent(survey.descriptionHtml))
      : null,
    survey.closesAt
      ? h(
          'p',
          { class: 'fecha' },
          'Abierta hasta el ',
          timeElement(survey.closesAt, longDate(survey.closesAt)),
          '.'
        )
      : null,
    h(
      'p',
      { class: 'ayuda' },
      'Tus respuestas son anónimas.',
      anyRequired ? ' Las preguntas marcadas como «obligatoria» deben contestarse.' : null
    ),
    form
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(notice);
    const answers = {};
    const problems = [];
    for (const field of fields) {
      const value = field.read();
      const message = problemOf(field, value);
      field.mark(message);
      if (message) problems.push({ field, message });
      else if (!isEmpty(value)) answers[field.question.key] = value;
    }
    if (problems.length) {
      errorSummary(summary, 'Revisa tus respuestas', problems);
      return;
    }
    summary.hidden = true;
    button.disabled = true;
    replace(button, 'Enviando…');
    try {
      await postJson(`/api/surveys/${encodeURIComponent(slug)}/responses`, { answers });
      submitted(container);
    } catch (error) {
      button.disabled = false;
      replace(button, 'Enviar respuestas');
      if (error instanceof ApiError && error.code === 'INVALID_ANSWER') {
        const keys = new Set(Array.isArray(error.details.fields) ? error.details.fields : []);
        const messages = error.details.messages || {};
        const messageFor = (field) => messages[field.question.key] || 'Revisa esta respuesta.';
        const refused = fields.filter((field) => keys.has(field.question.key));
        refused.forEach((field) => field.mark(messageFor(field)));
        errorSummary(
          summary,
          error.message,
          refused.map((field) => ({ field, message: messageFor(field) }))
        );
        return;
      }
      const text =
        error.status === 429
          ? error.fromServer
            ? error.message
            : `Recibimos demasiadas respuestas desde tu conexión.${retryText(error.retryAfter)}`
          : error.status === 404
            ? 'Esta encuesta ya no recibe respuestas.'
            : error.message;
      append(notice, errorMessage(text));
    }
  });
};

const load = async () => {
  const container = byId('encuesta');
  const slug = param('slug');
  if (!slug) {
    unavailable(container);
    return;
  }
  try {
    const { data } = await getJson(`/api/surveys/${encodeURIComponent(slug)}`);
    renderSurvey(container, data, slug);
  } catch (error) {
    if (error.status === 404) unavailable(container);
    else replace(container, h('h1', {}, 'Encuesta'), errorMessage(error.message));
  }
};

load();
