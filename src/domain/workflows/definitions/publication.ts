import { mexicoCityParts } from '../../calendar';
import {
  blackout,
  commentOrField,
  lateAcceptance,
  publicServantReview,
  requireChecks,
  requireFields,
} from '../guards';
import { WORKFLOW_LABELS, WORKFLOW_UIDS } from '../labels';
import type { Guard, RoleRef, WorkflowDefinition, WorkflowKey, WorkflowSettings } from '../types';
import { dateOf } from '../values';
import { businessDue, commentInto, sideEffect, stamp } from './common';

const DIGITAL: readonly RoleRef[] = ['coordinador_gobierno_digital', 'auxiliar_gobierno_digital'];

/** Shortest reason for taking something off the municipal site. */
export const MIN_WITHDRAWAL_REASON = 10;

interface PublicationRules {
  key: Extract<WorkflowKey, 'web-publication' | 'transparency-document'>;
  leadDays: (settings: WorkflowSettings) => number;
  /** Data needed before the analysis starts. */
  intake: Guard;
  /** Content reviews confirmed before the item is ready. */
  checks: readonly string[];
  /** Extra guards before publishing. */
  publishGuards: readonly Guard[];
}

// Web publications and transparency documents share one process and differ in their checks.
function publicationWorkflow(rules: PublicationRules): WorkflowDefinition {
  return {
    key: rules.key,
    uid: WORKFLOW_UIDS[rules.key],
    label: WORKFLOW_LABELS[rules.key],
    initial: 'recibida',
    states: {
      recibida: 'Recibida',
      en_analisis: 'En análisis',
      en_diseno: 'En diseño',
      lista: 'Lista',
      publicada: 'Publicada',
      verificada: 'Verificada',
      respondida: 'Respondida',
      retirada: 'Retirada',
    },
    closed: ['respondida', 'retirada'],
    waitingStates: [],
    transitions: [
      {
        from: ['recibida'],
        to: 'en_analisis',
        label: 'Iniciar análisis',
        roles: DIGITAL,
        guards: [rules.intake, lateAcceptance()],
      },
      {
        from: ['en_analisis'],
        to: 'en_diseno',
        label: 'Enviar a diseño',
        roles: DIGITAL,
      },
      {
        from: ['en_analisis', 'en_diseno'],
        to: 'lista',
        label: 'Marcar como lista',
        roles: DIGITAL,
        guards: [requireChecks(rules.checks)],
      },
      {
        from: ['lista'],
        to: 'publicada',
        label: 'Publicar en el sitio',
        roles: DIGITAL,
        guards: rules.publishGuards,
        effects: [sideEffect({ type: 'publish' })],
      },
      {
        from: ['publicada'],
        to: 'verificada',
        label: 'Registrar verificación',
        roles: DIGITAL,
        guards: [requireFields(['verificationEvidence'])],
        effects: [stamp('verifiedAt')],
      },
      {
        from: ['verificada'],
        to: 'respondida',
        label: 'Registrar respuesta',
        roles: DIGITAL,
        guards: [requireFields(['responseDocument'])],
        effects: [stamp('respondedAt')],
      },
      {
        from: ['publicada', 'verificada', 'respondida'],
        to: 'retirada',
        label: 'Retirar del sitio',
        roles: DIGITAL,
        comment: { required: false, prompt: 'Indica el motivo del retiro.' },
        guards: [
          commentOrField(
            'withdrawalReason',
            'Falta información: motivo del retiro del sitio.',
            MIN_WITHDRAWAL_REASON
          ),
        ],
        effects: [commentInto('withdrawalReason'), sideEffect({ type: 'unpublish' })],
      },
    ],
    leadTime: {
      of: (item, settings) => ({
        days: rules.leadDays(settings),
        unit: 'business',
        blocking: true,
        target: dateOf(item.wantedDate),
      }),
    },
    due: (ctx) =>
      dateOf(ctx.item.wantedDate) ?? businessDue(ctx, ctx.received, rules.leadDays(ctx.settings)),
  };
}

/** Web publication on the municipal site (draft & publish). */
export const WEB_PUBLICATION: WorkflowDefinition = publicationWorkflow({
  key: 'web-publication',
  leadDays: (settings) => settings.webPublicationLeadBusinessDays,
  intake: requireFields([
    'section',
    'wantedDate',
    { field: 'body', anyOf: ['body', 'attachments'] },
  ]),
  checks: ['spellingChecked', 'plainLanguageChecked', 'personalDataChecked'],
  publishGuards: [
    blackout(({ now }) => mexicoCityParts(now).date, {
      what: 'publicar noticias en el sitio',
      when: (item) => item.isNews === true,
    }),
    publicServantReview([
      'coordinador_gobierno_digital',
      'coordinador_comunicacion',
      'director',
      'system',
    ]),
  ],
});

/** Transparency document with the state platform's metadata; never blocked by a blackout. */
export const TRANSPARENCY_DOCUMENT: WorkflowDefinition = publicationWorkflow({
  key: 'transparency-document',
  leadDays: (settings) => settings.transparencyLeadBusinessDays,
  intake: requireFields([
    'law',
    'article',
    'fraccion',
    'ejercicio',
    'periodStart',
    'periodEnd',
    'responsibleArea',
    { field: 'file', anyOf: ['file', 'body'] },
  ]),
  checks: ['personalDataChecked'],
  publishGuards: [],
});
