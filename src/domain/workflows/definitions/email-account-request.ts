import { suggestedAddress } from '../../email-address';
import { fail, requireFields } from '../guards';
import { WORKFLOW_LABELS, WORKFLOW_UIDS } from '../labels';
import type { Effect, Guard, Item, RoleRef, WorkflowDefinition } from '../types';
import { dateOf, instantOf, isBlank } from '../values';
import { businessDue, commentInto, deliveryOficio, REJECT_COMMENT, stamp } from './common';

// The authorization is Secretaría Técnica's own act; Gobierno Digital may still turn a request down.
const AUTHORIZER: readonly RoleRef[] = ['secretaria_tecnica'];
const REJECTER: readonly RoleRef[] = ['secretaria_tecnica', 'coordinador_gobierno_digital'];
const DIGITAL: readonly RoleRef[] = ['coordinador_gobierno_digital', 'auxiliar_gobierno_digital'];

// Business days Gobierno Digital has to create and deliver an account.
const SERVICE_DAYS = 3;

/** The three kinds of request of manual GD 2, each with its own way through the workflow. */
export type EmailRequestKind = 'alta' | 'soporte' | 'baja';

/** Kinds that need Secretaría Técnica's authorization before Gobierno Digital acts. */
export const AUTHORIZED_KINDS: readonly EmailRequestKind[] = ['alta', 'baja'];

const KIND_NAMES: Readonly<Record<EmailRequestKind, string>> = {
  alta: 'un alta',
  soporte: 'una solicitud de soporte',
  baja: 'una baja',
};

const kindOf = (item: Item): EmailRequestKind =>
  item.kind === 'soporte' || item.kind === 'baja' ? item.kind : 'alta';

/** The edge exists only for these kinds; for any other the refusal says why. */
const onlyFor = (kinds: readonly EmailRequestKind[], why: string) => ({
  test: (item: Item) => kinds.includes(kindOf(item)),
  reason: (item: Item) => `Este paso no corresponde a ${KIND_NAMES[kindOf(item)]}: ${why}`,
});

// Checked again at creation: the authorization may have been erased after it was recorded.
const authorized: Guard = {
  code: 'NOT_AUTHORIZED',
  description: 'La Secretaría Técnica autorizó la cuenta',
  check: ({ item }) => {
    if (!isBlank(item.authorizationReference) && !isBlank(item.authorizationDate)) return null;
    return fail(
      'NOT_AUTHORIZED',
      `${kindOf(item) === 'baja' ? 'La baja no se realiza' : 'La cuenta no puede crearse'} sin la ` +
        'autorización de la Secretaría Técnica: registra su número de oficio y su fecha.',
      { fields: ['authorizationReference', 'authorizationDate'] }
    );
  },
};

/** Manual GD 2: the account is delivered «mediante oficio»; the password never enters the system. */
const accountDelivery = deliveryOficio({
  what: 'la cuenta',
  required: ['number', 'date', 'document'],
  note: 'La contraseña no se captura: va en papel, con el oficio.',
});

const verificationEvidence = requireFields(
  [{ field: 'verificationNote', anyOf: ['verificationNote', 'verificationFile'] }],
  {
    message:
      'Falta la evidencia de la verificación: describe qué se comprobó (p. ej. que el área envió ' +
      'y recibió un mensaje de prueba) o adjunta la captura.',
  }
);

/** Who did it: the actor's name as the stamp records it. */
const stampBy = (field: string): Effect => ({
  description: `${field} = quien hace la transición`,
  apply: ({ actor }) => ({ changes: { [field]: actor.name ?? 'Sistema' } }),
});

/**
 * Institutional e-mail account request (manual GD 2), one way per kind:
 * - alta: solicitada → autorizada (Secretaría Técnica) → creada → entregada (oficio) → verificada;
 * - baja: solicitada → autorizada (Secretaría Técnica) → dada_de_baja → [entregada] → verificada;
 * - soporte: solicitada → atendida (Gobierno Digital, no authorization) → verificada.
 */
export const EMAIL_ACCOUNT_REQUEST: WorkflowDefinition = {
  key: 'email-account-request',
  uid: WORKFLOW_UIDS['email-account-request'],
  label: WORKFLOW_LABELS['email-account-request'],
  initial: 'solicitada',
  states: {
    solicitada: 'Solicitada',
    autorizada: 'Autorizada',
    creada: 'Creada',
    atendida: 'Atendida',
    dada_de_baja: 'Dada de baja',
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
      appliesWhen: onlyFor(
        AUTHORIZED_KINDS,
        'el soporte no necesita la autorización de la Secretaría Técnica; Gobierno Digital lo ' +
          'atiende directamente.'
      ),
      guards: [requireFields(['authorizationReference', 'authorizationDate'])],
    },
    {
      from: ['solicitada'],
      to: 'atendida',
      label: 'Registrar la atención',
      roles: DIGITAL,
      appliesWhen: onlyFor(
        ['soporte'],
        'un alta o una baja necesita antes la autorización de la Secretaría Técnica.'
      ),
      guards: [requireFields(['emailAddress', 'supportActions'])],
      effects: [stamp('attendedAt'), stampBy('attendedBy')],
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
      appliesWhen: onlyFor(['alta'], 'solo un alta crea una cuenta.'),
      guards: [authorized, requireFields(['emailAddress'])],
    },
    {
      from: ['autorizada'],
      to: 'dada_de_baja',
      label: 'Dar de baja la cuenta',
      roles: DIGITAL,
      appliesWhen: onlyFor(['baja'], 'solo una baja elimina una cuenta.'),
      guards: [authorized, requireFields(['emailAddress', 'removalActions'])],
      effects: [stamp('removedAt'), stampBy('removedBy')],
    },
    {
      from: ['creada', 'dada_de_baja'],
      to: 'entregada',
      label: 'Registrar entrega',
      roles: DIGITAL,
      guards: [accountDelivery],
    },
    {
      from: ['entregada', 'atendida', 'dada_de_baja'],
      to: 'verificada',
      label: 'Verificar',
      roles: DIGITAL,
      guards: [
        requireFields(['installedAt', 'installedBy'], {
          when: (item) => kindOf(item) === 'alta',
          message:
            'Falta registrar la instalación de la cuenta en el equipo del área: cuándo y quién ' +
            'la instaló.',
        }),
        verificationEvidence,
      ],
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
    if (status !== 'solicitada' && status !== 'rechazada') {
      const kept = dateOf(ctx.item.dueAt);
      if (kept) return kept;
    }
    return businessDue(ctx, ctx.received, SERVICE_DAYS);
  },
  // The oficio's area gives the suggested address; an alta's address starts as the suggestion.
  derive: (item, facts) => {
    if (!isBlank(item.suggestedAddress) || !facts.oficio?.areaName) return {};
    const suggested = suggestedAddress({
      name: facts.oficio.areaName,
      shortName: facts.oficio.areaShortName,
    });
    if (!suggested) return {};
    const derived: Record<string, unknown> = { suggestedAddress: suggested };
    if (kindOf(item) === 'alta' && isBlank(item.emailAddress)) derived.emailAddress = suggested;
    return derived;
  },
};
