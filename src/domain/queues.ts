import { WORKFLOWS, type Role, type WorkflowKey } from './workflows';

/** Keys of the office's work queues (bandejas), one per kind of work. */
export type QueueKey =
  | 'recepcion'
  | 'diseno_senior'
  | 'diseno_junior'
  | 'revision_area'
  | 'imprenta'
  | 'redes_sociales'
  | 'cobertura'
  | 'gobierno_digital'
  | 'correos'
  | 'organismos'
  | 'cobertura_organismos';

/**
 * Which rows of one workflow belong to a queue: the states, and optionally the design's medium
 * or the kind of the requesting area (designs for organismos auxiliares go to the junior designer).
 */
export interface QueueSource {
  workflow: WorkflowKey;
  states: readonly string[];
  medium?: 'impreso' | 'digital';
  areaKind?: 'organismo_auxiliar' | 'not_organismo_auxiliar';
}

/** A work queue: what it holds and which staff roles see it (the Director sees every queue). */
export interface QueueDefinition {
  key: QueueKey;
  /** Spanish name shown to staff. */
  label: string;
  description: string;
  sources: readonly QueueSource[];
  roles: readonly Role[];
}

const DESIGN_WORK = ['pendiente', 'en_diseno', 'con_observaciones'] as const;
// While the designer works on its image (`en_diseno`) a web publication is in the designer's queue.
const PUBLICATION_OPEN = ['recibida', 'en_analisis', 'lista', 'publicada', 'verificada'];

const COVERAGE_OPEN = ['solicitada', 'programada', 'cubierta', 'en_postproduccion'];

/** The queues of the Dirección, in the order work flows through the office. */
export const QUEUES: readonly QueueDefinition[] = Object.freeze([
  {
    key: 'recepcion',
    label: 'Recepción',
    description: 'Oficios recibidos, con información incompleta o extemporáneos por aceptar.',
    sources: [{ workflow: 'oficio', states: ['recibido', 'informacion_incompleta'] }],
    roles: ['coordinador_comunicacion', 'coordinador_gobierno_digital', 'coordinador_organismos'],
  },
  {
    key: 'diseno_senior',
    label: 'Diseño senior',
    description:
      'Diseños de las dependencias y Presidencia por hacer o corregir, e imágenes de sus publicaciones web.',
    sources: [
      { workflow: 'design', states: DESIGN_WORK, areaKind: 'not_organismo_auxiliar' },
      { workflow: 'web-publication', states: ['en_diseno'], areaKind: 'not_organismo_auxiliar' },
    ],
    roles: ['disenador_senior', 'coordinador_comunicacion'],
  },
  {
    key: 'diseno_junior',
    label: 'Diseño junior',
    description:
      'Diseños de los organismos auxiliares por hacer o corregir, e imágenes de sus publicaciones web.',
    sources: [
      { workflow: 'design', states: DESIGN_WORK, areaKind: 'organismo_auxiliar' },
      { workflow: 'web-publication', states: ['en_diseno'], areaKind: 'organismo_auxiliar' },
    ],
    roles: ['disenador_junior', 'coordinador_comunicacion', 'coordinador_organismos'],
  },
  {
    key: 'revision_area',
    label: 'Revisión del área',
    description: 'Propuestas enviadas que esperan la aprobación u observaciones del área.',
    sources: [{ workflow: 'design', states: ['en_revision'] }],
    roles: ['disenador_senior', 'disenador_junior', 'coordinador_comunicacion'],
  },
  {
    key: 'imprenta',
    label: 'Imprenta',
    description: 'Material impreso aprobado, en imprenta o por entregar.',
    sources: [{ workflow: 'design', states: ['aprobado', 'en_imprenta'], medium: 'impreso' }],
    roles: ['disenador_senior', 'disenador_junior', 'coordinador_comunicacion'],
  },
  {
    key: 'redes_sociales',
    label: 'Redes sociales',
    description: 'Publicaciones por programar o publicar y arte digital aprobado.',
    sources: [
      { workflow: 'social-post', states: ['borrador', 'programada'] },
      { workflow: 'design', states: ['aprobado'], medium: 'digital' },
    ],
    roles: ['community_manager', 'creador_contenido', 'coordinador_comunicacion'],
  },
  {
    key: 'cobertura',
    label: 'Cobertura',
    description: 'Eventos por programar, cubrir, editar y entregar.',
    sources: [
      {
        workflow: 'coverage-event',
        states: COVERAGE_OPEN,
        areaKind: 'not_organismo_auxiliar',
      },
    ],
    roles: ['fotografo', 'creador_contenido', 'community_manager', 'coordinador_comunicacion'],
  },
  {
    key: 'gobierno_digital',
    label: 'Gobierno Digital',
    description: 'Publicaciones en el sitio y documentos de transparencia.',
    sources: [
      { workflow: 'web-publication', states: PUBLICATION_OPEN },
      { workflow: 'transparency-document', states: PUBLICATION_OPEN },
    ],
    roles: ['coordinador_gobierno_digital', 'auxiliar_gobierno_digital'],
  },
  {
    key: 'correos',
    label: 'Correos institucionales',
    description: 'Altas, soporte y bajas de cuentas de correo institucional.',
    sources: [
      {
        workflow: 'email-account-request',
        states: ['solicitada', 'autorizada', 'creada', 'atendida', 'dada_de_baja', 'entregada'],
      },
    ],
    roles: ['coordinador_gobierno_digital', 'auxiliar_gobierno_digital'],
  },
  {
    key: 'organismos',
    label: 'Organismos auxiliares',
    description: 'Asesorías a SMDIF, OPDAPAS e IMCUFIDEC abiertas o en seguimiento.',
    sources: [{ workflow: 'advisory', states: ['abierta', 'en_seguimiento'] }],
    roles: ['coordinador_organismos', 'community_manager', 'disenador_junior'],
  },
  {
    key: 'cobertura_organismos',
    label: 'Cobertura de organismos auxiliares',
    description:
      'Eventos de SMDIF, OPDAPAS e IMCUFIDEC por programar, cubrir, editar y entregar (manual 3.2).',
    sources: [
      { workflow: 'coverage-event', states: COVERAGE_OPEN, areaKind: 'organismo_auxiliar' },
    ],
    roles: [
      'fotografo',
      'creador_contenido',
      'community_manager',
      'coordinador_comunicacion',
      'coordinador_organismos',
    ],
  },
] satisfies QueueDefinition[]);

/** The queue with that key, or null. */
export function queueByKey(key: string): QueueDefinition | null {
  return QUEUES.find((queue) => queue.key === key) ?? null;
}

/** Queues a staff member with these roles works on; the Director sees them all. */
export function queuesForRoles(roles: readonly Role[]): QueueDefinition[] {
  if (roles.includes('director')) return [...QUEUES];
  return QUEUES.filter((queue) => queue.roles.some((role) => roles.includes(role)));
}

/** The states a queue holds, per workflow, in the order of its sources. */
export function queueStates(queue: QueueDefinition): { workflow: WorkflowKey; state: string }[] {
  return queue.sources.flatMap((source) =>
    source.states.map((state) => ({ workflow: source.workflow, state }))
  );
}

/** What the badges of a queue row are computed from. */
export interface BadgeFacts {
  /** Business due date, YYYY-MM-DD. */
  dueAt: string | null;
  /** Today in Mexico City, YYYY-MM-DD. */
  today: string;
  isLate: boolean;
  lateAccepted: boolean;
  /** The item's state is one where it waits on the requesting area. */
  waiting: boolean;
}

/** Badges of an open item in a queue: vencido, vence hoy, extemporáneo, por aceptar, en pausa. */
export function queueBadges(facts: BadgeFacts) {
  return {
    overdue: facts.dueAt !== null && facts.dueAt < facts.today,
    dueToday: facts.dueAt === facts.today,
    late: facts.isLate,
    awaitingLateAcceptance: facts.isLate && !facts.lateAccepted,
    paused: facts.waiting,
  };
}

const CANCELLATIONS = new Set(['cancelado', 'cancelada', 'rechazada']);

/** Closed states of a workflow in which the work was delivered (not cancelled or rejected). */
export function deliveredStates(workflow: WorkflowKey): string[] {
  return WORKFLOWS[workflow].closed.filter((state) => !CANCELLATIONS.has(state));
}

/**
 * Whether some item could sit in two of these queues at once (same workflow, a shared state and
 * compatible medium and area kind). When none can, totals over the queues are plain sums.
 */
export function queuesOverlap(queues: readonly QueueDefinition[]): boolean {
  const sources = queues.flatMap((queue) => queue.sources);
  return sources.some((a, i) =>
    sources
      .slice(i + 1)
      .some(
        (b) =>
          a.workflow === b.workflow &&
          a.states.some((state) => b.states.includes(state)) &&
          (!a.medium || !b.medium || a.medium === b.medium) &&
          (!a.areaKind || !b.areaKind || a.areaKind === b.areaKind)
      )
  );
}

/** What decides whether an item sits in a queue source, as the queue counters keep it. */
export interface CountedFacts {
  workflow: WorkflowKey;
  status: string;
  /** The design's medium, '' for none. */
  medium: string;
  /** Kind of the requesting area, '' when the item has none. */
  areaKind: string;
}

/** Whether an item with these facts belongs to `source` (the queue UNION's own conditions). */
export function sourceHolds(source: QueueSource, facts: CountedFacts): boolean {
  if (source.workflow !== facts.workflow || !source.states.includes(facts.status)) return false;
  if (source.medium && source.medium !== facts.medium) return false;
  if (source.areaKind === 'organismo_auxiliar') return facts.areaKind === 'organismo_auxiliar';
  if (source.areaKind === 'not_organismo_auxiliar') return facts.areaKind !== 'organismo_auxiliar';
  return true;
}
