/**
 * Los datos de un servicio tal como los pide la Dirección (`FieldSpec` del servidor): cada campo
 * dibujado según su tipo, con su etiqueta y su ayuda en español, los necesarios marcados, los que
 * faltan resaltados. Nada de los campos está escrito aquí: llegan del servidor.
 */
import { h, replace } from '../../sitio/js/dom.js';

/** La hora de la oficina: Ciudad de México, UTC−6 todo el año. */
const OFFICE_OFFSET = '-06:00';

const isBlank = (value) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

const logoIdOf = (value) => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    if ('documentId' in value) return String(value.documentId);
    if ('logo' in value) return logoIdOf(value.logo);
  }
  return null;
};

/** «2027-03-19T11:00» (hora de la oficina) de un instante. */
const officeLocal = (value) => {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Mexico_City',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value])
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
};

/** El instante de una fecha y hora escritas en la hora de la oficina. */
const officeInstant = (local) => {
  if (!local) return null;
  const date = new Date(`${local}:00${OFFICE_OFFSET}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

const changed = (element) => element.dispatchEvent(new Event('change', { bubbles: true }));

/** Logotipos del catálogo en el orden en que van: añadir, subir, bajar, quitar. */
const logoList = ({ id, field, value, logos, disabled, labelNodes, hintId }) => {
  let chosen = (Array.isArray(value) ? value : []).map(logoIdOf).filter(Boolean);
  const nameOf = (documentId) =>
    (logos.find((logo) => logo.documentId === documentId) || {}).name ||
    'Logotipo que ya no está en el catálogo';
  const list = h('ol', { class: 'logos', id: `${id}-lista`, 'aria-label': field.label });
  const empty = h('p', { class: 'ayuda' }, 'Aún no eliges logotipos.');
  const select = h('select', { id, 'aria-describedby': hintId, disabled });
  const add = h('button', { type: 'button', class: 'boton--secundario', disabled }, 'Añadir');
  const announce = h('p', { class: 'visualmente-oculto', 'aria-live': 'polite' });
  const group = h(
    'fieldset',
    { class: 'grupo', 'data-campo': field.name },
    h('legend', {}, labelNodes),
    list,
    empty,
    h(
      'div',
      { class: 'logos__agregar' },
      h('div', { class: 'campo' }, h('label', { for: id }, 'Logotipo del catálogo'), select),
      add
    ),
    announce
  );

  const render = (focus) => {
    replace(
      list,
      chosen.map((documentId, index) => {
        const name = nameOf(documentId);
        const button = (text, label, action, off) => {
          const b = h(
            'button',
            {
              type: 'button',
              class: 'boton--secundario boton--chico',
              'aria-label': `${label} ${name}`,
              'data-accion': action,
              disabled: disabled || off,
            },
            text
          );
          b.addEventListener('click', () => act(action, index));
          return b;
        };
        return h(
          'li',
          { 'data-logo': documentId },
          h('span', { class: 'logos__nombre' }, name),
          disabled
            ? null
            : h(
                'span',
                { class: 'acciones' },
                button('↑', 'Subir', 'subir', index === 0),
                button('↓', 'Bajar', 'bajar', index === chosen.length - 1),
                button('Quitar', 'Quitar', 'quitar', false)
              )
        );
      })
    );
    list.hidden = chosen.length === 0;
    empty.hidden = chosen.length > 0;
    const available = logos.filter((logo) => !chosen.includes(logo.documentId));
    replace(
      select,
      h(
        'option',
        { value: '' },
        available.length ? 'Elige un logotipo' : 'Ya elegiste todos los logotipos'
      ),
      available.map((logo) => h('option', { value: logo.documentId }, logo.name))
    );
    select.disabled = disabled || available.length === 0;
    add.disabled = disabled || available.length === 0;
    if (focus) focus();
  };

  const focusIn = (index, action) => () => {
    const item = list.children[index];
    const target =
      item &&
      (item.querySelector(`[data-accion="${action}"]:not([disabled])`) ||
        item.querySelector('button:not([disabled])'));
    (target || select).focus();
  };

  function act(action, index) {
    const name = nameOf(chosen[index]);
    if (action === 'quitar') {
      chosen.splice(index, 1);
      render(focusIn(Math.min(index, chosen.length - 1), 'quitar'));
      replace(announce, `Quitaste ${name}.`);
    } else {
      const to = action === 'subir' ? index - 1 : index + 1;
      const [moved] = chosen.splice(index, 1);
      chosen.splice(to, 0, moved);
      render(focusIn(to, action));
      replace(announce, `${name} quedó en el lugar ${to + 1}.`);
    }
    changed(group);
  }

  add.addEventListener('click', () => {
    if (!select.value) {
      select.focus();
      return;
    }
    const name = nameOf(select.value);
    chosen.push(select.value);
    render(() => select.focus());
    replace(announce, `Añadiste ${name} en el lugar ${chosen.length}.`);
    changed(group);
  });

  render();
  return {
    element: group,
    control: select,
    read: () => [...chosen],
  };
};

/** Un campo: su bloque, el control que recibe el foco y cómo leer su valor. */
const buildField = ({ field, value, logos, prefix, missing, editable }) => {
  const id = `${prefix}-${field.name}`;
  const hintId = `${id}-ayuda`;
  const disabled = editable === false;
  const hints = [
    field.hint,
    field.kind === 'multi' && !(field.options || []).length ? 'Uno por renglón.' : null,
    disabled ? 'No se puede cambiar en el estado actual.' : null,
  ].filter(Boolean);
  const labelNodes = [
    field.label,
    field.required ? h('span', { class: 'necesario' }, ' (necesario para iniciar)') : null,
  ];
  const hint = h(
    'p',
    { id: hintId, class: 'ayuda' },
    missing ? h('span', { class: 'falta' }, 'Falta este dato. ') : null,
    hints.join(' ')
  );
  const describe = hints.length || missing ? hintId : null;

  const wrap = (control, { wide = false } = {}) =>
    h(
      'div',
      {
        class: `campo${wide ? ' ancho' : ''}${missing ? ' campo--falta' : ''}`,
        'data-campo': field.name,
      },
      h('label', { for: id }, labelNodes),
      describe ? hint : null,
      control
    );

  switch (field.kind) {
    case 'logos': {
      const built = logoList({ id, field, value, logos, disabled, labelNodes, hintId });
      built.element.classList.add('ancho');
      if (missing) built.element.classList.add('campo--falta');
      built.element.insertBefore(hint, built.element.children[1]);
      return built;
    }
    case 'multi': {
      const options = field.options || [];
      const list = Array.isArray(value) ? value.map(String) : [];
      if (!options.length) {
        const area = h('textarea', { id, 'aria-describedby': describe, disabled, rows: 4 });
        area.value = list.join('\n');
        return {
          element: wrap(area, { wide: true }),
          control: area,
          read: () =>
            area.value
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
        };
      }
      const boxes = options.map((option, index) =>
        h('input', {
          type: 'checkbox',
          id: index === 0 ? id : `${id}-${index}`,
          value: option.value,
          checked: list.includes(option.value),
          disabled,
          'aria-describedby': describe,
        })
      );
      const group = h(
        'fieldset',
        {
          class: `grupo ancho${missing ? ' campo--falta' : ''}`,
          'data-campo': field.name,
        },
        h('legend', {}, labelNodes),
        describe ? hint : null,
        options.map((option, index) =>
          h(
            'label',
            { class: 'opcion', for: boxes[index].id },
            boxes[index],
            h('span', {}, option.label)
          )
        )
      );
      return {
        element: group,
        control: boxes[0],
        read: () => boxes.filter((box) => box.checked).map((box) => box.value),
      };
    }
    case 'boolean': {
      const box = h('input', {
        type: 'checkbox',
        id,
        checked: value === true,
        disabled,
        'aria-describedby': describe,
      });
      const element = h(
        'div',
        { class: `campo${missing ? ' campo--falta' : ''}`, 'data-campo': field.name },
        h('label', { class: 'opcion', for: id }, box, h('span', {}, labelNodes)),
        describe ? hint : null
      );
      return { element, control: box, read: () => box.checked };
    }
    case 'enumeration': {
      const select = h(
        'select',
        { id, 'aria-describedby': describe, disabled },
        h('option', { value: '' }, 'Elige una opción'),
        (field.options || []).map((option) =>
          h('option', { value: option.value, selected: option.value === value }, option.label)
        )
      );
      return { element: wrap(select), control: select, read: () => select.value };
    }
    case 'text': {
      const area = h('textarea', { id, 'aria-describedby': describe, disabled, rows: 4 });
      area.value = value === null || value === undefined ? '' : String(value);
      return { element: wrap(area, { wide: true }), control: area, read: () => area.value.trim() };
    }
    case 'datetime': {
      const input = h('input', {
        type: 'datetime-local',
        id,
        'aria-describedby': describe,
        disabled,
        value: officeLocal(value),
      });
      return { element: wrap(input), control: input, read: () => officeInstant(input.value) };
    }
    default: {
      const type =
        {
          date: 'date',
          time: 'time',
          email: 'email',
          integer: 'number',
        }[field.kind] || 'text';
      let shown = value === null || value === undefined ? '' : String(value);
      if (field.kind === 'date') shown = shown.slice(0, 10);
      if (field.kind === 'time') shown = /^\d{2}:\d{2}/.test(shown) ? shown.slice(0, 5) : '';
      const input = h('input', {
        type,
        id,
        'aria-describedby': describe,
        disabled,
        inputmode: field.kind === 'integer' ? 'numeric' : null,
        autocomplete: 'off',
      });
      input.value = shown;
      return {
        element: wrap(input),
        control: input,
        read: () => {
          const text = input.value.trim();
          if (field.kind === 'integer' && text !== '') return Number(text);
          return text;
        },
      };
    }
  }
};

/**
 * El formulario de un servicio. `fields`: los `FieldSpec` (o `ItemFieldValue`, con valor y si se
 * puede cambiar); `missing`: nombres de los campos que faltan; `prefix`: único por formulario.
 * Devuelve el bloque, sus controles por nombre y `read()` con los valores no vacíos (lo que se envía).
 */
export const serviceForm = ({ fields, values = {}, logos = [], prefix, missing = [] }) => {
  const built = fields
    .filter((field) => field.kind !== 'media' && field.kind !== 'media-multiple')
    .map((field) => ({
      field,
      ...buildField({
        field,
        value: 'value' in field ? field.value : values[field.name],
        logos,
        prefix,
        missing: missing.includes(field.name),
        editable: field.editable,
      }),
    }));
  return {
    element: h(
      'div',
      { class: 'rejilla' },
      built.map((entry) => entry.element)
    ),
    controls: Object.fromEntries(built.map((entry) => [entry.field.name, entry.control])),
    /** Los valores escritos; `kinds` limita a ciertos tipos de campo (los que cuentan para el plazo). */
    read(kinds = null, { onlyEditable = false } = {}) {
      const payload = {};
      for (const entry of built) {
        if (kinds && !kinds.has(entry.field.kind)) continue;
        if (onlyEditable && entry.field.editable === false) continue;
        const value = entry.read();
        if (!isBlank(value)) payload[entry.field.name] = value;
      }
      return payload;
    },
  };
};
