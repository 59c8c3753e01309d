import { planCreate, planTransition, recomputeSchedule, type Item, type Role } from '..';
import { checkWrite, type WriteInput } from '../invariants';
import type { Facts, WorkflowKey } from '../types';
import {
  actor,
  baseFacts,
  calendar,
  expectFailure,
  expectSuccess,
  NOW,
  OFICIO_FACTS,
  RECEIVED,
  SETTINGS,
} from './helpers';

/** The facts of a request filed by the Dirección de Desarrollo Urbano. */
const URBANO: Facts = {
  now: NOW,
  oficio: {
    ...OFICIO_FACTS,
    areaName: 'Dirección de Desarrollo Urbano',
    areaShortName: 'DDU',
  },
};

/** Walks an item through `steps`, each as `role`, with the data added before it; returns it. */
function walk(
  workflow: WorkflowKey,
  start: Item,
  steps: readonly { to: string; as: Role; data?: Item }[],
  facts: Facts = baseFacts(workflow)
): Item {
  let item = start;
  for (const step of steps) {
    item = { ...item, ...(step.data ?? {}) };
    const result = expectSuccess(
      planTransition({
        workflow,
        from: String(item.status),
        to: step.to,
        actor: actor(step.as),
        item,
        facts,
        comment: null,
        calendar,
        settings: SETTINGS,
      })
    );
    item = { ...item, ...result.changes };
  }
  return item;
}

const AUTHORIZATION = { authorizationReference: 'ST/0201/2026', authorizationDate: '2026-11-04' };
const DELIVERY = { number: 'DCSGD/0042/2026', date: '2026-11-06', document: 7 };

describe('GD 2 Cuenta de correo institucional, según el tipo', () => {
  it('alta: la dirección sugerida sale del nombre del área y es la de la cuenta mientras no se elija otra', () => {
    const created = expectSuccess(
      planCreate({
        workflow: 'email-account-request',
        actor: actor('system'),
        item: { kind: 'alta', title: 'Correo de Desarrollo Urbano' },
        facts: URBANO,
        calendar,
        settings: SETTINGS,
      })
    );
    expect(created.changes).toMatchObject({
      status: 'solicitada',
      suggestedAddress: 'desarrollourbano@calimaya.gob.mx',
      emailAddress: 'desarrollourbano@calimaya.gob.mx',
    });
    // A support request gets the suggestion only: its address is the existing account's.
    const support = expectSuccess(
      planCreate({
        workflow: 'email-account-request',
        actor: actor('system'),
        item: { kind: 'soporte', title: 'Soporte' },
        facts: URBANO,
        calendar,
        settings: SETTINGS,
      })
    );
    expect(support.changes.suggestedAddress).toBe('desarrollourbano@calimaya.gob.mx');
    expect(support.changes).not.toHaveProperty('emailAddress');
  });

  it('alta: autorizada → creada → entregada (oficio) → verificada (instalación y evidencia)', () => {
    const item = walk(
      'email-account-request',
      { status: 'solicitada', kind: 'alta', emailAddress: 'desarrollourbano@calimaya.gob.mx' },
      [
        { to: 'autorizada', as: 'secretaria_tecnica', data: AUTHORIZATION },
        { to: 'creada', as: 'auxiliar_gobierno_digital' },
        { to: 'entregada', as: 'auxiliar_gobierno_digital', data: { delivery: DELIVERY } },
        {
          to: 'verificada',
          as: 'coordinador_gobierno_digital',
          data: {
            installedAt: '2026-11-06T18:00:00.000Z',
            installedBy: 'Auxiliar de Gobierno Digital',
            verificationFile: 12,
          },
        },
      ]
    );
    expect(item).toMatchObject({ status: 'verificada', closedAt: NOW.toISOString() });
  });

  it('soporte: sin autorización, atendido y verificado; el sello dice cuándo y quién', () => {
    const item = walk('email-account-request', { status: 'solicitada', kind: 'soporte' }, [
      {
        to: 'atendida',
        as: 'auxiliar_gobierno_digital',
        data: { emailAddress: 'tesoreria@calimaya.gob.mx', supportActions: 'Se liberó el buzón.' },
      },
      { to: 'verificada', as: 'auxiliar_gobierno_digital', data: { verificationNote: 'Recibe.' } },
    ]);
    expect(item).toMatchObject({
      status: 'verificada',
      attendedAt: NOW.toISOString(),
      attendedBy: 'Ana Pérez',
    });
  });

  it('baja: autorizada → dada de baja (con lo hecho) → entregada por oficio → verificada', () => {
    const item = walk('email-account-request', { status: 'solicitada', kind: 'baja' }, [
      { to: 'autorizada', as: 'secretaria_tecnica', data: AUTHORIZATION },
      {
        to: 'dada_de_baja',
        as: 'coordinador_gobierno_digital',
        data: { emailAddress: 'cultura@calimaya.gob.mx', removalActions: 'Cuenta eliminada.' },
      },
      { to: 'entregada', as: 'auxiliar_gobierno_digital', data: { delivery: DELIVERY } },
      { to: 'verificada', as: 'auxiliar_gobierno_digital', data: { verificationNote: 'Rebota.' } },
    ]);
    expect(item).toMatchObject({ status: 'verificada', removedBy: 'Ana Pérez' });
  });

  it('el tipo no cambia una vez autorizada la solicitud; la dirección es del dominio', () => {
    const before = { status: 'autorizada', kind: 'alta', ...AUTHORIZATION };
    const input = (after: Item, changed: string[]): WriteInput => ({
      workflow: 'email-account-request',
      action: 'update',
      door: 'content_manager',
      actor: actor('coordinador_gobierno_digital'),
      before,
      after,
      changed: new Set(changed),
      comment: null,
      facts: baseFacts('email-account-request'),
      received: RECEIVED,
      calendar,
      settings: SETTINGS,
      now: NOW,
    });
    expect(checkWrite(input({ ...before, kind: 'baja' }, ['kind']))).toMatchObject({
      code: 'READONLY_FIELD',
    });
    expect(
      checkWrite(input({ ...before, emailAddress: 'urbano@hotmail.com' }, ['emailAddress']))
    ).toMatchObject({ code: 'INVALID_EMAIL_ADDRESS' });
    expect(
      checkWrite(input({ ...before, emailAddress: 'urbano@calimaya.gob.mx' }, ['emailAddress']))
    ).toBeNull();
  });
});

describe('3.3 Asesoría a organismos auxiliares', () => {
  const SMDIF = { id: 27, kind: 'organismo_auxiliar', name: 'SMDIF' };
  const first = {
    date: '2026-11-04',
    by: 'Community Manager',
    notes: 'Revisión de publicaciones.',
    nextDate: '2026-11-18',
  };
  const second = {
    date: '2026-11-18',
    by: 'Diseñador(a) Junior',
    notes: 'Plantilla entregada.',
    nextDate: '2026-12-02',
  };

  it('el siguiente seguimiento del último registro es la fecha de seguimiento y el vencimiento', () => {
    const item: Item = {
      status: 'en_seguimiento',
      organism: SMDIF,
      followUps: [first, second],
      followUpDate: '2026-11-18',
      dueAt: '2026-11-18',
    };
    const changes = recomputeSchedule({
      workflow: 'advisory',
      item,
      facts: baseFacts('advisory'),
      calendar,
      settings: SETTINGS,
    });
    expect(changes).toMatchObject({ followUpDate: '2026-12-02', dueAt: '2026-12-02' });
  });

  it('los responsables dan seguimiento y concluyen; concluir exige un seguimiento', () => {
    const start: Item = { status: 'abierta', organism: SMDIF, topic: 'Imagen institucional' };
    const following = walk('advisory', start, [{ to: 'en_seguimiento', as: 'community_manager' }]);
    const early = expectFailure(
      planTransition({
        workflow: 'advisory',
        from: 'en_seguimiento',
        to: 'concluida',
        actor: actor('disenador_junior'),
        item: following,
        facts: baseFacts('advisory'),
        comment: null,
        calendar,
        settings: SETTINGS,
      })
    );
    expect(early).toMatchObject({ code: 'MISSING_DATA', details: { fields: ['followUps'] } });
    const photographer = expectFailure(
      planTransition({
        workflow: 'advisory',
        from: 'en_seguimiento',
        to: 'concluida',
        actor: actor('fotografo'),
        item: { ...following, followUps: [first] },
        facts: baseFacts('advisory'),
        comment: null,
        calendar,
        settings: SETTINGS,
      })
    );
    expect(photographer.code).toBe('TRANSITION_FORBIDDEN');
    const done = walk('advisory', following, [
      { to: 'concluida', as: 'disenador_junior', data: { followUps: [first] } },
    ]);
    expect(done.status).toBe('concluida');
  });

  it('el historial solo crece y el organismo es un organismo auxiliar', () => {
    const before: Item = { status: 'en_seguimiento', organism: SMDIF, followUps: [first] };
    const input = (after: Item, changed: string[], action: 'create' | 'update' = 'update') =>
      ({
        workflow: 'advisory',
        action,
        door: 'plugin',
        actor: actor('coordinador_organismos'),
        before: action === 'create' ? null : before,
        after,
        changed: new Set(changed),
        comment: null,
        facts: baseFacts('advisory'),
        received: RECEIVED,
        calendar,
        settings: SETTINGS,
        now: NOW,
      }) satisfies WriteInput;
    expect(checkWrite(input({ ...before, followUps: [first, second] }, ['followUps']))).toBeNull();
    expect(
      checkWrite(input({ ...before, followUps: [{ ...first, nextDate: null }] }, ['followUps']))
    ).toMatchObject({ code: 'FOLLOW_UP_RECORDED', details: { fields: ['followUps.nextDate'] } });
    expect(checkWrite(input({ ...before, followUps: [second] }, ['followUps']))).toMatchObject({
      code: 'FOLLOW_UP_RECORDED',
    });
    const dependencia = { id: 14, kind: 'dependencia', name: 'Dirección de Cultura' };
    expect(
      checkWrite(input({ status: 'abierta', organism: dependencia }, ['organism'], 'create'))
    ).toMatchObject({
      code: 'INVALID_ORGANISM',
      message: expect.stringMatching(/Dirección de Cultura/),
    });
    expect(checkWrite(input({ status: 'abierta' }, [], 'create'))).toMatchObject({
      code: 'MISSING_DATA',
      details: { fields: ['organism'] },
    });
  });
});
