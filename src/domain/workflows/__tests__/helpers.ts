import { BusinessCalendar, lftHolidays } from '../../calendar';
import {
  resolveRoles,
  type Actor,
  type Facts,
  type Failure,
  type Item,
  type Role,
  type Success,
  type WorkflowKey,
  type WorkflowSettings,
} from '..';
import { WORKFLOWS } from '../definitions';

/** Mexico City local wall time (UTC-6 since 2022) as an explicit UTC instant. */
export function mx(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh + 6, mm));
}

export const calendar = new BusinessCalendar([...lftHolidays(2026), ...lftHolidays(2027)]);

export const SETTINGS: WorkflowSettings = {
  digitalArtLeadBusinessDays: 3,
  coverageLeadBusinessDays: 3,
  webPublicationLeadBusinessDays: 3,
  transparencyLeadBusinessDays: 3,
  promotionLeadCalendarDays: 8,
  printDeliveryBusinessDays: 5,
  blackoutPeriods: [],
};

export const VEDA = {
  start: '2027-04-04',
  end: '2027-06-06',
  note: 'Proceso electoral local 2027',
};

export const BLACKOUT_SETTINGS: WorkflowSettings = { ...SETTINGS, blackoutPeriods: [VEDA] };

export function actor(...roles: Role[]): Actor {
  return { kind: roles.includes('system') ? 'system' : 'admin', roles, id: 1, name: 'Ana Pérez' };
}

/** Monday 2 November 2026, 10:00: the reception of the fixtures' oficio. */
export const RECEIVED = mx('2026-11-02', '10:00');
/** Tuesday 10 November 2026, 11:00: "now" in the fixtures. */
export const NOW = mx('2026-11-10', '11:00');

export const OFICIO_FACTS = {
  status: 'en_atencion',
  receivedAt: RECEIVED,
  lateAccepted: false,
  areaKind: 'dependencia' as const,
  addressedTo: 'presidencia',
  copiedTo: ['direccion'],
};

const FILE = { id: 11, name: 'propuesta-v1.pdf' };
const SENT = mx('2026-11-06', '12:00').toISOString();

/** Items that satisfy every guard of the "happy path". */
export const BASE_ITEMS: Record<WorkflowKey, Item> = {
  oficio: {
    documentId: 'of1',
    subject: 'Difusión de la feria',
    receivedAt: RECEIVED.toISOString(),
    responseFolio: 'DCSGD/0001/2026',
    responseDate: '2026-11-20',
  },
  design: {
    documentId: 'd1',
    medium: 'impreso',
    eventName: 'Feria del Elote',
    eventDate: '2026-11-30',
    eventTime: '10:00',
    place: 'Jardín principal',
    specification: 'Cartel 60x90, colores institucionales',
    responsiblePerson: 'Luis Gómez',
    logos: [
      { logo: 'logo-ayuntamiento', name: 'Ayuntamiento de Calimaya', active: true },
      { logo: 'logo-smdif', name: 'SMDIF Calimaya', active: true },
    ],
    delivery: { number: 'DCSGD/0150/2026', date: '2026-11-27', document: null },
    proposals: [{ version: 1, file: FILE, sentAt: null, decision: null, feedback: null }],
  },
  'coverage-event': {
    documentId: 'c1',
    eventName: 'Informe de actividades',
    startsAt: mx('2026-11-30', '10:00').toISOString(),
    endsAt: mx('2026-11-30', '12:00').toISOString(),
    place: 'Auditorio municipal',
    deliverables: ['fotos', 'boletin_prensa'],
    crew: ['7', '8'],
    bulletin: 'El presidente municipal rindió su informe de actividades.',
    material: [{ kind: 'fotos', file: [41], link: null }],
    publications: [{ where: 'facebook', url: 'https://facebook.com/calimaya/posts/1' }],
  },
  'social-post': {
    documentId: 's1',
    text: 'Acompáñanos a la Feria del Elote',
    scheduledAt: mx('2026-11-28', '09:00').toISOString(),
    eventDate: '2026-11-30',
    mentionsPublicServant: false,
    blackoutException: null,
  },
  'web-publication': {
    documentId: 'w1',
    section: 'Noticias',
    body: 'Texto de la noticia',
    attachments: [],
    wantedDate: '2026-11-30',
    isNews: true,
    spellingChecked: true,
    plainLanguageChecked: true,
    personalDataChecked: true,
    mentionsPublicServant: false,
    verificationEvidence: { url: 'https://calimaya.gob.mx/noticias/feria', status: 200 },
    responseDocument: { id: 21 },
    withdrawalReason: 'Lo solicitó el área',
    designRequest: 'Recortar la imagen a 1200×630 px.',
    designedFiles: [22],
  },
  'transparency-document': {
    documentId: 't1',
    law: 'Ley de Transparencia y Acceso a la Información Pública del Estado de México y Municipios',
    article: '92',
    fraccion: 'XIV',
    ejercicio: 2026,
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    responsibleArea: 'Tesorería',
    file: { id: 31 },
    wantedDate: '2026-11-30',
    personalDataChecked: true,
    verificationEvidence: { url: 'https://calimaya.gob.mx/transparencia/92-xiv' },
    responseDocument: { id: 32 },
    withdrawalReason: 'Sustituido por versión corregida',
  },
  'email-account-request': {
    documentId: 'e1',
    kind: 'alta',
    personName: 'María López',
    requestedAddress: 'mlopez',
    authorizationReference: 'ST/045/2026',
    authorizationDate: '2026-11-03',
    emailAddress: 'mlopez@calimaya.gob.mx',
    supportActions: 'Se restableció el acceso y se liberó espacio en el buzón.',
    removalActions: 'Se eliminó la cuenta y se respaldó su buzón.',
    delivery: {
      number: 'DCSGD/0100/2026',
      date: '2026-11-05',
      document: 41,
      receivedBy: 'María López',
    },
    installedAt: mx('2026-11-05', '12:00').toISOString(),
    installedBy: 'Auxiliar de Gobierno Digital',
    verificationNote: 'El área envió y recibió un mensaje de prueba.',
  },
  advisory: {
    documentId: 'a1',
    channel: 'oficio',
    topic: 'Lineamientos de imagen institucional',
    notes: 'Se entregó el manual de identidad.',
    organism: { id: 27, kind: 'organismo_auxiliar', name: 'SMDIF' },
    followUps: [
      {
        date: '2026-11-04',
        by: 'Coordinación de Atención a Organismos Auxiliares',
        notes: 'Se entregó el manual de identidad.',
        nextDate: '2026-11-18',
      },
    ],
  },
};

// Per-target overrides so that the guards of that edge are satisfied.
const HAPPY_OVERRIDES: Partial<Record<WorkflowKey, Record<string, Record<string, unknown>>>> = {
  design: {
    con_observaciones: {
      proposals: [
        { version: 1, file: FILE, sentAt: SENT, decision: 'observaciones', feedback: 'Más grande' },
      ],
    },
    aprobado: {
      proposals: [{ version: 1, file: FILE, sentAt: SENT, decision: 'aprobada', feedback: null }],
    },
    publicado: { medium: 'digital' },
  },
  // Support is attended without authorization; only a baja removes an account.
  'email-account-request': { atendida: { kind: 'soporte' }, dada_de_baja: { kind: 'baja' } },
};

export function baseFacts(workflow: WorkflowKey): Facts {
  if (workflow === 'oficio') {
    return { now: NOW, oficio: null, items: [{ workflow: 'design', status: 'entregado' }] };
  }
  return {
    now: NOW,
    oficio: { ...OFICIO_FACTS },
    linkedDesign: null,
    crewOverlaps: [],
  };
}

export function happyItem(workflow: WorkflowKey, from: string, to: string): Item {
  return {
    ...BASE_ITEMS[workflow],
    ...(HAPPY_OVERRIDES[workflow]?.[to] ?? {}),
    status: from,
  };
}

/** Every edge of a workflow, one per source state. */
export function edges(workflow: WorkflowKey): { from: string; to: string }[] {
  return WORKFLOWS[workflow].transitions.flatMap((t) => t.from.map((from) => ({ from, to: t.to })));
}

export function allowedRoles(
  workflow: WorkflowKey,
  from: string,
  to: string,
  facts: Facts
): Role[] {
  const transition = WORKFLOWS[workflow].transitions.find(
    (t) => t.from.includes(from) && t.to === to
  );
  if (!transition) throw new Error(`no edge ${workflow} ${from} -> ${to}`);
  return resolveRoles(transition.roles, facts);
}

export function commentFor(workflow: WorkflowKey, from: string, to: string): string | null {
  const transition = WORKFLOWS[workflow].transitions.find(
    (t) => t.from.includes(from) && t.to === to
  );
  return transition?.comment ? 'Motivo registrado por la coordinación' : null;
}

export function expectFailure(result: Success | Failure): Failure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result;
}

export function expectSuccess(result: Success | Failure): Success {
  if (!result.ok) throw new Error(`expected a success, got ${result.code}: ${result.message}`);
  return result;
}
