import {
  cancellationOf,
  FIELD_LABELS,
  initialState,
  isClosed,
  leadTimeOf,
  missingFields,
  resolveRoles,
  ROLE_LABELS,
  ROLES,
  STAFF_ROLES,
  STATE_LABELS,
  WORKFLOW_KEYS,
  WORKFLOW_UIDS,
  WORKFLOWS,
  workflowForUid,
} from '..';
import { SETTINGS } from './helpers';

describe.each(WORKFLOW_KEYS)('definition of %s', (workflow) => {
  const definition = WORKFLOWS[workflow];
  const states = Object.keys(definition.states);

  it('is keyed and typed consistently', () => {
    expect(definition.key).toBe(workflow);
    expect(definition.uid).toBe(WORKFLOW_UIDS[workflow]);
    expect(states).toContain(definition.initial);
    expect(initialState(workflow)).toBe(definition.initial);
    for (const state of [...definition.closed, ...definition.waitingStates]) {
      expect(states).toContain(state);
    }
  });

  it('only names known states, and each (from, to) pair once', () => {
    const seen = new Set<string>();
    for (const transition of definition.transitions) {
      expect(states).toContain(transition.to);
      expect(transition.label).toMatch(/^[A-ZÁÉÍÓÚ]/);
      for (const from of transition.from) {
        expect(states).toContain(from);
        expect(from).not.toBe(transition.to);
        const key = `${from}>${transition.to}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  });

  it('reaches every state from the initial one, and leaves every open state', () => {
    const reached = new Set([definition.initial]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of definition.transitions) {
        if (t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...states].sort());
    for (const state of states.filter((s) => !definition.closed.includes(s))) {
      expect(definition.transitions.some((t) => t.from.includes(state))).toBe(true);
    }
  });

  it('has a Spanish label for every state', () => {
    expect(Object.keys(STATE_LABELS[workflow])).toEqual(states);
    for (const label of Object.values(STATE_LABELS[workflow])) expect(label).toMatch(/^[A-ZÁÉÍÓÚ]/);
  });

  it('un servicio abierto se cierra con su oficio cancelado o rechazado, si su flujo tiene cómo', () => {
    if (workflow === 'oficio') return;
    // Publications have no cancellation: they stay with the office, read-only but for closing.
    const endless: Partial<Record<string, string[]>> = {
      'web-publication': [
        'recibida',
        'en_analisis',
        'en_diseno',
        'lista',
        'publicada',
        'verificada',
      ],
      'transparency-document': ['recibida', 'en_analisis', 'lista', 'publicada', 'verificada'],
      'email-account-request': ['autorizada', 'creada', 'atendida', 'dada_de_baja', 'entregada'],
    };
    for (const state of states) {
      const to = cancellationOf(workflow, state);
      if (definition.closed.includes(state) || endless[workflow]?.includes(state)) {
        expect(to).toBeNull();
      } else {
        expect(definition.closed).toContain(to);
      }
    }
  });

  it('isClosed agrees with the definition', () => {
    for (const state of states) {
      expect(isClosed(workflow, state)).toBe(definition.closed.includes(state));
    }
  });

  it('labels every attribute its data guards ask for', () => {
    const source = definition.transitions
      .flatMap((t) => t.guards ?? [])
      .filter((g) => g.code === 'MISSING_DATA')
      .map((g) => g.description)
      .join(' ');
    // Descriptions are built from FIELD_LABELS; a raw camelCase name means a label is missing.
    expect(source).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
  });
});

describe('catalogues', () => {
  it('has ten staff roles and a Spanish label for every role', () => {
    expect(STAFF_ROLES).toHaveLength(10);
    expect(ROLES).toHaveLength(13);
    expect(ROLE_LABELS).toEqual({
      director: 'Director(a)',
      coordinador_comunicacion: 'Coordinador(a) de Comunicación Social',
      disenador_senior: 'Diseñador(a) Senior',
      disenador_junior: 'Diseñador(a) Junior',
      community_manager: 'Community Manager',
      fotografo: 'Fotógrafo(a)',
      creador_contenido: 'Creador(a) de Contenido Digital',
      coordinador_gobierno_digital: 'Coordinador(a) de Gobierno Digital',
      auxiliar_gobierno_digital: 'Auxiliar de Gobierno Digital',
      coordinador_organismos: 'Coordinador(a) de Atención a Organismos Auxiliares',
      area: 'Área solicitante',
      secretaria_tecnica: 'Secretaría Técnica',
      system: 'Sistema',
    });
  });

  it('maps UIDs both ways', () => {
    for (const key of WORKFLOW_KEYS) {
      expect(WORKFLOW_UIDS[key]).toBe(`api::${key}.${key}`);
      expect(workflowForUid(WORKFLOW_UIDS[key])).toBe(key);
    }
    expect(workflowForUid('api::holiday.holiday')).toBeNull();
    expect(workflowForUid('')).toBeNull();
  });

  it('labels states as staff read them', () => {
    expect(STATE_LABELS.design.en_diseno).toBe('En diseño');
    expect(STATE_LABELS.oficio.informacion_incompleta).toBe('Información incompleta');
    expect(STATE_LABELS['web-publication'].en_analisis).toBe('En análisis');
  });

  it('labels fields in Spanish', () => {
    expect(FIELD_LABELS.eventDate).toBe('fecha del evento');
    expect(FIELD_LABELS.place).toBe('lugar');
    expect(FIELD_LABELS.spellingChecked).toBe('revisión ortográfica');
    expect(FIELD_LABELS.plainLanguageChecked).toBe('lenguaje claro');
    expect(FIELD_LABELS.personalDataChecked).toBe('revisión de datos personales');
  });

  it('resolves the routed designer and always adds the director', () => {
    const facts = (areaKind: 'dependencia' | 'organismo_auxiliar' | null) => ({
      now: new Date(),
      oficio: { status: 'recibido', receivedAt: new Date(), lateAccepted: false, areaKind },
    });
    expect(resolveRoles(['disenador_asignado'], facts('organismo_auxiliar'))).toEqual([
      'disenador_junior',
      'director',
    ]);
    expect(resolveRoles(['disenador_asignado', 'director'], facts(null))).toEqual([
      'disenador_senior',
      'director',
    ]);
  });
});

describe('helpers', () => {
  it('missingFields treats blank text, empty lists and null as missing, false and 0 as values', () => {
    expect(
      missingFields(
        { a: null, b: '  ', c: [], d: false, e: 0, f: 'x', g: [1], h: {}, i: new Date('x') },
        ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'z']
      )
    ).toEqual(['a', 'b', 'c', 'i', 'z']);
  });

  it('leadTimeOf describes each workflow', () => {
    expect(leadTimeOf('oficio', {}, SETTINGS)).toBeNull();
    expect(leadTimeOf('design', { medium: 'digital', eventDate: '2026-11-18' }, SETTINGS)).toEqual({
      days: 3,
      unit: 'business',
      blocking: true,
      target: '2026-11-18',
    });
    expect(leadTimeOf('design', { medium: 'impreso' }, SETTINGS)).toEqual({
      days: 3,
      unit: 'business',
      blocking: false,
      target: null,
    });
    expect(
      leadTimeOf('coverage-event', { startsAt: '2026-11-18T23:30:00-06:00' }, SETTINGS)
    ).toEqual({ days: 3, unit: 'business', blocking: true, target: '2026-11-18' });
    expect(leadTimeOf('social-post', { eventDate: '2026-11-30' }, SETTINGS)).toEqual({
      days: 8,
      unit: 'calendar',
      blocking: false,
      target: '2026-11-30',
    });
    expect(
      leadTimeOf(
        'transparency-document',
        { wantedDate: '2026-12-01' },
        {
          ...SETTINGS,
          transparencyLeadBusinessDays: 5,
        }
      )
    ).toEqual({ days: 5, unit: 'business', blocking: true, target: '2026-12-01' });
    expect(leadTimeOf('email-account-request', {}, SETTINGS)).toEqual({
      days: 0,
      unit: 'business',
      blocking: false,
      target: null,
    });
  });
});
