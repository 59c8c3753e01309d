import { lastClosedPeriod, periodOf, plusDays, quarterOf } from '../periods';

describe('periodos de actualización', () => {
  it('trimestres, semestres y ejercicios con su nombre', () => {
    expect(periodOf('trimestral', 2026, 3)).toEqual({
      start: '2026-07-01',
      end: '2026-09-30',
      label: '3.er trimestre 2026',
    });
    expect(periodOf('trimestral', 2026, 4).label).toBe('4.º trimestre 2026');
    expect(periodOf('semestral', 2026, 1)).toEqual({
      start: '2026-01-01',
      end: '2026-06-30',
      label: '1.er semestre 2026',
    });
    expect(periodOf('semestral', 2026, 2).end).toBe('2026-12-31');
    expect(periodOf('anual', 2025, 1)).toEqual({
      start: '2025-01-01',
      end: '2025-12-31',
      label: 'ejercicio 2025',
    });
  });

  it('un trimestre cierra cuando termina su último día', () => {
    // 31 March: the first quarter is still open, the last closed one is last year's fourth.
    expect(lastClosedPeriod('trimestral', '2026-03-31')).toMatchObject({
      start: '2025-10-01',
      end: '2025-12-31',
      label: '4.º trimestre 2025',
    });
    // 1 April: the first quarter has closed.
    expect(lastClosedPeriod('trimestral', '2026-04-01')).toMatchObject({
      start: '2026-01-01',
      end: '2026-03-31',
    });
    expect(lastClosedPeriod('trimestral', '2026-09-30').end).toBe('2026-06-30');
    expect(lastClosedPeriod('trimestral', '2026-10-01').end).toBe('2026-09-30');
    expect(lastClosedPeriod('trimestral', '2026-12-31').end).toBe('2026-09-30');
    expect(lastClosedPeriod('trimestral', '2027-01-01').end).toBe('2026-12-31');
  });

  it('semestres y ejercicios cierran igual', () => {
    expect(lastClosedPeriod('semestral', '2026-06-30').label).toBe('2.º semestre 2025');
    expect(lastClosedPeriod('semestral', '2026-07-01').label).toBe('1.er semestre 2026');
    expect(lastClosedPeriod('anual', '2026-12-31').label).toBe('ejercicio 2025');
    expect(lastClosedPeriod('anual', '2027-01-01').label).toBe('ejercicio 2026');
  });

  it('el primer trimestre de un año bisiesto también termina el 31 de marzo; el plazo cuenta el 29 de febrero', () => {
    expect(periodOf('trimestral', 2028, 1).end).toBe('2028-03-31');
    expect(plusDays('2027-12-31', 60)).toBe('2028-02-29');
    expect(plusDays('2026-12-31', 60)).toBe('2027-03-01');
  });

  it('un trimestre escrito como AAAA-T1 … AAAA-T4', () => {
    expect(quarterOf('2026-T2')).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(quarterOf('2026-T5')).toBeNull();
    expect(quarterOf('2026-2')).toBeNull();
  });
});
