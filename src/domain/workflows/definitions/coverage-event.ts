import { mexicoCityParts } from '../../calendar';
import { fail, lateAcceptance, missingData, requireFields } from '../guards';
import { WORKFLOW_LABELS, WORKFLOW_UIDS } from '../labels';
import type {
  CrewOverlap,
  Effect,
  Failure,
  Guard,
  RoleRef,
  RuleContext,
  SideEffect,
  WorkflowDefinition,
} from '../types';
import {
  formatDate,
  formatTime,
  idsOf,
  instantOf,
  joinList,
  localDateOf,
  quote,
  textOf,
} from '../values';
import { businessDue, CANCEL_COMMENT, stamp } from './common';

const CREW: readonly RoleRef[] = [
  'fotografo',
  'creador_contenido',
  'community_manager',
  'coordinador_comunicacion',
];

// Events that do not hold their crew's time: not yet scheduled, or cancelled.
const NOT_HOLDING_SLOT = ['solicitada', 'cancelada'];

/** What the crew rule looks at: the event as it will be, its overlaps and its reception. */
export type CrewContext = Pick<RuleContext, 'item' | 'facts' | 'received'>;

interface Contender {
  overlap: CrewOverlap;
  people: string[];
  earlier: boolean;
}

/**
 * Scheduled events that share people with this one at an overlapping time, each marked by
 * whether it was received before this one (first come, first served; ties by documentId).
 */
function contenders(ctx: CrewContext): Contender[] {
  const startsAt = instantOf(ctx.item.startsAt);
  const endsAt = instantOf(ctx.item.endsAt);
  if (!startsAt || !endsAt) return [];
  const crew = idsOf(ctx.item.crew);
  const ownId = textOf(ctx.item.documentId);
  const received = ctx.received.getTime();
  const result: Contender[] = [];
  for (const overlap of ctx.facts.crewOverlaps ?? []) {
    if (overlap.documentId === ownId || NOT_HOLDING_SLOT.includes(overlap.status)) continue;
    const overlaps =
      overlap.startsAt.getTime() < endsAt.getTime() &&
      startsAt.getTime() < overlap.endsAt.getTime();
    if (!overlaps) continue;
    const people = overlap.sharedPeople.map(String).filter((p) => crew.includes(p));
    if (people.length === 0) continue;
    const other = overlap.receivedAt.getTime();
    // Without its own documentId this item cannot win a tie: the stored one keeps the slot.
    const earlier =
      other < received || (other === received && (ownId === null || overlap.documentId < ownId));
    result.push({ overlap, people, earlier });
  }
  return result;
}

function describe(overlap: CrewOverlap): string {
  const day = formatDate(mexicoCityParts(overlap.startsAt).date);
  return (
    `${quote(overlap.title)} el ${day} de ${formatTime(overlap.startsAt)} a ` +
    `${formatTime(overlap.endsAt)}`
  );
}

/** CREW_CONFLICT when a person of the crew holds an earlier-received event at that time. */
export function crewConflict(ctx: CrewContext): Failure | null {
  const blocking = contenders(ctx).filter((c) => c.earlier);
  if (blocking.length === 0) return null;
  const lines = blocking.map(
    (c) =>
      `${joinList(c.people)} ya ${c.people.length === 1 ? 'tiene' : 'tienen'} asignada la ` +
      `cobertura ${describe(c.overlap)}, recibida antes`
  );
  return fail(
    'CREW_CONFLICT',
    `Conflicto de personal: ${lines.join('; ')}. La solicitud recibida primero conserva el horario.`,
    {
      conflicts: blocking.map((c) => ({
        documentId: c.overlap.documentId,
        title: c.overlap.title,
        startsAt: c.overlap.startsAt.toISOString(),
        endsAt: c.overlap.endsAt.toISOString(),
        people: c.people,
      })),
    }
  );
}

/** Later-received overlapping events lose the people they share with this one. */
export function crewDisplacement(ctx: CrewContext): SideEffect[] {
  const later = contenders(ctx).filter((c) => !c.earlier);
  if (later.length === 0) return [];
  return [
    {
      type: 'displace-crew',
      documentIds: later.map((c) => c.overlap.documentId),
      people: [...new Set(later.flatMap((c) => c.people))],
    },
  ];
}

const crewAvailable: Guard = {
  code: 'CREW_CONFLICT',
  description: 'El personal no está asignado a otra cobertura recibida antes a la misma hora',
  check: crewConflict,
};

const displaceLater: Effect = {
  description: 'Las coberturas recibidas después que se empalman pierden al personal',
  apply: (ctx) => ({ sideEffects: crewDisplacement(ctx) }),
};

/** States in which an event holds its crew's time. */
export const holdsCrewSlot = (status: unknown): boolean =>
  typeof status === 'string' && !NOT_HOLDING_SLOT.includes(status);

const validInterval: Guard = {
  code: 'MISSING_DATA',
  description: 'La hora de término es posterior a la de inicio',
  check: ({ item }) => {
    const startsAt = instantOf(item.startsAt);
    const endsAt = instantOf(item.endsAt);
    if (!startsAt || !endsAt || endsAt.getTime() > startsAt.getTime()) return null;
    return missingData(['endsAt'], 'La fecha y hora de término debe ser posterior a la de inicio.');
  },
};

/** Event coverage: photo, video, live stream, social post and press release of an event. */
export const COVERAGE_EVENT: WorkflowDefinition = {
  key: 'coverage-event',
  uid: WORKFLOW_UIDS['coverage-event'],
  label: WORKFLOW_LABELS['coverage-event'],
  initial: 'solicitada',
  states: {
    solicitada: 'Solicitada',
    programada: 'Programada',
    cubierta: 'Cubierta',
    en_postproduccion: 'En postproducción',
    publicada: 'Publicada',
    entregada: 'Entregada',
    cancelada: 'Cancelada',
  },
  closed: ['publicada', 'entregada', 'cancelada'],
  waitingStates: [],
  transitions: [
    {
      from: ['solicitada'],
      to: 'programada',
      label: 'Programar',
      roles: ['coordinador_comunicacion'],
      guards: [
        requireFields(['startsAt', 'endsAt', 'place', 'deliverables']),
        validInterval,
        requireFields(['crew'], { message: 'Asigna al menos una persona a la cobertura.' }),
        lateAcceptance(),
        crewAvailable,
      ],
      effects: [displaceLater],
    },
    {
      from: ['programada'],
      to: 'solicitada',
      label: 'Reprogramar',
      roles: ['coordinador_comunicacion'],
      comment: { required: true, prompt: 'Indica por qué se vuelve a programar la cobertura.' },
    },
    {
      from: ['programada'],
      to: 'cubierta',
      label: 'Marcar como cubierta',
      roles: CREW,
      effects: [stamp('coveredAt')],
    },
    {
      from: ['cubierta'],
      to: 'en_postproduccion',
      label: 'Iniciar postproducción',
      roles: CREW,
    },
    {
      from: ['en_postproduccion'],
      to: 'publicada',
      label: 'Marcar como publicada',
      roles: ['community_manager', 'creador_contenido', 'coordinador_comunicacion'],
      effects: [stamp('postedAt')],
    },
    {
      from: ['en_postproduccion'],
      to: 'entregada',
      label: 'Marcar como entregada',
      roles: ['fotografo', 'creador_contenido', 'coordinador_comunicacion'],
      effects: [stamp('deliveredAt')],
    },
    {
      from: ['solicitada', 'programada', 'cubierta', 'en_postproduccion'],
      to: 'cancelada',
      label: 'Cancelar',
      roles: ['coordinador_comunicacion', 'area'],
      kind: 'cancel',
      comment: CANCEL_COMMENT,
    },
  ],
  leadTime: {
    of: (item, settings) => ({
      days: settings.coverageLeadBusinessDays,
      unit: 'business',
      blocking: true,
      target: localDateOf(item.startsAt),
    }),
  },
  due: (ctx) => {
    const coveredAt = instantOf(ctx.item.coveredAt);
    if (coveredAt) return businessDue(ctx, coveredAt, 1);
    return (
      localDateOf(ctx.item.startsAt) ??
      businessDue(ctx, ctx.received, ctx.settings.coverageLeadBusinessDays)
    );
  },
};
