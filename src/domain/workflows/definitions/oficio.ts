import { fail, requireFields } from '../guards';
import { missingInformationSentence, oficioLacks } from '../intake-requirements';
import { NOUNS, byCount, countOf } from '../grammar';
import { WORKFLOW_LABELS, WORKFLOW_UIDS } from '../labels';
import type { Effect, Guard, RoleRef, WorkflowDefinition } from '../types';
import type { WorkItemKey } from '../work-items';
import { CANCEL_COMMENT, commentInto, REJECT_COMMENT } from './common';

const COORDINATORS: readonly RoleRef[] = [
  'coordinador_comunicacion',
  'coordinador_gobierno_digital',
  'coordinador_organismos',
];

// An oficio is answered only once every work item it owns is closed.
const allItemsClosed: Guard = {
  code: 'OPEN_ITEMS',
  description: 'Todos los trabajos del oficio están cerrados',
  check: ({ facts, isClosed }) => {
    const open = (facts.items ?? []).filter((i) => !isClosed(i.workflow, i.status));
    if (open.length === 0) return null;
    const n = open.length;
    const message =
      `${byCount(n, 'Queda', 'Quedan')} ${countOf(n, NOUNS.trabajo, ['abierto', 'abierta'])} ` +
      `en este oficio: ${byCount(n, 'ciérralo', 'ciérralos')} antes de marcarlo como atendido.`;
    return fail('OPEN_ITEMS', message, {
      count: open.length,
      open: open.map((i) => ({ workflow: i.workflow, status: i.status })),
    });
  },
};

/**
 * SPEC §2: «Información completada» only once no open service lacks the data its work needs (nor
 * the oficio its addressee, for print material).
 */
const intakeComplete: Guard = {
  code: 'MISSING_DATA',
  description: 'Ningún servicio del oficio tiene datos pendientes',
  check: ({ item, facts, isClosed }) => {
    const open = (facts.items ?? []).filter(
      (i) => i.workflow !== 'oficio' && i.values && !isClosed(i.workflow, i.status)
    );
    const lacks = oficioLacks(
      item,
      open.map((i) => ({
        workflow: i.workflow as WorkItemKey,
        title: i.title ?? null,
        values: i.values!,
      }))
    );
    const sentence = missingInformationSentence(lacks);
    if (!sentence) return null;
    return fail('MISSING_DATA', sentence, {
      fields: lacks.flatMap((lack) => lack.missing),
      services: lacks.map(({ workflow, title, missing }) => ({ workflow, title, fields: missing })),
    });
  },
};

/**
 * A cancelled or rejected oficio takes its open services with it: nobody works on a request that
 * no longer stands, and no queue keeps showing it. Each is cancelled with the oficio's reason.
 */
const closeOpenItems = (what: string): Effect => ({
  description: 'efecto: se cancelan los servicios abiertos del oficio',
  apply: ({ comment }) => ({
    sideEffects: [{ type: 'close-items', comment: comment ? `${what}: ${comment}` : `${what}.` }],
  }),
});

/** Oficio: the request itself, from reception to its answer. */
export const OFICIO: WorkflowDefinition = {
  key: 'oficio',
  uid: WORKFLOW_UIDS.oficio,
  label: WORKFLOW_LABELS.oficio,
  initial: 'recibido',
  states: {
    recibido: 'Recibido',
    informacion_incompleta: 'Información incompleta',
    en_atencion: 'En atención',
    atendido: 'Atendido',
    rechazado: 'Rechazado',
    cancelado: 'Cancelado',
  },
  closed: ['atendido', 'rechazado', 'cancelado'],
  waitingStates: ['informacion_incompleta'],
  transitions: [
    {
      from: ['recibido'],
      to: 'informacion_incompleta',
      label: 'Solicitar información faltante',
      roles: COORDINATORS,
      kind: 'hold',
      comment: { required: true, prompt: 'Indica qué información falta en el oficio.' },
      effects: [commentInto('missingInformation')],
    },
    {
      from: ['informacion_incompleta'],
      to: 'recibido',
      label: 'Información completada',
      roles: [...COORDINATORS, 'area'],
      guards: [intakeComplete],
    },
    {
      from: ['recibido'],
      to: 'en_atencion',
      label: 'Iniciar atención',
      roles: COORDINATORS,
    },
    {
      from: ['en_atencion'],
      to: 'atendido',
      label: 'Marcar como atendido',
      roles: COORDINATORS,
      guards: [allItemsClosed, requireFields(['responseFolio', 'responseDate'])],
    },
    {
      from: ['recibido', 'informacion_incompleta'],
      to: 'rechazado',
      label: 'Rechazar',
      roles: COORDINATORS,
      kind: 'reject',
      comment: REJECT_COMMENT,
      effects: [closeOpenItems('Se rechazó el oficio')],
    },
    {
      from: ['recibido', 'informacion_incompleta', 'en_atencion'],
      to: 'cancelado',
      label: 'Cancelar',
      roles: [...COORDINATORS, 'area'],
      kind: 'cancel',
      comment: CANCEL_COMMENT,
      effects: [closeOpenItems('Se canceló el oficio')],
    },
  ],
};
