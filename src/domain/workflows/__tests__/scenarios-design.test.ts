import {
  planCreate,
  planTransition,
  recomputeSchedule,
  type Facts,
  type Item,
  type Role,
  type WorkflowSettings,
} from '..';
import { checkValues, checkWrite, type WriteInput } from '../invariants';
import {
  actor,
  BASE_ITEMS,
  calendar,
  expectFailure,
  expectSuccess,
  mx,
  OFICIO_FACTS,
  SETTINGS,
} from './helpers';

/** The manual's design procedures (1.1, 1.2, 3.1) as the pure rules see them. */

// Monday 2 November 2026, 10:00 in Mexico City.
const RECEIVED = mx('2026-11-02', '10:00');

const facts = (oficio: Partial<NonNullable<Facts['oficio']>> = {}): Facts => ({
  now: RECEIVED,
  oficio: { ...OFICIO_FACTS, receivedAt: RECEIVED, ...oficio },
});

const schedule = (item: Item, settings: WorkflowSettings = SETTINGS) =>
  recomputeSchedule({ workflow: 'design', item, facts: facts(), calendar, settings });

const start = (item: Item, as: Role = 'disenador_senior', oficio = {}) =>
  planTransition({
    workflow: 'design',
    from: 'pendiente',
    to: 'en_diseno',
    actor: actor(as),
    item: { ...item, status: 'pendiente' },
    facts: facts(oficio),
    calendar,
    settings: SETTINGS,
  });

const write = (input: Partial<WriteInput> & Pick<WriteInput, 'before' | 'after'>): WriteInput => ({
  workflow: 'design',
  action: 'update',
  door: 'content_manager',
  actor: actor('disenador_senior'),
  changed: new Set(),
  comment: null,
  facts: facts(),
  received: RECEIVED,
  calendar,
  settings: SETTINGS,
  now: RECEIVED,
  ...input,
});

describe('1.1 Material de imprenta', () => {
  const print: Item = { ...BASE_ITEMS.design, medium: 'impreso', eventDate: '2026-11-03' };

  it('no tiene plazo de solicitud ni fecha de vencimiento antes de la aprobación', () => {
    const created = expectSuccess(
      planCreate({
        workflow: 'design',
        actor: actor('system'),
        item: print,
        facts: facts({ status: 'recibido' }),
        calendar,
        settings: SETTINGS,
      })
    );
    expect(created.changes).toMatchObject({ leadTimeMet: true, dueAt: null });
  });

  it('vence 5 días hábiles después de la aprobación del área', () => {
    // Approved Friday 13 November 2026; Monday 16 is a holiday: due Monday 23 November.
    const approvedAt = mx('2026-11-13', '12:00').toISOString();
    expect(schedule({ ...print, status: 'aprobado', approvedAt, dueAt: null })).toMatchObject({
      dueAt: '2026-11-23',
    });
  });

  it('pasa a no tener vencimiento si se corrige de digital a impreso antes de aprobarse', () => {
    expect(schedule({ ...print, status: 'en_diseno', dueAt: '2026-11-05' })).toMatchObject({
      dueAt: null,
    });
  });

  it('se pide con oficio a la Presidencia con copia a la Dirección', () => {
    expectSuccess(start(print));
    const toDireccion = expectFailure(
      start(print, 'disenador_senior', { addressedTo: 'direccion' })
    );
    expect(toDireccion.details.fields).toEqual(['oficio.addressedTo']);
    const noCopy = expectFailure(start(print, 'disenador_senior', { copiedTo: ['presidencia'] }));
    expect(noCopy.details.fields).toEqual(['oficio.copiedTo']);
    expect(noCopy.message).toMatch(/«Con copia a»/);
    // Digital art is addressed to the Dirección as every other request.
    expectSuccess(
      start({ ...print, medium: 'digital', eventDate: '2026-11-30' }, 'disenador_senior', {
        addressedTo: 'direccion',
        copiedTo: null,
      })
    );
  });

  it('las copias del oficio son una lista de destinatarios conocidos', () => {
    const copies = (copiedTo: unknown) =>
      checkValues({ workflow: 'oficio', after: { copiedTo }, changed: new Set(['copiedTo']) });
    expect(copies(['direccion', 'secretaria_tecnica'])).toBeNull();
    expect(copies('direccion')?.code).toBe('INVALID_COPIES');
    expect(copies(['direccion', 'la prensa'])?.code).toBe('INVALID_COPIES');
    expect(copies(['direccion', 'direccion'])?.code).toBe('INVALID_COPIES');
  });

  it('se entrega con un oficio (número y fecha) y la entrega no se reescribe sin motivo', () => {
    const deliver = (delivery: unknown, as: Role = 'disenador_senior') =>
      planTransition({
        workflow: 'design',
        from: 'en_imprenta',
        to: 'entregado',
        actor: actor(as),
        item: { ...print, status: 'en_imprenta', delivery },
        facts: facts(),
        calendar,
        settings: SETTINGS,
      });
    expect(expectFailure(deliver(null)).details.fields).toEqual([
      'delivery.number',
      'delivery.date',
    ]);
    const done = expectSuccess(deliver({ number: 'DCSGD/0150/2026', date: '2026-11-27' }));
    expect(done.changes.deliveredAt).toBe(RECEIVED.toISOString());
    expect(expectFailure(deliver(null, 'fotografo')).code).toBe('TRANSITION_FORBIDDEN');

    const delivered = {
      ...print,
      status: 'entregado',
      delivery: { number: 'A', date: '2026-11-27' },
    };
    const changed = { ...delivered, delivery: { number: 'B', date: '2026-11-27' } };
    const rewrite = (as: Role, comment: string | null) =>
      checkWrite(
        write({
          before: delivered,
          after: changed,
          changed: new Set(['delivery']),
          actor: actor(as),
          comment,
        })
      );
    expect(rewrite('disenador_senior', 'Número equivocado')?.code).toBe('CORRECTION_FORBIDDEN');
    expect(rewrite('coordinador_comunicacion', null)?.code).toBe('COMMENT_REQUIRED');
    expect(rewrite('coordinador_comunicacion', 'El número correcto del oficio es B.')).toBeNull();
    // Before the delivery, the designer fills it in freely.
    const inPress = { ...print, status: 'en_imprenta', delivery: null };
    expect(
      checkWrite(
        write({
          before: inPress,
          after: { ...inPress, delivery: { number: 'B' } },
          changed: new Set(['delivery']),
        })
      )
    ).toBeNull();
  });
});

describe('1.2 Arte digital', () => {
  const digital: Item = { ...BASE_ITEMS.design, medium: 'digital', eventDate: '2026-11-30' };

  it('vence a los 3 días hábiles de la recepción, con o sin aprobación', () => {
    expect(schedule({ ...digital, status: 'pendiente', dueAt: null })).toMatchObject({
      dueAt: '2026-11-05',
    });
  });

  it('indica qué logotipos institucionales lleva y en qué orden', () => {
    const failure = expectFailure(start({ ...digital, logos: [] }));
    expect(failure).toMatchObject({ code: 'MISSING_DATA', details: { fields: ['logos'] } });
    expect(failure.message).toMatch(/en el orden en que deben aparecer/);
    expectSuccess(start(digital));
  });

  it('no admite elegir un logotipo dado de baja, pero conserva el que ya llevaba', () => {
    const retired = { logo: 'viejo', name: 'Logotipo 2022-2024', active: false };
    const before = { ...digital, status: 'pendiente' };
    const failure = checkWrite(
      write({
        before,
        after: { ...before, logos: [...(digital.logos as unknown[]), retired] },
        changed: new Set(['logos']),
      })
    );
    expect(failure?.code).toBe('INACTIVE_LOGO');
    expect(failure?.message).toMatch(/«Logotipo 2022-2024» está dado de baja/);
    const carrying = { ...before, logos: [retired] };
    expect(
      checkWrite(
        write({
          before: carrying,
          after: { ...carrying, logos: [...(digital.logos as unknown[]), retired] },
          changed: new Set(['logos']),
        })
      )
    ).toBeNull();
  });

  it('la publica el Community Manager; el fotógrafo no', () => {
    const publish = (as: Role) =>
      planTransition({
        workflow: 'design',
        from: 'aprobado',
        to: 'publicado',
        actor: actor(as),
        item: { ...digital, status: 'aprobado' },
        facts: facts(),
        calendar,
        settings: SETTINGS,
      });
    expectSuccess(publish('community_manager'));
    expect(expectFailure(publish('fotografo')).code).toBe('TRANSITION_FORBIDDEN');
  });
});

describe('3.1 Diseño para organismos auxiliares', () => {
  it('lo atiende el/la Diseñador(a) Junior; el/la Senior no', () => {
    const item: Item = { ...BASE_ITEMS.design, medium: 'digital', eventDate: '2026-11-30' };
    const organism = { areaKind: 'organismo_auxiliar' as const };
    expectSuccess(start(item, 'disenador_junior', organism));
    expect(expectFailure(start(item, 'disenador_senior', organism)).code).toBe(
      'TRANSITION_FORBIDDEN'
    );
  });
});
