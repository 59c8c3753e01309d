import { fail, requireFields } from '../guards';
import { WORKFLOW_LABELS, WORKFLOW_UIDS } from '../labels';
import type { Guard, RoleRef, WorkflowDefinition } from '../types';
import { dateOf, instantOf, isBlank } from '../values';
import { businessDue, commentInto, REJECT_COMMENT } from './common';

// The authorization is Secretaría Técnica's own act; Gobierno Digital may still turn a request down.
const AUTHORIZER: readonly RoleRef[] = ['secretaria_tecnica'];
const REJECTER: readonly RoleRef[] = ['secretaria_tecnica', 'coordinador_gobierno_digital'];
const DIGITAL: readonly RoleRef[] = ['coordinador_gobierno_digital', 'auxiliar_gobierno_digital'];

// Business days Gobierno Digital has to create and deliver an account.
const SERVICE_DAYS = 3;

// Checked again at creation: the authorization may have been erased after it was recorded.
const authorized: Guard = {
  code: 'NOT_AUTHORIZED',
  description: 'La Secretaría Técnica autorizó la cuenta',
  check: ({ item }) => {
    if (!isBlank(item.authorizationReference) && !isBlank(item.authorizationDate)) return null;
    return fail(
      'NOT_AUTHORIZED',
      'La cuenta no puede crearse sin la autorización de la Secretaría Técnica: registra su ' +
        'número de oficio y su fecha.',
      { fields: ['authorizationReference', 'authorizationDate'] }
    );
  },
};

/** Institutional e-mail account request (alta, soporte, baja), authorized by Secretaría Técnica. */
export const EMAIL_ACCOUNT_REQUEST: WorkflowDefinition = {
  key: 'email-account-request',
  uid: WORKFLOW_UIDS['email-account-request'],
  label: WORKFLOW_LABELS['email-account-request'],
  initial: 'solicitada',
  states: {
    solicitada: 'Solicitada',
    autorizada: 'Autorizada',
    creada: 'Creada',
    entregada: 'Entregada',
    verificada: 'Verificada',
    rechazada: 'Rechazada',
  },
  closed: ['verificada', 'rechazada'],
  waitingStates: [],
  transitions: [
    {
      from: ['solicitada'],
      to: 'autorizada',
      label: 'Registrar autorización',
      roles: AUTHORIZER,
      guards: [requireFields(['authorizationReference', 'authorizationDate'])],
    },
    {
      from: ['solicitada'],
      to: 'rechazada',
      label: 'Rechazar',
      roles: REJECTER,
      kind: 'reject',
      comment: REJECT_COMMENT,
      effects: [commentInto('rejectionReason')],
    },
    {
      from: ['autorizada'],
      to: 'creada',
      label: 'Marcar como creada',
      roles: DIGITAL,
      guards: [
        authorized,
        requireFields(['emailAddress'], { when: (item) => item.kind === 'alta' }),
      ],
    },
    {
      from: ['creada'],
      to: 'entregada',
      label: 'Registrar entrega',
      roles: DIGITAL,
      guards: [requireFields(['deliveryReference'])],
    },
    {
      from: ['entregada'],
      to: 'verificada',
      label: 'Verificar',
      roles: DIGITAL,
    },
  ],
  // No request lead time: recorded as met from the reception day.
  leadTime: {
    of: () => ({ days: 0, unit: 'business', blocking: false, target: null }),
    waived: () => true,
  },
  due: (ctx) => {
    // After authorization the clock restarts; the transition time is kept in statusChangedAt
    // while the request stays 'autorizada', and in dueAt afterwards.
    const status = ctx.item.status;
    const authorizedAt =
      instantOf(ctx.item.authorizedAt) ??
      (status === 'autorizada' ? instantOf(ctx.item.statusChangedAt) : null);
    if (authorizedAt) return businessDue(ctx, authorizedAt, SERVICE_DAYS);
    if (status === 'creada' || status === 'entregada' || status === 'verificada') {
      const kept = dateOf(ctx.item.dueAt);
      if (kept) return kept;
    }
    return businessDue(ctx, ctx.received, SERVICE_DAYS);
  },
};
