import { mexicoCityParts } from '../../calendar';
import { blackout, fail, publicServantReview, requireFields } from '../guards';
import { WORKFLOW_LABELS, WORKFLOW_UIDS } from '../labels';
import type { Guard, RoleRef, WorkflowDefinition } from '../types';
import { dateOf, localDateOf, quote, textOf } from '../values';
import { businessDue, CANCEL_COMMENT, stamp } from './common';
import { DESIGN } from './design';

const MANAGER: readonly RoleRef[] = ['community_manager', 'coordinador_comunicacion'];

// Design states at or after the requester's approval.
const APPROVED_DESIGN = ['aprobado', 'publicado', 'en_imprenta', 'entregado'];

const designApproved: Guard = {
  code: 'NOT_APPROVED',
  description: 'El diseño que promueve está aprobado',
  check: ({ facts }) => {
    const design = facts.linkedDesign;
    if (!design || APPROVED_DESIGN.includes(design.status)) return null;
    const title = textOf(design.title);
    const state = DESIGN.states[design.status] ?? design.status;
    return fail(
      'NOT_APPROVED',
      `La publicación promueve el diseño ${title ? `${quote(title)} ` : ''}que aún no está ` +
        `aprobado por el área (estado: ${quote(state)}). Publícala cuando el diseño esté aprobado.`,
      { design: { title, status: design.status } }
    );
  },
};

/** Social post: what the community manager schedules and publishes. */
export const SOCIAL_POST: WorkflowDefinition = {
  key: 'social-post',
  uid: WORKFLOW_UIDS['social-post'],
  label: WORKFLOW_LABELS['social-post'],
  initial: 'borrador',
  states: {
    borrador: 'Borrador',
    programada: 'Programada',
    publicada: 'Publicada',
    cancelada: 'Cancelada',
  },
  closed: ['publicada', 'cancelada'],
  waitingStates: [],
  transitions: [
    {
      from: ['borrador'],
      to: 'programada',
      label: 'Programar',
      roles: MANAGER,
      guards: [
        requireFields(['text', 'scheduledAt']),
        blackout(({ item }) => localDateOf(item.scheduledAt), { what: 'programar propaganda' }),
      ],
    },
    {
      from: ['programada'],
      to: 'borrador',
      label: 'Regresar a borrador',
      roles: MANAGER,
    },
    {
      from: ['programada'],
      to: 'publicada',
      label: 'Publicar',
      roles: MANAGER,
      guards: [
        designApproved,
        blackout(({ now }) => mexicoCityParts(now).date, { what: 'publicar propaganda' }),
        publicServantReview(['coordinador_comunicacion', 'director', 'system']),
      ],
      effects: [stamp('postedAt')],
    },
    {
      from: ['borrador', 'programada'],
      to: 'cancelada',
      label: 'Cancelar',
      roles: MANAGER,
      kind: 'cancel',
      comment: CANCEL_COMMENT,
    },
  ],
  // Promotion should start 8 calendar days ahead; it is advice, never a block.
  leadTime: {
    of: (item, settings) => ({
      days: settings.promotionLeadCalendarDays,
      unit: 'calendar',
      blocking: false,
      target: dateOf(item.eventDate),
    }),
  },
  due: (ctx) =>
    localDateOf(ctx.item.scheduledAt) ??
    dateOf(ctx.item.eventDate) ??
    businessDue(ctx, ctx.received, 1),
};
