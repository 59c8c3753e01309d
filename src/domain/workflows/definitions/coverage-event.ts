import { mexicoCityParts } from '../../calendar';
import { fail, lateAcceptance, missingData, requireFields } from '../guards';
import { intakeGuard } from '../intake-requirements';
import { asStoredJson } from '../intake-values';
import { WORKFLOW_LABELS, WORKFLOW_UIDS } from '../labels';
import { COVERAGE_SCHEDULER } from '../roles';
import type {
  CrewOverlap,
  Effect,
  Failure,
  Guard,
  Item,
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
  isBlank,
  joinList,
  localDateOf,
  quote,
  recordsOf,
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
  // People by name («Ana López»); an id only when the loader knew no name for it.
  const named = (c: Contender) => c.people.map((id) => c.overlap.peopleNames?.[id] ?? id);
  const lines = blocking.map(
    (c) =>
      `${joinList(named(c))} ya ${c.people.length === 1 ? 'tiene' : 'tienen'} asignada la ` +
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

/**
 * What a coverage delivers as material (files or links), by deliverable code, with its Spanish
 * name, article and number: «Faltan las fotografías», «Falta el video». A live stream and the
 * social-media posts are not handed over as material (the posts are recorded where published);
 * the press bulletin is its text.
 */
const MATERIAL_DELIVERABLES: Readonly<Record<string, { noun: string; plural: boolean }>> = {
  fotos: { noun: 'las fotografías', plural: true },
  video: { noun: 'el video', plural: false },
};
const BULLETIN = { noun: 'el texto del boletín de prensa', plural: false };

/** The deliverable codes a coverage was requested with. */
export function requestedDeliverables(item: Item): string[] {
  const value = asStoredJson(item.deliverables);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const hasFiles = (value: unknown) =>
  Array.isArray(value) ? value.some((f) => !isBlank(f)) : !isBlank(value);

/** Whether a delivered material entry carries a file or a link. */
const delivers = (entry: Record<string, unknown>) =>
  hasFiles(entry.file) || textOf(entry.link) !== null;

/** «Falta el video», «Faltan las fotografías y el texto del boletín de prensa». */
const missingSentence = (things: readonly { noun: string; plural: boolean }[]) =>
  `${things.length > 1 || things[0].plural ? 'Faltan' : 'Falta'} ${joinList(
    things.map((thing) => thing.noun)
  )}`;

/** What a delivered (`entregada`) coverage lacks: material of each requested kind, the bulletin. */
export function deliveryMissing(item: Item): Failure | null {
  const requested = requestedDeliverables(item);
  const material = recordsOf(item.material).filter(delivers);
  const kinds = Object.keys(MATERIAL_DELIVERABLES).filter(
    (kind) => requested.includes(kind) && !material.some((entry) => entry.kind === kind)
  );
  const bulletin = requested.includes('boletin_prensa') && textOf(item.bulletin) === null;
  if (kinds.length === 0 && !bulletin) return null;
  const things = [
    ...kinds.map((kind) => MATERIAL_DELIVERABLES[kind]),
    ...(bulletin ? [BULLETIN] : []),
  ];
  const where = [
    ...(kinds.length ? ['el material va en «Material entregado», con su archivo o enlace'] : []),
    ...(bulletin ? ['el boletín va en «Boletín de prensa»'] : []),
  ];
  return fail('MISSING_DATA', `${missingSentence(things)} de la cobertura: ${joinList(where)}.`, {
    fields: [...(kinds.length ? ['material'] : []), ...(bulletin ? ['bulletin'] : [])],
    deliverables: [...kinds, ...(bulletin ? ['boletin_prensa'] : [])],
  });
}

/** What a published (`publicada`) coverage lacks: where it was published, the bulletin. */
export function publicationMissing(item: Item): Failure | null {
  const published = recordsOf(item.publications).some((entry) => textOf(entry.url) !== null);
  const bulletin =
    requestedDeliverables(item).includes('boletin_prensa') && textOf(item.bulletin) === null;
  if (published && !bulletin) return null;
  const parts = [
    ...(published
      ? []
      : ['dónde se publicó: agrega en «Publicado en» al menos una publicación con su enlace']),
    ...(bulletin ? ['el texto del boletín de prensa, en «Boletín de prensa»'] : []),
  ];
  return fail('MISSING_DATA', `Falta ${joinList(parts)}.`, {
    fields: [...(published ? [] : ['publications']), ...(bulletin ? ['bulletin'] : [])],
  });
}

/** What a closed coverage in `status` must keep: its deliverables, or where it was published. */
export function deliverablesMissing(status: unknown, item: Item): Failure | null {
  if (status === 'entregada') return deliveryMissing(item);
  if (status === 'publicada') return publicationMissing(item);
  return null;
}

const delivered: Guard = {
  code: 'MISSING_DATA',
  description: 'Cada entregable pedido tiene su material (archivo o enlace) y el boletín su texto',
  check: ({ item }) => deliveryMissing(item),
};

const published: Guard = {
  code: 'MISSING_DATA',
  description: 'La cobertura registra dónde se publicó (con enlace) y el boletín pedido',
  check: ({ item }) => publicationMissing(item),
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
      roles: [COVERAGE_SCHEDULER],
      guards: [
        intakeGuard('coverage-event'),
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
      roles: [COVERAGE_SCHEDULER],
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
      guards: [published],
      effects: [stamp('postedAt')],
    },
    {
      from: ['en_postproduccion'],
      to: 'entregada',
      label: 'Marcar como entregada',
      roles: ['fotografo', 'creador_contenido', 'coordinador_comunicacion'],
      guards: [delivered],
      effects: [stamp('deliveredAt')],
    },
    {
      from: ['solicitada', 'programada', 'cubierta', 'en_postproduccion'],
      to: 'cancelada',
      label: 'Cancelar',
      roles: [COVERAGE_SCHEDULER, 'area'],
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
