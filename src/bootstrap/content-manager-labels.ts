import type { Core, UID } from '@strapi/strapi';
import { WORKFLOW_UIDS, workflowForUid } from '../domain/workflows';
import { systemFields } from '../api/workflow/services/workflow';
import {
  COPY_LABELS,
  DELIVERABLE_LABELS,
  SOCIAL_NETWORK_LABELS,
} from '../domain/workflows/intake-values';
import { LABELS } from '../utils/field-labels';

/** How each list starts: the field that names a record and the order staff expect. */
const LIST_SETTINGS: Record<
  string,
  { mainField: string; defaultSortBy: string; defaultSortOrder: 'ASC' | 'DESC' }
> = {
  'api::oficio.oficio': {
    mainField: 'folio',
    defaultSortBy: 'receivedAt',
    defaultSortOrder: 'DESC',
  },
  'api::area.area': { mainField: 'name', defaultSortBy: 'name', defaultSortOrder: 'ASC' },
  'api::logo.logo': { mainField: 'name', defaultSortBy: 'order', defaultSortOrder: 'ASC' },
  'api::holiday.holiday': { mainField: 'name', defaultSortBy: 'date', defaultSortOrder: 'ASC' },
  'api::transparency-obligation.transparency-obligation': {
    mainField: 'title',
    defaultSortBy: 'id',
    defaultSortOrder: 'ASC',
  },
  'api::transition-log.transition-log': {
    mainField: 'subjectTitle',
    defaultSortBy: 'at',
    defaultSortOrder: 'DESC',
  },
  'api::audit-record.audit-record': {
    mainField: 'subjectTitle',
    defaultSortBy: 'at',
    defaultSortOrder: 'DESC',
  },
  ...Object.fromEntries(
    Object.values(WORKFLOW_UIDS)
      .filter((uid) => uid !== 'api::oficio.oficio')
      .map((uid) => [
        uid,
        { mainField: 'title', defaultSortBy: 'dueAt', defaultSortOrder: 'ASC' as const },
      ])
  ),
};

/** Labels of one content type that differ from the shared ones in LABELS. */
const TYPE_LABELS: Record<string, Record<string, string>> = {
  'api::survey.survey': { area: 'Área que hace la encuesta' },
  'api::transparency-obligation.transparency-obligation': {
    title: 'Obligación',
    frequency: 'Periodicidad',
    updateWindowDays: 'Días para publicar la actualización',
  },
};

/** How a JSON list of codes is written, for the hint under its editor. */
const listHint = (labels: Readonly<Record<string, string>>) =>
  `Lista JSON, p. ej. ${JSON.stringify(Object.keys(labels).slice(0, 2))}. Valores: ${Object.keys(labels).join(', ')}.`;

/** Labels and hints of fields that need one: surveys, their questions and the JSON code lists. */
const FIELD_HINTS: Record<string, Record<string, { label: string; description?: string }>> = {
  'api::coverage-event.coverage-event': {
    deliverables: { label: LABELS.deliverables, description: listHint(DELIVERABLE_LABELS) },
  },
  'api::social-post.social-post': {
    networks: { label: LABELS.networks, description: listHint(SOCIAL_NETWORK_LABELS) },
  },
  'api::email-account-request.email-account-request': {
    suggestedAddress: {
      label: LABELS.suggestedAddress,
      description:
        'La calcula el sistema con el nombre del área del oficio (se simplifica el nombre de la ' +
        'dependencia). Para usar otra, escríbela en «Dirección de correo» (del dominio ' +
        '@calimaya.gob.mx).',
    },
    emailAddress: {
      label: LABELS.emailAddress,
      description: 'Del dominio @calimaya.gob.mx; en un alta empieza con la dirección sugerida.',
    },
    delivery: {
      label: LABELS.delivery,
      description:
        'Número, fecha y oficio firmado con acuse. La contraseña nunca se captura aquí: se ' +
        'entrega en papel, en sobre cerrado, con el oficio.',
    },
    verificationNote: {
      label: LABELS.verificationNote,
      description: 'Qué se comprobó, p. ej. que el área envió y recibió un mensaje de prueba.',
    },
  },
  'api::advisory.advisory': {
    followUps: {
      label: LABELS.followUps,
      description:
        'Historial: agrega un seguimiento nuevo al final; los registrados no se editan ni se ' +
        'quitan. El siguiente seguimiento fija la fecha de seguimiento de la asesoría.',
    },
  },
  'api::oficio.oficio': {
    addressedTo: {
      label: 'Dirigido a',
      description:
        'A la Dirección, o a la Presidencia Municipal con copia a la Dirección (material de imprenta).',
    },
    copiedTo: { label: 'Con copia a', description: listHint(COPY_LABELS) },
  },
  'api::design.design': {
    requirements: { label: 'Requisitos del evento' },
    logos: {
      label: 'Logotipos institucionales (en orden)',
      description: 'Arrastra para ordenarlos: el primero de la lista va primero en el diseño.',
    },
    delivery: {
      label: 'Oficio de entrega',
      description: 'Material impreso: su número y fecha son obligatorios para marcarlo entregado.',
    },
  },
  'workflow.logo-choice': {
    logo: {
      label: 'Logotipo',
      description:
        'Solo logotipos vigentes del catálogo. El orden de la lista es el del diseño: el primero va primero.',
    },
  },
  'workflow.delivery-oficio': {
    number: {
      label: 'Número de oficio',
      description:
        'Con la fecha, obligatorio para registrar la entrega. La contraseña de una cuenta nunca se captura aquí: va en papel.',
    },
    date: { label: 'Fecha del oficio' },
    document: { label: 'Oficio escaneado (interno)' },
    receivedBy: { label: 'Recibió' },
  },
  'api::logo.logo': {
    code: { label: 'Clave', description: 'Clave del logotipo sembrado; no cambia.' },
    active: { label: 'Vigente', description: 'Un logotipo dado de baja ya no se puede elegir.' },
  },
  'api::survey.survey': {
    area: {
      label: 'Área que hace la encuesta',
      description: 'Gobierno Digital hace la encuesta a nombre de esta área.',
    },
    description: { label: 'Descripción', description: 'Se muestra arriba del formulario.' },
    opensAt: { label: 'Abre el', description: 'Vacío: abierta desde que se publica.' },
    closesAt: { label: 'Cierra el', description: 'Vacío: abierta hasta que se retire.' },
    questions: { label: 'Preguntas' },
  },
  'advisory.follow-up': {
    date: {
      label: 'Fecha',
      description: 'Un seguimiento registrado no se edita ni se quita: agrega uno nuevo al final.',
    },
    by: {
      label: 'Quién',
      description: 'Quién dio el seguimiento (el registro de auditoría guarda quién lo capturó).',
    },
    notes: { label: 'Notas' },
    nextDate: {
      label: 'Siguiente seguimiento',
      description: 'Fija el vencimiento de la asesoría.',
    },
  },
  'workflow.proposal-version': {
    version: { label: 'Versión' },
    file: { label: 'Archivo' },
    sentAt: { label: 'Enviada al área el' },
    decision: { label: 'Decisión del área' },
    feedback: { label: 'Observaciones del área' },
    decidedAt: { label: 'Decidida el' },
    decidedBy: { label: 'Decidió' },
  },
  'settings.blackout-period': {
    start: { label: 'Inicio' },
    end: { label: 'Fin' },
    scope: { label: 'Alcance' },
    note: { label: 'Nota' },
  },
  'workflow.coverage-material': {
    kind: {
      label: 'Entregable',
      description: 'De qué entregable es (fotos o video); el boletín va en «Boletín de prensa».',
    },
    file: { label: 'Archivos' },
    link: { label: 'Enlace', description: 'Dirección web (https://…) de la carpeta o el video.' },
    note: { label: 'Nota' },
  },
  'workflow.coverage-publication': {
    where: { label: 'Dónde' },
    url: { label: 'Enlace', description: 'Dirección web (https://…) de la publicación.' },
    // Not «publishedAt»: Strapi reserves that name for draft & publish and drops its value.
    postedAt: { label: 'Publicado el' },
  },
  'survey.question': {
    key: {
      label: 'Clave',
      description: 'Identifica la pregunta en los resultados; vacía, se genera a partir del texto.',
    },
    prompt: { label: 'Pregunta' },
    kind: { label: 'Tipo de respuesta' },
    options: {
      label: 'Opciones',
      description: 'Una por renglón; solo para opción única u opción múltiple.',
    },
    required: { label: 'Obligatoria' },
    scaleMin: { label: 'Mínimo de la escala', description: 'Vacío: 1.' },
    scaleMax: { label: 'Máximo de la escala', description: 'Vacío: 5.' },
  },
};

/** Spanish labels and hints for the fields of FIELD_HINTS still at Strapi's defaults. */
const labelHintedFields = async (strapi: Core.Strapi) => {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const components = strapi.plugin('content-manager').service('components');
  for (const [uid, fields] of Object.entries(FIELD_HINTS)) {
    const isComponent = !uid.startsWith('api::');
    const service = isComponent ? components : contentTypes;
    const model = isComponent
      ? components.findComponent(uid)
      : contentTypes.findContentType(uid as UID.ContentType);
    if (!model) continue;
    const configuration = (await service.findConfiguration(model)) as Configuration;
    let changed = false;
    for (const [field, { label, description }] of Object.entries(fields)) {
      const metadata = configuration.metadatas[field];
      if (!metadata) continue;
      for (const view of [metadata.edit, metadata.list]) {
        if (view && view.label === field) {
          view.label = label;
          changed = true;
        }
      }
      if (description && metadata.edit && !metadata.edit.description) {
        metadata.edit.description = description;
        changed = true;
      }
    }
    if (changed) await service.updateConfiguration(model, configuration);
  }
};

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: unknown;
}

/**
 * Spanish labels, sensible list settings and read-only system fields in the content manager.
 * Only values still at Strapi's defaults are changed, so staff customisations stay.
 */
export const configureContentManager = async ({ strapi }: { strapi: Core.Strapi }) => {
  const service = strapi.plugin('content-manager').service('content-types');
  const uids = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::'));
  // List settings are applied once per content type; afterwards they belong to the staff.
  const store = strapi.store({
    type: 'api',
    name: 'content-manager',
    key: 'list-settings-applied',
  });
  const applied = new Set<string>(((await store.get({})) as string[] | null) ?? []);

  for (const uid of uids) {
    const contentType = service.findContentType(uid as UID.ContentType);
    const configuration = (await service.findConfiguration(contentType)) as Configuration;
    const workflow = workflowForUid(uid);
    const readOnly = new Set(workflow ? systemFields(workflow) : []);
    // The acuse de recibo is generated when the oficio is registered.
    if (workflow === 'oficio') readOnly.add('acuse');
    let changed = false;

    for (const [field, metadata] of Object.entries(configuration.metadatas)) {
      const label = TYPE_LABELS[uid]?.[field] ?? LABELS[field];
      if (label && metadata.edit?.label === field) {
        metadata.edit.label = label;
        changed = true;
      }
      if (label && metadata.list?.label === field) {
        metadata.list.label = label;
        changed = true;
      }
      if (readOnly.has(field) && metadata.edit && metadata.edit.editable !== false) {
        metadata.edit.editable = false;
        changed = true;
      }
    }

    const list = LIST_SETTINGS[uid];
    if (list && !applied.has(uid)) {
      Object.assign(configuration.settings, list);
      applied.add(uid);
      changed = true;
    }
    if (changed) await service.updateConfiguration(contentType, configuration);
  }
  await store.set({ value: [...applied].sort() });
  await labelHintedFields(strapi);
};
