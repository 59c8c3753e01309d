import {
  QUEUES,
  deliveredStates,
  queueBadges,
  queueByKey,
  queueStates,
  queuesOverlap,
  sourceHolds,
  type QueueDefinition,
} from '../queues';
import { WORKFLOWS } from '../workflows';

describe('bandejas', () => {
  it('los estados de una bandeja con varias fuentes, en el orden de sus fuentes', () => {
    expect(queueStates(queueByKey('redes_sociales')!)).toEqual([
      { workflow: 'social-post', state: 'borrador' },
      { workflow: 'social-post', state: 'programada' },
      { workflow: 'design', state: 'aprobado' },
    ]);
    for (const queue of QUEUES) {
      for (const { workflow, state } of queueStates(queue)) {
        expect(Object.keys(WORKFLOWS[workflow].states)).toContain(state);
      }
    }
  });

  it('insignias: vencido, vence hoy, extemporáneo, por aceptar y en pausa', () => {
    const base = { today: '2026-11-24', isLate: false, lateAccepted: false, waiting: false };
    expect(queueBadges({ ...base, dueAt: '2026-11-23' })).toMatchObject({
      overdue: true,
      dueToday: false,
    });
    expect(queueBadges({ ...base, dueAt: '2026-11-24' })).toMatchObject({
      overdue: false,
      dueToday: true,
    });
    expect(queueBadges({ ...base, dueAt: null })).toMatchObject({
      overdue: false,
      dueToday: false,
    });
    expect(queueBadges({ ...base, dueAt: null, isLate: true })).toMatchObject({
      late: true,
      awaitingLateAcceptance: true,
    });
    expect(queueBadges({ ...base, dueAt: null, isLate: true, lateAccepted: true })).toMatchObject({
      late: true,
      awaitingLateAcceptance: false,
    });
    expect(queueBadges({ ...base, dueAt: null, waiting: true }).paused).toBe(true);
  });

  it('los cierres que entregan trabajo dejan fuera cancelaciones y rechazos', () => {
    expect(deliveredStates('design')).toEqual(['entregado', 'publicado']);
    expect(deliveredStates('email-account-request')).toEqual(['verificada']);
    expect(deliveredStates('web-publication')).toEqual(['respondida', 'retirada']);
  });

  it('detecta si un registro podría estar en dos bandejas a la vez', () => {
    // The office's ten queues never share an item.
    expect(queuesOverlap(QUEUES)).toBe(false);
    const queue = (sources: QueueDefinition['sources']): QueueDefinition => ({
      key: 'recepcion',
      label: 'x',
      description: 'x',
      roles: [],
      sources,
    });
    const approved = { workflow: 'design' as const, states: ['aprobado'] };
    expect(queuesOverlap([queue([approved]), queue([{ ...approved, medium: 'impreso' }])])).toBe(
      true
    );
    expect(
      queuesOverlap([
        queue([{ ...approved, medium: 'digital' }]),
        queue([{ ...approved, medium: 'impreso' }]),
      ])
    ).toBe(false);
    expect(
      queuesOverlap([
        queue([{ ...approved, areaKind: 'organismo_auxiliar' }]),
        queue([{ ...approved, areaKind: 'not_organismo_auxiliar' }]),
      ])
    ).toBe(false);
    expect(
      queuesOverlap([queue([approved]), queue([{ workflow: 'design', states: ['en_revision'] }])])
    ).toBe(false);
  });

  it('qué bandejas cuentan un servicio según su estado, su medio y el tipo de área', () => {
    const holding = (facts: Parameters<typeof sourceHolds>[1]) =>
      QUEUES.filter((queue) => queue.sources.some((source) => sourceHolds(source, facts))).map(
        (queue) => queue.key
      );
    const design = { workflow: 'design' as const, medium: '', areaKind: 'dependencia' };
    expect(holding({ ...design, status: 'pendiente' })).toEqual(['diseno_senior']);
    // Without an area the design is a dependencia's work, as the queue query reads it.
    expect(holding({ ...design, status: 'pendiente', areaKind: '' })).toEqual(['diseno_senior']);
    expect(holding({ ...design, status: 'pendiente', areaKind: 'organismo_auxiliar' })).toEqual([
      'diseno_junior',
    ]);
    expect(holding({ ...design, status: 'aprobado', medium: 'impreso' })).toEqual(['imprenta']);
    expect(holding({ ...design, status: 'aprobado', medium: 'digital' })).toEqual([
      'redes_sociales',
    ]);
    // An approved design without a medium yet is in neither queue.
    expect(holding({ ...design, status: 'aprobado' })).toEqual([]);
    expect(holding({ ...design, status: 'entregado', medium: 'impreso' })).toEqual([]);
    expect(
      holding({ workflow: 'oficio', status: 'recibido', medium: '', areaKind: 'dependencia' })
    ).toEqual(['recepcion']);
  });
});
