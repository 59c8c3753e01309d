import { dayOfWeek, lftHolidays } from '..';

function datesOf(year: number): string[] {
  return lftHolidays(year).map((h) => h.date);
}

function byName(year: number, name: string): string | undefined {
  return lftHolidays(year).find((h) => h.name === name)?.date;
}

describe('lftHolidays (Ley Federal del Trabajo, art. 74)', () => {
  it('2026: Monday rule for February, March and November', () => {
    expect(lftHolidays(2026)).toEqual([
      {
        date: '2026-01-01',
        endDate: null,
        name: 'Año Nuevo',
        source: 'ley_federal_trabajo',
        note: null,
      },
      {
        date: '2026-02-02',
        endDate: null,
        name: 'Día de la Constitución',
        source: 'ley_federal_trabajo',
        note: null,
      },
      {
        date: '2026-03-16',
        endDate: null,
        name: 'Natalicio de Benito Juárez',
        source: 'ley_federal_trabajo',
        note: null,
      },
      {
        date: '2026-05-01',
        endDate: null,
        name: 'Día del Trabajo',
        source: 'ley_federal_trabajo',
        note: null,
      },
      {
        date: '2026-09-16',
        endDate: null,
        name: 'Día de la Independencia',
        source: 'ley_federal_trabajo',
        note: null,
      },
      {
        date: '2026-11-16',
        endDate: null,
        name: 'Día de la Revolución Mexicana',
        source: 'ley_federal_trabajo',
        note: null,
      },
      {
        date: '2026-12-25',
        endDate: null,
        name: 'Navidad',
        source: 'ley_federal_trabajo',
        note: null,
      },
    ]);
  });

  it('2024: transmission of the federal executive on 1 October', () => {
    expect(byName(2024, 'Transmisión del Poder Ejecutivo Federal')).toBe('2024-10-01');
    expect(datesOf(2024)).toEqual([
      '2024-01-01',
      '2024-02-05',
      '2024-03-18',
      '2024-05-01',
      '2024-09-16',
      '2024-10-01',
      '2024-11-18',
      '2024-12-25',
    ]);
  });

  it('2018: transmission on 1 December, sorted after November', () => {
    expect(datesOf(2018)).toEqual([
      '2018-01-01',
      '2018-02-05',
      '2018-03-19',
      '2018-05-01',
      '2018-09-16',
      '2018-11-19',
      '2018-12-01',
      '2018-12-25',
    ]);
  });

  it('2003: fixed dates before the DOF reform of 17 January 2006', () => {
    expect(datesOf(2003)).toEqual([
      '2003-01-01',
      '2003-02-05',
      '2003-03-21',
      '2003-05-01',
      '2003-09-16',
      '2003-11-20',
      '2003-12-25',
    ]);
  });

  it('switches to the Monday rule in 2006 and keeps fixed dates in 2005', () => {
    expect(byName(2005, 'Día de la Constitución')).toBe('2005-02-05');
    expect(byName(2006, 'Día de la Constitución')).toBe('2006-02-06');
    expect(byName(2006, 'Día de la Revolución Mexicana')).toBe('2006-11-20');
  });

  it('2006: 21 March stays on its date (art. 2 transitorio, DOF 17-01-2006); Monday rule from 2007', () => {
    expect(byName(2006, 'Natalicio de Benito Juárez')).toBe('2006-03-21');
    expect(dayOfWeek('2006-03-21')).toBe(2);
    expect(datesOf(2006)).not.toContain('2006-03-20');
    expect(byName(2007, 'Natalicio de Benito Juárez')).toBe('2007-03-19');
    expect(dayOfWeek('2007-03-19')).toBe(1);
  });

  it('transmission years: 2000, 2006, 2012, 2018 on 1 Dec; 2024, 2030 … 2096 on 1 Oct; none otherwise', () => {
    for (let year = 2000; year <= 2100; year++) {
      const transmission = byName(year, 'Transmisión del Poder Ejecutivo Federal');
      if (year < 2024 && (year - 2000) % 6 === 0) expect(transmission).toBe(`${year}-12-01`);
      else if (year >= 2024 && (year - 2024) % 6 === 0) expect(transmission).toBe(`${year}-10-01`);
      else expect(transmission).toBeUndefined();
    }
    expect(byName(2096, 'Transmisión del Poder Ejecutivo Federal')).toBe('2096-10-01');
    expect(byName(2100, 'Transmisión del Poder Ejecutivo Federal')).toBeUndefined();
  });

  it('2100', () => {
    expect(datesOf(2100)).toEqual([
      '2100-01-01',
      '2100-02-01',
      '2100-03-15',
      '2100-05-01',
      '2100-09-16',
      '2100-11-15',
      '2100-12-25',
    ]);
  });

  it('Monday holidays always fall on Monday, in the right week', () => {
    for (let year = 2006; year <= 2100; year++) {
      const feb = byName(year, 'Día de la Constitución') ?? '';
      const mar = byName(year, 'Natalicio de Benito Juárez') ?? '';
      const nov = byName(year, 'Día de la Revolución Mexicana') ?? '';
      // 2006 keeps 21 March (a Tuesday); see the previous test.
      const mondays = year === 2006 ? [feb, nov] : [feb, mar, nov];
      for (const date of mondays) expect(dayOfWeek(date)).toBe(1);
      if (year === 2006) continue;
      expect(Number(feb.slice(8))).toBeLessThanOrEqual(7);
      expect(Number(mar.slice(8))).toBeGreaterThanOrEqual(15);
      expect(Number(mar.slice(8))).toBeLessThanOrEqual(21);
      expect(Number(nov.slice(8))).toBeGreaterThanOrEqual(15);
      expect(Number(nov.slice(8))).toBeLessThanOrEqual(21);
    }
  });

  it('throws RangeError outside 2000..2100', () => {
    expect(() => lftHolidays(1999)).toThrow(RangeError);
    expect(() => lftHolidays(2101)).toThrow(RangeError);
    expect(() => lftHolidays(2026.5)).toThrow(RangeError);
    expect(() => lftHolidays(2000)).not.toThrow();
  });
});
