import {
  checkAnswers,
  isOpen,
  keyFromPrompt,
  parseOptions,
  prepareQuestions,
  toQuestion,
  type Question,
} from '../questions';
import { responsesCsv, summarize } from '../results';

const QUESTIONS: Question[] = [
  {
    key: 'tramite',
    prompt: '¿Qué trámite?',
    kind: 'opcion_unica',
    options: ['Predial', 'Actas'],
    required: true,
  },
  {
    key: 'medios',
    prompt: 'Medios',
    kind: 'opcion_multiple',
    options: ['Web', 'Redes', 'Oficina'],
    required: false,
  },
  {
    key: 'nota',
    prompt: 'Nota',
    kind: 'escala',
    options: [],
    required: true,
    scaleMin: 0,
    scaleMax: 10,
  },
  { key: 'comentario', prompt: 'Comentario', kind: 'texto', options: [], required: false },
];

describe('definición de preguntas', () => {
  it('lee las opciones una por renglón o como lista JSON', () => {
    expect(parseOptions('Sí\r\n  No \n\n')).toEqual(['Sí', 'No']);
    expect(parseOptions('["Sí", "No", 3]')).toEqual(['Sí', 'No', '3']);
    expect(parseOptions('[no es json')).toEqual(['[no es json']);
    expect(parseOptions(null)).toEqual([]);
  });

  it('genera la clave a partir de la pregunta, sin acentos y corta', () => {
    expect(keyFromPrompt('¿Qué trámite realizó?')).toBe('que_tramite_realizo');
    expect(keyFromPrompt('¿?')).toBe('pregunta');
    expect(
      keyFromPrompt('¿Cómo calificaría la atención que recibió en la ventanilla única de trámites?')
        .length
    ).toBeLessThanOrEqual(40);
  });

  it('completa claves repetidas y la escala vacía de 1 a 5', () => {
    const { questions, problems } = prepareQuestions([
      { key: 'sexo', prompt: 'Sexo', kind: 'texto' },
      { prompt: 'Sexo', kind: 'texto' },
      { prompt: 'Califique', kind: 'escala' },
    ]);
    expect(problems).toEqual([]);
    expect(questions.map((q) => q.key)).toEqual(['sexo', 'sexo_2', 'califique']);
    expect(questions[2]).toMatchObject({ scaleMin: 1, scaleMax: 5 });
  });

  it('rechaza claves con mayúsculas, opciones repetidas y escalas de más de 11 puntos', () => {
    const { problems } = prepareQuestions([
      { key: 'Trámite', prompt: 'Uno', kind: 'texto' },
      { prompt: 'Dos', kind: 'opcion_multiple', options: 'A\nA\nB' },
      { prompt: 'Tres', kind: 'escala', scaleMin: 0, scaleMax: 20 },
      { prompt: '', kind: 'adivinanza' },
    ]);
    expect(problems.map((p) => p.field)).toEqual([
      'questions.0.key',
      'questions.1.options',
      'questions.2.scaleMax',
      'questions.3.prompt',
      'questions.3.kind',
    ]);
  });

  it('una escala guardada sin extremos se publica de 1 a 5', () => {
    expect(toQuestion({ key: 'n', prompt: 'N', kind: 'escala', options: 'x' })).toEqual({
      key: 'n',
      prompt: 'N',
      kind: 'escala',
      options: [],
      required: false,
      scaleMin: 1,
      scaleMax: 5,
    });
  });

  it('está abierta desde opensAt y hasta antes de closesAt', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    expect(isOpen({}, now)).toBe(true);
    expect(isOpen({ opensAt: '2027-01-10T12:00:00Z' }, now)).toBe(true);
    expect(isOpen({ opensAt: '2027-01-10T12:00:01Z' }, now)).toBe(false);
    expect(isOpen({ closesAt: '2027-01-10T12:00:00Z' }, now)).toBe(false);
    expect(isOpen({ closesAt: '2027-01-10T12:00:01Z' }, now)).toBe(true);
  });
});

describe('respuestas', () => {
  it('limpia las respuestas válidas y deja fuera las opcionales vacías', () => {
    expect(
      checkAnswers(QUESTIONS, {
        tramite: ' Actas ',
        medios: 'Redes',
        nota: '0',
        comentario: '',
      })
    ).toEqual({ ok: true, answers: { tramite: 'Actas', medios: ['Redes'], nota: 0 } });
  });

  it('señala cada pregunta con problema', () => {
    const check = checkAnswers(QUESTIONS, {
      tramite: 'predial',
      medios: ['Web', 5],
      nota: 7.5,
      comentario: 'a'.repeat(2001),
      otra: 'x',
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.fields.sort()).toEqual(['comentario', 'medios', 'nota', 'otra', 'tramite']);
    expect(check.messages.nota).toBe('Elige un valor entero de 0 a 10.');
  });

  it('una escala admite sus extremos y nada fuera de ellos', () => {
    expect(checkAnswers(QUESTIONS, { tramite: 'Predial', nota: 10 }).ok).toBe(true);
    expect(checkAnswers(QUESTIONS, { tramite: 'Predial', nota: -1 }).ok).toBe(false);
    expect(checkAnswers(QUESTIONS, { tramite: 'Predial', nota: 11 }).ok).toBe(false);
  });

  it('sin objeto de respuestas no hay respuesta', () => {
    expect(checkAnswers(QUESTIONS, ['Predial'])).toMatchObject({ ok: false, fields: [] });
  });
});

describe('resultados y CSV', () => {
  const rows = [
    { answers: { tramite: 'Predial', nota: 10 }, submittedAt: '2027-01-10T18:00:00.000Z' },
    {
      answers: { tramite: 'Licencia', medios: ['Web'], nota: 4, comentario: 'Bien, "rápido"' },
      submittedAt: '2027-01-11T06:30:00.000Z',
    },
  ];

  it('cuenta también los valores que ya no son opciones', () => {
    const [tramite, medios, nota] = summarize(QUESTIONS, rows);
    expect(tramite.options).toEqual([
      { value: 'Predial', count: 1, percentage: 50 },
      { value: 'Actas', count: 0, percentage: 0 },
      { value: 'Licencia', count: 1, percentage: 50, retired: true },
    ]);
    expect(medios.answered).toBe(1);
    expect(nota.scale?.mean).toBe(7);
    expect(nota.scale?.distribution).toHaveLength(11);
  });

  it('escribe la hora de la Ciudad de México y comillas según RFC 4180', () => {
    const csv = responsesCsv(QUESTIONS, rows);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe('2027-01-10 12:00,Predial,,10,');
    expect(lines[2]).toBe('2027-01-11 00:30,Licencia,Web,4,"Bien, ""rápido"""');
  });
});
