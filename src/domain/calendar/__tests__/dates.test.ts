import {
  addCalendarDays,
  dayOfWeek,
  fromDayNumber,
  mexicoCityParts,
  parseCutoff,
  parseInstant,
  parseIsoDate,
  toDayNumber,
} from '..';

const MS_PER_DAY = 86_400_000;

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

describe('parseIsoDate', () => {
  it.each(['2026-11-13', '2024-02-29', '2000-02-29', '1990-01-01', '2150-12-31'])(
    'accepts %s',
    (value) => {
      expect(parseIsoDate(value)).toBe(value);
    }
  );

  it.each([
    '2026-02-30',
    '2023-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-01',
    '26-01-01',
    ' 2026-01-01',
    '2026-01-01T00:00',
    '2026/01/01',
    '',
  ])('rejects %p', (value) => {
    expect(parseIsoDate(value)).toBeNull();
  });
});

describe('day numbers', () => {
  it('counts days since 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2026-11-13')).toBe(Date.UTC(2026, 10, 13) / MS_PER_DAY);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('round-trips every day from 1990 to 2150 and agrees with Date.UTC', () => {
    const first = Date.UTC(1990, 0, 1) / MS_PER_DAY;
    const last = Date.UTC(2150, 11, 31) / MS_PER_DAY;
    for (let n = first; n <= last; n++) {
      const iso = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== iso || toDayNumber(iso) !== n) {
        throw new Error(`mismatch at ${n}: ${fromDayNumber(n)} vs ${iso}`);
      }
    }
  });

  it('rejects invalid input with RangeError', () => {
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => toDayNumber('mañana')).toThrow(/Fecha inválida/);
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });
});

describe('dayOfWeek', () => {
  it('uses 0 = Sunday … 6 = Saturday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-11-13')).toBe(5);
    expect(dayOfWeek('2026-11-14')).toBe(6);
    expect(dayOfWeek('2026-11-15')).toBe(0);
    expect(dayOfWeek('2026-11-16')).toBe(1);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });
});

describe('addCalendarDays', () => {
  it('adds calendar days across months, years and leap days', () => {
    expect(addCalendarDays('2026-12-28', 8)).toBe('2027-01-05');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2026-11-20', -8)).toBe('2026-11-12');
    expect(addCalendarDays('2026-11-20', 0)).toBe('2026-11-20');
  });

  it('requires an integer', () => {
    expect(() => addCalendarDays('2026-11-20', 1.5)).toThrow(RangeError);
  });
});

describe('parseInstant', () => {
  it('reads a date-time without offset as Mexico City local time', () => {
    expect(parseInstant('2026-11-13T10:00')?.getTime()).toBe(Date.UTC(2026, 10, 13, 16, 0));
    expect(parseInstant('2026-11-13 18:30:15')?.getTime()).toBe(Date.UTC(2026, 10, 14, 0, 30, 15));
    expect(parseInstant('2026-11-13T10:00:00.250')?.getTime()).toBe(
      Date.UTC(2026, 10, 13, 16, 0, 0, 250)
    );
  });

  it('honours historic daylight saving time for local date-times', () => {
    // Mexico City observed CDT (UTC-5) in summer until 2022.
    expect(parseInstant('2020-07-01T10:00')?.getTime()).toBe(Date.UTC(2020, 6, 1, 15, 0));
    expect(parseInstant('2020-01-15T10:00')?.getTime()).toBe(Date.UTC(2020, 0, 15, 16, 0));
  });

  it('honours an explicit offset', () => {
    expect(parseInstant('2026-11-13T16:00:00Z')?.getTime()).toBe(Date.UTC(2026, 10, 13, 16, 0));
    expect(parseInstant('2026-11-13T16:00:00.123z')?.getTime()).toBe(
      Date.UTC(2026, 10, 13, 16, 0, 0, 123)
    );
    expect(parseInstant('2026-11-13T10:00:00-06:00')?.getTime()).toBe(
      Date.UTC(2026, 10, 13, 16, 0)
    );
    expect(parseInstant('2026-11-13T10:00-0600')?.getTime()).toBe(Date.UTC(2026, 10, 13, 16, 0));
    expect(parseInstant('2026-11-14T01:00:00+09:00')?.getTime()).toBe(
      Date.UTC(2026, 10, 13, 16, 0)
    );
  });

  it('does not depend on the process time zone', () => {
    const expected = Date.UTC(2026, 10, 13, 16, 0);
    for (const tz of ['Asia/Tokyo', 'Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      withProcessTz(tz, () => {
        expect(parseInstant('2026-11-13T10:00')?.getTime()).toBe(expected);
        expect(parseInstant('2026-11-13T16:00Z')?.getTime()).toBe(expected);
      });
    }
  });

  it.each([
    '2026-11-13',
    '2026-02-30T10:00',
    '2026-11-13T24:00',
    '2026-11-13T10:60',
    '2026-11-13T10:00:60',
    '2026-11-13T10:00+24:00',
    '2026-11-13T10',
    'not a date',
    '',
  ])('returns null for %p', (value) => {
    expect(parseInstant(value)).toBeNull();
  });
});

describe('mexicoCityParts', () => {
  it('converts an instant to the Mexico City local date and minutes', () => {
    expect(mexicoCityParts(new Date(Date.UTC(2026, 10, 13, 16, 0)))).toEqual({
      date: '2026-11-13',
      minutes: 600,
    });
    expect(mexicoCityParts(new Date(Date.UTC(2026, 10, 14, 0, 30)))).toEqual({
      date: '2026-11-13',
      minutes: 1110,
    });
    expect(mexicoCityParts(new Date(Date.UTC(2026, 10, 14, 6, 0)))).toEqual({
      date: '2026-11-14',
      minutes: 0,
    });
  });

  it('uses the historic offset in force at the instant', () => {
    // 04:59Z on 1 July 2020 was 23:59 CDT on 30 June.
    expect(mexicoCityParts(new Date(Date.UTC(2020, 6, 1, 4, 59)))).toEqual({
      date: '2020-06-30',
      minutes: 1439,
    });
    expect(mexicoCityParts(new Date(Date.UTC(2020, 6, 1, 5, 0)))).toEqual({
      date: '2020-07-01',
      minutes: 0,
    });
  });

  it('gives the same answer under any process time zone', () => {
    const instant = new Date(Date.UTC(2026, 10, 14, 0, 30));
    for (const tz of ['Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      withProcessTz(tz, () => {
        expect(mexicoCityParts(instant)).toEqual({ date: '2026-11-13', minutes: 1110 });
      });
    }
  });

  it('rejects an invalid Date', () => {
    expect(() => mexicoCityParts(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('parseCutoff', () => {
  it('parses HH:mm', () => {
    expect(parseCutoff('18:00')).toBe(1080);
    expect(parseCutoff('00:00')).toBe(0);
    expect(parseCutoff('23:59')).toBe(1439);
  });

  it.each(['24:00', '18:60', '8:00', '18:00:00', '1800', ''])('rejects %p', (value) => {
    expect(parseCutoff(value)).toBeNull();
  });
});
