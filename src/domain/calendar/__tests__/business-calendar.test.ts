import {
  BusinessCalendar,
  NaiveBusinessCalendar,
  PRINT_DELIVERY_BUSINESS_DAYS,
  PROMOTION_LEAD_CALENDAR_DAYS,
  addCalendarDays,
  lftHolidays,
  parseInstant,
  type NonWorkingDay,
} from '..';

/** Mexico City local wall time (UTC-6 since 2022) as an explicit UTC instant. */
function mx(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh + 6, mm));
}

function withProcessTz<T>(tz: string, fn: () => T): T {
  const previous = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

const WINTER_BREAK: NonWorkingDay = {
  date: '2026-12-21',
  endDate: '2027-01-01',
  name: 'Periodo vacacional de invierno',
  source: 'calendario_estatal',
};

function lftCalendar(
  years: number[],
  extra: NonWorkingDay[] = [],
  cutoff?: string
): BusinessCalendar {
  return new BusinessCalendar([...years.flatMap(lftHolidays), ...extra], cutoff ? { cutoff } : {});
}

describe('worked example: oficio received Friday 13 November 2026, lead time 3', () => {
  const calendar = lftCalendar([2026]);

  it('at 10:00 counts as received that Friday; earliest date is Thursday 19 November', () => {
    const received = mx('2026-11-13', '10:00');
    expect(calendar.receptionDay(received)).toBe('2026-11-13');
    expect(calendar.earliestAllowedDate(received, 3)).toBe('2026-11-19');
  });

  it('at 18:30 counts as received Tuesday 17 November (Monday 16 is a holiday); earliest is Friday 20', () => {
    const received = mx('2026-11-13', '18:30');
    expect(calendar.receptionDay(received)).toBe('2026-11-17');
    expect(calendar.earliestAllowedDate(received, 3)).toBe('2026-11-20');
  });

  it('17:59 is before the cutoff, 18:00 is not', () => {
    expect(calendar.receptionDay(mx('2026-11-13', '17:59'))).toBe('2026-11-13');
    expect(calendar.earliestAllowedDate(mx('2026-11-13', '17:59'), 3)).toBe('2026-11-19');
    expect(calendar.receptionDay(mx('2026-11-13', '18:00'))).toBe('2026-11-17');
    expect(calendar.earliestAllowedDate(mx('2026-11-13', '18:00'), 3)).toBe('2026-11-20');
  });

  it('received on Saturday, Sunday or the holiday counts as Tuesday 17 November', () => {
    expect(calendar.receptionDay(mx('2026-11-14', '09:00'))).toBe('2026-11-17');
    expect(calendar.receptionDay(mx('2026-11-15', '23:59'))).toBe('2026-11-17');
    expect(calendar.receptionDay(mx('2026-11-16', '00:00'))).toBe('2026-11-17');
    expect(calendar.earliestAllowedDate(mx('2026-11-14', '09:00'), 3)).toBe('2026-11-20');
  });

  it('converts date-times with an explicit offset (Z) to Mexico City time', () => {
    const at10 = parseInstant('2026-11-13T16:00:00Z');
    const at1830 = parseInstant('2026-11-14T00:30:00Z');
    if (!at10 || !at1830) throw new Error('unparseable');
    expect(calendar.earliestAllowedDate(at10, 3)).toBe('2026-11-19');
    // Already Saturday in UTC, still Friday evening in Mexico City.
    expect(calendar.receptionDay(at1830)).toBe('2026-11-17');
    expect(calendar.earliestAllowedDate(at1830, 3)).toBe('2026-11-20');
  });

  it('gives the same answers whatever the process time zone', () => {
    for (const tz of ['Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      withProcessTz(tz, () => {
        // Built from explicit UTC instants, so only the calendar logic can vary.
        expect(calendar.earliestAllowedDate(new Date(Date.UTC(2026, 10, 13, 16, 0)), 3)).toBe(
          '2026-11-19'
        );
        expect(calendar.earliestAllowedDate(new Date(Date.UTC(2026, 10, 14, 0, 30)), 3)).toBe(
          '2026-11-20'
        );
        expect(calendar.receptionDay(new Date(Date.UTC(2026, 10, 13, 23, 59)))).toBe('2026-11-13');
        expect(calendar.receptionDay(new Date(Date.UTC(2026, 10, 14, 0, 0)))).toBe('2026-11-17');
        const local = parseInstant('2026-11-13T18:30');
        expect(local && calendar.earliestAllowedDate(local, 3)).toBe('2026-11-20');
      });
    }
  });

  it('leadTimeVerdict compares the wanted date with the earliest allowed date', () => {
    const received = mx('2026-11-13', '10:00');
    expect(calendar.leadTimeVerdict(received, 3, '2026-11-19')).toEqual({
      met: true,
      earliest: '2026-11-19',
    });
    expect(calendar.leadTimeVerdict(received, 3, '2026-11-21')).toEqual({
      met: true,
      earliest: '2026-11-19',
    });
    expect(calendar.leadTimeVerdict(received, 3, '2026-11-18')).toEqual({
      met: false,
      earliest: '2026-11-19',
    });
    expect(calendar.leadTimeVerdict(mx('2026-11-13', '18:30'), 3, '2026-11-19')).toEqual({
      met: false,
      earliest: '2026-11-20',
    });
  });

  it('lead time 0 is the reception day itself', () => {
    expect(calendar.earliestAllowedDate(mx('2026-11-13', '10:00'), 0)).toBe('2026-11-13');
    expect(calendar.earliestAllowedDate(mx('2026-11-13', '19:00'), 0)).toBe('2026-11-17');
  });
});

describe('cutoff', () => {
  it('defaults to 18:00 and can be configured', () => {
    expect(lftCalendar([2026]).cutoff).toBe('18:00');
    const early = lftCalendar([2026], [], '15:00');
    expect(early.cutoff).toBe('15:00');
    expect(early.receptionDay(mx('2026-11-13', '14:59'))).toBe('2026-11-13');
    expect(early.receptionDay(mx('2026-11-13', '15:00'))).toBe('2026-11-17');
  });

  it('can be overridden per call', () => {
    const calendar = lftCalendar([2026]);
    expect(calendar.receptionDay(mx('2026-11-13', '16:00'), '15:30')).toBe('2026-11-17');
    expect(calendar.receptionDay(mx('2026-11-13', '16:00'))).toBe('2026-11-13');
  });

  it('rejects invalid cutoffs with a Spanish RangeError', () => {
    expect(() => new BusinessCalendar([], { cutoff: '6pm' })).toThrow(/Hora de corte inválida/);
    expect(() => lftCalendar([2026]).receptionDay(mx('2026-11-13', '10:00'), '25:00')).toThrow(
      RangeError
    );
  });

  it('uses the historic daylight-saving offset for old instants', () => {
    const calendar = lftCalendar([2020]);
    // 17:30 CDT on Friday 3 July 2020 = 22:30Z; before the cutoff there, not at 16:30 as UTC-6 would give.
    expect(calendar.receptionDay(new Date(Date.UTC(2020, 6, 3, 22, 30)))).toBe('2020-07-03');
    // 18:00 CDT = 23:00Z: at the cutoff, so Monday 6 July.
    expect(calendar.receptionDay(new Date(Date.UTC(2020, 6, 3, 23, 0)))).toBe('2020-07-06');
  });
});

describe('business days', () => {
  const calendar = lftCalendar([2026, 2027], [WINTER_BREAK]);

  it('isBusinessDay and explain', () => {
    expect(calendar.isBusinessDay('2026-11-13')).toBe(true);
    expect(calendar.explain('2026-11-13')).toEqual({
      businessDay: true,
      reason: 'Día hábil',
      holiday: null,
    });
    expect(calendar.explain('2026-11-14')).toEqual({
      businessDay: false,
      reason: 'Sábado',
      holiday: null,
    });
    expect(calendar.explain('2026-11-15')).toEqual({
      businessDay: false,
      reason: 'Domingo',
      holiday: null,
    });
    const revolution = calendar.explain('2026-11-16');
    expect(revolution.businessDay).toBe(false);
    expect(revolution.reason).toBe('Día de la Revolución Mexicana');
    expect(revolution.holiday).toMatchObject({ date: '2026-11-16', source: 'ley_federal_trabajo' });
  });

  it('explain prefers the single holiday over a range that contains it, and the holiday over the weekend', () => {
    expect(calendar.explain('2026-12-25').reason).toBe('Navidad');
    expect(calendar.explain('2026-12-23')).toEqual({
      businessDay: false,
      reason: 'Periodo vacacional de invierno',
      holiday: { ...WINTER_BREAK, note: null },
    });
    const saturdayHoliday = lftCalendar([2027]).explain('2027-05-01');
    expect(saturdayHoliday).toMatchObject({ businessDay: false, reason: 'Día del Trabajo' });
  });

  it('skips a vacation range', () => {
    expect(calendar.isBusinessDay('2026-12-21')).toBe(false);
    expect(calendar.isBusinessDay('2027-01-01')).toBe(false);
    expect(calendar.addBusinessDays('2026-12-18', 0)).toBe('2026-12-18');
    expect(calendar.addBusinessDays('2026-12-18', 1)).toBe('2027-01-04');
    expect(calendar.addBusinessDays('2026-12-22', 0)).toBe('2027-01-04');
    expect(calendar.nextBusinessDayOnOrAfter('2026-12-19')).toBe('2027-01-04');
    expect(calendar.businessDaysBetween('2026-12-18', '2027-01-05')).toBe(2);
  });

  it('addBusinessDays rolls forward then advances', () => {
    expect(calendar.addBusinessDays('2026-11-13', 1)).toBe('2026-11-17');
    expect(calendar.addBusinessDays('2026-11-14', 0)).toBe('2026-11-17');
    expect(calendar.addBusinessDays('2026-11-14', 1)).toBe('2026-11-18');
    expect(calendar.addBusinessDays('2026-11-16', 3)).toBe('2026-11-20');
  });

  it('addBusinessDays rejects negative or fractional n', () => {
    expect(() => calendar.addBusinessDays('2026-11-13', -1)).toThrow(RangeError);
    expect(() => calendar.addBusinessDays('2026-11-13', 1.5)).toThrow(RangeError);
    expect(() => calendar.addBusinessDays('2026-11-31', 1)).toThrow(RangeError);
  });

  it('businessDaysBetween counts [a, b) and is antisymmetric', () => {
    expect(calendar.businessDaysBetween('2026-11-13', '2026-11-13')).toBe(0);
    expect(calendar.businessDaysBetween('2026-11-13', '2026-11-14')).toBe(1);
    expect(calendar.businessDaysBetween('2026-11-13', '2026-11-20')).toBe(4);
    expect(calendar.businessDaysBetween('2026-11-20', '2026-11-13')).toBe(-4);
    expect(calendar.businessDaysBetween('2026-11-14', '2026-11-17')).toBe(0);
  });

  it('print delivery: approval business day plus 5 business days', () => {
    const approvedAt = mx('2026-11-12', '12:00');
    expect(PRINT_DELIVERY_BUSINESS_DAYS).toBe(5);
    expect(
      calendar.dueDate({ start: approvedAt, businessDays: PRINT_DELIVERY_BUSINESS_DAYS })
    ).toBe('2026-11-20');
    expect(calendar.earliestAllowedDate(approvedAt, PRINT_DELIVERY_BUSINESS_DAYS)).toBe(
      '2026-11-20'
    );
    // Approved after the cutoff on Friday 18 December: counts from 4 January, after the winter break.
    expect(calendar.dueDate({ start: mx('2026-12-18', '19:00'), businessDays: 5 })).toBe(
      '2027-01-11'
    );
  });

  it('promotion lead time is counted in calendar days', () => {
    expect(PROMOTION_LEAD_CALENDAR_DAYS).toBe(8);
    expect(addCalendarDays('2026-11-13', PROMOTION_LEAD_CALENDAR_DAYS)).toBe('2026-11-21');
  });
});

describe('dueDate with pauses', () => {
  const calendar = lftCalendar([2026]);
  const start = mx('2026-11-02', '09:00'); // Monday

  it('without pauses equals the earliest allowed date', () => {
    expect(calendar.dueDate({ start, businessDays: 5 })).toBe('2026-11-09');
    expect(calendar.dueDate({ start, businessDays: 5, pauses: [] })).toBe('2026-11-09');
  });

  it('extends by the business days between the reception days of from (inclusive) and to (exclusive)', () => {
    // Paused Tuesday 3 Nov 10:00, resumed Thursday 5 Nov 09:00: Tue and Wed are lost.
    const pauses = [{ from: mx('2026-11-03', '10:00'), to: mx('2026-11-05', '09:00') }];
    expect(calendar.dueDate({ start, businessDays: 5, pauses })).toBe('2026-11-11');
  });

  it('a pause that starts after the cutoff starts the next business day', () => {
    const pauses = [{ from: mx('2026-11-03', '18:30'), to: mx('2026-11-05', '09:00') }];
    expect(calendar.dueDate({ start, businessDays: 5, pauses })).toBe('2026-11-10');
  });

  it('a pause over a weekend and a holiday only counts business days', () => {
    // Friday 13 to Wednesday 18 November: Fri 13 and Tue 17 (Sat, Sun and Mon 16 are not business days).
    const pauses = [{ from: mx('2026-11-13', '09:00'), to: mx('2026-11-18', '09:00') }];
    expect(calendar.dueDate({ start: mx('2026-11-09', '09:00'), businessDays: 10, pauses })).toBe(
      '2026-11-26'
    );
    expect(calendar.dueDate({ start: mx('2026-11-09', '09:00'), businessDays: 10 })).toBe(
      '2026-11-24'
    );
  });

  it('an open pause counts up to asOf', () => {
    const pauses = [{ from: mx('2026-11-03', '10:00'), to: null }];
    expect(
      calendar.dueDate({ start, businessDays: 5, pauses, asOf: mx('2026-11-06', '12:00') })
    ).toBe('2026-11-12');
  });

  it('an open pause without asOf counts up to now', () => {
    const now = new Date();
    const pauses = [{ from: mx('2026-11-03', '10:00'), to: null }];
    const expected = calendar.dueDate({ start, businessDays: 5, pauses, asOf: now });
    const actual = calendar.dueDate({ start, businessDays: 5, pauses });
    // Equal unless a cutoff is crossed between the two calls.
    expect(calendar.businessDaysBetween(expected, actual)).toBeGreaterThanOrEqual(0);
    expect(calendar.businessDaysBetween(expected, actual)).toBeLessThanOrEqual(1);
  });

  it('overlapping and duplicate pauses are merged', () => {
    const pauses = [
      { from: mx('2026-11-03', '10:00'), to: mx('2026-11-05', '09:00') },
      { from: mx('2026-11-04', '10:00'), to: mx('2026-11-06', '09:00') },
      { from: mx('2026-11-03', '10:00'), to: mx('2026-11-05', '09:00') },
    ];
    // Tue 3, Wed 4, Thu 5 paused once each.
    expect(calendar.dueDate({ start, businessDays: 5, pauses })).toBe('2026-11-12');
  });

  it('pauses before the start are clipped; empty or inverted pauses count zero', () => {
    const pauses = [
      { from: mx('2026-10-26', '10:00'), to: mx('2026-11-03', '09:00') }, // only Mon 2 Nov counts
      { from: mx('2026-11-04', '10:00'), to: mx('2026-11-04', '12:00') }, // same day
      { from: mx('2026-11-06', '10:00'), to: mx('2026-11-05', '10:00') }, // inverted
    ];
    expect(calendar.dueDate({ start, businessDays: 5, pauses })).toBe('2026-11-10');
  });

  it('rejects invalid business day counts', () => {
    expect(() => calendar.dueDate({ start, businessDays: -1 })).toThrow(RangeError);
    expect(() => calendar.dueDate({ start, businessDays: 2.5 })).toThrow(RangeError);
    expect(() => calendar.dueDate({ start: new Date(Number.NaN), businessDays: 1 })).toThrow(
      RangeError
    );
  });
});

describe('constructor validation and non-working day ranges', () => {
  it('throws a Spanish RangeError when endDate is before date', () => {
    const build = () =>
      new BusinessCalendar([
        { date: '2026-12-21', endDate: '2026-12-20', name: 'Vacaciones', source: 'municipal' },
      ]);
    expect(build).toThrow(RangeError);
    expect(build).toThrow(/anterior a la fecha inicial/);
  });

  it('rejects invalid dates, sources and names', () => {
    expect(
      () => new BusinessCalendar([{ date: '2026-02-30', name: 'X', source: 'municipal' }])
    ).toThrow(/fecha inválida/);
    expect(
      () =>
        new BusinessCalendar([
          { date: '2026-02-01', endDate: '2026-13-01', name: 'X', source: 'municipal' },
        ])
    ).toThrow(/fecha final inválida/);
    const wrongSource = [
      { date: '2026-02-02', name: 'X', source: 'federal' },
    ] as unknown as NonWorkingDay[];
    expect(() => new BusinessCalendar(wrongSource)).toThrow(/origen desconocido/);
    expect(
      () => new BusinessCalendar([{ date: '2026-02-02', name: ' ', source: 'municipal' }])
    ).toThrow(RangeError);
  });

  it('does not double count duplicates or overlapping ranges', () => {
    const days: NonWorkingDay[] = [
      {
        date: '2026-07-20',
        endDate: '2026-07-31',
        name: 'Vacaciones de verano',
        source: 'calendario_estatal',
      },
      {
        date: '2026-07-27',
        endDate: '2026-08-07',
        name: 'Vacaciones del ayuntamiento',
        source: 'municipal',
      },
      { date: '2026-07-22', name: 'Día de asueto', source: 'municipal' },
      { date: '2026-07-22', name: 'Día de asueto', source: 'municipal' },
    ];
    const calendar = new BusinessCalendar(days);
    // 20 July to 7 August closed: 15 weekdays.
    expect(calendar.businessDaysBetween('2026-07-01', '2026-09-01')).toBe(23 + 21 - 15);
    expect(calendar.addBusinessDays('2026-07-17', 1)).toBe('2026-08-10');
    expect(calendar.nonWorkingDaysOfYear(2026)).toHaveLength(3);
  });

  it('nonWorkingDaysOfYear lists ranges touching the year, sorted by date', () => {
    const calendar = lftCalendar([2026, 2027], [WINTER_BREAK]);
    const names2026 = calendar.nonWorkingDaysOfYear(2026).map((d) => `${d.date} ${d.name}`);
    expect(names2026.slice(-2)).toEqual([
      '2026-12-21 Periodo vacacional de invierno',
      '2026-12-25 Navidad',
    ]);
    const of2027 = calendar.nonWorkingDaysOfYear(2027);
    expect(of2027[0]).toEqual({ ...WINTER_BREAK, note: null });
    expect(of2027[1].date).toBe('2027-01-01');
    expect(of2027.map((d) => d.date)).toEqual([...of2027.map((d) => d.date)].sort());
    expect(calendar.nonWorkingDaysOfYear(2030)).toEqual([]);
  });

  it('returned entries are copies', () => {
    const calendar = lftCalendar([2026]);
    calendar.nonWorkingDaysOfYear(2026)[0].name = 'cambiado';
    expect(calendar.nonWorkingDaysOfYear(2026)[0].name).toBe('Año Nuevo');
    const explained = calendar.explain('2026-01-01').holiday;
    if (explained) explained.name = 'cambiado';
    expect(calendar.explain('2026-01-01').reason).toBe('Año Nuevo');
  });

  it('an empty calendar is plain Monday–Friday', () => {
    const calendar = new BusinessCalendar([]);
    expect(calendar.addBusinessDays('2026-11-13', 1)).toBe('2026-11-16');
    expect(calendar.businessDaysBetween('2026-11-02', '2026-11-30')).toBe(20);
  });
});

describe('wide range of dates and large n', () => {
  const years = Array.from({ length: 101 }, (_, i) => 2000 + i);
  const calendar = lftCalendar(years, [WINTER_BREAK]);
  const naive = new NaiveBusinessCalendar([...years.flatMap(lftHolidays), WINTER_BREAK]);

  it('handles dates from 1990 to 2150', () => {
    expect(calendar.addBusinessDays('1990-01-01', 0)).toBe('1990-01-01');
    expect(calendar.addBusinessDays('2150-12-26', 0)).toBe('2150-12-28');
    expect(calendar.addBusinessDays('2150-12-31', 1)).toBe('2151-01-01');
    expect(calendar.businessDaysBetween('1990-01-01', '2150-12-31')).toBe(
      naive.businessDaysBetween('1990-01-01', '2150-12-31')
    );
  });

  it('matches the naive loop for n up to 100000', () => {
    for (const n of [0, 1, 999, 25_000, 100_000]) {
      const fast = calendar.addBusinessDays('1995-06-15', n);
      expect(fast).toBe(naive.addBusinessDays('1995-06-15', n));
      expect(calendar.businessDaysBetween('1995-06-15', fast)).toBe(n);
    }
  });
});
