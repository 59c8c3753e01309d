import { fail, lateAcceptance, missingData } from '../guards';
import { intakeGuard, printAddresseeMissing } from '../intake-requirements';
import { WORKFLOW_LABELS, WORKFLOW_UIDS } from '../labels';
import { ASSIGNED_DESIGNER } from '../roles';
import type { Effect, Guard, Item, RoleRef, WorkflowDefinition } from '../types';
import { dateOf, instantOf, isBlank, recordsOf, textOf } from '../values';
import { businessDue, CANCEL_COMMENT, deliveryOficio, sideEffect, stamp } from './common';

type Proposal = Record<string, unknown>;

const isPrint = (item: Item) => item.medium === 'impreso';
const isDigital = (item: Item) => item.medium === 'digital';

/** The logos a design carries, in the order they appear on it (the list's order). */
export function chosenLogos(item: Item): { logo: string; name: string | null; active: boolean }[] {
  return recordsOf(item.logos)
    .filter((choice) => !isBlank(choice.logo))
    .map((choice) => ({
      logo: String(choice.logo),
      name: textOf(choice.name),
      active: choice.active !== false,
    }));
}

/** SPEC §2: print and digital art say which institutional logos go on them, and in what order. */
const logosChosen: Guard = {
  code: 'MISSING_DATA',
  description: 'El diseño indica qué logotipos institucionales lleva y en qué orden',
  check: ({ item }) => {
    if (chosenLogos(item).length > 0) return null;
    return missingData(
      ['logos'],
      'Falta información: logotipos institucionales (en orden). Indica qué logotipos lleva el ' +
        'diseño, en el orden en que deben aparecer.'
    );
  },
};

/**
 * Manual 1.1: print material is requested by an oficio addressed to the Presidencia Municipal
 * with a copy to this Dirección.
 */
const printAddressee: Guard = {
  code: 'MISSING_DATA',
  description:
    'El material de imprenta se pide con un oficio dirigido a la Presidencia con copia a la Dirección',
  check: ({ item, facts }) => {
    if (!isPrint(item) || !facts.oficio) return null;
    const missing = printAddresseeMissing(facts.oficio);
    if (missing.length === 0) return null;
    return missingData(
      missing,
      'Falta información del oficio: el material de imprenta se solicita con un oficio dirigido ' +
        'a la Presidencia Municipal con copia a esta Dirección. En el oficio, indica «Dirigido a: ' +
        'Presidencia Municipal» y agrega a la Dirección en «Con copia a».'
    );
  },
};

/** Manual 1.1: print material «será entregado vía oficio»: its number and date are recorded. */
const printDelivery = deliveryOficio({
  what: 'el material impreso',
  required: ['number', 'date'],
  note: 'El documento se agrega si lo tienes.',
});

const DESIGNER: readonly RoleRef[] = [ASSIGNED_DESIGNER, 'coordinador_comunicacion'];
const REVIEWER: readonly RoleRef[] = ['area', 'coordinador_comunicacion'];

function versionOf(proposal: Proposal, index: number): number {
  const version = proposal.version;
  return typeof version === 'number' && Number.isFinite(version) ? version : index + 1;
}

// The highest version wins; without version numbers the last one in the list.
function latest(proposals: readonly Proposal[]): Proposal | null {
  let best: Proposal | null = null;
  let bestVersion = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < proposals.length; index++) {
    const version = versionOf(proposals[index], index);
    if (version >= bestVersion) {
      best = proposals[index];
      bestVersion = version;
    }
  }
  return best;
}

function latestSent(item: Item): Proposal | null {
  return latest(recordsOf(item.proposals).filter((p) => !isBlank(p.sentAt)));
}

const proposalReady: Guard = {
  code: 'MISSING_DATA',
  description: 'La última versión de la propuesta tiene archivo y no se ha enviado',
  check: ({ item }) => {
    const proposal = latest(recordsOf(item.proposals));
    if (proposal && !isBlank(proposal.file) && isBlank(proposal.sentAt)) return null;
    return missingData(
      ['proposals'],
      'Sube la versión de la propuesta antes de enviarla a revisión.'
    );
  },
};

const sendProposal: Effect = {
  description: 'Marca la última versión como enviada y cuenta las rondas de revisión',
  apply: ({ item, now }) => {
    const proposals = recordsOf(item.proposals);
    const target = latest(proposals);
    const updated = proposals.map((p) => (p === target ? { ...p, sentAt: now.toISOString() } : p));
    return {
      changes: {
        proposals: updated,
        revisionRounds: updated.filter((p) => !isBlank(p.sentAt)).length,
      },
    };
  },
};

const observationsRecorded: Guard = {
  code: 'MISSING_DATA',
  description: 'El área registró observaciones sobre la última versión enviada',
  check: ({ item }) => {
    const proposal = latestSent(item);
    const decided = proposal?.decision === 'observaciones';
    const feedback = textOf(proposal?.feedback) !== null;
    if (decided && feedback) return null;
    const fields = [
      ...(decided ? [] : ['proposals.decision']),
      ...(feedback ? [] : ['proposals.feedback']),
    ];
    return missingData(
      fields,
      'Falta información: el área debe marcar la última versión enviada «con observaciones» y ' +
        'escribir sus observaciones.'
    );
  },
};

const approvedByArea: Guard = {
  code: 'NOT_APPROVED',
  description: 'El área aprobó la última versión enviada',
  check: ({ item }) => {
    const proposal = latestSent(item);
    if (proposal?.decision === 'aprobada') return null;
    if (!proposal) {
      return fail(
        'NOT_APPROVED',
        'No hay ninguna versión de la propuesta enviada al área: no se puede aprobar.',
        { version: null, decision: null }
      );
    }
    const version = typeof proposal.version === 'number' ? proposal.version : null;
    return fail(
      'NOT_APPROVED',
      'El área no ha aprobado la última versión enviada de la propuesta' +
        `${version === null ? '' : ` (versión ${version})`}.`,
      { version, decision: proposal.decision ?? null }
    );
  },
};

// The decision's time is the server's, and the name of who decided is kept if not given.
const recordDecision: Effect = {
  description: 'Registra la fecha de la decisión del área en la última versión enviada',
  apply: ({ item, now, actor }) => {
    const proposals = recordsOf(item.proposals);
    const target = latest(proposals.filter((p) => !isBlank(p.sentAt)));
    if (!target || (!isBlank(target.decidedAt) && !isBlank(target.decidedBy))) return {};
    const name = textOf(actor.name);
    const updated = proposals.map((p) => {
      if (p !== target) return p;
      return {
        ...p,
        decidedAt: isBlank(p.decidedAt) ? now.toISOString() : p.decidedAt,
        ...(isBlank(p.decidedBy) && name ? { decidedBy: name } : {}),
      };
    });
    return { changes: { proposals: updated } };
  },
};

/** Design: print material and digital art, versioned proposals approved by the area. */
export const DESIGN: WorkflowDefinition = {
  key: 'design',
  uid: WORKFLOW_UIDS.design,
  label: WORKFLOW_LABELS.design,
  initial: 'pendiente',
  states: {
    pendiente: 'Pendiente',
    en_diseno: 'En diseño',
    en_revision: 'En revisión',
    con_observaciones: 'Con observaciones',
    aprobado: 'Aprobado',
    en_imprenta: 'En imprenta',
    entregado: 'Entregado',
    publicado: 'Publicado',
    cancelado: 'Cancelado',
  },
  closed: ['entregado', 'publicado', 'cancelado'],
  waitingStates: ['en_revision', 'con_observaciones'],
  transitions: [
    {
      from: ['pendiente'],
      to: 'en_diseno',
      label: 'Iniciar diseño',
      roles: DESIGNER,
      guards: [
        // SPEC §2's data (intake-requirements); the logos with their own message.
        intakeGuard('design', { except: ['logos'] }),
        logosChosen,
        printAddressee,
        lateAcceptance(),
      ],
    },
    {
      from: ['en_diseno'],
      to: 'en_revision',
      label: 'Enviar propuesta a revisión',
      roles: DESIGNER,
      guards: [proposalReady],
      effects: [sendProposal, sideEffect({ type: 'approval-link' })],
    },
    {
      from: ['en_revision'],
      to: 'con_observaciones',
      label: 'Registrar observaciones',
      roles: REVIEWER,
      guards: [observationsRecorded],
      effects: [recordDecision],
    },
    {
      from: ['con_observaciones'],
      to: 'en_diseno',
      label: 'Atender observaciones',
      roles: DESIGNER,
    },
    {
      from: ['en_revision'],
      to: 'aprobado',
      label: 'Aprobar',
      roles: REVIEWER,
      guards: [approvedByArea],
      effects: [recordDecision, stamp('approvedAt')],
    },
    {
      from: ['aprobado'],
      to: 'en_imprenta',
      label: 'Enviar a imprenta',
      roles: DESIGNER,
      appliesWhen: {
        test: isPrint,
        reason: (item) =>
          isDigital(item)
            ? 'El arte digital no se imprime: al aprobarse pasa a «Publicado».'
            : 'Indica si el diseño es impreso o digital antes de enviarlo a imprenta.',
      },
    },
    {
      from: ['en_imprenta'],
      to: 'entregado',
      label: 'Marcar como entregado',
      roles: DESIGNER,
      guards: [printDelivery],
      effects: [stamp('deliveredAt')],
    },
    {
      from: ['aprobado'],
      to: 'publicado',
      label: 'Marcar como publicado',
      roles: ['community_manager', 'coordinador_comunicacion'],
      appliesWhen: {
        test: isDigital,
        reason: (item) =>
          isPrint(item)
            ? 'El material impreso no se publica en redes: al aprobarse pasa a «En imprenta».'
            : 'Indica si el diseño es impreso o digital antes de publicarlo.',
      },
      effects: [stamp('postedAt')],
    },
    {
      from: [
        'pendiente',
        'en_diseno',
        'en_revision',
        'con_observaciones',
        'aprobado',
        'en_imprenta',
      ],
      to: 'cancelado',
      label: 'Cancelar',
      roles: ['coordinador_comunicacion', 'area'],
      kind: 'cancel',
      comment: CANCEL_COMMENT,
    },
  ],
  leadTime: {
    of: (item, settings) => ({
      days: settings.digitalArtLeadBusinessDays,
      unit: 'business',
      blocking: !isPrint(item),
      target: dateOf(item.eventDate),
    }),
    // Print has no request lead time; its earliest date is kept for information only.
    waived: isPrint,
  },
  // SPEC §2: print is due 5 business days after the area approves it, and has no due date before.
  due: (ctx) => {
    if (isPrint(ctx.item)) {
      const approvedAt = instantOf(ctx.item.approvedAt);
      return approvedAt
        ? businessDue(ctx, approvedAt, ctx.settings.printDeliveryBusinessDays)
        : null;
    }
    return businessDue(ctx, ctx.received, ctx.settings.digitalArtLeadBusinessDays);
  },
};
