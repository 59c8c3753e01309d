import { mexicoCityParts } from '../../calendar';
import {
  blackout,
  commentOrField,
  lateAcceptance,
  publicServantReview,
  requireChecks,
  requireFields,
} from '../guards';
import { capitalize, stateWord } from '../grammar';
import { intakeGuard } from '../intake-requirements';
import { WORKFLOW_LABELS, WORKFLOW_UIDS } from '../labels';
import { ASSIGNED_DESIGNER } from '../roles';
import type {
  Actor,
  Guard,
  Item,
  RoleRef,
  TransitionDefinition,
  WorkflowDefinition,
  WorkflowKey,
  WorkflowSettings,
} from '../types';
import { dateOf } from '../values';
import { businessDue, commentInto, sideEffect, stamp } from './common';

const DIGITAL: readonly RoleRef[] = ['coordinador_gobierno_digital', 'auxiliar_gobierno_digital'];

/** Shortest reason for taking something off the municipal site. */
export const MIN_WITHDRAWAL_REASON = 10;
/** Shortest instruction for the designer. */
export const MIN_DESIGN_REQUEST = 10;

/** The content reviews of each publication workflow (booleans confirmed before `lista`). */
export const REVIEW_CHECKS: Readonly<Partial<Record<WorkflowKey, readonly string[]>>> = {
  'web-publication': ['spellingChecked', 'plainLanguageChecked', 'personalDataChecked'],
  'transparency-document': ['personalDataChecked'],
};

/** The attributes recording who confirmed a review and when (written by the engine only). */
export const reviewRecordFields = (check: string) => ({ by: `${check}By`, at: `${check}At` });

/** Every review record attribute of a workflow. */
export const reviewRecordsOf = (workflow: WorkflowKey): string[] =>
  (REVIEW_CHECKS[workflow] ?? []).flatMap((check) => {
    const { by, at } = reviewRecordFields(check);
    return [by, at];
  });

/**
 * From `lista` on, a confirmed review stands: the item went ready (and maybe to the site) on it.
 * Before, unchecking clears who and when (the audit trail keeps both acts).
 */
export const REVIEWS_LOCKED_FROM = ['lista', 'publicada', 'verificada', 'respondida', 'retirada'];

/**
 * Who confirmed each review and when, as the engine writes it when a check changes: a check that
 * becomes true records the actor's name and the moment; one that becomes false clears them.
 */
export function reviewStamps(
  workflow: WorkflowKey,
  before: Item | null,
  after: Item,
  actor: Actor,
  now: Date
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const check of REVIEW_CHECKS[workflow] ?? []) {
    const was = before?.[check] === true;
    const is = after[check] === true;
    if (was === is) continue;
    const { by, at } = reviewRecordFields(check);
    changes[by] = is ? (actor.name ?? 'Sistema').slice(0, 200) : null;
    changes[at] = is ? now.toISOString() : null;
  }
  return changes;
}

interface PublicationRules {
  key: Extract<WorkflowKey, 'web-publication' | 'transparency-document'>;
  leadDays: (settings: WorkflowSettings) => number;
  /** Data needed before the analysis starts. */
  intake: Guard;
  /** Content reviews confirmed before the item is ready. */
  checks: readonly string[];
  /** Extra guards before publishing. */
  publishGuards: readonly Guard[];
  /** Transitions only this workflow has (the designer's part of a web publication). */
  extra?: readonly TransitionDefinition[];
}

// Web publications and transparency documents share one process and differ in their checks.
function publicationWorkflow(rules: PublicationRules): WorkflowDefinition {
  return {
    key: rules.key,
    uid: WORKFLOW_UIDS[rules.key],
    label: WORKFLOW_LABELS[rules.key],
    initial: 'recibida',
    // Labels agree with the type's noun: «Publicada» (publicación), «Publicado» (documento).
    states: Object.fromEntries(
      [
        'recibida',
        'en_analisis',
        // Only a workflow with a design step (web publications) passes through the designer.
        ...((rules.extra ?? []).some((t) => t.to === 'en_diseno') ? ['en_diseno'] : []),
        'lista',
        'publicada',
        'verificada',
        'respondida',
        'retirada',
      ].map((state) => [state, capitalize(stateWord(rules.key, state))])
    ),
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
      ...(rules.extra ?? []),
      {
        from: ['en_analisis'],
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
  intake: intakeGuard('web-publication'),
  checks: REVIEW_CHECKS['web-publication'] ?? [],
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
  // Manual GD 1: «cuando es una imagen y se necesite que el diseñador trabaje con ella … la
  // devuelve a Gobierno Digital». Transparency documents have no design step.
  extra: [
    {
      from: ['en_analisis'],
      to: 'en_diseno',
      label: 'Enviar a diseño',
      roles: DIGITAL,
      comment: { required: false, prompt: 'Indica qué debe hacer el diseñador con la imagen.' },
      guards: [
        commentOrField(
          'designRequest',
          'Falta información: indica al diseñador qué debe hacer con la imagen (en el comentario ' +
            'o en «Solicitud al diseñador»).',
          MIN_DESIGN_REQUEST
        ),
      ],
      effects: [commentInto('designRequest')],
    },
    {
      from: ['en_diseno'],
      to: 'en_analisis',
      label: 'Devolver a Gobierno Digital',
      roles: [ASSIGNED_DESIGNER],
      guards: [
        requireFields(['designedFiles'], {
          message:
            'Falta el archivo trabajado: súbelo en «Archivos del diseñador» antes de devolver la ' +
            'publicación a Gobierno Digital.',
        }),
      ],
    },
  ],
});

/** Transparency document with the state platform's metadata; never blocked by a blackout. */
export const TRANSPARENCY_DOCUMENT: WorkflowDefinition = publicationWorkflow({
  key: 'transparency-document',
  leadDays: (settings) => settings.transparencyLeadBusinessDays,
  intake: intakeGuard('transparency-document'),
  checks: REVIEW_CHECKS['transparency-document'] ?? [],
  publishGuards: [],
});
