import { bootApp, type TestApp } from '../harness/app';
import { runFuzz, summaryLine, type FuzzReport } from './fuzz';

/**
 * The seeded hostile walk of every route (tests/fuzz/fuzz.ts), bounded for the suite. A larger
 * run: `npm run fuzz -- --requests 30000 [--seed N]`.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS || 2500);
const SEED = Number(process.env.FUZZ_SEED || 20261206);

describe('recorrido hostil de todas las rutas', () => {
  let app: TestApp;
  let report: FuzzReport;

  beforeAll(async () => {
    app = await bootApp({
      env: {
        RATE_LIMIT_MAX: '100000',
        SURVEY_RATE_LIMIT_MAX: '100000',
        NOTIFICATIONS_CRON: 'false',
      },
    });
    report = await runFuzz(app, { seed: SEED, requests: REQUESTS });
    // Printed for the run's log, as `npm run fuzz` prints it.
    console.log(`${summaryLine(report)}\n${JSON.stringify(report.byStatus)}`);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
  });

  const listed = (kind: string) =>
    report.findings
      .filter((f) => f.kind === kind)
      .slice(0, 15)
      .map((f) => `${f.actor} · ${f.request} → ${f.status}: ${f.detail}`);

  it('recorre todas las rutas con cada actor', () => {
    expect(report.requests).toBeGreaterThanOrEqual(REQUESTS);
    expect(report.routes).toBeGreaterThan(200);
    expect(report.actors).toBeGreaterThanOrEqual(11);
    // The walk reached past the doors: answers of every family.
    expect(Object.keys(report.byStatus)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404'])
    );
  });
  it('ninguna respuesta 5xx', () => expect(listed('5xx')).toEqual([]));
  it('ninguna negativa sin mensaje en español y código', () =>
    expect(listed('uncoded')).toEqual([]));
  it('ningún dato privado llega a quien no debe leerlo', () => expect(listed('leak')).toEqual([]));
  it('un área nunca lee ni confirma los registros de otra (404)', () => {
    expect([...listed('cross-area'), ...listed('forbidden-not-404')]).toEqual([]);
  });
});
