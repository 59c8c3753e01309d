/**
 * «Nuevo oficio»: los datos del oficio, la persona responsable, los servicios que pide (cada uno
 * con exactamente sus datos, y el plazo calculado mientras se escriben las fechas), el oficio
 * escaneado y los anexos; todo en un solo envío multipart. Responde con el folio y el acuse.
 */
import { byId, h, replace } from '../../sitio/js/dom.js';
import { calendarDate, longDate } from '../../sitio/js/formato.js';
import { api, download, focusOn, loadHeader, setTitle } from './sesion.js';
import { serviceForm } from './campos.js';
import { showVerdict } from './plazo.js';
import { acceptOf, fileProblem, limitsText, showChosen } from './archivos.js';
import { busy, clearMarks, markField, reportProblems, showSummary } from './formularios.js';

setTitle('Nuevo oficio');
loadHeader();

const container = byId('formulario');

/** Los tipos de campo de los que depende el plazo: escribir una descripción no lo recalcula. */
const LEAD_TIME_KINDS = new Set(['date', 'time', 'datetime', 'enumeration', 'boolean']);
const LEAD_TIME_DELAY_MS = 450;

const field = (id, label, control, { hint, required = false } = {}) => {
  const hintId = hint ? `${id}-ayuda` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  if (required) control.setAttribute('aria-required', 'true');
  return h(
    'div',
    { class: 'campo', 'data-campo': id },
    h(
      'label',
      { for: id },
      label,
      required ? h('span', { class: 'obligatorio' }, ' (obligatorio)') : null
    ),
    hint ? h('p', { id: hintId, class: 'ayuda' }, hint) : null,
    control
  );
};

const input = (id, attrs = {}) => h('input', { id, type: 'text', autocomplete: 'off', ...attrs });

const render = (form) => {
  const { services, logos, addressees, copies, upload } = form;

  const summary = h('div', { class: 'resumen-errores', tabindex: '-1', hidden: true });
  const subject = input('asunto', { maxlength: 255 });
  const reference = input('referencia', { maxlength: 100 });
  const abstract = h('textarea', { id: 'resumen', rows: 4, maxlength: 5000 });
  const addressee = h(
    'select',
    { id: 'destinatario' },
    addressees.map((choice, index) =>
      h('option', { value: choice.value, selected: index === 0 }, choice.label)
    )
  );
  const printNote = h(
    'p',
    { id: 'destinatario-imprenta', class: 'plazo', role: 'note' },
    'El material de imprenta se pide con un oficio dirigido a la Presidencia Municipal, con ' +
      'copia para la Dirección: si no, la Dirección te lo pedirá antes de empezar.'
  );
  printNote.hidden = true;
  addressee.setAttribute('aria-describedby', 'destinatario-imprenta');
  const copyBoxes = copies.map((choice) =>
    h('input', { type: 'checkbox', id: `copia-${choice.value}`, value: choice.value })
  );
  const requesterName = input('responsable', { maxlength: 200, autocomplete: 'name' });
  const requesterPhone = input('telefono', { type: 'tel', maxlength: 40, autocomplete: 'tel' });
  const requesterEmail = input('correo', { type: 'email', maxlength: 200, autocomplete: 'email' });

  // Servicios: cada casilla muestra, al marcarla, los datos de ese servicio.
  const drafts = [];
  let draftCount = 0;
  const serviceBlocks = new Map();
  const serviceBox = (spec) => {
    const checkbox = h('input', {
      type: 'checkbox',
      id: `servicio-${spec.workflow}`,
      value: spec.workflow,
    });
    const requests = h('div');
    const another = h(
      'button',
      { type: 'button', class: 'boton--secundario', hidden: true },
      `Añadir otra solicitud de «${spec.label}»`
    );
    const block = h(
      'div',
      { class: 'servicio', 'data-servicio': spec.workflow },
      h('label', { class: 'opcion', for: checkbox.id }, checkbox, h('span', {}, spec.label)),
      requests,
      another
    );
    serviceBlocks.set(spec.workflow, { spec, checkbox, requests, another, block });
    checkbox.addEventListener('change', () => {
      if (checkbox.checked) addDraft(spec);
      else removeDrafts(spec.workflow);
    });
    another.addEventListener('click', () => {
      const draft = addDraft(spec);
      const first = draft.element.querySelector('input, select, textarea');
      if (first) first.focus();
    });
    return block;
  };

  const refreshService = (workflow) => {
    const entry = serviceBlocks.get(workflow);
    const mine = drafts.filter((draft) => draft.workflow === workflow);
    entry.checkbox.checked = mine.length > 0;
    entry.block.classList.toggle('servicio--elegido', mine.length > 0);
    entry.another.hidden = mine.length === 0;
    mine.forEach((draft, index) => {
      replace(
        draft.heading,
        mine.length > 1 ? `${entry.spec.label} (${index + 1})` : entry.spec.label
      );
      draft.remove.hidden = mine.length < 2;
    });
  };

  function addDraft(spec) {
    draftCount += 1;
    const key = `${spec.workflow}-${draftCount}`;
    const built = serviceForm({ fields: spec.fields, logos, prefix: key });
    const heading = h('h3', { id: `${key}-titulo` });
    const remove = h(
      'button',
      { type: 'button', class: 'enlace-boton', hidden: true },
      'Quitar esta solicitud'
    );
    const plazo = h('div', { class: 'plazo', role: 'status', 'aria-live': 'polite' });
    const element = h(
      'section',
      { class: 'solicitud', 'aria-labelledby': heading.id, 'data-solicitud': key },
      heading,
      built.element,
      plazo,
      remove
    );
    const draft = { key, workflow: spec.workflow, form: built, element, heading, remove, plazo };
    drafts.push(draft);
    serviceBlocks.get(spec.workflow).requests.append(element);
    remove.addEventListener('click', () => {
      drafts.splice(drafts.indexOf(draft), 1);
      element.remove();
      refreshService(spec.workflow);
      serviceBlocks.get(spec.workflow).checkbox.focus();
      scheduleLeadTime();
    });
    refreshService(spec.workflow);
    scheduleLeadTime();
    return draft;
  }

  function removeDrafts(workflow) {
    for (const draft of drafts.filter((d) => d.workflow === workflow)) {
      drafts.splice(drafts.indexOf(draft), 1);
      draft.element.remove();
    }
    refreshService(workflow);
    scheduleLeadTime();
  }

  // El plazo de cada servicio, calculado por el servidor mientras se escriben las fechas.
  let timer = null;
  let asked = 0;
  let lastSent = '';
  const leadTime = async () => {
    const body = {
      services: drafts.map((draft) => ({
        workflow: draft.workflow,
        fields: draft.form.read(LEAD_TIME_KINDS),
      })),
    };
    const text = JSON.stringify(body);
    if (text === lastSent) return;
    lastSent = text;
    const mine = (asked += 1);
    const shown = [...drafts];
    if (!shown.length) return;
    try {
      const { data } = await api('/api/portal/lead-time', { method: 'POST', json: body });
      if (mine !== asked) return;
      shown.forEach((draft, index) => showVerdict(draft.plazo, data.services[index]));
    } catch (error) {
      if (mine !== asked || error.status === 401) return;
      lastSent = '';
      shown.forEach((draft) => showVerdict(draft.plazo, null));
    }
  };
  function scheduleLeadTime() {
    window.clearTimeout(timer);
    timer = window.setTimeout(leadTime, LEAD_TIME_DELAY_MS);
  }

  const servicesGroup = h(
    'fieldset',
    { class: 'grupo', id: 'servicios', 'aria-describedby': 'servicios-ayuda' },
    h('legend', {}, 'Servicios que pides', h('span', { class: 'obligatorio' }, ' (obligatorio)')),
    h(
      'p',
      { id: 'servicios-ayuda', class: 'ayuda' },
      'Marca cada servicio y llena sus datos. Lo marcado como «necesario para iniciar» puede ' +
        'quedar pendiente, pero la Dirección te lo pedirá antes de empezar y el plazo corre ' +
        'desde que esté completo.'
    ),
    services.map(serviceBox)
  );
  servicesGroup.addEventListener('input', scheduleLeadTime);
  servicesGroup.addEventListener('change', scheduleLeadTime);

  // El material de imprenta se pide con un oficio dirigido a la Presidencia Municipal, con copia
  // para la Dirección (manual): la página lo propone al elegirlo, hasta que el área cambie el
  // destinatario por su cuenta; la nota dice por qué.
  let addresseeChosen = false;
  addressee.addEventListener('change', () => {
    addresseeChosen = true;
  });
  const proposePrintAddressee = () => {
    const print = drafts.some(
      (draft) =>
        draft.workflow === 'design' && draft.form.read(LEAD_TIME_KINDS).medium === 'impreso'
    );
    printNote.hidden = !print;
    if (!print || addresseeChosen) return;
    addressee.value = 'presidencia';
    const copy = copyBoxes.find((box) => box.value === 'direccion');
    if (copy) copy.checked = true;
  };
  servicesGroup.addEventListener('change', proposePrintAddressee);

  // Archivos
  const scan = h('input', {
    type: 'file',
    id: 'escaneo',
    accept: acceptOf(upload, { scanOnly: true }),
    'aria-required': 'true',
    'aria-describedby': 'escaneo-ayuda',
  });
  const scanChosen = h('div');
  const attachments = h('input', {
    type: 'file',
    id: 'anexos',
    multiple: true,
    accept: acceptOf(upload),
    'aria-describedby': 'anexos-ayuda',
  });
  const attachmentsChosen = h('div');
  scan.addEventListener('change', () => showChosen(scan, scanChosen));
  attachments.addEventListener('change', () => showChosen(attachments, attachmentsChosen));

  const submit = h('button', { type: 'submit' }, 'Enviar oficio');
  const formElement = h(
    'form',
    { id: 'nuevo-oficio', class: 'formulario', novalidate: true, 'aria-label': 'Nuevo oficio' },
    summary,
    h(
      'fieldset',
      { class: 'grupo' },
      h('legend', {}, 'Datos del oficio'),
      h(
        'div',
        { class: 'rejilla' },
        h('div', { class: 'ancho' }, field('asunto', 'Asunto', subject, { required: true })),
        field('referencia', 'Número de tu oficio', reference, {
          hint: 'El número que tu área le dio, por ejemplo DC/045/2027.',
        }),
        h('div', {}, field('destinatario', 'Dirigido a', addressee), printNote),
        h('div', { class: 'ancho' }, field('resumen', 'Resumen de lo que pides', abstract)),
        copies.length
          ? h(
              'fieldset',
              { class: 'grupo ancho' },
              h('legend', {}, 'Con copia a'),
              copies.map((choice, index) =>
                h(
                  'label',
                  { class: 'opcion', for: copyBoxes[index].id },
                  copyBoxes[index],
                  h('span', {}, choice.label)
                )
              )
            )
          : null
      )
    ),
    h(
      'fieldset',
      { class: 'grupo' },
      h('legend', {}, 'Persona responsable y contacto'),
      h(
        'p',
        { class: 'ayuda' },
        'Solo la Dirección ve estos datos, para comunicarse contigo sobre el oficio.'
      ),
      h(
        'div',
        { class: 'rejilla' },
        field('responsable', 'Nombre', requesterName),
        field('telefono', 'Teléfono', requesterPhone),
        field('correo', 'Correo electrónico', requesterEmail)
      )
    ),
    servicesGroup,
    h(
      'fieldset',
      { class: 'grupo' },
      h('legend', {}, 'Archivos'),
      h(
        'div',
        { class: 'campo', 'data-campo': 'escaneo' },
        h(
          'label',
          { for: 'escaneo' },
          'Oficio firmado y escaneado',
          h('span', { class: 'obligatorio' }, ' (obligatorio)')
        ),
        h('p', { id: 'escaneo-ayuda', class: 'ayuda' }, limitsText(upload, { scanOnly: true })),
        scan,
        scanChosen
      ),
      h(
        'div',
        { class: 'campo', 'data-campo': 'anexos' },
        h('label', { for: 'anexos' }, 'Anexos (textos, fotos, logotipos, bases…)'),
        h(
          'p',
          { id: 'anexos-ayuda', class: 'ayuda' },
          `${limitsText(upload)} Hasta ${upload.maxFiles} archivos en total con el oficio escaneado.`
        ),
        attachments,
        attachmentsChosen
      )
    ),
    h('div', { class: 'acciones' }, submit)
  );

  replace(container, formElement);

  const oficioControls = {
    subject,
    senderReference: reference,
    summary: abstract,
    addressedTo: addressee,
    copiedTo: copyBoxes[0],
    'requester.name': requesterName,
    'requester.phone': requesterPhone,
    'requester.email': requesterEmail,
    requesterName,
    requesterPhone,
    requesterEmail,
    scan,
    attachments,
  };

  /** El control de un campo que nombra el servidor (`subject`, `services.0.fields.place`, …). */
  const controlOf = (path) => {
    if (oficioControls[path]) return oficioControls[path];
    const indexed = /^services\.(\d+)\.(?:fields\.)?([A-Za-z0-9_]+)/.exec(path);
    if (indexed) {
      const draft = drafts[Number(indexed[1])];
      return draft ? draft.form.controls[indexed[2]] || null : null;
    }
    const owner = drafts.find((draft) => draft.form.controls[path]);
    return owner ? owner.form.controls[path] : null;
  };

  const checkFiles = () => {
    const problems = [];
    const scanFiles = [...(scan.files || [])];
    const extra = [...(attachments.files || [])];
    if (!scanFiles.length) {
      problems.push({ control: scan, message: 'Adjunta el oficio firmado y escaneado.' });
    } else {
      const problem = fileProblem(scanFiles[0], upload, { scanOnly: true });
      if (problem) problems.push({ control: scan, message: problem });
    }
    const attachmentProblems = extra.map((file) => fileProblem(file, upload)).filter(Boolean);
    if (attachmentProblems.length)
      problems.push({ control: attachments, message: attachmentProblems.join(' ') });
    else if (scanFiles.length + extra.length > upload.maxFiles)
      problems.push({
        control: attachments,
        message: `Son ${scanFiles.length + extra.length} archivos; se admiten hasta ${upload.maxFiles} con el oficio escaneado.`,
      });
    return problems;
  };

  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMarks(formElement);
    const problems = [];
    if (!subject.value.trim())
      problems.push({
        control: subject,
        label: 'Asunto',
        message: 'Escribe el asunto del oficio.',
      });
    if (!drafts.length)
      problems.push({
        control: serviceBlocks.values().next().value.checkbox,
        label: 'Servicios',
        message: 'Marca al menos un servicio.',
      });
    for (const problem of checkFiles()) {
      problems.push({
        ...problem,
        label: problem.control === scan ? 'Oficio escaneado' : 'Anexos',
      });
    }
    if (reportProblems(summary, 'Revisa el oficio antes de enviarlo', problems)) return;

    const requester = {
      name: requesterName.value.trim() || null,
      phone: requesterPhone.value.trim() || null,
      email: requesterEmail.value.trim() || null,
    };
    const data = {
      subject: subject.value.trim(),
      senderReference: reference.value.trim() || null,
      summary: abstract.value.trim() || null,
      addressedTo: addressee.value || null,
      copiedTo: copyBoxes.filter((box) => box.checked).map((box) => box.value),
      requester,
      services: drafts.map((draft) => ({ workflow: draft.workflow, fields: draft.form.read() })),
    };
    const body = new FormData();
    body.append('data', JSON.stringify(data));
    body.append('scan', scan.files[0]);
    for (const file of attachments.files || []) body.append('attachments', file);

    const done = busy(submit, 'Enviando…');
    try {
      const { data: created } = await api('/api/portal/oficios', { method: 'POST', form: body });
      showCreated(created);
    } catch (error) {
      done();
      if (error.status === 401) return;
      const named = [
        ...(Array.isArray(error.details.fields) ? error.details.fields : []),
        ...(Array.isArray(error.details.errors)
          ? error.details.errors.map((e) =>
              Array.isArray(e.path) ? e.path.join('.') : String(e.path || '')
            )
          : []),
      ];
      if (/^SCAN_/.test(error.code)) named.push('scan');
      // A refused file is named by its name: it goes next to the field that holds it.
      if (error.details.fileName) {
        const inScan = [...(scan.files || [])].some((f) => f.name === error.details.fileName);
        named.push(inScan ? 'scan' : 'attachments');
      }
      if (error.code === 'TOO_MANY_FILES') named.push('attachments');
      const placed = [];
      for (const path of named) {
        const control = controlOf(path);
        if (control && !placed.some((p) => p.control === control)) {
          const entry = (error.details.errors || []).find(
            (e) => (Array.isArray(e.path) ? e.path.join('.') : e.path) === path
          );
          placed.push({ control, message: (entry && entry.message) || error.message });
        }
      }
      placed.forEach(({ control, message }) => markField(control, message));
      showSummary(summary, error.message, placed.length > 1 ? placed : []);
    }
  });
};

const showCreated = (created) => {
  setTitle(`Oficio ${created.folio} presentado`);
  const heading = h('h2', { id: 'titulo-presentado', tabindex: '-1' }, 'Oficio presentado');
  const acuse = h('button', { type: 'button' }, 'Descargar el acuse de recibo (PDF)');
  const acuseStatus = h('div', { role: 'status' });
  acuse.addEventListener('click', async () => {
    acuse.disabled = true;
    try {
      await download(created.acuseUrl, `acuse-${created.folio.replace(/\//g, '-')}.pdf`);
      replace(acuseStatus, h('p', { class: 'ayuda' }, 'Se descargó el acuse.'));
    } catch (error) {
      replace(acuseStatus, h('p', { class: 'estado estado--error' }, error.message));
    } finally {
      acuse.disabled = false;
    }
  });
  replace(
    container,
    h(
      'section',
      { class: 'estado estado--exito', 'aria-labelledby': 'titulo-presentado' },
      heading,
      h('p', {}, 'Folio: ', h('span', { class: 'folio', 'data-folio': '' }, created.folio)),
      h(
        'p',
        {},
        `Recibido el ${longDate(created.receivedAt)}`,
        created.receptionDay
          ? `; cuenta como recibido el ${calendarDate(created.receptionDay)}`
          : '',
        `. Estado: ${created.statusLabel}.`
      )
    ),
    h(
      'ul',
      { class: 'servicios-lista' },
      created.services.map((service) =>
        h(
          'li',
          {},
          h('strong', {}, service.title || service.workflow),
          `: ${service.message}`,
          service.missing.length
            ? h(
                'span',
                { class: 'falta' },
                ` Falta: ${service.missing.map((m) => m.label).join(', ')}.`
              )
            : null
        )
      )
    ),
    h(
      'div',
      { class: 'acciones' },
      acuse,
      h(
        'a',
        {
          class: 'boton boton--secundario',
          href: `oficio.html?id=${encodeURIComponent(created.documentId)}`,
        },
        'Ver el oficio'
      ),
      h('a', { href: 'oficios.html' }, 'Volver a mis oficios')
    ),
    acuseStatus
  );
  focusOn(heading);
};

const load = async () => {
  try {
    const { data } = await api('/api/portal/form');
    render(data);
  } catch (error) {
    if (error.status === 401) return;
    replace(container, h('p', { class: 'estado estado--error', role: 'alert' }, error.message));
  }
};

load();
