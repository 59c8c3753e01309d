import { diffRows } from '../audit';
import { blankListsAsNull, unorderedBlackoutPeriod } from '../intake-values';
import {
  checkValues,
  checkWrite,
  effectsOfWrite,
  lateAcceptanceFailure,
  type WriteInput,
} from '../invariants';
import type { Item, WorkflowKey } from '../types';
import {
  BLACKOUT_SETTINGS,
  NOW,
  RECEIVED,
  SETTINGS,
  actor,
  baseFacts,
  calendar,
  mx,
} from './helpers';

const write = (
  workflow: WorkflowKey,
  before: Item | null,
  after: Item,
  overrides: Partial<WriteInput> = {}
): WriteInput => {
  const changed = new Set(
    Object.keys({ ...before, ...after }).filter(
      (key) => JSON.stringify(before?.[key]) !== JSON.stringify(after[key])
    )
  );
  return {
    workflow,
    action: 'update',
    door: 'content_manager',
    actor: actor('director'),
    before,
    after,
    changed,
    comment: null,
    facts: baseFacts(workflow),
    received: RECEIVED,
    calendar,
    settings: SETTINGS,
    now: NOW,
    ...overrides,
  };
};

describe('the requester decision belongs to the area', () => {
  const sent = { id: 4, version: 1, file: 9, sentAt: '2026-11-05T16:00:00.000Z' };
  const before = { status: 'en_revision', proposals: [sent] };
  const decided = { status: 'en_revision', proposals: [{ ...sent, decision: 'aprobada' }] };

  it('staff cannot write it, whatever the role', () => {
    for (const role of ['disenador_senior', 'coordinador_comunicacion', 'director'] as const) {
      const failure = checkWrite(write('design', before, decided, { actor: actor(role) }));
      expect(failure).toMatchObject({ code: 'REQUESTER_DECISION', status: 403 });
    }
  });

  it('the area can, and nobody rewrites what was sent', () => {
    expect(checkWrite(write('design', before, decided, { actor: actor('area') }))).toBeNull();
    const swapped = { status: 'en_revision', proposals: [{ ...sent, file: 10 }] };
    expect(checkWrite(write('design', before, swapped, { actor: actor('area') }))).toMatchObject({
      code: 'PROPOSAL_SENT',
    });
    const removed = { status: 'en_revision', proposals: [] };
    expect(checkWrite(write('design', before, removed))).toMatchObject({ code: 'PROPOSAL_SENT' });
  });

  it('a new unsent version is the designer’s to add', () => {
    const next = {
      status: 'con_observaciones',
      proposals: [sent, { id: null, version: 2, file: 11 }],
    };
    expect(
      checkWrite(
        write('design', { ...before, status: 'con_observaciones' }, next, {
          actor: actor('disenador_senior'),
        })
      )
    ).toBeNull();
  });
});

describe('late acceptance goes to the coordination that owns the work', () => {
  const oficio = { isLate: true, lateAcceptedAt: null };
  const items = [
    { workflow: 'design' as const, status: 'pendiente', leadTimeMet: false, medium: 'digital' },
  ];
  const accept = (
    role: Parameters<typeof actor>[0],
    justification = 'Evento prioritario de Presidencia.'
  ) =>
    lateAcceptanceFailure({
      oficio,
      actor: actor(role),
      justification,
      items,
      areaKind: 'dependencia',
      settings: SETTINGS,
    });

  it('refuses another coordination, a short reason, a second acceptance and an oficio on time', () => {
    expect(accept('coordinador_gobierno_digital')).toMatchObject({
      code: 'TRANSITION_FORBIDDEN',
      status: 403,
    });
    expect(accept('coordinador_comunicacion', 'Urge')).toMatchObject({ code: 'COMMENT_REQUIRED' });
    expect(
      lateAcceptanceFailure({
        oficio: { isLate: true, lateAcceptedAt: NOW.toISOString() },
        actor: actor('director'),
        justification: 'Evento prioritario de Presidencia.',
        items,
        areaKind: null,
        settings: SETTINGS,
      })
    ).toMatchObject({ code: 'READONLY_FIELD' });
    expect(
      lateAcceptanceFailure({
        oficio: { isLate: false },
        actor: actor('director'),
        justification: 'Evento prioritario de Presidencia.',
        items: [],
        areaKind: null,
        settings: SETTINGS,
      })
    ).toMatchObject({ code: 'NOT_LATE' });
  });

  it('accepts the owner and the Director', () => {
    expect(accept('coordinador_comunicacion')).toBeNull();
    expect(accept('director')).toBeNull();
  });
});

describe('corrections, flags and frozen publications', () => {
  it('reception is corrected only by a coordinator with a reason', () => {
    const before = { status: 'recibido', receivedAt: '2026-11-02T16:00:00.000Z' };
    const after = { ...before, receivedAt: '2026-10-30T16:00:00.000Z' };
    expect(
      checkWrite(
        write('oficio', before, after, {
          actor: actor('disenador_senior'),
          comment: 'Llegó antes en papel.',
        })
      )
    ).toMatchObject({ code: 'CORRECTION_FORBIDDEN' });
    expect(
      checkWrite(write('oficio', before, after, { actor: actor('coordinador_comunicacion') }))
    ).toMatchObject({ code: 'COMMENT_REQUIRED' });
    expect(
      checkWrite(
        write('oficio', before, after, {
          actor: actor('coordinador_comunicacion'),
          comment: 'Llegó en papel el 30 de octubre.',
        })
      )
    ).toBeNull();
  });

  it('the art. 134 flag is cleared only by its reviewer, with a reason', () => {
    const before = { status: 'programada', mentionsPublicServant: true };
    const after = { status: 'programada', mentionsPublicServant: false };
    expect(
      checkWrite(
        write('social-post', before, after, {
          actor: actor('community_manager'),
          comment: 'No aparece nadie en la imagen.',
        })
      )
    ).toMatchObject({ code: 'PUBLIC_SERVANT_MENTION', status: 403 });
    expect(
      checkWrite(
        write('social-post', before, after, {
          actor: actor('coordinador_comunicacion'),
          comment: 'No aparece nadie en la imagen.',
        })
      )
    ).toBeNull();
  });

  it('a scheduled post cannot move into the veda', () => {
    const before = { status: 'programada', scheduledAt: mx('2027-03-15', '10:00').toISOString() };
    const after = { ...before, scheduledAt: mx('2027-05-10', '10:00').toISOString() };
    expect(
      checkWrite(write('social-post', before, after, { settings: BLACKOUT_SETTINGS }))
    ).toMatchObject({ code: 'BLACKOUT' });
  });

  it('a verified publication keeps its content but may still be withdrawn or answered', () => {
    const before = { status: 'verificada', body: 'Texto verificado' };
    expect(checkWrite(write('web-publication', before, { ...before, body: 'Otro' }))).toMatchObject(
      { code: 'PUBLICATION_FROZEN' }
    );
    expect(
      checkWrite(
        write('web-publication', before, {
          ...before,
          status: 'retirada',
          withdrawalReason: 'Información vencida',
        })
      )
    ).toBeNull();
    expect(
      checkWrite(write('web-publication', before, before, { action: 'publish' }))
    ).toMatchObject({ code: 'PUBLICATION_FROZEN' });
  });

  it('an edit of a scheduled coverage displaces the later-received event sharing the crew', () => {
    const slot = { startsAt: mx('2026-11-30', '11:00'), endsAt: mx('2026-11-30', '13:00') };
    const facts = {
      ...baseFacts('coverage-event'),
      crewOverlaps: [
        {
          documentId: 'later',
          title: 'Otra',
          status: 'programada',
          ...slot,
          receivedAt: mx('2026-11-05', '09:00'),
          sharedPeople: ['8'],
        },
      ],
    };
    const before = {
      documentId: 'mine',
      status: 'programada',
      crew: ['7'],
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
    };
    const input = write('coverage-event', before, { ...before, crew: ['7', '8'] }, { facts });
    expect(checkWrite(input)).toBeNull();
    expect(effectsOfWrite(input)).toEqual([
      { type: 'displace-crew', documentIds: ['later'], people: ['8'] },
    ]);
    const earlier = {
      ...facts,
      crewOverlaps: [{ ...facts.crewOverlaps[0], receivedAt: mx('2026-10-01', '09:00') }],
    };
    expect(checkWrite({ ...input, facts: earlier })).toMatchObject({ code: 'CREW_CONFLICT' });
  });

  it('clone is refused for every workflow', () => {
    expect(
      checkWrite(
        write('advisory', { status: 'abierta' }, { status: 'abierta' }, { action: 'clone' })
      )
    ).toMatchObject({ code: 'CLONE_NOT_ALLOWED' });
  });
});

describe('the audit diff', () => {
  it('records old and new values, and personal data only as changed', () => {
    const kinds = {
      subject: 'scalar',
      requesterPhone: 'scalar',
      receivedAt: 'datetime',
      area: 'relation',
      updatedAt: 'datetime',
    } as const;
    const changes = diffRows(
      {
        subject: 'A',
        requesterPhone: '722 111',
        receivedAt: '2026-11-02T16:00:00Z',
        area: { id: 3 },
        updatedAt: 1,
      },
      {
        subject: 'B',
        requesterPhone: '722 222',
        receivedAt: new Date('2026-11-02T16:00:00Z'),
        area: { id: 4 },
        updatedAt: 2,
      },
      kinds
    );
    expect(changes).toEqual([
      { field: 'subject', from: 'A', to: 'B' },
      { field: 'requesterPhone', changed: true },
      { field: 'area', from: '3', to: '4' },
    ]);
  });
});

describe('values at intake', () => {
  const coverage = {
    status: 'solicitada',
    startsAt: '2027-03-01T17:00:00.000Z',
    endsAt: '2027-03-01T19:00:00.000Z',
    deliverables: ['fotos', 'video'],
  };
  const created = (workflow: WorkflowKey, after: Item) =>
    write(workflow, null, after, { action: 'create' });

  it('a coverage ends after it starts, at creation and when either time moves', () => {
    const backwards = { ...coverage, endsAt: '2027-03-01T16:00:00.000Z' };
    expect(checkWrite(created('coverage-event', backwards))).toMatchObject({
      code: 'INVALID_RANGE',
      status: 400,
      details: { fields: ['startsAt', 'endsAt'] },
    });
    const instant = { ...coverage, endsAt: coverage.startsAt };
    expect(checkWrite(write('coverage-event', coverage, instant))).toMatchObject({
      code: 'INVALID_RANGE',
    });
    expect(checkWrite(created('coverage-event', coverage))).toBeNull();
    expect(checkWrite(created('coverage-event', { ...coverage, endsAt: null }))).toBeNull();
  });

  it('an advisory is followed up on or after the day it was received, in Mexico City', () => {
    // Received at 20:00 on 1 February in Mexico City (02:00 UTC on the 2nd).
    const organism = { id: 27, kind: 'organismo_auxiliar', name: 'SMDIF' };
    const advisory = { status: 'abierta', receivedAt: '2027-02-02T02:00:00.000Z', organism };
    expect(
      checkWrite(created('advisory', { ...advisory, followUpDate: '2027-01-31' }))
    ).toMatchObject({
      code: 'INVALID_RANGE',
      details: { fields: ['receivedAt', 'followUpDate'] },
    });
    expect(checkWrite(created('advisory', { ...advisory, followUpDate: '2027-02-01' }))).toBeNull();
    expect(
      checkWrite(created('advisory', { status: 'abierta', organism, followUpDate: '2020-01-01' }))
    ).toBeNull();
  });

  it('the message names both times in Mexico City', () => {
    const failure = checkWrite(
      created('coverage-event', { ...coverage, endsAt: '2027-03-01T16:00:00.000Z' })
    );
    expect(failure?.message).toContain('10:00');
    expect(failure?.message).toContain('11:00');
  });

  it('deliverables are a list of known codes, once each', () => {
    const refused = [
      'fotos',
      { fotos: true },
      [],
      ['fotos', 'dron'],
      ['fotos', { tipo: 'video' }],
      ['fotos', ['video']],
      ['video', 'video'],
    ];
    for (const deliverables of refused) {
      expect({
        deliverables,
        code: checkWrite(created('coverage-event', { ...coverage, deliverables }))?.code,
      }).toEqual({ deliverables, code: 'INVALID_DELIVERABLES' });
    }
    for (const deliverables of [
      ['fotos', 'video', 'transmision_en_vivo', 'redes_sociales', 'boletin_prensa'],
      '["fotos"]',
      '  ',
      null,
    ]) {
      expect(checkWrite(created('coverage-event', { ...coverage, deliverables }))).toBeNull();
    }
  });

  it('networks are a list of known networks, with no nested objects', () => {
    const post = { status: 'borrador', networks: ['facebook'] };
    const nested = { ...post, networks: [{ facebook: { pagina: 'x' } }] };
    expect(checkWrite(write('social-post', post, nested))).toMatchObject({
      code: 'INVALID_NETWORKS',
      details: { fields: ['networks'] },
    });
    expect(
      checkWrite(write('social-post', post, { ...post, networks: { facebook: true } }))
    ).toMatchObject({ code: 'INVALID_NETWORKS' });
    expect(
      checkWrite(write('social-post', post, { ...post, networks: ['Facebook'] }))?.message
    ).toContain('facebook (Facebook)');
    expect(
      checkWrite(write('social-post', post, { ...post, networks: ['facebook', 'x', 'tiktok'] }))
    ).toBeNull();
  });

  it('an unrelated edit does not re-judge values stored before the rule', () => {
    const legacy = { ...coverage, deliverables: 'fotos', title: 'Antes' };
    expect(checkWrite(write('coverage-event', legacy, { ...legacy, title: 'Después' }))).toBeNull();
  });

  it('checkValues judges the incoming values alone, as the engine does before writing', () => {
    expect(
      checkValues({
        workflow: 'coverage-event',
        after: { deliverables: 'fotos' },
        changed: new Set(['deliverables']),
      })
    ).toMatchObject({ code: 'INVALID_DELIVERABLES' });
    expect(
      checkValues({ workflow: 'design', after: { deliverables: 'fotos' }, changed: new Set() })
    ).toBeNull();
  });

  it('a cleared JSON editor (blank text) means no list yet', () => {
    expect(
      blankListsAsNull('coverage-event', { deliverables: '', title: '', place: 'Explanada' })
    ).toEqual({ deliverables: null, title: '', place: 'Explanada' });
    expect(blankListsAsNull('social-post', { networks: ' ' })).toEqual({ networks: null });
    expect(blankListsAsNull('design', { networks: '' })).toEqual({ networks: '' });
  });

  it('a blackout period in the settings ends on or after its start', () => {
    expect(
      unorderedBlackoutPeriod([
        { start: '2027-04-01', end: '2027-06-06' },
        { start: '2027-07-10', end: '2027-07-01' },
      ])
    ).toMatchObject({ index: 1 });
    expect(unorderedBlackoutPeriod([{ start: '2027-04-01', end: '2027-04-01' }])).toBeNull();
    expect(unorderedBlackoutPeriod(null)).toBeNull();
  });
});
