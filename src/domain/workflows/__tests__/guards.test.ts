import {
  planTransition,
  WORKFLOW_KEYS,
  type ErrorCode,
  type Facts,
  type Role,
  type WorkflowKey,
  type WorkflowSettings,
} from '..';
import { WORKFLOWS } from '../definitions';
import {
  actor,
  baseFacts,
  BLACKOUT_SETTINGS,
  calendar,
  commentFor,
  expectFailure,
  expectSuccess,
  happyItem,
  mx,
  OFICIO_FACTS,
  SETTINGS,
} from './helpers';

interface GuardCase {
  name: string;
  workflow: WorkflowKey;
  from: string;
  to: string;
  item?: Record<string, unknown>;
  facts?: Partial<Facts>;
  settings?: WorkflowSettings;
  roles?: Role[];
  comment?: string | null;
  code: ErrorCode;
  message: string | RegExp;
  details?: Record<string, unknown>;
}

const IN_VEDA = mx('2027-05-10', '11:00');
const SENT = mx('2026-11-06', '12:00').toISOString();

const CASES: GuardCase[] = [
  // oficio
  {
    name: 'open work items',
    workflow: 'oficio',
    from: 'en_atencion',
    to: 'atendido',
    facts: {
      items: [
        { workflow: 'design', status: 'en_diseno' },
        { workflow: 'coverage-event', status: 'programada' },
        { workflow: 'social-post', status: 'publicada' },
      ],
    },
    code: 'OPEN_ITEMS',
    message:
      'Quedan 2 trabajos abiertos en este oficio: ciérralos antes de marcarlo como atendido.',
    details: {
      count: 2,
      open: [
        { workflow: 'design', status: 'en_diseno' },
        { workflow: 'coverage-event', status: 'programada' },
      ],
    },
  },
  {
    name: 'information completed while a service still lacks its intake data',
    workflow: 'oficio',
    from: 'informacion_incompleta',
    to: 'recibido',
    facts: {
      items: [
        {
          workflow: 'web-publication',
          status: 'recibida',
          title: 'Galería',
          values: { title: 'Galería', section: 'galeria', body: 'Fotos.' },
        },
        // A cancelled service needs nothing.
        { workflow: 'advisory', status: 'cancelada', title: null, values: {} },
      ],
    },
    code: 'MISSING_DATA',
    message:
      'Falta información para iniciar el trabajo: Publicación en el sitio web "Galería": falta ' +
      'fecha deseada de publicación.',
    details: {
      fields: ['wantedDate'],
      services: [{ workflow: 'web-publication', title: 'Galería', fields: ['wantedDate'] }],
    },
  },
  {
    name: 'no response recorded',
    workflow: 'oficio',
    from: 'en_atencion',
    to: 'atendido',
    item: { responseFolio: null, responseDate: '' },
    code: 'MISSING_DATA',
    message: 'Falta información: folio de la respuesta, fecha de la respuesta.',
    details: { fields: ['responseFolio', 'responseDate'] },
  },
  // design
  {
    name: 'event data missing',
    workflow: 'design',
    from: 'pendiente',
    to: 'en_diseno',
    item: { eventDate: null, place: '  ' },
    code: 'MISSING_DATA',
    message: 'Falta información: fecha del evento, lugar.',
    details: { fields: ['eventDate', 'place'] },
  },
  {
    name: 'late digital art not accepted',
    workflow: 'design',
    from: 'pendiente',
    to: 'en_diseno',
    item: { medium: 'digital', eventDate: '2026-11-04' },
    code: 'LATE_NOT_ACCEPTED',
    message:
      'La solicitud llegó sin la anticipación requerida (3 días hábiles): la fecha solicitada es ' +
      'el miércoles 4 de noviembre de 2026 y la más próxima posible era el jueves 5 de noviembre ' +
      'de 2026. Un(a) coordinador(a) debe aceptarla con una justificación por escrito antes de ' +
      'iniciar el trabajo.',
    details: {
      targetDate: '2026-11-04',
      earliestAllowedDate: '2026-11-05',
      leadDays: 3,
      unit: 'business',
    },
  },
  {
    name: 'no institutional logos chosen',
    workflow: 'design',
    from: 'pendiente',
    to: 'en_diseno',
    item: { medium: 'digital', logos: [{ logo: null }] },
    code: 'MISSING_DATA',
    message:
      'Falta información: logotipos institucionales (en orden). Indica qué logotipos lleva el ' +
      'diseño, en el orden en que deben aparecer.',
    details: { fields: ['logos'] },
  },
  {
    name: 'print material addressed only to the Dirección',
    workflow: 'design',
    from: 'pendiente',
    to: 'en_diseno',
    item: { medium: 'impreso' },
    facts: { oficio: { ...OFICIO_FACTS, addressedTo: 'direccion', copiedTo: null } },
    code: 'MISSING_DATA',
    message:
      'Falta información del oficio: el material de imprenta se solicita con un oficio dirigido ' +
      'a la Presidencia Municipal con copia a esta Dirección. En el oficio, indica «Dirigido a: ' +
      'Presidencia Municipal» y agrega a la Dirección en «Con copia a».',
    details: { fields: ['oficio.addressedTo', 'oficio.copiedTo'] },
  },
  {
    name: 'print material to the Presidencia without the copy to the Dirección',
    workflow: 'design',
    from: 'pendiente',
    to: 'en_diseno',
    item: { medium: 'impreso' },
    facts: { oficio: { ...OFICIO_FACTS, copiedTo: ['secretaria_tecnica'] } },
    code: 'MISSING_DATA',
    message: /dirigido a la Presidencia Municipal con copia a esta Dirección/,
    details: { fields: ['oficio.copiedTo'] },
  },
  {
    name: 'print delivered without its delivery oficio',
    workflow: 'design',
    from: 'en_imprenta',
    to: 'entregado',
    item: { delivery: { number: ' ', date: null } },
    code: 'MISSING_DATA',
    message:
      'Falta información: el material impreso se entrega con un oficio. Registra en «Oficio de ' +
      'entrega» su número y su fecha. El documento se agrega si lo tienes.',
    details: { fields: ['delivery.number', 'delivery.date'] },
  },
  {
    name: 'print delivered with a delivery oficio without its date',
    workflow: 'design',
    from: 'en_imprenta',
    to: 'entregado',
    item: { delivery: { number: 'DCSGD/0150/2026' } },
    code: 'MISSING_DATA',
    message: /Registra en «Oficio de entrega» su fecha/,
    details: { fields: ['delivery.date'] },
  },
  {
    name: 'no proposal uploaded',
    workflow: 'design',
    from: 'en_diseno',
    to: 'en_revision',
    item: { proposals: [] },
    code: 'MISSING_DATA',
    message: 'Sube la versión de la propuesta antes de enviarla a revisión.',
    details: { fields: ['proposals'] },
  },
  {
    name: 'latest proposal already sent',
    workflow: 'design',
    from: 'en_diseno',
    to: 'en_revision',
    item: { proposals: [{ version: 1, file: { id: 1 }, sentAt: SENT }] },
    code: 'MISSING_DATA',
    message: 'Sube la versión de la propuesta antes de enviarla a revisión.',
  },
  {
    name: 'latest proposal without file',
    workflow: 'design',
    from: 'en_diseno',
    to: 'en_revision',
    item: {
      proposals: [
        { version: 1, file: { id: 1 }, sentAt: SENT, decision: 'observaciones' },
        { version: 2, file: null, sentAt: null },
      ],
    },
    code: 'MISSING_DATA',
    message: /^Sube la versión/,
  },
  {
    name: 'observations without decision nor feedback',
    workflow: 'design',
    from: 'en_revision',
    to: 'con_observaciones',
    item: { proposals: [{ version: 1, file: { id: 1 }, sentAt: SENT, decision: null }] },
    code: 'MISSING_DATA',
    message: /^Falta información: el área debe marcar la última versión/,
    details: { fields: ['proposals.decision', 'proposals.feedback'] },
  },
  {
    name: 'observations without feedback',
    workflow: 'design',
    from: 'en_revision',
    to: 'con_observaciones',
    item: {
      proposals: [
        { version: 1, file: { id: 1 }, sentAt: SENT, decision: 'observaciones', feedback: ' ' },
      ],
    },
    code: 'MISSING_DATA',
    message: /escribir sus observaciones/,
    details: { fields: ['proposals.feedback'] },
  },
  {
    name: 'approval without the area approving the latest version',
    workflow: 'design',
    from: 'en_revision',
    to: 'aprobado',
    item: {
      proposals: [
        { version: 1, file: { id: 1 }, sentAt: SENT, decision: 'aprobada' },
        { version: 2, file: { id: 2 }, sentAt: SENT, decision: null },
      ],
    },
    code: 'NOT_APPROVED',
    message: 'El área no ha aprobado la última versión enviada de la propuesta (versión 2).',
    details: { version: 2, decision: null },
  },
  {
    name: 'approval without any sent version',
    workflow: 'design',
    from: 'en_revision',
    to: 'aprobado',
    item: { proposals: [{ version: 1, file: { id: 1 }, sentAt: null, decision: 'aprobada' }] },
    code: 'NOT_APPROVED',
    message: 'No hay ninguna versión de la propuesta enviada al área: no se puede aprobar.',
  },
  // coverage
  {
    name: 'coverage data missing',
    workflow: 'coverage-event',
    from: 'solicitada',
    to: 'programada',
    item: { place: null, deliverables: [] },
    code: 'MISSING_DATA',
    message: 'Falta información: lugar, entregables.',
    details: { fields: ['place', 'deliverables'] },
  },
  {
    name: 'end before start',
    workflow: 'coverage-event',
    from: 'solicitada',
    to: 'programada',
    item: { endsAt: mx('2026-11-30', '09:00').toISOString() },
    code: 'MISSING_DATA',
    message: 'La fecha y hora de término debe ser posterior a la de inicio.',
    details: { fields: ['endsAt'] },
  },
  {
    name: 'no crew',
    workflow: 'coverage-event',
    from: 'solicitada',
    to: 'programada',
    item: { crew: [] },
    code: 'MISSING_DATA',
    message: 'Asigna al menos una persona a la cobertura.',
    details: { fields: ['crew'] },
  },
  {
    name: 'late coverage not accepted',
    workflow: 'coverage-event',
    from: 'solicitada',
    to: 'programada',
    item: {
      startsAt: mx('2026-11-04', '10:00').toISOString(),
      endsAt: mx('2026-11-04', '12:00').toISOString(),
    },
    code: 'LATE_NOT_ACCEPTED',
    message: /anticipación requerida \(3 días hábiles\)/,
    details: { targetDate: '2026-11-04', earliestAllowedDate: '2026-11-05' },
  },
  {
    name: 'crew taken by an earlier request',
    workflow: 'coverage-event',
    from: 'solicitada',
    to: 'programada',
    facts: {
      crewOverlaps: [
        {
          documentId: 'c0',
          title: 'Sesión de cabildo',
          status: 'programada',
          startsAt: mx('2026-11-30', '11:00'),
          endsAt: mx('2026-11-30', '13:30'),
          receivedAt: mx('2026-10-30', '09:00'),
          sharedPeople: ['7'],
          peopleNames: { '7': 'Ana López' },
        },
      ],
    },
    code: 'CREW_CONFLICT',
    message:
      'Conflicto de personal: Ana López ya tiene asignada la cobertura «Sesión de cabildo» el lunes 30 ' +
      'de noviembre de 2026 de 11:00 a 13:30, recibida antes. La solicitud recibida primero ' +
      'conserva el horario.',
  },
  {
    name: 'delivered without the photos nor the bulletin',
    workflow: 'coverage-event',
    from: 'en_postproduccion',
    to: 'entregada',
    item: { material: [{ kind: 'fotos', file: [], link: '  ' }], bulletin: '' },
    code: 'MISSING_DATA',
    message:
      'Faltan las fotografías y el texto del boletín de prensa de la cobertura: el material va ' +
      'en «Material entregado», con su archivo o enlace y el boletín va en «Boletín de prensa».',
    details: { fields: ['material', 'bulletin'], deliverables: ['fotos', 'boletin_prensa'] },
  },
  {
    name: 'delivered without the video',
    workflow: 'coverage-event',
    from: 'en_postproduccion',
    to: 'entregada',
    item: { deliverables: ['fotos', 'video', 'transmision_en_vivo'] },
    code: 'MISSING_DATA',
    message:
      'Falta el video de la cobertura: el material va en «Material entregado», con su archivo o ' +
      'enlace.',
    details: { fields: ['material'], deliverables: ['video'] },
  },
  {
    name: 'published without saying where',
    workflow: 'coverage-event',
    from: 'en_postproduccion',
    to: 'publicada',
    item: { publications: [{ where: 'facebook', url: '' }] },
    code: 'MISSING_DATA',
    message:
      'Falta dónde se publicó: agrega en «Publicado en» al menos una publicación con su enlace.',
    details: { fields: ['publications'] },
  },
  {
    name: 'published without the requested bulletin',
    workflow: 'coverage-event',
    from: 'en_postproduccion',
    to: 'publicada',
    item: { bulletin: null },
    code: 'MISSING_DATA',
    message: 'Falta el texto del boletín de prensa, en «Boletín de prensa».',
    details: { fields: ['bulletin'] },
  },
  // web publication: the designer's part
  {
    name: 'sent to design without saying what to do',
    workflow: 'web-publication',
    from: 'en_analisis',
    to: 'en_diseno',
    item: { designRequest: null },
    comment: null,
    code: 'MISSING_DATA',
    message: /indica al diseñador qué debe hacer/,
    details: { fields: ['designRequest'] },
  },
  {
    name: 'returned by the designer without the worked file',
    workflow: 'web-publication',
    from: 'en_diseno',
    to: 'en_analisis',
    item: { designedFiles: [] },
    roles: ['disenador_senior'],
    code: 'MISSING_DATA',
    message: /Falta el archivo trabajado/,
    details: { fields: ['designedFiles'] },
  },
  // social post
  {
    name: 'post without text',
    workflow: 'social-post',
    from: 'borrador',
    to: 'programada',
    item: { text: '', scheduledAt: null },
    code: 'MISSING_DATA',
    message: 'Falta información: texto de la publicación, fecha y hora programada.',
    details: { fields: ['text', 'scheduledAt'] },
  },
  {
    name: 'scheduled inside a blackout',
    workflow: 'social-post',
    from: 'borrador',
    to: 'programada',
    item: { scheduledAt: mx('2027-05-20', '09:00').toISOString() },
    settings: BLACKOUT_SETTINGS,
    code: 'BLACKOUT',
    message:
      /^Veda electoral del domingo 4 de abril de 2027 al domingo 6 de junio de 2027 \(Proceso electoral local 2027\): no se puede programar propaganda el jueves 20 de mayo de 2027\. Solo se permite con una excepción: salud, educación/,
    details: {
      date: '2027-05-20',
      period: { start: '2027-04-04', end: '2027-06-06', note: 'Proceso electoral local 2027' },
    },
  },
  {
    name: 'promoted design not approved',
    workflow: 'social-post',
    from: 'programada',
    to: 'publicada',
    facts: { linkedDesign: { status: 'en_revision', title: 'Cartel Feria del Elote' } },
    code: 'NOT_APPROVED',
    message:
      'La publicación promueve el diseño «Cartel Feria del Elote» que aún no está aprobado por ' +
      'el área (estado: «En revisión»). Publícala cuando el diseño esté aprobado.',
    details: { design: { title: 'Cartel Feria del Elote', status: 'en_revision' } },
  },
  {
    name: 'published inside a blackout',
    workflow: 'social-post',
    from: 'programada',
    to: 'publicada',
    facts: { now: IN_VEDA },
    settings: BLACKOUT_SETTINGS,
    code: 'BLACKOUT',
    message: /no se puede publicar propaganda el lunes 10 de mayo de 2027/,
  },
  {
    name: 'post naming a public servant published by the community manager',
    workflow: 'social-post',
    from: 'programada',
    to: 'publicada',
    item: { mentionsPublicServant: true },
    roles: ['community_manager'],
    code: 'PUBLIC_SERVANT_MENTION',
    message:
      'El contenido nombra o muestra a una persona servidora pública (art. 134 constitucional): ' +
      'debe revisarlo y publicarlo Coordinador(a) de Comunicación Social o Director(a).',
  },
  // web publication
  {
    name: 'web request incomplete',
    workflow: 'web-publication',
    from: 'recibida',
    to: 'en_analisis',
    item: { section: null, body: '', attachments: [] },
    code: 'MISSING_DATA',
    message: 'Falta información: sección del sitio, texto o archivos.',
    details: { fields: ['section', 'body'] },
  },
  {
    name: 'late web publication',
    workflow: 'web-publication',
    from: 'recibida',
    to: 'en_analisis',
    item: { wantedDate: '2026-11-03' },
    code: 'LATE_NOT_ACCEPTED',
    message: /fecha solicitada es el martes 3 de noviembre de 2026/,
  },
  {
    name: 'content reviews pending',
    workflow: 'web-publication',
    from: 'en_analisis',
    to: 'lista',
    item: { spellingChecked: false, plainLanguageChecked: null },
    code: 'MISSING_DATA',
    message: 'Falta confirmar las revisiones: revisión ortográfica, lenguaje claro.',
    details: { fields: ['spellingChecked', 'plainLanguageChecked'] },
  },
  {
    name: 'news published inside a blackout',
    workflow: 'web-publication',
    from: 'lista',
    to: 'publicada',
    facts: { now: IN_VEDA },
    settings: BLACKOUT_SETTINGS,
    code: 'BLACKOUT',
    message: /no se puede publicar noticias en el sitio el lunes 10 de mayo de 2027/,
  },
  {
    name: 'web content naming a public servant published by the auxiliary',
    workflow: 'web-publication',
    from: 'lista',
    to: 'publicada',
    item: { mentionsPublicServant: true },
    roles: ['auxiliar_gobierno_digital'],
    code: 'PUBLIC_SERVANT_MENTION',
    message:
      /art\. 134 constitucional\): debe revisarlo y publicarlo Coordinador\(a\) de Gobierno Digital, Coordinador\(a\) de Comunicación Social o Director\(a\)\.$/,
  },
  {
    name: 'verification without evidence',
    workflow: 'web-publication',
    from: 'publicada',
    to: 'verificada',
    item: { verificationEvidence: null },
    code: 'MISSING_DATA',
    message: 'Falta información: evidencia de verificación.',
  },
  {
    name: 'answer without the response oficio',
    workflow: 'web-publication',
    from: 'verificada',
    to: 'respondida',
    item: { responseDocument: null },
    code: 'MISSING_DATA',
    message: 'Falta información: oficio de respuesta.',
  },
  {
    name: 'withdrawal without reason',
    workflow: 'web-publication',
    from: 'publicada',
    to: 'retirada',
    item: { withdrawalReason: null },
    comment: null,
    code: 'MISSING_DATA',
    message: 'Falta información: motivo del retiro del sitio.',
    details: { fields: ['withdrawalReason'] },
  },
  {
    name: 'withdrawal with a placeholder reason',
    workflow: 'web-publication',
    from: 'verificada',
    to: 'retirada',
    item: { withdrawalReason: null },
    comment: ' error ',
    code: 'MISSING_DATA',
    message: 'Motivo del retiro: escribe al menos 10 caracteres.',
    details: { fields: ['withdrawalReason'] },
  },
  // transparency document
  {
    name: 'transparency metadata missing',
    workflow: 'transparency-document',
    from: 'recibida',
    to: 'en_analisis',
    item: { law: null, fraccion: '', file: null, body: null },
    code: 'MISSING_DATA',
    message: 'Falta información: ley, fracción, archivo o texto.',
    details: { fields: ['law', 'fraccion', 'file'] },
  },
  {
    name: 'late transparency document',
    workflow: 'transparency-document',
    from: 'recibida',
    to: 'en_analisis',
    item: { wantedDate: '2026-11-02' },
    code: 'LATE_NOT_ACCEPTED',
    message: /anticipación requerida/,
  },
  {
    name: 'personal data not reviewed',
    workflow: 'transparency-document',
    from: 'en_analisis',
    to: 'lista',
    item: { personalDataChecked: false, spellingChecked: false },
    code: 'MISSING_DATA',
    message: 'Falta confirmar la revisión: revisión de datos personales.',
    details: { fields: ['personalDataChecked'] },
  },
  {
    name: 'transparency verification without evidence',
    workflow: 'transparency-document',
    from: 'publicada',
    to: 'verificada',
    item: { verificationEvidence: null },
    code: 'MISSING_DATA',
    message: 'Falta información: evidencia de verificación.',
  },
  {
    name: 'transparency answer without response',
    workflow: 'transparency-document',
    from: 'verificada',
    to: 'respondida',
    item: { responseDocument: null },
    code: 'MISSING_DATA',
    message: 'Falta información: oficio de respuesta.',
  },
  {
    name: 'transparency withdrawal without reason',
    workflow: 'transparency-document',
    from: 'respondida',
    to: 'retirada',
    item: { withdrawalReason: '' },
    comment: '  ',
    code: 'MISSING_DATA',
    message: 'Falta información: motivo del retiro del sitio.',
  },
  // e-mail account
  {
    name: 'authorization not recorded',
    workflow: 'email-account-request',
    from: 'solicitada',
    to: 'autorizada',
    item: { authorizationReference: null, authorizationDate: null },
    roles: ['secretaria_tecnica'],
    code: 'MISSING_DATA',
    message:
      'Falta información: número de oficio de autorización de la Secretaría Técnica, fecha de ' +
      'autorización de la Secretaría Técnica.',
    details: { fields: ['authorizationReference', 'authorizationDate'] },
  },
  {
    name: 'account created without authorization',
    workflow: 'email-account-request',
    from: 'autorizada',
    to: 'creada',
    item: { authorizationDate: null },
    code: 'NOT_AUTHORIZED',
    message:
      'La cuenta no puede crearse sin la autorización de la Secretaría Técnica: registra su ' +
      'número de oficio y su fecha.',
  },
  {
    name: 'new account without address',
    workflow: 'email-account-request',
    from: 'autorizada',
    to: 'creada',
    item: { emailAddress: null },
    code: 'MISSING_DATA',
    message: 'Falta información: dirección de correo.',
    details: { fields: ['emailAddress'] },
  },
  {
    name: 'delivery without the document of its oficio',
    workflow: 'email-account-request',
    from: 'creada',
    to: 'entregada',
    item: { delivery: { number: 'DCSGD/0100/2026', date: '2026-11-05', document: null } },
    code: 'MISSING_DATA',
    message:
      'Falta información: la cuenta se entrega con un oficio. Registra en «Oficio de entrega» el ' +
      'documento firmado (escaneado, con acuse). La contraseña no se captura: va en papel, con el ' +
      'oficio.',
    details: { fields: ['delivery.document'] },
  },
  {
    name: 'support attended without saying what was done',
    workflow: 'email-account-request',
    from: 'solicitada',
    to: 'atendida',
    item: { kind: 'soporte', supportActions: '  ' },
    code: 'MISSING_DATA',
    message: 'Falta información: qué se hizo para atender el soporte.',
    details: { fields: ['supportActions'] },
  },
  {
    name: 'account removed without authorization',
    workflow: 'email-account-request',
    from: 'autorizada',
    to: 'dada_de_baja',
    item: { kind: 'baja', authorizationReference: null },
    code: 'NOT_AUTHORIZED',
    message:
      'La baja no se realiza sin la autorización de la Secretaría Técnica: registra su número ' +
      'de oficio y su fecha.',
  },
  {
    name: 'account removed without saying which and what was done',
    workflow: 'email-account-request',
    from: 'autorizada',
    to: 'dada_de_baja',
    item: { kind: 'baja', emailAddress: null, removalActions: null },
    code: 'MISSING_DATA',
    message: 'Falta información: dirección de correo, qué se hizo para dar de baja la cuenta.',
    details: { fields: ['emailAddress', 'removalActions'] },
  },
  {
    name: 'new account verified without its installation',
    workflow: 'email-account-request',
    from: 'entregada',
    to: 'verificada',
    item: { installedBy: '' },
    code: 'MISSING_DATA',
    message:
      'Falta registrar la instalación de la cuenta en el equipo del área: cuándo y quién la ' +
      'instaló.',
    details: { fields: ['installedBy'] },
  },
  {
    name: 'verified without evidence',
    workflow: 'email-account-request',
    from: 'atendida',
    to: 'verificada',
    item: { kind: 'soporte', verificationNote: null, verificationFile: null },
    code: 'MISSING_DATA',
    message: /^Falta la evidencia de la verificación/,
    details: { fields: ['verificationNote'] },
  },
  // advisory
  {
    name: 'follow-up without topic',
    workflow: 'advisory',
    from: 'abierta',
    to: 'en_seguimiento',
    item: { topic: null },
    code: 'MISSING_DATA',
    message: 'Falta información: tema.',
  },
  {
    name: 'conclusion without any follow-up',
    workflow: 'advisory',
    from: 'en_seguimiento',
    to: 'concluida',
    item: { followUps: [] },
    code: 'MISSING_DATA',
    message:
      'Para concluir la asesoría registra al menos un seguimiento: fecha, quién lo dio y qué se ' +
      'hizo.',
    details: { fields: ['followUps'] },
  },
];

function run(c: GuardCase) {
  return planTransition({
    workflow: c.workflow,
    from: c.from,
    to: c.to,
    actor: actor(...(c.roles ?? ['director'])),
    item: { ...happyItem(c.workflow, c.from, c.to), ...(c.item ?? {}) },
    facts: { ...baseFacts(c.workflow), ...(c.facts ?? {}) },
    comment: c.comment === undefined ? commentFor(c.workflow, c.from, c.to) : c.comment,
    calendar,
    settings: c.settings ?? SETTINGS,
  });
}

describe('each guard refuses with its code and a Spanish message', () => {
  it.each(CASES)('$workflow $from -> $to: $name ($code)', (c) => {
    const failure = expectFailure(run(c));
    expect(failure.code).toBe(c.code);
    expect(failure.status).toBe(400);
    if (typeof c.message === 'string') expect(failure.message).toBe(c.message);
    else expect(failure.message).toMatch(c.message);
    if (c.details) expect(failure.details).toMatchObject(c.details);
    if (failure.code === 'MISSING_DATA') {
      expect(Array.isArray(failure.details.fields)).toBe(true);
    }
  });

  it('the same cases pass once the missing piece is restored (control)', () => {
    for (const c of CASES) {
      const restored = planTransition({
        workflow: c.workflow,
        from: c.from,
        to: c.to,
        actor: actor('director'),
        item: happyItem(c.workflow, c.from, c.to),
        facts: baseFacts(c.workflow),
        comment: commentFor(c.workflow, c.from, c.to),
        calendar,
        settings: SETTINGS,
      });
      expectSuccess(restored);
    }
  });

  it('every guard of every definition is exercised by a case above', () => {
    const missing: string[] = [];
    for (const workflow of WORKFLOW_KEYS) {
      for (const transition of WORKFLOWS[workflow].transitions) {
        for (const guard of transition.guards ?? []) {
          const covered = CASES.some(
            (c) => c.workflow === workflow && c.to === transition.to && c.code === guard.code
          );
          if (!covered) missing.push(`${workflow} -> ${transition.to}: ${guard.code}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('edges that exist only for some items', () => {
  it('digital art is not printed', () => {
    const failure = expectFailure(
      planTransition({
        workflow: 'design',
        from: 'aprobado',
        to: 'en_imprenta',
        actor: actor('disenador_senior'),
        item: { ...happyItem('design', 'aprobado', 'en_imprenta'), medium: 'digital' },
        facts: baseFacts('design'),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(failure.code).toBe('INVALID_TRANSITION');
    expect(failure.message).toBe(
      'El arte digital no se imprime: al aprobarse pasa a «Publicado». Desde «Aprobado» solo se ' +
        'puede pasar a «Publicado» o «Cancelado».'
    );
    expect(failure.details).toEqual({
      from: 'aprobado',
      to: 'en_imprenta',
      allowed: ['publicado', 'cancelado'],
    });
  });

  it('print material is not published on social media', () => {
    const failure = expectFailure(
      planTransition({
        workflow: 'design',
        from: 'aprobado',
        to: 'publicado',
        actor: actor('community_manager'),
        item: happyItem('design', 'aprobado', 'en_imprenta'),
        facts: baseFacts('design'),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(failure.code).toBe('INVALID_TRANSITION');
    expect(failure.message).toMatch(/^El material impreso no se publica en redes/);
    expect(failure.details.allowed).toEqual(['en_imprenta', 'cancelado']);
  });

  it('each kind of e-mail request has its own way: support skips the authorization', () => {
    const attempt = (kind: string, from: string, to: string, role: Role) =>
      planTransition({
        workflow: 'email-account-request',
        from,
        to,
        actor: actor(role),
        item: { ...happyItem('email-account-request', from, to), kind },
        facts: baseFacts('email-account-request'),
        comment: null,
        calendar,
        settings: SETTINGS,
      });
    const noAuthorization = expectFailure(
      attempt('soporte', 'solicitada', 'autorizada', 'secretaria_tecnica')
    );
    expect(noAuthorization.code).toBe('INVALID_TRANSITION');
    expect(noAuthorization.message).toMatch(
      /^Este paso no corresponde a una solicitud de soporte: el soporte no necesita la autorización/
    );
    expect(noAuthorization.details.allowed).toEqual(['atendida', 'rechazada']);
    const altaAttended = expectFailure(
      attempt('alta', 'solicitada', 'atendida', 'auxiliar_gobierno_digital')
    );
    expect(altaAttended.code).toBe('INVALID_TRANSITION');
    expect(altaAttended.message).toMatch(/necesita antes la autorización de la Secretaría/);
    expect(
      expectFailure(attempt('baja', 'autorizada', 'creada', 'auxiliar_gobierno_digital')).code
    ).toBe('INVALID_TRANSITION');
    expect(
      expectFailure(attempt('alta', 'autorizada', 'dada_de_baja', 'auxiliar_gobierno_digital')).code
    ).toBe('INVALID_TRANSITION');
    // Support attended: stamped with when and by whom.
    const attended = expectSuccess(
      attempt('soporte', 'solicitada', 'atendida', 'auxiliar_gobierno_digital')
    );
    expect(attended.changes).toMatchObject({
      attendedAt: baseFacts('email-account-request').now.toISOString(),
      attendedBy: 'Ana Pérez',
    });
    // A baja or a support request is verified without an installation.
    expectSuccess(
      planTransition({
        workflow: 'email-account-request',
        from: 'dada_de_baja',
        to: 'verificada',
        actor: actor('auxiliar_gobierno_digital'),
        item: {
          ...happyItem('email-account-request', 'dada_de_baja', 'verificada'),
          kind: 'baja',
          installedAt: null,
          installedBy: null,
        },
        facts: baseFacts('email-account-request'),
        calendar,
        settings: SETTINGS,
      })
    );
  });
});
