/**
 * Un oficio del área (`oficio.html?id=<documentId>`): su estado y sus servicios, lo que la
 * Dirección le pide («Información incompleta»: completar datos, enviar archivos), las propuestas
 * por revisar, cancelar el oficio o un servicio, las descargas y el historial.
 */
import { byId, h, param, replace } from '../../sitio/js/dom.js';
import { calendarDate, longDate, timeElement } from '../../sitio/js/formato.js';
import { api, blobUrl, download, focusOn, loadHeader, setTitle } from './sesion.js';
import { serviceForm } from './campos.js';
import { acceptOf, bytesText, fileProblem, limitsText, showChosen } from './archivos.js';
import { busy, clearMarks, markField, reportProblems, showSummary } from './formularios.js';

setTitle('Oficio');
loadHeader();

const container = byId('oficio');
const documentId = param('id');
const base = `/api/portal/oficios/${encodeURIComponent(documentId)}`;
const CLOSED = new Set(['atendido', 'rechazado', 'cancelado']);

/** Límites de subida (de `GET /api/portal/form`), leídos una vez cuando hacen falta. */
let uploadLimits = null;
const limits = async () => {
  if (!uploadLimits) uploadLimits = (await api('/api/portal/form')).data.upload;
  return uploadLimits;
};

/** Las direcciones `blob:` de las vistas previas, liberadas al redibujar. */
let previews = [];

const notice = h('div', { id: 'aviso', tabindex: '-1' });

/** Un mensaje sobre lo último que se hizo, anunciado y con el foco. */
const announce = (text, kind = 'exito') => {
  replace(
    notice,
    h('p', { class: `estado estado--${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text)
  );
  focusOn(notice);
};

const panel = (id, title, children, { attention = false } = {}) =>
  h(
    'section',
    {
      class: `panel${attention ? ' panel--atencion' : ''}`,
      'aria-labelledby': id,
      id: `${id}-panel`,
    },
    h('h2', { id }, title),
    children
  );

const pair = (term, ...value) => [h('dt', {}, term), h('dd', {}, ...value)];

const day = (value) => (value ? timeElement(value, calendarDate(value)) : null);

/** «Cancelar»: un botón que abre la confirmación con el motivo. */
const cancelControl = ({ idPrefix, label, confirmText, path, heading, doneText }) => {
  const open = h('button', { type: 'button', class: 'boton--secundario' }, label);
  const reason = h('textarea', {
    id: `${idPrefix}-motivo`,
    rows: 3,
    maxlength: 2000,
    'aria-describedby': `${idPrefix}-motivo-ayuda`,
  });
  const confirm = h('button', { type: 'submit', class: 'boton--peligro' }, confirmText);
  const keep = h('button', { type: 'button', class: 'boton--secundario' }, 'No cancelar');
  const summary = h('div', { class: 'resumen-errores', tabindex: '-1', hidden: true });
  const form = h(
    'form',
    { class: 'confirmacion', hidden: true, novalidate: true, 'aria-label': heading },
    summary,
    h('p', {}, h('strong', {}, heading)),
    h(
      'div',
      { class: 'campo' },
      h(
        'label',
        { for: reason.id },
        'Motivo de la cancelación',
        h('span', { class: 'obligatorio' }, ' (obligatorio)')
      ),
      h(
        'p',
        { id: `${idPrefix}-motivo-ayuda`, class: 'ayuda' },
        'La Dirección lo verá. La cancelación no se puede deshacer.'
      ),
      reason
    ),
    h('div', { class: 'acciones' }, confirm, keep)
  );
  open.addEventListener('click', () => {
    form.hidden = false;
    open.hidden = true;
    reason.focus();
  });
  keep.addEventListener('click', () => {
    form.hidden = true;
    open.hidden = false;
    open.focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMarks(form);
    if (
      reportProblems(
        summary,
        'Falta el motivo',
        [!reason.value.trim() && { control: reason, message: 'Escribe por qué cancelas.' }].filter(
          Boolean
        )
      )
    )
      return;
    const done = busy(confirm, 'Cancelando…');
    try {
      const { data } = await api(path, { method: 'POST', json: { reason: reason.value.trim() } });
      await render(data);
      announce(doneText);
    } catch (error) {
      done();
      if (error.status === 401) return;
      markField(reason, error.code === 'COMMENT_REQUIRED' ? error.message : null);
      showSummary(summary, error.message);
    }
  });
  return h('div', {}, open, form);
};

/** El formulario «Completar datos» de un servicio. */
const completeForm = (form, service, logos) => {
  const prefix = `datos-${form.documentId}`;
  const missing = service ? service.missing.map((m) => m.name) : [];
  const built = serviceForm({ fields: form.fields, logos, prefix, missing });
  const summary = h('div', { class: 'resumen-errores', tabindex: '-1', hidden: true });
  const save = h('button', { type: 'submit' }, 'Guardar los datos');
  const headingId = `${prefix}-titulo`;
  const element = h(
    'form',
    { class: 'solicitud', novalidate: true, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, service ? `${service.workflowLabel} «${form.title}»` : form.title),
    missing.length
      ? h('p', { class: 'falta' }, `Falta: ${service.missing.map((m) => m.label).join(', ')}.`)
      : null,
    summary,
    built.element,
    h('div', { class: 'acciones' }, save)
  );
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMarks(element);
    const done = busy(save, 'Guardando…');
    try {
      const { data } = await api(
        `${base}/services/${encodeURIComponent(form.workflow)}/${encodeURIComponent(form.documentId)}`,
        { method: 'PUT', json: { fields: built.read(null, { onlyEditable: true }) } }
      );
      await render(data);
      announce(
        data.status === 'informacion_incompleta'
          ? `Se guardaron los datos de «${form.title}». Aún falta información: revisa lo resaltado.`
          : `Se guardaron los datos de «${form.title}». El oficio está «${data.statusLabel}».`
      );
    } catch (error) {
      done();
      if (error.status === 401) return;
      const fields = Array.isArray(error.details.fields) ? error.details.fields : [];
      const placed = fields
        .map((name) => built.controls[name])
        .filter(Boolean)
        .map((control) => ({ control, message: error.message }));
      placed.forEach(({ control, message }) => markField(control, message));
      showSummary(summary, error.message);
    }
  });
  return element;
};

/** «Enviar más archivos»: lo que la Dirección pidió o lo que faltó adjuntar. */
const addFilesForm = async ({ heading = true } = {}) => {
  const upload = await limits();
  const input = h('input', {
    type: 'file',
    id: 'mas-archivos',
    multiple: true,
    accept: acceptOf(upload),
    'aria-describedby': 'mas-archivos-ayuda',
  });
  const chosen = h('div');
  const summary = h('div', { class: 'resumen-errores', tabindex: '-1', hidden: true });
  const send = h('button', { type: 'submit' }, 'Enviar los archivos');
  input.addEventListener('change', () => showChosen(input, chosen));
  const form = h(
    'form',
    {
      class: 'solicitud',
      novalidate: true,
      'aria-labelledby': heading ? 'titulo-mas-archivos' : 'titulo-archivos',
    },
    heading ? h('h3', { id: 'titulo-mas-archivos' }, 'Enviar más archivos') : null,
    summary,
    h(
      'div',
      { class: 'campo' },
      h('label', { for: input.id }, 'Archivos'),
      h(
        'p',
        { id: 'mas-archivos-ayuda', class: 'ayuda' },
        `${limitsText(upload)} Hasta ${upload.maxFiles} a la vez.`
      ),
      input,
      chosen
    ),
    h('div', { class: 'acciones' }, send)
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMarks(form);
    const files = [...(input.files || [])];
    const problems = files.map((file) => fileProblem(file, upload)).filter(Boolean);
    if (!files.length) problems.push('Elige al menos un archivo.');
    else if (files.length > upload.maxFiles)
      problems.push(`Son ${files.length} archivos; se admiten hasta ${upload.maxFiles} a la vez.`);
    if (
      reportProblems(
        summary,
        'Revisa los archivos',
        problems.length ? [{ control: input, message: problems.join(' ') }] : []
      )
    )
      return;
    const body = new FormData();
    files.forEach((file) => body.append('files', file));
    const done = busy(send, 'Enviando…');
    try {
      const { data } = await api(`${base}/files`, { method: 'POST', form: body });
      await load();
      announce(
        data.length === 1
          ? 'Se envió 1 archivo a la Dirección.'
          : `Se enviaron ${data.length} archivos a la Dirección.`
      );
    } catch (error) {
      done();
      if (error.status === 401) return;
      markField(input, error.message);
      showSummary(summary, error.message);
    }
  });
  return form;
};

/** Una propuesta por revisar: vista previa, enlace y la decisión. */
const proposalBlock = (proposal) => {
  const prefix = `propuesta-${proposal.designDocumentId}-${proposal.version}`;
  const headingId = `${prefix}-titulo`;
  const preview = h('div', { 'aria-live': 'polite' });
  const feedback = h('textarea', {
    id: `${prefix}-observaciones`,
    rows: 4,
    maxlength: 5000,
    'aria-describedby': `${prefix}-observaciones-ayuda`,
  });
  const summary = h('div', { class: 'resumen-errores', tabindex: '-1', hidden: true });
  const approve = h('button', { type: 'submit', value: 'aprobada' }, 'Aprobar esta versión');
  const observe = h(
    'button',
    { type: 'submit', value: 'observaciones', class: 'boton--secundario' },
    'Enviar observaciones'
  );
  // Approving is final: it asks once more, as cancelling does.
  const confirmApprove = h(
    'button',
    { type: 'submit', value: 'confirmar' },
    'Sí, aprobar esta versión'
  );
  const keepReviewing = h('button', { type: 'button', class: 'boton--secundario' }, 'No todavía');
  const confirmation = h(
    'div',
    { class: 'confirmacion', role: 'group', 'aria-label': 'Confirmar la aprobación' },
    h(
      'p',
      {},
      `¿Apruebas la versión ${proposal.version}? Es definitivo: la Dirección seguirá con esta ` +
        'versión y ya no podrás pedirle cambios.'
    ),
    h('div', { class: 'acciones' }, confirmApprove, keepReviewing)
  );
  confirmation.hidden = true;
  keepReviewing.addEventListener('click', () => {
    confirmation.hidden = true;
    approve.focus();
  });
  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': headingId },
    summary,
    h(
      'div',
      { class: 'campo' },
      h('label', { for: feedback.id }, 'Observaciones'),
      h(
        'p',
        { id: `${prefix}-observaciones-ayuda`, class: 'ayuda' },
        'Obligatorias si pides cambios: di qué corregir.'
      ),
      feedback
    ),
    h('div', { class: 'acciones' }, approve, observe),
    confirmation
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMarks(form);
    const choice = event.submitter ? event.submitter.value : 'aprobada';
    if (choice === 'aprobada') {
      confirmation.hidden = false;
      confirmApprove.focus();
      return;
    }
    confirmation.hidden = true;
    const decision = choice === 'observaciones' ? 'observaciones' : 'aprobada';
    const text = feedback.value.trim();
    if (
      decision === 'observaciones' &&
      !text &&
      reportProblems(summary, 'Faltan tus observaciones', [
        {
          control: feedback,
          message: 'Escribe tus observaciones para que el diseñador las atienda.',
        },
      ])
    )
      return;
    const done = busy(decision === 'aprobada' ? confirmApprove : observe, 'Enviando…');
    try {
      await api(`/api/designs/${encodeURIComponent(proposal.designDocumentId)}/decision`, {
        method: 'POST',
        json: { version: proposal.version, decision, feedback: text || null },
      });
      await load();
      announce(
        decision === 'aprobada'
          ? `Aprobaste la versión ${proposal.version} de «${proposal.title}». La Dirección continuará con el trabajo.`
          : `Tus observaciones sobre la versión ${proposal.version} de «${proposal.title}» llegaron al diseñador.`
      );
    } catch (error) {
      done();
      if (error.status === 401) return;
      if (error.code === 'MISSING_DATA') markField(feedback, error.message);
      showSummary(summary, error.message);
    }
  });

  if (proposal.file) {
    const file = proposal.file;
    const name = `Propuesta versión ${proposal.version} de «${proposal.title}»`;
    const isImage = /^image\//.test(file.mime);
    const isPdf = file.mime === 'application/pdf';
    replace(preview, h('p', { class: 'ayuda' }, 'Cargando la propuesta…'));
    blobUrl(`${file.url}${file.url.includes('?') ? '&' : '?'}inline=1`)
      .then((href) => {
        previews.push(href);
        replace(
          preview,
          isImage ? h('img', { class: 'vista-previa', src: href, alt: name }) : null,
          h(
            'p',
            { class: 'acciones' },
            h(
              'a',
              { href, target: '_blank', rel: 'noopener' },
              isPdf
                ? 'Abrir la propuesta (PDF) en otra pestaña'
                : 'Abrir la propuesta en otra pestaña'
            ),
            downloadButton(file, 'Descargar la propuesta')
          )
        );
      })
      .catch((error) => {
        if (error.status === 401) return;
        replace(preview, h('p', { class: 'estado estado--error' }, error.message));
      });
  } else {
    replace(preview, h('p', { class: 'ayuda' }, 'La propuesta no trae archivo.'));
  }

  return h(
    'article',
    {
      class: 'solicitud',
      'aria-labelledby': headingId,
      'data-propuesta': proposal.designDocumentId,
    },
    h('h3', { id: headingId }, `«${proposal.title}», versión ${proposal.version}`),
    proposal.comment ? h('p', { class: 'peticion' }, proposal.comment) : null,
    preview,
    form
  );
};

/** Un botón que descarga un archivo con el token. */
const downloadButton = (file, text = 'Descargar') => {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'boton--secundario',
      'aria-label': `${text}: ${file.label || file.name}`,
    },
    text
  );
  button.addEventListener('click', async () => {
    const done = busy(button, 'Descargando…');
    try {
      await download(file.url, file.name);
    } catch (error) {
      if (error.status !== 401) announce(error.message, 'error');
    } finally {
      done();
    }
  });
  return button;
};

const serviceBlock = (service, oficio) =>
  h(
    'li',
    { class: 'solicitud', 'data-servicio': service.documentId },
    h('h3', {}, `${service.workflowLabel}${service.title ? ` «${service.title}»` : ''}`),
    h(
      'p',
      {},
      h('span', { class: 'estado-oficio' }, service.statusLabel),
      service.dueAt && !service.closed ? [' · Entrega: ', day(service.dueAt)] : null,
      service.leadTimeMet === false ? ' · Pedido fuera de plazo' : null
    ),
    service.missing.length
      ? h('p', { class: 'falta' }, `Falta: ${service.missing.map((m) => m.label).join(', ')}.`)
      : null,
    service.cancellable
      ? cancelControl({
          idPrefix: `cancelar-${service.documentId}`,
          label: 'Cancelar este servicio',
          confirmText: 'Confirmar la cancelación del servicio',
          heading: `¿Cancelar «${service.title || service.workflowLabel}»?`,
          doneText: `Se canceló «${service.title || service.workflowLabel}».`,
          path: `/api/portal/oficios/${encodeURIComponent(oficio.documentId)}/services/${encodeURIComponent(service.workflow)}/${encodeURIComponent(service.documentId)}/cancel`,
        })
      : null
  );

let logoCatalogue = null;
const logos = async () => {
  if (!logoCatalogue) {
    const { data } = await api('/api/portal/form');
    logoCatalogue = data.logos;
    uploadLimits = data.upload;
  }
  return logoCatalogue;
};

async function render(oficio) {
  previews.forEach((href) => URL.revokeObjectURL(href));
  previews = [];
  setTitle(`Oficio ${oficio.folio}`);
  const open = !CLOSED.has(oficio.status);
  const incomplete = oficio.status === 'informacion_incompleta';
  const servicesById = new Map(oficio.services.map((service) => [service.documentId, service]));
  const catalogue = oficio.forms.length ? await logos() : [];

  const forms = oficio.forms.map((form) =>
    completeForm(form, servicesById.get(form.documentId), catalogue)
  );
  let completion = null;
  if (incomplete || forms.length) {
    completion = panel(
      'titulo-datos',
      incomplete ? 'Información incompleta' : 'Completar o corregir datos',
      [
        incomplete
          ? h(
              'p',
              {},
              'La Dirección necesita más información antes de empezar. Mientras tanto, el plazo ' +
                'está en pausa.'
            )
          : null,
        oficio.missingInformation && incomplete
          ? [
              h('p', {}, h('strong', {}, 'La Dirección pide:')),
              h('p', { class: 'peticion' }, oficio.missingInformation),
            ]
          : null,
        forms,
        open ? await addFilesForm() : null,
      ],
      { attention: incomplete }
    );
  } else if (open) {
    completion = panel('titulo-archivos', 'Enviar más archivos', [
      h('p', {}, 'Si la Dirección te pide un documento más, o faltó alguno, envíalo aquí.'),
      await addFilesForm({ heading: false }),
    ]);
  }

  const proposals = oficio.proposals.length
    ? panel('titulo-propuestas', 'Revisar propuesta', oficio.proposals.map(proposalBlock), {
        attention: true,
      })
    : null;

  const hasAcuse = oficio.files.some((file) => file.kind === 'acuse');
  const acuseFallback = hasAcuse
    ? null
    : {
        id: 0,
        name: `acuse-${oficio.folio.replace(/\//g, '-')}.pdf`,
        mime: 'application/pdf',
        size: 0,
        kind: 'acuse',
        label: 'Acuse de recibo',
        url: `${base}/acuse`,
      };
  const files = acuseFallback ? [acuseFallback, ...oficio.files] : oficio.files;

  replace(
    container,
    h('h1', {}, `Oficio ${oficio.folio}`),
    h('p', { class: 'entrada' }, oficio.subject),
    notice,
    oficio.needsAction
      ? h('p', {}, h('span', { class: 'atencion' }, 'Requiere tu atención'))
      : null,
    oficio.waitingFor ? h('p', { class: 'falta' }, oficio.waitingFor) : null,
    h(
      'dl',
      { class: 'ficha' },
      pair('Estado', h('span', { class: 'estado-oficio' }, oficio.statusLabel)),
      pair('Recibido', timeElement(oficio.receivedAt, longDate(oficio.receivedAt))),
      oficio.receptionDay ? pair('Cuenta como recibido', day(oficio.receptionDay)) : null,
      oficio.dueAt ? pair('Entrega', day(oficio.dueAt)) : null,
      oficio.senderReference ? pair('Número de tu oficio', oficio.senderReference) : null,
      oficio.summary ? pair('Resumen', oficio.summary) : null,
      oficio.responseFolio
        ? pair(
            'Respuesta',
            `Oficio ${oficio.responseFolio}`,
            oficio.responseDate ? [' del ', day(oficio.responseDate)] : null
          )
        : null
    ),
    proposals,
    completion,
    panel(
      'titulo-servicios',
      'Servicios',
      h(
        'ul',
        { class: 'oficios' },
        oficio.services.map((service) => serviceBlock(service, oficio))
      )
    ),
    panel(
      'titulo-descargas',
      'Descargas',
      files.length
        ? h(
            'ul',
            { class: 'archivos' },
            files.map((file) =>
              h(
                'li',
                { 'data-archivo': file.kind },
                h(
                  'span',
                  {},
                  h('strong', {}, file.label || file.name),
                  h('br'),
                  h(
                    'span',
                    { class: 'ayuda' },
                    [file.name, bytesText(file.size)].filter(Boolean).join(' · ')
                  )
                ),
                downloadButton(file)
              )
            )
          )
        : h('p', {}, 'Aún no hay archivos.')
    ),
    oficio.cancellable
      ? panel('titulo-cancelar', 'Cancelar el oficio', [
          h(
            'p',
            {},
            'Si ya no necesitas lo que pediste, cancela el oficio y sus servicios pendientes.'
          ),
          cancelControl({
            idPrefix: 'cancelar-oficio',
            label: 'Cancelar el oficio',
            confirmText: 'Confirmar la cancelación del oficio',
            heading: `¿Cancelar el oficio ${oficio.folio}?`,
            doneText: `Se canceló el oficio ${oficio.folio}.`,
            path: `${base}/cancel`,
          }),
        ])
      : null,
    panel(
      'titulo-historial',
      'Historial',
      oficio.timeline.length
        ? h(
            'ol',
            { class: 'linea-tiempo' },
            oficio.timeline.map((entry) =>
              h(
                'li',
                {},
                h('p', { class: 'fecha' }, timeElement(entry.at, longDateTime(entry.at))),
                h('p', {}, h('strong', {}, `${entry.subject}: `), entry.text),
                entry.comment ? h('p', { class: 'peticion' }, entry.comment) : null
              )
            )
          )
        : h('p', {}, 'Sin movimientos todavía.')
    )
  );
}

const DATE_TIME = new Intl.DateTimeFormat('es-MX', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'America/Mexico_City',
});

const longDateTime = (value) => {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : DATE_TIME.format(date);
};

async function load() {
  if (!documentId) {
    replace(
      container,
      h('h1', {}, 'Oficio no encontrado'),
      h('p', { class: 'estado estado--error', role: 'alert' }, 'Falta el oficio en la dirección.'),
      h('p', {}, h('a', { href: 'oficios.html' }, 'Ver mis oficios'))
    );
    return;
  }
  try {
    const { data } = await api(base);
    await render(data);
  } catch (error) {
    if (error.status === 401) return;
    setTitle('Oficio no encontrado');
    replace(
      container,
      h('h1', {}, error.status === 404 ? 'Oficio no encontrado' : 'Oficio'),
      h(
        'p',
        { class: 'estado estado--error', role: 'alert' },
        error.status === 404 ? 'Este oficio no existe o no es de tu área.' : error.message
      ),
      h('p', {}, h('a', { href: 'oficios.html' }, 'Ver mis oficios'))
    );
  }
}

load();
