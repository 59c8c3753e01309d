import { countByStatus, obligationWarnings, type Obligation } from '../warnings';

const LAW =
  'Ley de Transparencia y Acceso a la Información Pública del Estado de México y Municipios';

const obligation = (
  fraccion: string,
  overrides: Partial<Obligation> = {}
): Obligation & { title: string } => ({
  law: LAW,
  article: '92',
  fraccion,
  title: `Fracción ${fraccion}`,
  frequency: 'trimestral',
  updateWindowDays: 30,
  active: true,
  ...overrides,
});

const published = (fraccion: string, periodEnd: string, extra: Record<string, unknown> = {}) => ({
  law: LAW,
  article: '92',
  fraccion,
  periodEnd,
  title: `Documento ${fraccion} ${periodEnd}`,
  ...extra,
});

describe('avisos de obligaciones de transparencia', () => {
  it('sin documento publicado: por vencer dentro del plazo, vencida después', () => {
    // The third quarter of 2026 closed on 30 September; 30 days later is 30 October.
    const [beforeDeadline] = obligationWarnings([obligation('II')], [], '2026-10-15');
    expect(beforeDeadline).toMatchObject({
      lastClosedPeriod: { start: '2026-07-01', end: '2026-09-30', label: '3.er trimestre 2026' },
      deadline: '2026-10-30',
      latestDocument: null,
      status: 'por_vencer',
      daysLeft: 15,
    });
    const [onDeadline] = obligationWarnings([obligation('II')], [], '2026-10-30');
    expect(onDeadline).toMatchObject({ status: 'por_vencer', daysLeft: 0 });
    const [afterDeadline] = obligationWarnings([obligation('II')], [], '2026-10-31');
    expect(afterDeadline).toMatchObject({ status: 'vencida', daysLeft: -1 });
  });

  it('el último día del trimestre todavía cuenta el trimestre anterior', () => {
    const [onLastDay] = obligationWarnings(
      [obligation('II')],
      [published('II', '2026-06-30')],
      '2026-09-30'
    );
    expect(onLastDay.status).toBe('al_dia');
    const [nextDay] = obligationWarnings(
      [obligation('II')],
      [published('II', '2026-06-30')],
      '2026-10-01'
    );
    expect(nextDay).toMatchObject({
      status: 'por_vencer',
      lastClosedPeriod: { end: '2026-09-30' },
      latestPeriodEnd: '2026-06-30',
      daysLeft: 29,
    });
  });

  it('un documento del periodo cerrado o de uno posterior la deja al día', () => {
    const [covered] = obligationWarnings(
      [obligation('II')],
      [published('II', '2026-03-31'), published('II', '2026-09-30')],
      '2026-11-24'
    );
    expect(covered).toMatchObject({
      status: 'al_dia',
      daysLeft: null,
      latestPeriodEnd: '2026-09-30',
    });
    expect(covered.latestDocument?.title).toBe('Documento II 2026-09-30');
    // An annual obligation is covered by a document of a later quarter too.
    const [annual] = obligationWarnings(
      [obligation('XXV', { frequency: 'anual' })],
      [published('XXV', '2026-03-31')],
      '2026-11-24'
    );
    expect(annual).toMatchObject({
      status: 'al_dia',
      lastClosedPeriod: { label: 'ejercicio 2025' },
    });
    // A document of an earlier period does not.
    const [late] = obligationWarnings(
      [obligation('II')],
      [published('II', '2026-06-30')],
      '2026-11-24'
    );
    expect(late.status).toBe('vencida');
  });

  it('solo cuentan los documentos de la misma ley, artículo y fracción', () => {
    const [warning] = obligationWarnings(
      [obligation('II')],
      [published('XI', '2026-09-30'), { ...published('II', '2026-09-30'), article: '93' }],
      '2026-11-24'
    );
    expect(warning.status).toBe('vencida');
  });

  it('plazo del cuarto trimestre en un año bisiesto', () => {
    const [warning] = obligationWarnings(
      [obligation('II', { updateWindowDays: 60 })],
      [],
      '2028-02-29'
    );
    expect(warning).toMatchObject({
      lastClosedPeriod: { end: '2027-12-31', label: '4.º trimestre 2027' },
      deadline: '2028-02-29',
      status: 'por_vencer',
      daysLeft: 0,
    });
    const [dayAfter] = obligationWarnings(
      [obligation('II', { updateWindowDays: 60 })],
      [],
      '2028-03-01'
    );
    expect(dayAfter.status).toBe('vencida');
  });

  it('las obligaciones inactivas no se vigilan', () => {
    const warnings = obligationWarnings(
      [obligation('II'), obligation('III', { active: false })],
      [],
      '2026-11-24'
    );
    expect(warnings.map((warning) => warning.obligation.fraccion)).toEqual(['II']);
  });

  it('primero las vencidas (la más atrasada antes), luego por vencer y al final las que están al día', () => {
    const warnings = obligationWarnings(
      [
        obligation('I'),
        obligation('II', { updateWindowDays: 120 }),
        obligation('III', { frequency: 'semestral' }),
        obligation('IV', { updateWindowDays: 90 }),
        obligation('V'),
      ],
      [published('I', '2026-09-30')],
      '2026-11-24'
    );
    expect(warnings.map((warning) => [warning.obligation.fraccion, warning.status])).toEqual([
      ['III', 'vencida'],
      ['V', 'vencida'],
      ['IV', 'por_vencer'],
      ['II', 'por_vencer'],
      ['I', 'al_dia'],
    ]);
    expect(countByStatus(warnings)).toEqual({ al_dia: 1, por_vencer: 2, vencida: 2 });
  });
});
