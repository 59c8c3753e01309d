import { planTransition, resolveRoles, type Facts, type Item, type Role, type Success } from '..';
import { checkWrite, type WriteInput } from '../invariants';
import { reviewStamps } from '../definitions/publication';
import {
  actor,
  BASE_ITEMS,
  calendar,
  expectFailure,
  expectSuccess,
  mx,
  NOW,
  OFICIO_FACTS,
  RECEIVED,
  SETTINGS,
} from './helpers';

const facts = (areaKind: 'dependencia' | 'organismo_auxiliar', extra: Partial<Facts> = {}) => ({
  now: NOW,
  oficio: { ...OFICIO_FACTS, areaKind },
  crewOverlaps: [],
  ...extra,
});

const apply = (item: Item, result: Success): Item => ({ ...item, ...result.changes });

const step = (
  workflow: 'coverage-event' | 'web-publication',
  item: Item,
  to: string,
  role: Role,
  extra: { facts?: Facts; comment?: string | null } = {}
) =>
  planTransition({
    workflow,
    from: String(item.status),
    to,
    actor: actor(role),
    item,
    facts: extra.facts ?? facts('dependencia'),
    comment: extra.comment ?? null,
    calendar,
    settings: SETTINGS,
  });

const BARE_COVERAGE: Item = {
  ...BASE_ITEMS['coverage-event'],
  deliverables: ['fotos', 'video', 'redes_sociales', 'boletin_prensa'],
  material: [],
  publications: [],
  bulletin: null,
};

describe('1.3 Cobertura de eventos', () => {
  it('la coordinación programa; al entregar pide el material de cada entregable y el boletín', () => {
    let item: Item = { ...BARE_COVERAGE, status: 'solicitada' };
    expect(expectFailure(step('coverage-event', item, 'programada', 'disenador_senior')).code).toBe(
      'TRANSITION_FORBIDDEN'
    );
    item = apply(
      item,
      expectSuccess(step('coverage-event', item, 'programada', 'coordinador_comunicacion'))
    );
    item = apply(item, expectSuccess(step('coverage-event', item, 'cubierta', 'fotografo')));
    item = apply(
      item,
      expectSuccess(step('coverage-event', item, 'en_postproduccion', 'fotografo'))
    );

    const refused = expectFailure(step('coverage-event', item, 'entregada', 'fotografo'));
    expect(refused.code).toBe('MISSING_DATA');
    expect(refused.message).toBe(
      'Faltan las fotografías, el video y el texto del boletín de prensa de la cobertura: el ' +
        'material va en «Material entregado», con su archivo o enlace y el boletín va en ' +
        '«Boletín de prensa».'
    );

    item = {
      ...item,
      material: [
        { kind: 'fotos', file: [51, 52], link: null },
        { kind: 'video', file: [], link: 'https://youtube.com/watch?v=cabildo' },
      ],
      bulletin: 'Se realizó la sesión de cabildo.',
    };
    const delivered = expectSuccess(step('coverage-event', item, 'entregada', 'fotografo'));
    expect(delivered.changes.deliveredAt).toBe(NOW.toISOString());
  });

  it('publicada pide dónde se publicó (con enlace) y el boletín pedido', () => {
    const item: Item = { ...BARE_COVERAGE, status: 'en_postproduccion' };
    const refused = expectFailure(step('coverage-event', item, 'publicada', 'community_manager'));
    expect(refused.message).toBe(
      'Falta dónde se publicó: agrega en «Publicado en» al menos una publicación con su enlace y ' +
        'el texto del boletín de prensa, en «Boletín de prensa».'
    );
    expectSuccess(
      step(
        'coverage-event',
        {
          ...item,
          bulletin: 'Boletín',
          publications: [{ where: 'facebook', url: 'https://facebook.com/calimaya/posts/9' }],
        },
        'publicada',
        'community_manager'
      )
    );
  });

  it('una cobertura entregada no pierde su material después (por ninguna puerta)', () => {
    const before: Item = {
      ...BARE_COVERAGE,
      deliverables: ['fotos'],
      material: [{ kind: 'fotos', file: [], link: 'https://drive.calimaya.gob.mx/x' }],
      status: 'entregada',
    };
    const write = (after: Item): WriteInput => ({
      workflow: 'coverage-event',
      action: 'update',
      door: 'content_manager',
      actor: actor('fotografo'),
      before,
      after,
      changed: new Set(['material']),
      comment: null,
      facts: facts('dependencia'),
      received: RECEIVED,
      calendar,
      settings: SETTINGS,
      now: NOW,
    });
    expect(checkWrite(write({ ...before, material: [] }))?.code).toBe('DELIVERABLES_KEPT');
    expect(
      checkWrite(write({ ...before, material: [{ kind: 'fotos', link: 'ftp://x.mx/y' }] }))?.code
    ).toBe('INVALID_URL');
  });

  it('el conflicto de personal nombra a la persona y conserva su id en los detalles', () => {
    const item: Item = { ...BASE_ITEMS['coverage-event'], status: 'solicitada', crew: ['7'] };
    const failure = expectFailure(
      step('coverage-event', item, 'programada', 'coordinador_comunicacion', {
        facts: facts('dependencia', {
          crewOverlaps: [
            {
              documentId: 'c0',
              title: 'Sesión de cabildo',
              status: 'programada',
              startsAt: mx('2026-11-30', '11:00'),
              endsAt: mx('2026-11-30', '13:00'),
              receivedAt: mx('2026-10-30', '09:00'),
              sharedPeople: ['7'],
              peopleNames: { '7': 'Ana López' },
            },
          ],
        }),
      })
    );
    expect(failure.message).toMatch(/^Conflicto de personal: Ana López ya tiene asignada/);
    expect(failure.details.conflicts).toEqual([expect.objectContaining({ people: ['7'] })]);
  });
});

describe('3.2 Cobertura para organismos auxiliares', () => {
  it('su coordinación y el Community Manager programan, reprograman y cancelan; no para una dependencia', () => {
    const item: Item = { ...BASE_ITEMS['coverage-event'], status: 'solicitada' };
    for (const role of ['coordinador_organismos', 'community_manager'] as const) {
      expectSuccess(
        step('coverage-event', item, 'programada', role, { facts: facts('organismo_auxiliar') })
      );
      expectSuccess(
        step('coverage-event', { ...item, status: 'programada' }, 'solicitada', role, {
          facts: facts('organismo_auxiliar'),
          comment: 'Cambió la hora del evento',
        })
      );
      expectSuccess(
        step('coverage-event', item, 'cancelada', role, {
          facts: facts('organismo_auxiliar'),
          comment: 'El organismo canceló el evento',
        })
      );
      expect(expectFailure(step('coverage-event', item, 'programada', role)).code).toBe(
        'TRANSITION_FORBIDDEN'
      );
    }
    expect(resolveRoles(['programacion_cobertura'], facts('organismo_auxiliar')).sort()).toEqual(
      ['community_manager', 'coordinador_comunicacion', 'coordinador_organismos', 'director'].sort()
    );
    expect(resolveRoles(['programacion_cobertura'], facts('dependencia'))).toEqual([
      'coordinador_comunicacion',
      'director',
    ]);
  });
});

describe('GD 1 Publicación en la página web', () => {
  it('Gobierno Digital envía la imagen al diseñador que le toca, que la devuelve trabajada', () => {
    let item: Item = {
      ...BASE_ITEMS['web-publication'],
      status: 'en_analisis',
      designRequest: null,
      designedFiles: [],
    };
    expect(
      expectFailure(step('web-publication', item, 'en_diseno', 'auxiliar_gobierno_digital')).code
    ).toBe('MISSING_DATA');
    const sent = expectSuccess(
      step('web-publication', item, 'en_diseno', 'auxiliar_gobierno_digital', {
        comment: 'Recortar la imagen a 1200×630 px.',
      })
    );
    expect(sent.changes.designRequest).toBe('Recortar la imagen a 1200×630 px.');
    item = apply(item, sent);

    // Junior designer for an organismo auxiliar, senior for a dependencia.
    const organismo = facts('organismo_auxiliar');
    expect(
      expectFailure(
        step('web-publication', item, 'en_analisis', 'disenador_senior', { facts: organismo })
      ).code
    ).toBe('TRANSITION_FORBIDDEN');
    expect(
      expectFailure(
        step('web-publication', item, 'en_analisis', 'disenador_junior', { facts: organismo })
      ).code
    ).toBe('MISSING_DATA');
    item = apply(
      { ...item, designedFiles: [61] },
      expectSuccess(
        step(
          'web-publication',
          { ...item, designedFiles: [61] },
          'en_analisis',
          'disenador_junior',
          {
            facts: organismo,
          }
        )
      )
    );
    expect(expectFailure(step('web-publication', item, 'lista', 'disenador_junior')).code).toBe(
      'TRANSITION_FORBIDDEN'
    );
    item = apply(
      item,
      expectSuccess(step('web-publication', item, 'lista', 'auxiliar_gobierno_digital'))
    );
    expect(expectFailure(step('web-publication', item, 'publicada', 'disenador_senior')).code).toBe(
      'TRANSITION_FORBIDDEN'
    );
  });

  it('cada revisión queda con quién y cuándo; desde «lista» no se retira', () => {
    const before: Item = { spellingChecked: false, plainLanguageChecked: true };
    const stamps = reviewStamps(
      'web-publication',
      before,
      { spellingChecked: true, plainLanguageChecked: false },
      actor('auxiliar_gobierno_digital'),
      NOW
    );
    expect(stamps).toEqual({
      spellingCheckedBy: 'Ana Pérez',
      spellingCheckedAt: NOW.toISOString(),
      plainLanguageCheckedBy: null,
      plainLanguageCheckedAt: null,
    });
    const locked = checkWrite({
      workflow: 'web-publication',
      action: 'update',
      door: 'content_manager',
      actor: actor('coordinador_gobierno_digital'),
      before: { ...BASE_ITEMS['web-publication'], status: 'lista' },
      after: { ...BASE_ITEMS['web-publication'], status: 'lista', spellingChecked: false },
      changed: new Set(['spellingChecked']),
      comment: null,
      facts: facts('dependencia'),
      received: RECEIVED,
      calendar,
      settings: SETTINGS,
      now: NOW,
    });
    expect(locked?.code).toBe('REVIEW_RECORDED');
    expect(locked?.message).toMatch(/revisión ortográfica confirmada/);
  });

  it('un documento de transparencia no pasa por diseño', () => {
    const failure = expectFailure(
      planTransition({
        workflow: 'transparency-document',
        from: 'en_analisis',
        to: 'en_diseno',
        actor: actor('coordinador_gobierno_digital'),
        item: { ...BASE_ITEMS['transparency-document'], status: 'en_analisis' },
        facts: facts('dependencia'),
        comment: 'Trabajar la imagen',
        calendar,
        settings: SETTINGS,
      })
    );
    expect(failure.code).toBe('INVALID_TRANSITION');
  });
});
