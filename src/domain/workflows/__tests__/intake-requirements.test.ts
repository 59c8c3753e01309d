import { leadVerdict, planTransition, WORK_ITEM_KEYS } from '..';
import {
  describeLeadTime,
  INTAKE_REQUIREMENTS,
  isIntakeField,
  missingIntake,
  missingIntakeSentence,
  SERVICE_FIELDS,
} from '../intake-requirements';
import { actor, BASE_ITEMS, baseFacts, calendar, mx, SETTINGS } from './helpers';

describe('datos que cada servicio necesita antes de empezar (SPEC §2)', () => {
  it('un diseño completo no tiene faltantes; sin fecha ni lugar los nombra en orden', () => {
    expect(missingIntake('design', BASE_ITEMS.design)).toEqual([]);
    const item = { ...BASE_ITEMS.design, eventDate: null, place: '  ' };
    expect(missingIntake('design', item)).toEqual(['eventDate', 'place']);
  });

  it('los logotipos cuentan solo si nombran un logotipo del catálogo', () => {
    expect(missingIntake('design', { ...BASE_ITEMS.design, logos: [] })).toEqual(['logos']);
    expect(missingIntake('design', { ...BASE_ITEMS.design, logos: [{ logo: null }] })).toEqual([
      'logos',
    ]);
  });

  it('la cobertura pide lugar, fechas y entregables, no el personal (es de la oficina)', () => {
    const item = { ...BASE_ITEMS['coverage-event'], crew: [], deliverables: [] };
    expect(missingIntake('coverage-event', item)).toEqual(['deliverables']);
    expect(isIntakeField('coverage-event', 'crew')).toBe(false);
  });

  it('la publicación web acepta texto o archivos', () => {
    const base = { ...BASE_ITEMS['web-publication'], body: null, attachments: [] };
    expect(missingIntake('web-publication', base)).toEqual(['body']);
    expect(missingIntake('web-publication', { ...base, attachments: [5] })).toEqual([]);
  });

  it('el correo pide a la persona en un alta y la cuenta en una baja; nunca la autorización', () => {
    expect(missingIntake('email-account-request', { kind: 'alta' })).toEqual([
      'personName',
      'personPosition',
    ]);
    expect(missingIntake('email-account-request', { kind: 'baja' })).toEqual(['requestedAddress']);
    expect(missingIntake('email-account-request', {})).toEqual(['kind']);
    expect(isIntakeField('email-account-request', 'authorizationReference')).toBe(false);
  });

  it('todo dato requerido es un campo que el área puede dar', () => {
    for (const key of WORK_ITEM_KEYS) {
      for (const requirement of INTAKE_REQUIREMENTS[key]) {
        const field = typeof requirement === 'string' ? requirement : requirement.field;
        expect([key, SERVICE_FIELDS[key]]).toEqual([key, expect.arrayContaining([field])]);
      }
    }
  });

  it('la frase para el área nombra el servicio, su título y lo que falta en español', () => {
    expect(missingIntakeSentence('design', 'Cartel', ['eventDate', 'place'])).toBe(
      'Diseño "Cartel": falta fecha del evento, lugar'
    );
  });

  it('la guarda de «Iniciar diseño» lee la misma tabla', () => {
    const result = planTransition({
      workflow: 'design',
      from: 'pendiente',
      to: 'en_diseno',
      actor: actor('disenador_senior'),
      item: { ...BASE_ITEMS.design, place: null },
      facts: baseFacts('design'),
      calendar,
      settings: SETTINGS,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'MISSING_DATA',
      message: 'Falta información: lugar.',
    });
  });

  it('la guarda de «Programar» una cobertura lee la misma tabla', () => {
    const result = planTransition({
      workflow: 'coverage-event',
      from: 'solicitada',
      to: 'programada',
      actor: actor('coordinador_comunicacion'),
      item: { ...BASE_ITEMS['coverage-event'], deliverables: [] },
      facts: baseFacts('coverage-event'),
      calendar,
      settings: SETTINGS,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'MISSING_DATA',
      details: { fields: ['deliverables'] },
    });
  });
});

describe('veredicto del plazo para el formulario', () => {
  // Friday 13 November 2026, 10:00; Monday 16 November is a holiday (SPEC §5).
  const received = mx('2026-11-13', '10:00');

  it('arte digital para el 18 de noviembre es extemporáneo; la fecha más próxima es el 19', () => {
    const verdict = leadVerdict(
      'design',
      { medium: 'digital', eventDate: '2026-11-18' },
      received,
      calendar,
      SETTINGS
    );
    const text = describeLeadTime(verdict, null);
    expect(verdict?.met).toBe(false);
    expect(text.earliestAllowedDate).toBe('2026-11-19');
    expect(text.message).toMatch(/^Extemporáneo: .*jueves 19 de noviembre de 2026/);
    expect(text.warning).toBeNull();
  });

  it('a tiempo dice que cumple; sin fecha da la fecha más próxima', () => {
    const onTime = describeLeadTime(
      leadVerdict(
        'design',
        { medium: 'digital', eventDate: '2026-11-20' },
        received,
        calendar,
        SETTINGS
      ),
      '2026-11-19'
    );
    expect(onTime.message).toMatch(/^Cumple el plazo de 3 días hábiles/);
    const unknown = describeLeadTime(
      leadVerdict('design', { medium: 'digital' }, received, calendar, SETTINGS),
      null
    );
    expect(unknown.message).toMatch(/^Sin fecha todavía/);
  });

  it('la difusión con menos de 8 días naturales avisa sin bloquear', () => {
    const text = describeLeadTime(
      leadVerdict('social-post', { eventDate: '2026-11-18' }, received, calendar, SETTINGS),
      null
    );
    expect(text.warning).toMatch(/al menos 8 días naturales/);
    expect(text.message).toMatch(/^Aviso: /);
  });

  it('el material de imprenta no pide anticipación', () => {
    const text = describeLeadTime(
      leadVerdict(
        'design',
        { medium: 'impreso', eventDate: '2026-11-14' },
        received,
        calendar,
        SETTINGS
      ),
      null
    );
    expect(text).toMatchObject({ earliestAllowedDate: null, warning: null });
    expect(text.message).toMatch(/no pide anticipación/);
  });
});
