import {
  planTransition,
  ROLES,
  STATE_LABELS,
  WORKFLOW_KEYS,
  type Role,
  type WorkflowKey,
} from '..';
import { WORKFLOWS } from '../definitions';
import {
  actor,
  allowedRoles,
  baseFacts,
  calendar,
  commentFor,
  edges,
  expectFailure,
  expectSuccess,
  happyItem,
  SETTINGS,
} from './helpers';

function plan(
  workflow: WorkflowKey,
  from: string,
  to: string,
  roles: Role[],
  comment = commentFor(workflow, from, to)
) {
  return planTransition({
    workflow,
    from,
    to,
    actor: actor(...roles),
    item: happyItem(workflow, from, to),
    facts: baseFacts(workflow),
    comment,
    calendar,
    settings: SETTINGS,
  });
}

const listedCases = WORKFLOW_KEYS.flatMap((workflow) =>
  edges(workflow).map(({ from, to }) => ({ workflow, from, to }))
);

const unlistedCases = WORKFLOW_KEYS.flatMap((workflow) => {
  const states = Object.keys(WORKFLOWS[workflow].states);
  const listed = new Set(edges(workflow).map(({ from, to }) => `${from}>${to}`));
  return states.flatMap((from) =>
    states
      .filter((to) => to !== from && !listed.has(`${from}>${to}`))
      .map((to) => ({ workflow, from, to }))
  );
});

describe('every listed transition', () => {
  describe.each(listedCases)('$workflow: $from -> $to', ({ workflow, from, to }) => {
    const roles = allowedRoles(workflow, from, to, baseFacts(workflow));

    it.each(roles)('succeeds for %s', (role) => {
      const result = expectSuccess(plan(workflow, from, to, [role]));
      expect(result.transition).toEqual({ from, to });
      expect(result.changes.status).toBe(to);
      expect(result.changes.statusChangedAt).toBe(baseFacts(workflow).now.toISOString());
    });

    it('succeeds for the system (no person behind it)', () => {
      expectSuccess(plan(workflow, from, to, ['system']));
    });

    it('is forbidden (403) to a role that is not listed', () => {
      const outsider = ROLES.find((r) => r !== 'system' && !roles.includes(r));
      if (!outsider) throw new Error('every role is allowed');
      const failure = expectFailure(plan(workflow, from, to, [outsider]));
      expect(failure.status).toBe(403);
      expect(failure.code).toBe('TRANSITION_FORBIDDEN');
      expect(failure.details).toMatchObject({ from, to });
      expect(failure.details.roles).toEqual(expect.arrayContaining(['Director(a)']));
      expect(failure.message).toContain(STATE_LABELS[workflow][to]);
      expect(failure.message).toMatch(/^Tu rol no puede/);
    });

    if (commentFor(workflow, from, to) !== null) {
      const required = WORKFLOWS[workflow].transitions.find(
        (t) => t.from.includes(from) && t.to === to
      )?.comment?.required;
      if (required) {
        it.each([null, '', '   '])('needs a comment (given %p)', (comment) => {
          const failure = expectFailure(plan(workflow, from, to, ['director'], comment));
          expect(failure.status).toBe(400);
          expect(failure.code).toBe('COMMENT_REQUIRED');
          expect(failure.message).toMatch(/se necesita un comentario/);
        });
      }
    }
  });
});

describe('every unlisted pair of states', () => {
  it.each(unlistedCases)(
    '$workflow: $from -> $to is INVALID_TRANSITION',
    ({ workflow, from, to }) => {
      const failure = expectFailure(
        planTransition({
          workflow,
          from,
          to,
          actor: actor('director'),
          item: happyItem(workflow, from, to),
          facts: baseFacts(workflow),
          comment: 'Comentario',
          calendar,
          settings: SETTINGS,
        })
      );
      expect(failure.status).toBe(400);
      expect(failure.code).toBe('INVALID_TRANSITION');
      const expectedAllowed = edges(workflow)
        .filter((e) => e.from === from)
        .map((e) => e.to)
        .filter((target) => {
          const t = WORKFLOWS[workflow].transitions.find(
            (d) => d.from.includes(from) && d.to === target
          );
          return !t?.appliesWhen || t.appliesWhen.test(happyItem(workflow, from, to));
        });
      expect(failure.details).toEqual({ from, to, allowed: expectedAllowed });
      const labels = STATE_LABELS[workflow];
      expect(failure.message).toContain(`«${labels[from]}»`);
      expect(failure.message).toContain(`«${labels[to]}»`);
      for (const next of expectedAllowed) expect(failure.message).toContain(`«${labels[next]}»`);
    }
  );

  it('covers a meaningful number of pairs', () => {
    expect(unlistedCases.length).toBeGreaterThan(150);
  });
});

describe('same state', () => {
  it.each(WORKFLOW_KEYS)('%s: from === to is not a transition', (workflow) => {
    const state = WORKFLOWS[workflow].initial;
    const result = expectSuccess(
      planTransition({
        workflow,
        from: state,
        to: state,
        // Even an actor with no role: nothing changes, so nothing is checked.
        actor: { kind: 'api', roles: [] },
        item: { status: state },
        facts: baseFacts(workflow),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result).toEqual({
      ok: true,
      changes: {},
      sideEffects: [],
      transition: { from: state, to: state },
    });
  });
});

describe('check order', () => {
  it('an unlisted transition is 400 even for a role that could not fire it anyway', () => {
    const failure = expectFailure(
      planTransition({
        workflow: 'design',
        from: 'pendiente',
        to: 'en_imprenta',
        actor: actor('fotografo'),
        item: happyItem('design', 'pendiente', 'en_imprenta'),
        facts: baseFacts('design'),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(failure.code).toBe('INVALID_TRANSITION');
    expect(failure.message).toBe(
      'No se puede pasar de «Pendiente» a «En imprenta» (Diseño). Desde «Pendiente» solo se ' +
        'puede pasar a «En diseño» o «Cancelado».'
    );
  });

  it('the role is checked before the comment and the guards', () => {
    const failure = expectFailure(
      planTransition({
        workflow: 'oficio',
        from: 'recibido',
        to: 'rechazado',
        actor: actor('area'),
        item: { status: 'recibido' },
        facts: baseFacts('oficio'),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(failure.code).toBe('TRANSITION_FORBIDDEN');
  });

  it('the comment is checked before the guards', () => {
    const failure = expectFailure(
      planTransition({
        workflow: 'email-account-request',
        from: 'solicitada',
        to: 'rechazada',
        actor: actor('secretaria_tecnica'),
        item: { status: 'solicitada' },
        facts: baseFacts('email-account-request'),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(failure.code).toBe('COMMENT_REQUIRED');
    expect(failure.message).toBe(
      'Para rechazar se necesita un comentario: Indica el motivo del rechazo.'
    );
  });

  it('the first failing guard wins (missing data before lateness)', () => {
    const failure = expectFailure(
      planTransition({
        workflow: 'design',
        from: 'pendiente',
        to: 'en_diseno',
        actor: actor('disenador_senior'),
        item: {
          ...happyItem('design', 'pendiente', 'en_diseno'),
          medium: 'digital',
          place: null,
          eventDate: '2026-11-03',
        },
        facts: baseFacts('design'),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(failure.code).toBe('MISSING_DATA');
    expect(failure.details).toEqual({ fields: ['place'] });
  });

  it('a state unknown to the workflow is an invalid transition, not an exception', () => {
    const failure = expectFailure(
      planTransition({
        workflow: 'advisory',
        from: 'abierta',
        to: 'archivada',
        actor: actor('system'),
        item: { status: 'abierta' },
        facts: baseFacts('advisory'),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(failure.code).toBe('INVALID_TRANSITION');
    expect(failure.details).toEqual({
      from: 'abierta',
      to: 'archivada',
      allowed: ['en_seguimiento', 'cancelada'],
    });
  });

  it('a final state says it admits no more changes', () => {
    const failure = expectFailure(
      planTransition({
        workflow: 'design',
        from: 'entregado',
        to: 'en_diseno',
        actor: actor('director'),
        item: { status: 'entregado' },
        facts: baseFacts('design'),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(failure.details.allowed).toEqual([]);
    expect(failure.message).toContain('«Entregado» no admite más cambios de estado.');
  });
});
