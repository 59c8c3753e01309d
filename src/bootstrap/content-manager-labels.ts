import type { Core, UID } from '@strapi/strapi';
import { WORKFLOW_UIDS, workflowForUid } from '../domain/workflows';
import { STATUS_FIELD, systemFields } from '../api/workflow/services/workflow';

/** Spanish labels the content manager shows for each attribute. */
export const LABELS: Readonly<Record<string, string>> = {
  title: 'Título',
  name: 'Nombre',
  shortName: 'Siglas',
  kind: 'Tipo',
  holderName: 'Titular',
  contactEmail: 'Correo de contacto',
  contactPhone: 'Teléfono de contacto',
  active: 'Activo',
  oficios: 'Oficios',
  image: 'Imagen',
  order: 'Orden',
  folio: 'Folio',
  senderReference: 'Número de oficio del área',
  area: 'Área solicitante',
  subject: 'Asunto',
  summary: 'Resumen',
  receivedAt: 'Fecha y hora de recepción',
  receptionDay: 'Día hábil de recepción',
  channel: 'Medio de recepción',
  scan: 'Oficio digitalizado',
  [STATUS_FIELD]: 'Estado',
  statusChangedAt: 'Último cambio de estado',
  startedAt: 'Inicio de la atención',
  closedAt: 'Cierre',
  pauses: 'Pausas (espera del área)',
  missingInformation: 'Información faltante',
  isLate: 'Extemporáneo',
  lateReasons: 'Motivos de extemporaneidad',
  lateJustification: 'Justificación para aceptar la solicitud extemporánea',
  lateAcceptedAt: 'Aceptado el',
  lateAcceptedBy: 'Aceptado por',
  responseFolio: 'Folio de la respuesta',
  responseDate: 'Fecha de la respuesta',
  responseDocument: 'Oficio de respuesta',
  requesterName: 'Nombre de quien solicita',
  requesterPhone: 'Teléfono de quien solicita',
  requesterEmail: 'Correo de quien solicita',
  requesterAddress: 'Domicilio de la oficina',
  internalNotes: 'Notas internas',
  transitionComment: 'Comentario para el cambio de estado',
  designs: 'Diseños',
  coverageEvents: 'Coberturas',
  socialPosts: 'Publicaciones en redes',
  webPublications: 'Publicaciones web',
  transparencyDocuments: 'Documentos de transparencia',
  emailAccountRequests: 'Cuentas de correo',
  advisories: 'Asesorías',
  oficio: 'Oficio',
  dueAt: 'Vence',
  leadTimeMet: 'Llegó con la anticipación debida',
  earliestAllowedDate: 'Fecha más pronta que cumplía el plazo',
  assignees: 'Responsables',
  medium: 'Tipo de material',
  eventName: 'Nombre del evento',
  eventDate: 'Fecha del evento',
  eventTime: 'Hora del evento',
  place: 'Lugar',
  specification: 'Especificaciones (formato, colores, medidas)',
  responsiblePerson: 'Responsable del evento',
  logos: 'Logotipos institucionales (en orden)',
  officeAddress: 'Domicilio de la oficina',
  proposals: 'Versiones de la propuesta',
  revisionRounds: 'Rondas de revisión',
  approvedAt: 'Aprobado el',
  deliveredAt: 'Entregado el',
  postedAt: 'Publicado el',
  startsAt: 'Inicio',
  endsAt: 'Término',
  deliverables: 'Entregables',
  crew: 'Personal asignado',
  hasCrewConflict: 'Perdió el horario por un choque de personal',
  coveredAt: 'Cubierto el',
  text: 'Texto',
  networks: 'Redes sociales',
  scheduledAt: 'Programada para',
  design: 'Diseño que difunde',
  coverageEvent: 'Cobertura relacionada',
  mentionsPublicServant: 'Menciona o muestra a una persona servidora pública',
  blackoutException: 'Excepción a la veda electoral',
  blackoutExceptionReference: 'Referencia de la autorización electoral',
  postUrl: 'Enlace de la publicación',
  wantedDate: 'Fecha deseada de publicación',
  body: 'Texto',
  attachments: 'Archivos',
  personalDataChecked: 'Revisión de datos personales',
  spellingChecked: 'Revisión ortográfica',
  plainLanguageChecked: 'Lenguaje claro',
  verificationEvidence: 'Evidencia de verificación',
  verifiedAt: 'Verificado el',
  respondedAt: 'Respondido el',
  withdrawalReason: 'Motivo del retiro',
  slug: 'Dirección (slug)',
  section: 'Sección del sitio',
  cover: 'Imagen de portada',
  isNews: 'Es noticia',
  law: 'Ley',
  lawVersion: 'Versión de la ley',
  article: 'Artículo',
  fraccion: 'Fracción',
  ejercicio: 'Ejercicio',
  periodStart: 'Inicio del periodo',
  periodEnd: 'Fin del periodo',
  responsibleArea: 'Área responsable',
  updatedOn: 'Fecha de actualización',
  validatedOn: 'Fecha de validación',
  note: 'Nota',
  file: 'Archivo',
  personName: 'Nombre de la persona',
  personPosition: 'Cargo',
  requestedAddress: 'Dirección solicitada',
  authorizationReference: 'Oficio de autorización de la Secretaría Técnica',
  authorizationDate: 'Fecha de la autorización',
  emailAddress: 'Dirección de correo creada',
  deliveryReference: 'Oficio de entrega',
  rejectionReason: 'Motivo del rechazo',
  organism: 'Organismo auxiliar',
  topic: 'Tema',
  notes: 'Notas',
  followUpDate: 'Fecha de seguimiento',
  date: 'Fecha',
  endDate: 'Fecha final (si es un rango)',
  source: 'Fuente',
  officeHoursCutoff: 'Hora de corte de recepción (HH:mm)',
  digitalArtLeadBusinessDays: 'Anticipación para arte digital (días hábiles)',
  coverageLeadBusinessDays: 'Anticipación para cobertura (días hábiles)',
  webPublicationLeadBusinessDays: 'Anticipación para publicación web (días hábiles)',
  transparencyLeadBusinessDays: 'Anticipación para transparencia (días hábiles)',
  promotionLeadCalendarDays: 'Anticipación sugerida para difusión (días naturales)',
  printDeliveryBusinessDays: 'Entrega de impresos tras la aprobación (días hábiles)',
  blackoutPeriods: 'Periodos de veda electoral',
  siteUrl: 'Dirección del sitio web',
  siteWebhookUrl: 'Webhook del sitio web',
  subjectUid: 'Tipo de registro',
  subjectDocumentId: 'Registro',
  subjectTitle: 'Asunto del registro',
  oficioDocumentId: 'Oficio',
  fromStatus: 'Estado anterior',
  toStatus: 'Estado nuevo',
  actorKind: 'Tipo de actor',
  actorId: 'Id del actor',
  actorName: 'Quién',
  actorRoles: 'Roles',
  comment: 'Comentario',
  at: 'Cuándo',
};

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
  'api::transition-log.transition-log': {
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
    let changed = false;

    for (const [field, metadata] of Object.entries(configuration.metadatas)) {
      const label = LABELS[field];
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
};
