/*
 * Due-date throughput of BusinessCalendar versus the day-by-day reference loop.
 * Run: node -r esbuild-register bench/calendar.bench.ts
 */
import {
  BusinessCalendar,
  NaiveBusinessCalendar,
  fromDayNumber,
  lftHolidays,
  mexicoCityParts,
  toDayNumber,
  type DueDateInput,
  type NonWorkingDay,
} from '../src/domain/calendar';
import { prng } from '../tests/harness/random';

const OPS = 100_000;
const WARMUP_OPS = 20_000;
const ROUNDS = 3;
const MS_PER_DAY = 86_400_000;

// Anonymous Gregorian algorithm (Meeus/Jones/Butcher) for Easter Sunday.
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toDayNumber(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

function buildCalendarData(): NonWorkingDay[] {
  const days: NonWorkingDay[] = [];
  for (let year = 2000; year <= 2100; year++) {
    days.push(...lftHolidays(year));
    const easter = easterSunday(year);
    days.push(
      {
        date: `${year}-03-02`,
        name: 'Aniversario de la fundación del Estado de México',
        source: 'calendario_estatal',
      },
      {
        date: fromDayNumber(easter - 3),
        endDate: fromDayNumber(easter - 2),
        name: 'Jueves y Viernes Santo',
        source: 'calendario_estatal',
      },
      {
        date: `${year}-07-20`,
        endDate: `${year}-07-31`,
        name: 'Vacaciones de verano',
        source: 'calendario_estatal',
      },
      { date: `${year}-11-02`, name: 'Día de Muertos', source: 'municipal' },
      {
        date: `${year}-12-21`,
        endDate: `${year + 1}-01-02`,
        name: 'Vacaciones de invierno',
        source: 'calendario_estatal',
      }
    );
  }
  return days;
}

function buildInputs(count: number): DueDateInput[] {
  const random = prng(20_261_113);
  const from = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2028, 0, 1) - from;
  const inputs: DueDateInput[] = [];
  for (let i = 0; i < count; i++) {
    const start = from + Math.floor(random() * span);
    const input: DueDateInput = { start: new Date(start), businessDays: Math.floor(random() * 21) };
    if (random() < 0.3) {
      const pauses: { from: Date; to: Date | null }[] = [];
      const pauseCount = 1 + Math.floor(random() * 3);
      for (let p = 0; p < pauseCount; p++) {
        const pauseFrom = start + Math.floor(random() * 20 * MS_PER_DAY);
        const open = random() < 0.15;
        pauses.push({
          from: new Date(pauseFrom),
          to: open ? null : new Date(pauseFrom + Math.floor(random() * 10 * MS_PER_DAY)),
        });
      }
      input.pauses = pauses;
      input.asOf = new Date(start + Math.floor(random() * 40 * MS_PER_DAY));
    }
    inputs.push(input);
  }
  return inputs;
}

// Best-of-ROUNDS timing of one workload on both implementations; exits 1 on any mismatch.
function compare(
  label: string,
  fast: (i: number) => string,
  naive: (i: number) => string
): { label: string; fastOps: number; naiveOps: number } | null {
  const runAll = (fn: (i: number) => string, count: number) => {
    const results = new Array<string>(count);
    const started = process.hrtime.bigint();
    for (let i = 0; i < count; i++) results[i] = fn(i);
    return { ns: process.hrtime.bigint() - started, results };
  };
  runAll(fast, WARMUP_OPS);
  runAll(naive, WARMUP_OPS);
  let bestFast = Number.POSITIVE_INFINITY;
  let bestNaive = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const f = runAll(fast, OPS);
    const n = runAll(naive, OPS);
    for (let i = 0; i < OPS; i++) {
      if (f.results[i] !== n.results[i]) {
        console.error(
          `calendar: ${label}: mismatch at input ${i}: fast ${f.results[i]} vs naive ${n.results[i]}`
        );
        return null;
      }
    }
    bestFast = Math.min(bestFast, Number(f.ns));
    bestNaive = Math.min(bestNaive, Number(n.ns));
  }
  return { label, fastOps: (OPS * 1e9) / bestFast, naiveOps: (OPS * 1e9) / bestNaive };
}

function main(): void {
  const data = buildCalendarData();
  const buildStart = process.hrtime.bigint();
  const fast = new BusinessCalendar(data);
  const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  const naive = new NaiveBusinessCalendar(data);
  const inputs = buildInputs(OPS);

  const dueDates = compare(
    'due dates',
    (i) => fast.dueDate(inputs[i]),
    (i) => naive.dueDate(inputs[i])
  );
  if (!dueDates) {
    process.exitCode = 1;
    return;
  }

  // Same start days without the time-zone conversion and with longer spans, to show
  // the calendar arithmetic on its own.
  const random = prng(74);
  const startDays = inputs.map((input) => fast.receptionDay(input.start));
  const spans = inputs.map(() => Math.floor(random() * 401));
  const arithmetic = compare(
    'addBusinessDays',
    (i) => fast.addBusinessDays(startDays[i], spans[i]),
    (i) => naive.addBusinessDays(startDays[i], spans[i])
  );
  if (!arithmetic) {
    process.exitCode = 1;
    return;
  }

  // Both implementations convert every instant (start and pause bounds) with the same helper.
  const instants = inputs.map((input) => input.start);
  let bestTz = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    for (const instant of instants) mexicoCityParts(instant);
    bestTz = Math.min(bestTz, Number(process.hrtime.bigint() - started));
  }
  const conversions = inputs.reduce((sum, input) => sum + 1 + 2 * (input.pauses?.length ?? 0), 0);

  const num = (value: number) => Math.round(value).toLocaleString('en-US').padStart(13);
  const row = (label: string, f: string, n: string, r: string) =>
    console.log(`  ${label.padEnd(44)}${f.padStart(13)}${n.padStart(13)}${r.padStart(11)}`);

  console.log(
    `calendar: ${OPS.toLocaleString('en-US')} ops per workload, ${data.length} non-working days ` +
      `(calendar built in ${buildMs.toFixed(1)} ms), best of ${ROUNDS} rounds after warm-up, results identical`
  );
  row('workload', 'fast ops/s', 'naive ops/s', 'fast/naive');
  row(
    'dueDate (lead 0..20, 30 % with pauses)',
    num(dueDates.fastOps),
    num(dueDates.naiveOps),
    `${(dueDates.fastOps / dueDates.naiveOps).toFixed(1)}×`
  );
  row(
    'addBusinessDays (n 0..400, no time zone)',
    num(arithmetic.fastOps),
    num(arithmetic.naiveOps),
    `${(arithmetic.fastOps / arithmetic.naiveOps).toFixed(1)}×`
  );
  row('Mexico City conversion (shared)', num((OPS * 1e9) / bestTz), '', '');
  console.log(`  (${(conversions / OPS).toFixed(2)} instant conversions per due date on average)`);
  console.log(
    `calendar: fast is ${(dueDates.fastOps / dueDates.naiveOps).toFixed(1)}× the naive loop`
  );
}

main();
