import {
  compareObligations,
  findObligation,
  missingReferenceParts,
  romanValue,
} from '../catalogue';
import { metadataProblems } from '../metadata';

const LAW =
  'Ley de Transparencia y Acceso a la Información Pública del Estado de México y Municipios';

describe('metadatos de un documento de transparencia', () => {
  it('un documento coherente no tiene observaciones', () => {
    expect(
      metadataProblems({
        ejercicio: 2026,
        periodStart: '2026-07-01',
        periodEnd: '2026-09-30',
        updatedOn: '2026-10-10',
        validatedOn: '2026-10-10',
      })
    ).toEqual([]);
    // A period of a single day and missing values are not refused here.
    expect(metadataProblems({ periodStart: '2026-07-01', periodEnd: '2026-07-01' })).toEqual([]);
    expect(metadataProblems({})).toEqual([]);
  });

  it('el fin del periodo no puede ser anterior a su inicio', () => {
    const [problem] = metadataProblems({ periodStart: '2026-07-01', periodEnd: '2026-06-30' });
    expect(problem.fields).toEqual(['periodStart', 'periodEnd']);
    expect(problem.message).toMatch(/2026-06-30.*2026-07-01/);
  });

  it('el ejercicio es el año en que empieza el periodo', () => {
    expect(metadataProblems({ ejercicio: '2026', periodStart: '2026-01-01' })).toEqual([]);
    const [problem] = metadataProblems({ ejercicio: 2025, periodStart: '2026-01-01' });
    expect(problem.fields).toEqual(['ejercicio', 'periodStart']);
  });

  it('la validación no puede ser anterior a la actualización', () => {
    const [problem] = metadataProblems({ updatedOn: '2026-10-10', validatedOn: '2026-10-09' });
    expect(problem.fields).toEqual(['updatedOn', 'validatedOn']);
  });

  it('acepta fechas como Date (así las devuelve PostgreSQL)', () => {
    expect(
      metadataProblems({ periodStart: new Date('2026-07-01'), periodEnd: new Date('2026-06-01') })
    ).toHaveLength(1);
  });
});

describe('catálogo de obligaciones', () => {
  const catalogue = [
    { law: LAW, article: '92', fraccion: 'II', title: 'Estructura orgánica' },
    { law: LAW, article: '92', fraccion: 'XXIII', title: 'Comunicación social' },
  ];

  it('reconoce la fracción sin distinguir mayúsculas, acentos ni espacios', () => {
    expect(
      findObligation(catalogue, {
        law: '  ley de transparencia y acceso a la informacion publica del estado de mexico y municipios',
        article: '92',
        fraccion: 'ii ',
      })?.title
    ).toBe('Estructura orgánica');
    expect(findObligation(catalogue, { law: LAW, article: '92', fraccion: 'LX' })).toBeNull();
    expect(findObligation(catalogue, { law: LAW, article: '93', fraccion: 'II' })).toBeNull();
  });

  it('ordena las fracciones por su número romano', () => {
    expect(romanValue('XXIII')).toBe(23);
    expect(romanValue('XLIV')).toBe(44);
    expect(romanValue('II bis')).toBeNull();
    const sorted = ['X', 'II', 'XXIII', 'IX', 'I'].map((fraccion) => ({
      law: LAW,
      article: '92',
      fraccion,
    }));
    sorted.sort(compareObligations);
    expect(sorted.map((entry) => entry.fraccion)).toEqual(['I', 'II', 'IX', 'X', 'XXIII']);
  });
});

describe('referencia a la obligación', () => {
  it('se da completa (ley, artículo y fracción) o no se da', () => {
    expect(missingReferenceParts({ law: LAW, article: '92', fraccion: 'II' })).toEqual([]);
    expect(missingReferenceParts({})).toEqual([]);
    expect(missingReferenceParts({ law: ' ', article: null, fraccion: '' })).toEqual([]);
    expect(missingReferenceParts({ article: '92', fraccion: 'II' })).toEqual(['law']);
    expect(missingReferenceParts({ law: LAW, fraccion: 'II' })).toEqual(['article']);
    expect(missingReferenceParts({ fraccion: 'II' })).toEqual(['law', 'article']);
  });
});
