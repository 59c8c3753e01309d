import { BusinessCalendar, lftHolidays } from '../../calendar';
import {
  availableTransitions,
  planCreate,
  planTransition,
  recomputeSchedule,
  type CrewOverlap,
  type Facts,
  type Item,
  type Role,
  type Success,
} from '..';
import {
  actor,
  BASE_ITEMS,
  baseFacts,
  BLACKOUT_SETTINGS,
  calendar,
  expectFailure,
  expectSuccess,
  happyItem,
  mx,
  OFICIO_FACTS,
  SETTINGS,
  VEDA,
} from './helpers';

function designFacts(receivedAt: Date, now: Date, extra: Partial<Facts['oficio']> = {}): Facts {
  return { now, oficio: { ...OFICIO_FACTS, receivedAt, ...extra } };
}

/** Applies a successful plan to the item, as the caller would. */
function apply(item: Item, result: Success): Item {
  return { ...item, ...result.changes };
}

describe('SPEC §5 worked example: digital art for an oficio received Friday 13 November 2026', () => {
  // 10:00 in Mexico City; Monday 16 November 2026 is the Revolución holiday.
  const received = new Date('2026-11-13T16:00:00Z');
  const facts = designFacts(received, received, { status: 'recibido' });

  it('an event on Wednesday 18 November is late; the earliest date is Thursday 19', () => {
    const result = expectSuccess(
      planCreate({
        workflow: 'design',
        actor: actor('coordinador_comunicacion'),
        item: { medium: 'digital', eventDate: '2026-11-18' },
        facts,
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result.changes).toMatchObject({
      status: 'pendiente',
      statusChangedAt: received.toISOString(),
      leadTimeMet: false,
      earliestAllowedDate: '2026-11-19',
      dueAt: '2026-11-19',
    });
    expect(result.transition).toEqual({ from: null, to: 'pendiente' });
  });

  it('an event on Thursday 19 November meets the lead time', () => {
    const result = expectSuccess(
      planCreate({
        workflow: 'design',
        actor: actor('coordinador_comunicacion'),
        item: { medium: 'digital', eventDate: '2026-11-19' },
        facts,
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result.changes).toMatchObject({ leadTimeMet: true, earliestAllowedDate: '2026-11-19' });
  });

  it('print material has no lead time: met, with the earliest date kept for information', () => {
    const result = expectSuccess(
      planCreate({
        workflow: 'design',
        actor: actor('coordinador_comunicacion'),
        item: { medium: 'impreso', eventDate: '2026-11-18' },
        facts,
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result.changes).toMatchObject({ leadTimeMet: true, earliestAllowedDate: '2026-11-19' });
  });
});

describe('a late design waits for the coordinator to accept it', () => {
  const received = new Date('2026-11-13T16:00:00Z');
  const item: Item = {
    ...BASE_ITEMS.design,
    medium: 'digital',
    eventDate: '2026-11-18',
    status: 'pendiente',
  };
  const start = (lateAccepted: boolean) =>
    planTransition({
      workflow: 'design',
      from: 'pendiente',
      to: 'en_diseno',
      actor: actor('disenador_senior'),
      item,
      facts: designFacts(received, mx('2026-11-13', '12:00'), { status: 'recibido', lateAccepted }),
      calendar,
      settings: SETTINGS,
    });

  it('is refused with LATE_NOT_ACCEPTED before the acceptance', () => {
    const failure = expectFailure(start(false));
    expect(failure.code).toBe('LATE_NOT_ACCEPTED');
    expect(failure.details).toMatchObject({
      targetDate: '2026-11-18',
      earliestAllowedDate: '2026-11-19',
    });
  });

  it('starts once accepted: startedAt, and the oficio moves to en_atencion', () => {
    const result = expectSuccess(start(true));
    const now = mx('2026-11-13', '12:00').toISOString();
    expect(result.changes).toMatchObject({
      status: 'en_diseno',
      statusChangedAt: now,
      startedAt: now,
      leadTimeMet: false,
      earliestAllowedDate: '2026-11-19',
    });
    expect(result.sideEffects).toEqual([{ type: 'oficio-status', to: 'en_atencion' }]);
  });

  it('a social post is never blocked by its (calendar-day) lead time', () => {
    const created = expectSuccess(
      planCreate({
        workflow: 'social-post',
        actor: actor('community_manager'),
        item: { eventDate: '2026-11-18' },
        facts: designFacts(received, received),
        calendar,
        settings: SETTINGS,
      })
    );
    // Reception day 13 November + 8 calendar days.
    expect(created.changes).toMatchObject({
      leadTimeMet: false,
      earliestAllowedDate: '2026-11-21',
    });
    expectSuccess(
      planTransition({
        workflow: 'social-post',
        from: 'borrador',
        to: 'programada',
        actor: actor('community_manager'),
        item: { ...BASE_ITEMS['social-post'], eventDate: '2026-11-18', leadTimeMet: false },
        facts: designFacts(received, received),
        calendar,
        settings: SETTINGS,
      })
    );
  });
});

describe('print delivery', () => {
  it('is due on the approval business day plus 5 business days', () => {
    // Approved Wednesday 11 November; Monday 16 is a holiday: 12, 13, 17, 18, 19.
    const approvedAt = mx('2026-11-11', '12:00');
    const result = expectSuccess(
      planTransition({
        workflow: 'design',
        from: 'en_revision',
        to: 'aprobado',
        actor: actor('area'),
        item: {
          ...happyItem('design', 'en_revision', 'aprobado'),
          pauses: [{ from: mx('2026-11-09', '10:00').toISOString(), to: null }],
        },
        facts: designFacts(mx('2026-11-02', '10:00'), approvedAt),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result.changes.approvedAt).toBe(approvedAt.toISOString());
    expect(result.changes.dueAt).toBe('2026-11-19');
    expect(result.changes.pauses).toEqual([
      { from: mx('2026-11-09', '10:00').toISOString(), to: approvedAt.toISOString() },
    ]);
  });

  it('approved after the cutoff counts from the next business day', () => {
    const approvedAt = mx('2026-11-13', '18:30');
    const result = expectSuccess(
      planTransition({
        workflow: 'design',
        from: 'en_revision',
        to: 'aprobado',
        actor: actor('coordinador_comunicacion'),
        item: happyItem('design', 'en_revision', 'aprobado'),
        facts: designFacts(mx('2026-11-02', '10:00'), approvedAt),
        calendar,
        settings: SETTINGS,
      })
    );
    // Reception day Tuesday 17 + 5 = Tuesday 24.
    expect(result.changes.dueAt).toBe('2026-11-24');
  });

  it('follows the configured number of days', () => {
    const result = expectSuccess(
      planTransition({
        workflow: 'design',
        from: 'en_revision',
        to: 'aprobado',
        actor: actor('coordinador_comunicacion'),
        item: happyItem('design', 'en_revision', 'aprobado'),
        facts: designFacts(mx('2026-11-02', '10:00'), mx('2026-11-11', '12:00')),
        calendar,
        settings: { ...SETTINGS, printDeliveryBusinessDays: 2 },
      })
    );
    expect(result.changes.dueAt).toBe('2026-11-13');
  });

  it('records who decided and when on the approved version', () => {
    const now = mx('2026-11-11', '12:00');
    const result = expectSuccess(
      planTransition({
        workflow: 'design',
        from: 'en_revision',
        to: 'aprobado',
        actor: { kind: 'api', roles: ['area'], id: 9, name: 'Dirección de Educación' },
        item: happyItem('design', 'en_revision', 'aprobado'),
        facts: designFacts(mx('2026-11-02', '10:00'), now),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result.changes.proposals).toEqual([
      expect.objectContaining({
        version: 1,
        decision: 'aprobada',
        decidedAt: now.toISOString(),
        decidedBy: 'Dirección de Educación',
      }),
    ]);
  });
});

describe('pauses while the design waits on the area', () => {
  // Received Thursday 5 November 2026, 10:00: digital art due Tuesday 10 November.
  const facts = (now: Date) => designFacts(mx('2026-11-05', '10:00'), now);
  const base: Item = { ...BASE_ITEMS.design, medium: 'digital', eventDate: '2026-11-30' };

  it('entering en_revision on Monday and leaving on Wednesday moves the due date by 2 business days', () => {
    const created = expectSuccess(
      planCreate({
        workflow: 'design',
        actor: actor('coordinador_comunicacion'),
        item: base,
        facts: facts(mx('2026-11-05', '10:00')),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(created.changes.dueAt).toBe('2026-11-10');
    let item = apply(base, created);

    const sent = expectSuccess(
      planTransition({
        workflow: 'design',
        from: 'en_diseno',
        to: 'en_revision',
        actor: actor('disenador_senior'),
        item: { ...item, status: 'en_diseno' },
        facts: facts(mx('2026-11-09', '10:00')),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(sent.changes.pauses).toEqual([
      { from: mx('2026-11-09', '10:00').toISOString(), to: null },
    ]);
    expect(sent.changes.dueAt).toBe('2026-11-10');
    expect(sent.changes.revisionRounds).toBe(1);
    expect(sent.changes.proposals).toEqual([
      expect.objectContaining({ version: 1, sentAt: mx('2026-11-09', '10:00').toISOString() }),
    ]);
    item = apply(item, sent);

    // Still waiting on the area: the pause goes on, it is not reopened.
    const observed = expectSuccess(
      planTransition({
        workflow: 'design',
        from: 'en_revision',
        to: 'con_observaciones',
        actor: actor('area'),
        item: {
          ...item,
          proposals: [
            { ...(item.proposals as Item[])[0], decision: 'observaciones', feedback: 'Otro color' },
          ],
        },
        facts: facts(mx('2026-11-10', '09:00')),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(observed.changes.pauses).toBeUndefined();
    expect(observed.changes.dueAt).toBe('2026-11-11');
    item = apply(item, observed);

    const resumed = expectSuccess(
      planTransition({
        workflow: 'design',
        from: 'con_observaciones',
        to: 'en_diseno',
        actor: actor('disenador_senior'),
        item,
        facts: facts(mx('2026-11-11', '10:00')),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(resumed.changes.pauses).toEqual([
      {
        from: mx('2026-11-09', '10:00').toISOString(),
        to: mx('2026-11-11', '10:00').toISOString(),
      },
    ]);
    expect(resumed.changes.dueAt).toBe('2026-11-12');
    expect(resumed.changes.startedAt).toBeUndefined();
  });

  it('the oficio pauses while its information is incomplete', () => {
    const asked = expectSuccess(
      planTransition({
        workflow: 'oficio',
        from: 'recibido',
        to: 'informacion_incompleta',
        actor: actor('coordinador_comunicacion'),
        item: { ...BASE_ITEMS.oficio, status: 'recibido' },
        facts: { now: mx('2026-11-03', '10:00') },
        comment: '  Falta la hora del evento  ',
        calendar,
        settings: SETTINGS,
      })
    );
    expect(asked.changes).toEqual({
      status: 'informacion_incompleta',
      statusChangedAt: mx('2026-11-03', '10:00').toISOString(),
      missingInformation: 'Falta la hora del evento',
      pauses: [{ from: mx('2026-11-03', '10:00').toISOString(), to: null }],
    });
    // Asking for information is not the start of the work.
    expect(asked.changes.startedAt).toBeUndefined();
    expect(asked.sideEffects).toEqual([]);

    const completed = expectSuccess(
      planTransition({
        workflow: 'oficio',
        from: 'informacion_incompleta',
        to: 'recibido',
        actor: actor('area'),
        item: { ...BASE_ITEMS.oficio, ...asked.changes },
        facts: { now: mx('2026-11-04', '12:00') },
        calendar,
        settings: SETTINGS,
      })
    );
    expect(completed.changes.pauses).toEqual([
      {
        from: mx('2026-11-03', '10:00').toISOString(),
        to: mx('2026-11-04', '12:00').toISOString(),
      },
    ]);
    expect(completed.changes.dueAt).toBeUndefined();
  });
});

describe('crew conflicts: the earlier-received request keeps the slot', () => {
  const overlap = (over: Partial<CrewOverlap>): CrewOverlap => ({
    documentId: 'c9',
    title: 'Sesión de cabildo',
    status: 'programada',
    startsAt: mx('2026-11-30', '11:00'),
    endsAt: mx('2026-11-30', '13:00'),
    receivedAt: mx('2026-11-03', '09:00'),
    sharedPeople: ['7'],
    ...over,
  });
  const schedule = (overlaps: CrewOverlap[], item: Partial<Item> = {}) =>
    planTransition({
      workflow: 'coverage-event',
      from: 'solicitada',
      to: 'programada',
      actor: actor('coordinador_comunicacion'),
      item: { ...happyItem('coverage-event', 'solicitada', 'programada'), ...item },
      facts: { ...baseFacts('coverage-event'), crewOverlaps: overlaps },
      calendar,
      settings: SETTINGS,
    });

  it('a later request displaces the overlapping one received after it', () => {
    // This request comes from the oficio received 2 November; the other on 3 November.
    const result = expectSuccess(schedule([overlap({})]));
    expect(result.sideEffects).toContainEqual({
      type: 'displace-crew',
      documentIds: ['c9'],
      people: ['7'],
    });
  });

  it('an earlier-received overlapping event refuses the schedule', () => {
    const failure = expectFailure(schedule([overlap({ receivedAt: mx('2026-11-01', '09:00') })]));
    expect(failure.code).toBe('CREW_CONFLICT');
    expect(failure.message).toContain('«Sesión de cabildo»');
    expect(failure.message).toContain('de 11:00 a 13:00');
    expect(failure.details).toEqual({
      conflicts: [
        {
          documentId: 'c9',
          title: 'Sesión de cabildo',
          startsAt: mx('2026-11-30', '11:00').toISOString(),
          endsAt: mx('2026-11-30', '13:00').toISOString(),
          people: ['7'],
        },
      ],
    });
  });

  it('one earlier conflict refuses even when another event would be displaced', () => {
    const failure = expectFailure(
      schedule([
        overlap({ documentId: 'late' }),
        overlap({
          documentId: 'early',
          receivedAt: mx('2026-10-20', '09:00'),
          sharedPeople: ['7', '8'],
        }),
      ])
    );
    expect(failure.code).toBe('CREW_CONFLICT');
    expect(failure.message).toContain('7 y 8 ya tienen asignada');
  });

  it('a tie in reception time goes to the smaller documentId', () => {
    const tie = overlap({ receivedAt: mx('2026-11-02', '10:00') });
    expect(expectFailure(schedule([{ ...tie, documentId: 'b' }], { documentId: 'c' })).code).toBe(
      'CREW_CONFLICT'
    );
    expect(
      expectSuccess(schedule([{ ...tie, documentId: 'd' }], { documentId: 'c' })).sideEffects
    ).toContainEqual({ type: 'displace-crew', documentIds: ['d'], people: ['7'] });
  });

  it('touching intervals do not overlap, and events without the slot are ignored', () => {
    const result = expectSuccess(
      schedule([
        overlap({
          startsAt: mx('2026-11-30', '12:00'),
          endsAt: mx('2026-11-30', '13:00'),
          receivedAt: mx('2026-10-01', '09:00'),
        }),
        overlap({ documentId: 'x1', status: 'cancelada', receivedAt: mx('2026-10-01', '09:00') }),
        overlap({ documentId: 'x2', status: 'solicitada', receivedAt: mx('2026-10-01', '09:00') }),
        overlap({ documentId: 'x3', sharedPeople: ['99'], receivedAt: mx('2026-10-01', '09:00') }),
        overlap({ documentId: 'c1', receivedAt: mx('2026-10-01', '09:00') }),
      ])
    );
    expect(result.sideEffects.filter((s) => s.type === 'displace-crew')).toEqual([]);
  });

  it('crew given as populated relations is understood', () => {
    const failure = expectFailure(
      schedule([overlap({ receivedAt: mx('2026-11-01', '09:00') })], {
        crew: [{ id: 7, firstname: 'Ana' }, { id: 8 }],
      })
    );
    expect(failure.code).toBe('CREW_CONFLICT');
  });
});

describe('electoral blackout', () => {
  const inVeda = mx('2027-05-20', '09:00').toISOString();
  const scheduleDuringVeda = (item: Partial<Item>) =>
    planTransition({
      workflow: 'social-post',
      from: 'borrador',
      to: 'programada',
      actor: actor('community_manager'),
      item: { ...happyItem('social-post', 'borrador', 'programada'), scheduledAt: inVeda, ...item },
      facts: baseFacts('social-post'),
      calendar,
      settings: BLACKOUT_SETTINGS,
    });

  it('refuses without an exception', () => {
    const failure = expectFailure(scheduleDuringVeda({}));
    expect(failure.code).toBe('BLACKOUT');
    expect(failure.details).toMatchObject({ period: VEDA });
  });

  it.each(['salud', 'educacion', 'proteccion_civil', 'autoridad_electoral', 'tramites_servicios'])(
    'allows the %s exception',
    (exception) => {
      expectSuccess(scheduleDuringVeda({ blackoutException: exception }));
    }
  );

  it('an exception authorized by the electoral authority needs its reference', () => {
    const failure = expectFailure(
      scheduleDuringVeda({ blackoutException: 'autorizada_autoridad_electoral' })
    );
    expect(failure.code).toBe('MISSING_DATA');
    expect(failure.details).toEqual({ fields: ['blackoutExceptionReference'] });
    expectSuccess(
      scheduleDuringVeda({
        blackoutException: 'autorizada_autoridad_electoral',
        blackoutExceptionReference: 'IEEM/CG/123/2027',
      })
    );
  });

  it('an unknown exception does not count', () => {
    expect(expectFailure(scheduleDuringVeda({ blackoutException: 'cultura' })).code).toBe(
      'BLACKOUT'
    );
  });

  it('both ends of the period are inside it, the days around are not', () => {
    for (const day of ['2027-04-04', '2027-06-06']) {
      expect(
        expectFailure(scheduleDuringVeda({ scheduledAt: mx(day, '23:30').toISOString() })).code
      ).toBe('BLACKOUT');
    }
    for (const day of ['2027-04-03', '2027-06-07']) {
      expectSuccess(scheduleDuringVeda({ scheduledAt: mx(day, '00:30').toISOString() }));
    }
  });

  it('web content that is not news is not blocked', () => {
    expectSuccess(
      planTransition({
        workflow: 'web-publication',
        from: 'lista',
        to: 'publicada',
        actor: actor('coordinador_gobierno_digital'),
        item: { ...happyItem('web-publication', 'lista', 'publicada'), isNews: false },
        facts: { ...baseFacts('web-publication'), now: mx('2027-05-10', '11:00') },
        calendar,
        settings: BLACKOUT_SETTINGS,
      })
    );
  });

  it('transparency documents are never blocked', () => {
    const result = expectSuccess(
      planTransition({
        workflow: 'transparency-document',
        from: 'lista',
        to: 'publicada',
        actor: actor('auxiliar_gobierno_digital'),
        item: {
          ...happyItem('transparency-document', 'lista', 'publicada'),
          isNews: true,
          mentionsPublicServant: true,
        },
        facts: { ...baseFacts('transparency-document'), now: mx('2027-05-10', '11:00') },
        calendar,
        settings: BLACKOUT_SETTINGS,
      })
    );
    expect(result.sideEffects).toEqual([{ type: 'publish' }]);
  });
});

describe('art. 134: content naming a public servant is published by the coordinator', () => {
  const publishPost = (roles: Role[]) =>
    planTransition({
      workflow: 'social-post',
      from: 'programada',
      to: 'publicada',
      actor: actor(...roles),
      item: { ...happyItem('social-post', 'programada', 'publicada'), mentionsPublicServant: true },
      facts: baseFacts('social-post'),
      calendar,
      settings: SETTINGS,
    });

  it('refuses the community manager', () => {
    expect(expectFailure(publishPost(['community_manager'])).code).toBe('PUBLIC_SERVANT_MENTION');
  });

  it.each<Role[]>([
    ['coordinador_comunicacion'],
    ['director'],
    ['system'],
    ['community_manager', 'coordinador_comunicacion'],
  ])('allows %p', (...roles) => {
    const result = expectSuccess(publishPost(roles));
    expect(result.changes.postedAt).toBe(baseFacts('social-post').now.toISOString());
  });

  it('a post that names nobody is published by the community manager', () => {
    expectSuccess(
      planTransition({
        workflow: 'social-post',
        from: 'programada',
        to: 'publicada',
        actor: actor('community_manager'),
        item: happyItem('social-post', 'programada', 'publicada'),
        facts: baseFacts('social-post'),
        calendar,
        settings: SETTINGS,
      })
    );
  });

  it('on the website the digital-government coordinator may publish it', () => {
    expectSuccess(
      planTransition({
        workflow: 'web-publication',
        from: 'lista',
        to: 'publicada',
        actor: actor('coordinador_gobierno_digital'),
        item: {
          ...happyItem('web-publication', 'lista', 'publicada'),
          mentionsPublicServant: true,
        },
        facts: baseFacts('web-publication'),
        calendar,
        settings: SETTINGS,
      })
    );
  });

  it('a social post about a design waits for the design approval', () => {
    for (const status of ['aprobado', 'publicado', 'en_imprenta', 'entregado']) {
      expectSuccess(
        planTransition({
          workflow: 'social-post',
          from: 'programada',
          to: 'publicada',
          actor: actor('community_manager'),
          item: happyItem('social-post', 'programada', 'publicada'),
          facts: { ...baseFacts('social-post'), linkedDesign: { status, title: 'Cartel' } },
          calendar,
          settings: SETTINGS,
        })
      );
    }
  });
});

describe('routing: senior designer for dependencias, junior for organismos auxiliares', () => {
  const start = (
    role: Role,
    areaKind: 'dependencia' | 'organismo_auxiliar' | 'presidencia' | null
  ) =>
    planTransition({
      workflow: 'design',
      from: 'pendiente',
      to: 'en_diseno',
      actor: actor(role),
      item: happyItem('design', 'pendiente', 'en_diseno'),
      facts: { ...baseFacts('design'), oficio: { ...OFICIO_FACTS, areaKind } },
      calendar,
      settings: SETTINGS,
    });

  it.each([['dependencia'], ['presidencia'], [null]] as const)(
    '%s goes to the senior designer',
    (kind) => {
      expectSuccess(start('disenador_senior', kind));
      const failure = expectFailure(start('disenador_junior', kind));
      expect(failure.code).toBe('TRANSITION_FORBIDDEN');
      expect(failure.status).toBe(403);
      expect(failure.details.roles).toEqual([
        'Diseñador(a) Senior',
        'Coordinador(a) de Comunicación Social',
        'Director(a)',
      ]);
    }
  );

  it('organismo auxiliar goes to the junior designer', () => {
    expectSuccess(start('disenador_junior', 'organismo_auxiliar'));
    const failure = expectFailure(start('disenador_senior', 'organismo_auxiliar'));
    expect(failure.code).toBe('TRANSITION_FORBIDDEN');
    expect(failure.message).toBe(
      'Tu rol no puede pasar un diseño de «Pendiente» a «En diseño». Pueden hacerlo: Diseñador(a) ' +
        'Junior, Coordinador(a) de Comunicación Social y Director(a).'
    );
  });

  it('the communication coordinator may always act for the designer', () => {
    expectSuccess(start('coordinador_comunicacion', 'organismo_auxiliar'));
    expectSuccess(start('coordinador_comunicacion', 'dependencia'));
  });

  it('a design without an owning oficio goes to the senior designer', () => {
    expectSuccess(
      planTransition({
        workflow: 'design',
        from: 'pendiente',
        to: 'en_diseno',
        actor: actor('disenador_senior'),
        item: {
          ...happyItem('design', 'pendiente', 'en_diseno'),
          receivedAt: mx('2026-11-02', '10:00').toISOString(),
        },
        facts: { now: mx('2026-11-10', '11:00'), oficio: null },
        calendar,
        settings: SETTINGS,
      })
    );
  });
});

describe('oficio', () => {
  it('cannot be answered while work items are open', () => {
    const attend = (items: Facts['items']) =>
      planTransition({
        workflow: 'oficio',
        from: 'en_atencion',
        to: 'atendido',
        actor: actor('coordinador_organismos'),
        item: { ...BASE_ITEMS.oficio, status: 'en_atencion' },
        facts: { now: mx('2026-11-20', '10:00'), items },
        calendar,
        settings: SETTINGS,
      });
    const failure = expectFailure(attend([{ workflow: 'coverage-event', status: 'cubierta' }]));
    expect(failure.code).toBe('OPEN_ITEMS');
    expect(failure.message).toBe(
      'Queda 1 trabajo abierto en este oficio: ciérralo antes de marcarlo como atendido.'
    );
    const done = expectSuccess(
      attend([
        { workflow: 'coverage-event', status: 'entregada' },
        { workflow: 'design', status: 'cancelado' },
        { workflow: 'web-publication', status: 'respondida' },
      ])
    );
    expect(done.changes.closedAt).toBe(mx('2026-11-20', '10:00').toISOString());
  });

  it('is registered by an area, with its reception instant defaulting to now', () => {
    const now = mx('2026-11-13', '19:00');
    const result = expectSuccess(
      planCreate({
        workflow: 'oficio',
        actor: { kind: 'api', roles: ['area'], id: 4 },
        item: { subject: 'Cartel' },
        facts: { now },
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result.changes).toEqual({
      status: 'recibido',
      statusChangedAt: now.toISOString(),
      receivedAt: now.toISOString(),
    });
  });

  it('an area cannot backdate its reception; staff may record when a paper oficio arrived', () => {
    const now = mx('2026-11-13', '11:00');
    const earlier = mx('2026-11-12', '09:00').toISOString();
    const create = (roles: Role[]) =>
      expectSuccess(
        planCreate({
          workflow: 'oficio',
          actor: { kind: roles.includes('area') ? 'api' : 'admin', roles },
          item: { receivedAt: earlier },
          facts: { now },
          calendar,
          settings: SETTINGS,
        })
      ).changes.receivedAt;
    expect(create(['area'])).toBe(now.toISOString());
    expect(create(['coordinador_comunicacion'])).toBeUndefined();
  });

  it('starting it directly sets startedAt without moving any other oficio', () => {
    const result = expectSuccess(
      planTransition({
        workflow: 'oficio',
        from: 'recibido',
        to: 'en_atencion',
        actor: actor('system'),
        item: { ...BASE_ITEMS.oficio, status: 'recibido' },
        facts: { now: mx('2026-11-03', '10:00') },
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result.changes.startedAt).toBe(mx('2026-11-03', '10:00').toISOString());
    expect(result.sideEffects).toEqual([]);
  });
});

describe('generic effects', () => {
  it('work starting on an oficio that is already in attention does not move it again', () => {
    const result = expectSuccess(
      planTransition({
        workflow: 'advisory',
        from: 'abierta',
        to: 'en_seguimiento',
        actor: actor('coordinador_organismos'),
        item: happyItem('advisory', 'abierta', 'en_seguimiento'),
        facts: baseFacts('advisory'),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result.changes.startedAt).toBe(baseFacts('advisory').now.toISOString());
    expect(result.sideEffects).toEqual([]);
  });

  it('a cancellation out of the initial state is not the start of work', () => {
    const result = expectSuccess(
      planTransition({
        workflow: 'coverage-event',
        from: 'solicitada',
        to: 'cancelada',
        actor: actor('area'),
        item: happyItem('coverage-event', 'solicitada', 'cancelada'),
        facts: { ...baseFacts('coverage-event'), oficio: { ...OFICIO_FACTS, status: 'recibido' } },
        comment: 'Se suspendió el evento',
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result.changes.startedAt).toBeUndefined();
    expect(result.changes.closedAt).toBe(baseFacts('coverage-event').now.toISOString());
    expect(result.sideEffects).toEqual([]);
  });

  it('startedAt is set only once', () => {
    const result = expectSuccess(
      planTransition({
        workflow: 'coverage-event',
        from: 'solicitada',
        to: 'programada',
        actor: actor('coordinador_comunicacion'),
        item: {
          ...happyItem('coverage-event', 'solicitada', 'programada'),
          startedAt: '2026-11-03T16:00:00.000Z',
        },
        facts: { ...baseFacts('coverage-event'), oficio: { ...OFICIO_FACTS, status: 'recibido' } },
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result.changes.startedAt).toBeUndefined();
    expect(result.sideEffects).toEqual([]);
  });

  it('web publication: publish, verify, answer and withdraw carry their effects', () => {
    const now = baseFacts('web-publication').now.toISOString();
    const go = (from: string, to: string, comment?: string) =>
      expectSuccess(
        planTransition({
          workflow: 'web-publication',
          from,
          to,
          actor: actor('auxiliar_gobierno_digital'),
          item: { ...happyItem('web-publication', from, to), withdrawalReason: null },
          facts: baseFacts('web-publication'),
          comment,
          calendar,
          settings: SETTINGS,
        })
      );
    expect(go('lista', 'publicada').sideEffects).toEqual([{ type: 'publish' }]);
    expect(go('publicada', 'verificada').changes.verifiedAt).toBe(now);
    const answered = go('verificada', 'respondida');
    expect(answered.changes).toMatchObject({ respondedAt: now, closedAt: now });
    const withdrawn = go('respondida', 'retirada', 'Información desactualizada');
    expect(withdrawn.changes).toMatchObject({
      withdrawalReason: 'Información desactualizada',
      closedAt: now,
    });
    expect(withdrawn.sideEffects).toEqual([{ type: 'unpublish' }]);
  });

  it('a rejected e-mail account keeps the reason', () => {
    const result = expectSuccess(
      planTransition({
        workflow: 'email-account-request',
        from: 'solicitada',
        to: 'rechazada',
        actor: { kind: 'api', roles: ['secretaria_tecnica'] },
        item: happyItem('email-account-request', 'solicitada', 'rechazada'),
        facts: baseFacts('email-account-request'),
        comment: 'La plaza no existe en la plantilla',
        calendar,
        settings: SETTINGS,
      })
    );
    expect(result.changes).toMatchObject({
      rejectionReason: 'La plaza no existe en la plantilla',
      closedAt: baseFacts('email-account-request').now.toISOString(),
    });
    expect(result.changes.startedAt).toBeUndefined();
  });

  it('coverage: covered, then due the next business day', () => {
    const covered = expectSuccess(
      planTransition({
        workflow: 'coverage-event',
        from: 'programada',
        to: 'cubierta',
        actor: actor('fotografo'),
        item: happyItem('coverage-event', 'programada', 'cubierta'),
        facts: { ...baseFacts('coverage-event'), now: mx('2026-11-13', '14:00') },
        calendar,
        settings: SETTINGS,
      })
    );
    expect(covered.changes.coveredAt).toBe(mx('2026-11-13', '14:00').toISOString());
    // Friday 13 + 1 business day, skipping the Monday 16 holiday.
    expect(covered.changes.dueAt).toBe('2026-11-17');
  });

  it('e-mail account: due 3 business days after reception, then after authorization', () => {
    const created = expectSuccess(
      planCreate({
        workflow: 'email-account-request',
        actor: actor('coordinador_gobierno_digital'),
        item: { kind: 'alta' },
        facts: baseFacts('email-account-request'),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(created.changes).toMatchObject({
      leadTimeMet: true,
      earliestAllowedDate: '2026-11-02',
      dueAt: '2026-11-05',
    });
    const authorized = expectSuccess(
      planTransition({
        workflow: 'email-account-request',
        from: 'solicitada',
        to: 'autorizada',
        actor: { kind: 'api', roles: ['secretaria_tecnica'] },
        item: {
          ...happyItem('email-account-request', 'solicitada', 'autorizada'),
          ...created.changes,
        },
        facts: { ...baseFacts('email-account-request'), now: mx('2026-11-12', '10:00') },
        calendar,
        settings: SETTINGS,
      })
    );
    expect(authorized.changes.dueAt).toBe('2026-11-18');
    const made = expectSuccess(
      planTransition({
        workflow: 'email-account-request',
        from: 'autorizada',
        to: 'creada',
        actor: actor('auxiliar_gobierno_digital'),
        item: {
          ...happyItem('email-account-request', 'autorizada', 'creada'),
          ...authorized.changes,
        },
        facts: { ...baseFacts('email-account-request'), now: mx('2026-11-17', '10:00') },
        calendar,
        settings: SETTINGS,
      })
    );
    // The authorization day still anchors the deadline.
    expect(made.changes.dueAt).toBe('2026-11-18');
  });
});

describe('planCreate', () => {
  it.each([
    ['design', 'pendiente'],
    ['coverage-event', 'solicitada'],
    ['social-post', 'borrador'],
    ['web-publication', 'recibida'],
    ['transparency-document', 'recibida'],
    ['email-account-request', 'solicitada'],
    ['advisory', 'abierta'],
    ['oficio', 'recibido'],
  ] as const)('%s starts in %s (absent, null or the same status)', (workflow, initial) => {
    for (const status of [undefined, null, '', initial]) {
      const result = expectSuccess(
        planCreate({
          workflow,
          actor: actor('coordinador_comunicacion'),
          item: status === undefined ? {} : { status },
          facts: baseFacts(workflow),
          calendar,
          settings: SETTINGS,
        })
      );
      expect(result.changes.status).toBe(initial);
    }
  });

  it('refuses a new record in another state', () => {
    const failure = expectFailure(
      planCreate({
        workflow: 'design',
        actor: actor('director'),
        item: { status: 'aprobado' },
        facts: baseFacts('design'),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(failure.code).toBe('INVALID_TRANSITION');
    expect(failure.status).toBe(400);
    expect(failure.message).toBe(
      'Un registro nuevo de diseño empieza en «Pendiente»; no puede crearse en «Aprobado».'
    );
    expect(failure.details).toEqual({ from: null, to: 'aprobado', allowed: ['pendiente'] });
  });

  it('areas register oficios only; the Secretaría Técnica registers nothing', () => {
    const create = (workflow: 'oficio' | 'design' | 'email-account-request', role: Role) =>
      planCreate({
        workflow,
        actor: { kind: 'api', roles: [role] },
        item: {},
        facts: baseFacts(workflow),
        calendar,
        settings: SETTINGS,
      });
    expectSuccess(create('oficio', 'area'));
    const failure = expectFailure(create('design', 'area'));
    expect(failure.status).toBe(403);
    expect(failure.code).toBe('TRANSITION_FORBIDDEN');
    expect(failure.message).toMatch(/^Tu rol no puede registrar un diseño\./);
    expect(expectFailure(create('email-account-request', 'secretaria_tecnica')).code).toBe(
      'TRANSITION_FORBIDDEN'
    );
    expectSuccess(
      planCreate({
        workflow: 'design',
        actor: { kind: 'system', roles: [] },
        item: {},
        facts: baseFacts('design'),
        calendar,
        settings: SETTINGS,
      })
    );
  });

  it('without the target date the verdict is unknown but the earliest date is computed', () => {
    const cases = [
      ['design', { medium: 'digital' }, '2026-11-05'],
      ['coverage-event', {}, '2026-11-05'],
      ['web-publication', {}, '2026-11-05'],
      ['transparency-document', {}, '2026-11-05'],
      ['social-post', {}, '2026-11-10'],
    ] as const;
    for (const [workflow, item, earliest] of cases) {
      const result = expectSuccess(
        planCreate({
          workflow,
          actor: actor('coordinador_comunicacion'),
          item,
          facts: baseFacts(workflow),
          calendar,
          settings: SETTINGS,
        })
      );
      expect(result.changes).toMatchObject({ leadTimeMet: null, earliestAllowedDate: earliest });
    }
  });

  it("computes each workflow's due date", () => {
    const due = (workflow: Parameters<typeof planCreate>[0]['workflow'], item: Item) =>
      expectSuccess(
        planCreate({
          workflow,
          actor: actor('coordinador_comunicacion'),
          item,
          facts: baseFacts(workflow),
          calendar,
          settings: SETTINGS,
        })
      ).changes.dueAt;
    expect(due('coverage-event', { startsAt: '2026-11-30T23:30:00-06:00' })).toBe('2026-11-30');
    expect(due('coverage-event', {})).toBe('2026-11-05');
    expect(due('social-post', { scheduledAt: '2026-11-28T09:00', eventDate: '2026-11-30' })).toBe(
      '2026-11-28'
    );
    expect(due('social-post', { eventDate: '2026-11-30' })).toBe('2026-11-30');
    expect(due('social-post', {})).toBe('2026-11-03');
    expect(due('web-publication', { wantedDate: '2026-12-01' })).toBe('2026-12-01');
    expect(due('web-publication', {})).toBe('2026-11-05');
    expect(due('advisory', { followUpDate: '2026-11-20' })).toBe('2026-11-20');
    expect(due('advisory', {})).toBe('2026-11-09');
    expect(due('oficio', {})).toBeUndefined();
  });

  it('an informal advisory counts from its own reception', () => {
    const result = expectSuccess(
      planCreate({
        workflow: 'advisory',
        actor: actor('coordinador_organismos'),
        item: { channel: 'economica', receivedAt: '2026-11-13T10:00:00-06:00' },
        facts: { now: mx('2026-11-13', '10:05'), oficio: null },
        calendar,
        settings: SETTINGS,
      })
    );
    // 13 Nov + 5 business days (16 is a holiday): 17, 18, 19, 20, 23.
    expect(result.changes).toMatchObject({
      dueAt: '2026-11-23',
      earliestAllowedDate: '2026-11-13',
    });
  });
});

describe('recomputeSchedule', () => {
  const holidayCalendar = new BusinessCalendar([
    ...lftHolidays(2026),
    { date: '2026-11-04', name: 'Día del municipio', source: 'municipal' },
  ]);

  it('moves dueAt and the lead-time fields when a holiday is added, and returns only changes', () => {
    const item: Item = {
      ...BASE_ITEMS.design,
      status: 'en_diseno',
      medium: 'digital',
      eventDate: '2026-11-05',
      leadTimeMet: true,
      earliestAllowedDate: '2026-11-05',
      dueAt: '2026-11-05',
    };
    expect(
      recomputeSchedule({
        workflow: 'design',
        item,
        facts: baseFacts('design'),
        calendar,
        settings: SETTINGS,
      })
    ).toEqual({});
    expect(
      recomputeSchedule({
        workflow: 'design',
        item,
        facts: baseFacts('design'),
        calendar: holidayCalendar,
        settings: SETTINGS,
      })
    ).toEqual({ leadTimeMet: false, earliestAllowedDate: '2026-11-06', dueAt: '2026-11-06' });
  });

  it('extends an open pause up to now', () => {
    const item: Item = {
      ...BASE_ITEMS.design,
      status: 'en_revision',
      medium: 'digital',
      dueAt: '2026-11-05',
      leadTimeMet: true,
      earliestAllowedDate: '2026-11-05',
      pauses: [{ from: mx('2026-11-04', '10:00').toISOString(), to: null }],
    };
    // Paused Wednesday 4 to Tuesday 10 (now): 4 business days.
    expect(
      recomputeSchedule({
        workflow: 'design',
        item,
        facts: baseFacts('design'),
        calendar,
        settings: SETTINGS,
      })
    ).toEqual({ dueAt: '2026-11-11' });
  });

  it('leaves closed items and oficios alone', () => {
    expect(
      recomputeSchedule({
        workflow: 'design',
        item: { ...BASE_ITEMS.design, status: 'entregado', dueAt: '2026-01-01' },
        facts: baseFacts('design'),
        calendar,
        settings: SETTINGS,
      })
    ).toEqual({});
    expect(
      recomputeSchedule({
        workflow: 'oficio',
        item: { ...BASE_ITEMS.oficio, status: 'en_atencion' },
        facts: baseFacts('oficio'),
        calendar,
        settings: SETTINGS,
      })
    ).toEqual({});
  });
});

describe('availableTransitions', () => {
  it('offers the area its decisions on a design under review, with their guard verdicts', () => {
    const offered = availableTransitions({
      workflow: 'design',
      from: 'en_revision',
      actor: { kind: 'api', roles: ['area'] },
      item: happyItem('design', 'en_revision', 'aprobado'),
      facts: baseFacts('design'),
      calendar,
      settings: SETTINGS,
    });
    expect(offered.map((t) => [t.to, t.label, t.allowed])).toEqual([
      ['con_observaciones', 'Registrar observaciones', false],
      ['aprobado', 'Aprobar', true],
      ['cancelado', 'Cancelar', true],
    ]);
    expect(offered[0].failure?.code).toBe('MISSING_DATA');
    expect(offered[2].comment).toEqual({
      required: true,
      prompt: 'Indica el motivo de la cancelación.',
    });
  });

  it('hides what the role may not fire and what does not apply to the item', () => {
    const offered = availableTransitions({
      workflow: 'design',
      from: 'aprobado',
      actor: actor('community_manager'),
      item: happyItem('design', 'aprobado', 'publicado'),
      facts: baseFacts('design'),
      calendar,
      settings: SETTINGS,
    });
    expect(offered.map((t) => t.to)).toEqual(['publicado']);
    const print = availableTransitions({
      workflow: 'design',
      from: 'aprobado',
      actor: actor('director'),
      item: happyItem('design', 'aprobado', 'en_imprenta'),
      facts: baseFacts('design'),
      calendar,
      settings: SETTINGS,
    });
    expect(print.map((t) => t.to)).toEqual(['en_imprenta', 'cancelado']);
  });

  it('a withdrawal is offered even without a stored reason: the comment will carry it', () => {
    const offered = availableTransitions({
      workflow: 'web-publication',
      from: 'publicada',
      actor: actor('auxiliar_gobierno_digital'),
      item: {
        ...happyItem('web-publication', 'publicada', 'retirada'),
        withdrawalReason: null,
        verificationEvidence: null,
      },
      facts: baseFacts('web-publication'),
      calendar,
      settings: SETTINGS,
    });
    expect(offered).toEqual([
      expect.objectContaining({ to: 'verificada', allowed: false }),
      expect.objectContaining({
        to: 'retirada',
        allowed: true,
        comment: { required: false, prompt: 'Indica el motivo del retiro.' },
      }),
    ]);
  });
});
