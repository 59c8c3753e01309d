import type { WorkflowKey } from './types';

export { WORKFLOW_KEYS, WORKFLOW_UIDS, workflowForUid } from './work-items';

/** Spanish name of each workflow. */
export const WORKFLOW_LABELS: Readonly<Record<WorkflowKey, string>> = Object.freeze({
  oficio: 'Oficio',
  design: 'Diseño',
  'coverage-event': 'Cobertura de evento',
  'social-post': 'Publicación en redes sociales',
  'web-publication': 'Publicación en el sitio web',
  'transparency-document': 'Documento de transparencia',
  'email-account-request': 'Solicitud de cuenta de correo institucional',
  advisory: 'Asesoría a organismos auxiliares',
});

/**
 * Spanish labels of the attributes that guards ask for, as they read inside a sentence
 * («Falta información: fecha del evento, lugar.»).
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = Object.freeze({
  // oficio
  senderReference: 'número de oficio del área',
  area: 'área solicitante',
  subject: 'asunto',
  receivedAt: 'fecha y hora de recepción',
  channel: 'medio de recepción',
  responseFolio: 'folio de la respuesta',
  responseDate: 'fecha de la respuesta',
  addressedTo: 'destinatario del oficio',
  copiedTo: 'copias del oficio («con copia a»)',
  'oficio.addressedTo': 'destinatario del oficio («Dirigido a»)',
  'oficio.copiedTo': 'copias del oficio («Con copia a»)',
  // design
  medium: 'tipo de material (impreso o digital)',
  eventName: 'nombre del evento',
  eventDate: 'fecha del evento',
  eventTime: 'hora del evento',
  place: 'lugar',
  specification: 'especificaciones (formato, colores, medidas)',
  responsiblePerson: 'responsable del evento',
  logos: 'logotipos institucionales (en orden)',
  requirements: 'requisitos del evento',
  delivery: 'oficio de entrega',
  'delivery.number': 'número del oficio de entrega',
  'delivery.date': 'fecha del oficio de entrega',
  proposals: 'propuesta de diseño',
  'proposals.decision': 'decisión del área sobre la última propuesta',
  'proposals.feedback': 'observaciones del área',
  // coverage
  startsAt: 'fecha y hora de inicio',
  endsAt: 'fecha y hora de término',
  deliverables: 'entregables',
  crew: 'personal asignado',
  // social post
  text: 'texto de la publicación',
  scheduledAt: 'fecha y hora programada',
  blackoutException: 'excepción a la veda electoral',
  blackoutExceptionReference: 'referencia de la autorización de la autoridad electoral',
  // web publication and transparency document
  section: 'sección del sitio',
  body: 'texto o archivos',
  attachments: 'archivos',
  wantedDate: 'fecha deseada de publicación',
  spellingChecked: 'revisión ortográfica',
  plainLanguageChecked: 'lenguaje claro',
  personalDataChecked: 'revisión de datos personales',
  verificationEvidence: 'evidencia de verificación',
  responseDocument: 'oficio de respuesta',
  withdrawalReason: 'motivo del retiro',
  law: 'ley',
  article: 'artículo',
  fraccion: 'fracción',
  ejercicio: 'ejercicio',
  periodStart: 'inicio del periodo',
  periodEnd: 'fin del periodo',
  responsibleArea: 'área responsable',
  file: 'archivo o texto',
  // e-mail account request
  kind: 'tipo de solicitud',
  personName: 'nombre de la persona',
  requestedAddress: 'dirección solicitada',
  authorizationReference: 'número de oficio de autorización de la Secretaría Técnica',
  authorizationDate: 'fecha de autorización de la Secretaría Técnica',
  emailAddress: 'dirección de correo',
  deliveryReference: 'oficio de entrega',
  suggestedAddress: 'dirección sugerida',
  supportActions: 'qué se hizo para atender el soporte',
  removalActions: 'qué se hizo para dar de baja la cuenta',
  installedAt: 'fecha de instalación en el equipo del área',
  installedBy: 'quién instaló la cuenta',
  verificationNote: 'evidencia de la verificación',
  verificationFile: 'captura de la verificación',
  // advisory
  topic: 'tema',
  notes: 'notas',
  followUpDate: 'fecha de seguimiento',
  followUps: 'seguimientos',
  organism: 'organismo auxiliar',
  // coverage deliverables
  bulletin: 'boletín de prensa',
  material: 'material entregado',
  publications: 'dónde se publicó',
  // designer's part of a web publication
  designRequest: 'solicitud al diseñador',
  designedFiles: 'archivos del diseñador',
});

/** The Spanish label of an attribute, or the attribute name when it has none. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
