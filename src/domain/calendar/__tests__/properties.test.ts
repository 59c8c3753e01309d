import fc from 'fast-check';

import {
  BusinessCalendar,
  HOLIDAY_SOURCES,
  NaiveBusinessCalendar,
  fromDayNumber,
  toDayNumber,
  type NonWorkingDay,
} from '..';

const MIN_DAY = toDayNumber('2000-01-01');
const MAX_DAY = toDayNumber('2100-12-31');
const MS_PER_DAY = 86_400_000;

interface Scenario {
  anchor: number;
  days: NonWorkingDay[];
  calendar: BusinessCalendar;
  naive: NaiveBusinessCalendar;
}

// Holidays cluster around the anchor date so that the random dates actually cross them.
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .integer({ min: MIN_DAY, max: MAX_DAY })
  .chain((anchor) =>
    fc
      .array(
        fc.record({
          offset: fc.integer({ min: -60, max: 700 }),
          length: fc.oneof(
            fc.constant(0),
            fc.integer({ min: 0, max: 3 }),
            fc.integer({ min: 0, max: 30 })
          ),
          ranged: fc.boolean(),
          source: fc.constantFrom(...HOLIDAY_SOURCES),
        }),
        { maxLength: 60 }
      )
      .map((specs) => {
        const days: NonWorkingDay[] = specs.map((s, i) => ({
          date: fromDayNumber(anchor + s.offset),
          endDate: s.ranged ? fromDayNumber(anchor + s.offset + s.length) : null,
          name: `Día inhábil ${i}`,
          source: s.source,
        }));
        return {
          anchor,
          days,
          calendar: new BusinessCalendar(days),
          naive: new NaiveBusinessCalendar(days),
        };
      })
  );

const offsetArb = fc.integer({ min: -30, max: 400 });
const nArb = fc.integer({ min: 0, max: 400 });

function describeScenario(s: Scenario): string {
  return `anchor ${fromDayNumber(s.anchor)}, ${JSON.stringify(s.days)}`;
}

describe('BusinessCalendar properties', () => {
  it('addBusinessDays always returns a business day', () => {
    fc.assert(
      fc.property(scenarioArb, offsetArb, nArb, (s, offset, n) => {
        const result = s.calendar.addBusinessDays(fromDayNumber(s.anchor + offset), n);
        return s.calendar.isBusinessDay(result) && s.naive.isBusinessDay(result);
      }),
      { numRuns: 300 }
    );
  });

  it('businessDaysBetween(a, addBusinessDays(a, n)) === n for every a', () => {
    fc.assert(
      fc.property(scenarioArb, offsetArb, nArb, (s, offset, n) => {
        const a = fromDayNumber(s.anchor + offset);
        return s.calendar.businessDaysBetween(a, s.calendar.addBusinessDays(a, n)) === n;
      }),
      { numRuns: 300 }
    );
  });

  it('addBusinessDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(scenarioArb, offsetArb, nArb, (s, offset, n) => {
        const a = fromDayNumber(s.anchor + offset);
        const here = toDayNumber(s.calendar.addBusinessDays(a, n));
        const next = toDayNumber(s.calendar.addBusinessDays(a, n + 1));
        return next > here && here >= toDayNumber(a);
      }),
      { numRuns: 300 }
    );
  });

  it('addBusinessDays equals the naive day-by-day loop', () => {
    fc.assert(
      fc.property(scenarioArb, offsetArb, nArb, (s, offset, n) => {
        const a = fromDayNumber(s.anchor + offset);
        const fast = s.calendar.addBusinessDays(a, n);
        const slow = s.naive.addBusinessDays(a, n);
        if (fast !== slow)
          throw new Error(`add(${a}, ${n}): ${fast} vs ${slow}; ${describeScenario(s)}`);
      }),
      { numRuns: 500 }
    );
  });

  it('businessDaysBetween equals the naive loop, including b < a', () => {
    fc.assert(
      fc.property(scenarioArb, offsetArb, offsetArb, (s, offsetA, offsetB) => {
        const a = fromDayNumber(s.anchor + offsetA);
        const b = fromDayNumber(s.anchor + offsetB);
        const fast = s.calendar.businessDaysBetween(a, b);
        return (
          fast === s.naive.businessDaysBetween(a, b) &&
          fast === -s.calendar.businessDaysBetween(b, a)
        );
      }),
      { numRuns: 500 }
    );
  });

  it('isBusinessDay and nextBusinessDayOnOrAfter equal the naive loop', () => {
    fc.assert(
      fc.property(scenarioArb, offsetArb, (s, offset) => {
        const d = fromDayNumber(s.anchor + offset);
        return (
          s.calendar.isBusinessDay(d) === s.naive.isBusinessDay(d) &&
          s.calendar.explain(d).businessDay === s.naive.isBusinessDay(d) &&
          s.calendar.nextBusinessDayOnOrAfter(d) === s.naive.nextBusinessDayOnOrAfter(d)
        );
      }),
      { numRuns: 300 }
    );
  });

  it('receptionDay and dueDate with pauses equal the naive loop', () => {
    const minuteArb = fc.integer({ min: 0, max: 400 * 1440 });
    const pauseArb = fc.record({
      from: minuteArb,
      duration: fc.integer({ min: -2 * 1440, max: 40 * 1440 }),
      open: fc.boolean(),
    });
    fc.assert(
      fc.property(
        scenarioArb,
        minuteArb,
        fc.integer({ min: 0, max: 60 }),
        fc.array(pauseArb, { maxLength: 4 }),
        minuteArb,
        (s, startMinute, businessDays, pauseSpecs, asOfMinute) => {
          // Instants are built from UTC milliseconds, so the process time zone is irrelevant.
          const at = (minute: number) => new Date(s.anchor * MS_PER_DAY + minute * 60_000);
          const start = at(startMinute);
          const pauses = pauseSpecs.map((p) => ({
            from: at(p.from),
            to: p.open ? null : at(p.from + p.duration),
          }));
          const input = { start, businessDays, pauses, asOf: at(asOfMinute) };
          return (
            s.calendar.receptionDay(start) === s.naive.receptionDay(start) &&
            s.calendar.dueDate(input) === s.naive.dueDate(input)
          );
        }
      ),
      { numRuns: 300 }
    );
  });
});
