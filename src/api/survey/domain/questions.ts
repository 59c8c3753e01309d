/**
 * Survey definitions and answers, with no Strapi import: what a question is, how a blank key is
 * generated, which definitions are valid and which answers a question accepts.
 */

export const QUESTION_KINDS = ['opcion_unica', 'opcion_multiple', 'escala', 'texto'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Longest free-text answer. */
export const TEXT_MAX = 2000;
/** A scale left blank runs from 1 to 5. */
export const DEFAULT_SCALE = { min: 1, max: 5 } as const;
/** A scale has at most eleven points (0 to 10). */
export const SCALE_MAX_SPAN = 10;
const OPTION_MAX = 200;
const KEY_RE = /^[a-z0-9][a-z0-9_-]{0,59}$/;

/** A question as stored in the `survey.question` component (options as text, one per line). */
export interface QuestionInput {
  id?: number;
  key?: string | null;
  prompt?: string | null;
  kind?: string | null;
  options?: unknown;
  required?: boolean | null;
  scaleMin?: number | string | null;
  scaleMax?: number | string | null;
  [attribute: string]: unknown;
}

/** A question as the public and the results see it. */
export interface Question {
  key: string;
  prompt: string;
  kind: QuestionKind;
  options: string[];
  required: boolean;
  scaleMin?: number;
  scaleMax?: number;
}

export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;

/** One problem of a definition, named by its attribute path (e.g. `questions.2.options`). */
export interface Problem {
  field: string;
  message: string;
}

const isChoice = (kind: unknown): kind is 'opcion_unica' | 'opcion_multiple' =>
  kind === 'opcion_unica' || kind === 'opcion_multiple';

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * The options of a choice question. Staff write one per line; a JSON list (`["Sí","No"]`) is read
 * too, so options can be pasted from another system.
 */
export const parseOptions = (raw: unknown): string[] => {
  let list: unknown[] = [];
  if (Array.isArray(raw)) list = raw;
  else if (typeof raw === 'string') {
    const text = raw.trim();
    if (text.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) list = parsed;
      } catch {
        list = text.split(/\r?\n/);
      }
    } else list = text.split(/\r?\n/);
  }
  return list
    .filter((item) => typeof item === 'string' || typeof item === 'number')
    .map((item) => String(item).trim())
    .filter(Boolean);
};

/** A short key from the prompt: «¿Qué trámite realizó?» → `que_tramite_realizo`. */
export const keyFromPrompt = (prompt: string): string => {
  const words = prompt
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let key = '';
  for (const word of words) {
    const next = key ? `${key}_${word}` : word;
    if (next.length > 40) break;
    key = next;
  }
  return key || 'pregunta';
};

const toInteger = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
};

/**
 * Checks a survey's questions and completes them: a blank key becomes one derived from the prompt
 * (unique within the survey) and a blank scale runs from 1 to 5. Returns the completed questions
 * and every problem found, each named by its attribute path.
 */
export const prepareQuestions = (
  inputs: readonly QuestionInput[]
): { questions: QuestionInput[]; problems: Problem[] } => {
  const problems: Problem[] = [];
  const explicit = new Set<string>();
  const seen = new Set<string>();

  inputs.forEach((input, index) => {
    const key = typeof input.key === 'string' ? input.key.trim() : '';
    if (!key) return;
    if (!KEY_RE.test(key)) {
      problems.push({
        field: `questions.${index}.key`,
        message: `La clave «${key}» de la pregunta ${index + 1} solo admite minúsculas sin acentos, números, «_» y «-».`,
      });
    } else if (explicit.has(key)) {
      problems.push({
        field: `questions.${index}.key`,
        message: `La clave «${key}» se repite en la pregunta ${index + 1}; cada pregunta necesita una clave distinta.`,
      });
    }
    explicit.add(key);
  });

  const questions = inputs.map((input, index) => {
    const number = index + 1;
    const prompt = typeof input.prompt === 'string' ? input.prompt.trim() : '';
    const kind = input.kind ?? 'opcion_unica';
    const question: QuestionInput = { ...input, prompt, kind };

    if (!prompt) {
      problems.push({
        field: `questions.${index}.prompt`,
        message: `Falta el texto de la pregunta ${number}.`,
      });
    }
    if (!(QUESTION_KINDS as readonly string[]).includes(String(kind))) {
      problems.push({
        field: `questions.${index}.kind`,
        message: `El tipo de la pregunta ${number} debe ser uno de: ${QUESTION_KINDS.join(', ')}.`,
      });
    }

    let key = typeof input.key === 'string' ? input.key.trim() : '';
    if (!key) {
      const base = keyFromPrompt(prompt || `pregunta ${number}`);
      key = base;
      for (let n = 2; explicit.has(key) || seen.has(key); n += 1) key = `${base}_${n}`;
    }
    seen.add(key);
    question.key = key;

    if (isChoice(kind)) {
      const options = parseOptions(input.options);
      if (options.length < 2) {
        problems.push({
          field: `questions.${index}.options`,
          message: `La pregunta ${number} es de opción: escribe al menos dos opciones, una por renglón.`,
        });
      }
      const repeated = options.filter((option, i) => options.indexOf(option) !== i);
      if (repeated.length > 0) {
        problems.push({
          field: `questions.${index}.options`,
          message: `La opción «${repeated[0]}» se repite en la pregunta ${number}.`,
        });
      }
      const long = options.find((option) => option.length > OPTION_MAX);
      if (long) {
        problems.push({
          field: `questions.${index}.options`,
          message: `Cada opción de la pregunta ${number} admite hasta ${OPTION_MAX} caracteres.`,
        });
      }
    }

    if (kind === 'escala') {
      const blankMin = isBlank(input.scaleMin);
      const blankMax = isBlank(input.scaleMax);
      const min = blankMin ? DEFAULT_SCALE.min : toInteger(input.scaleMin);
      const max = blankMax ? DEFAULT_SCALE.max : toInteger(input.scaleMax);
      if (min === null || max === null) {
        problems.push({
          field: `questions.${index}.${min === null ? 'scaleMin' : 'scaleMax'}`,
          message: `Los extremos de la escala de la pregunta ${number} deben ser números enteros.`,
        });
      } else if (min >= max) {
        problems.push({
          field: `questions.${index}.scaleMin`,
          message: `En la pregunta ${number} el mínimo de la escala (${min}) debe ser menor que el máximo (${max}).`,
        });
      } else if (max - min > SCALE_MAX_SPAN) {
        problems.push({
          field: `questions.${index}.scaleMax`,
          message: `La escala de la pregunta ${number} admite a lo más ${SCALE_MAX_SPAN + 1} valores (p. ej. de 0 a 10).`,
        });
      } else {
        question.scaleMin = min;
        question.scaleMax = max;
      }
    }
    return question;
  });

  return { questions, problems };
};

/** The public shape of a stored question (see the surveys part of the public API). */
export const toQuestion = (input: QuestionInput): Question => {
  const kind = input.kind as QuestionKind;
  const question: Question = {
    key: String(input.key ?? ''),
    prompt: String(input.prompt ?? ''),
    kind,
    options: isChoice(kind) ? parseOptions(input.options) : [],
    required: input.required === true,
  };
  if (kind === 'escala') {
    question.scaleMin = toInteger(input.scaleMin) ?? DEFAULT_SCALE.min;
    question.scaleMax = toInteger(input.scaleMax) ?? DEFAULT_SCALE.max;
  }
  return question;
};

/** Open now: opensAt (if any) has come and closesAt (if any) has not. */
export const isOpen = (
  survey: { opensAt?: string | Date | null; closesAt?: string | Date | null },
  now: Date = new Date()
): boolean => {
  const at = now.getTime();
  if (survey.opensAt && new Date(survey.opensAt).getTime() > at) return false;
  if (survey.closesAt && new Date(survey.closesAt).getTime() <= at) return false;
  return true;
};

export type AnswerCheck =
  | { ok: true; answers: Answers }
  | { ok: false; fields: string[]; messages: Record<string, string> };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a respondent's answers against the questions: every required question answered, choices
 * among the options, a scale value within its bounds, text up to {@link TEXT_MAX} characters and
 * no key the survey does not ask. Returns the answers cleaned (trimmed, in question order, blank
 * optional answers left out) or the keys refused with a Spanish message for each.
 */
export const checkAnswers = (questions: readonly Question[], answers: unknown): AnswerCheck => {
  if (!isPlainObject(answers)) {
    return {
      ok: false,
      fields: [],
      messages: {
        '': 'Envía tus respuestas como un objeto «answers» con una entrada por pregunta.',
      },
    };
  }
  const messages: Record<string, string> = {};
  const clean: Answers = {};
  const known = new Set(questions.map((q) => q.key));

  for (const key of Object.keys(answers)) {
    if (!known.has(key)) messages[key] = 'Esta pregunta no existe en la encuesta.';
  }

  for (const question of questions) {
    let value = answers[question.key];
    if (typeof value === 'string') value = value.trim();
    if (isBlank(value)) {
      if (question.required) messages[question.key] = 'Esta pregunta es obligatoria.';
      continue;
    }
    switch (question.kind) {
      case 'opcion_unica': {
        if (typeof value !== 'string' || !question.options.includes(value)) {
          messages[question.key] = 'Elige una de las opciones de la pregunta.';
        } else clean[question.key] = value;
        break;
      }
      case 'opcion_multiple': {
        const list = typeof value === 'string' ? [value] : value;
        if (
          !Array.isArray(list) ||
          !list.every((item) => typeof item === 'string' && question.options.includes(item.trim()))
        ) {
          messages[question.key] = 'Elige solo entre las opciones de la pregunta.';
        } else {
          const chosen = new Set(list.map((item: string) => item.trim()));
          // Stored in the order of the options, whatever order the form sent.
          clean[question.key] = question.options.filter((option) => chosen.has(option));
        }
        break;
      }
      case 'escala': {
        const number = toInteger(value);
        const min = question.scaleMin ?? DEFAULT_SCALE.min;
        const max = question.scaleMax ?? DEFAULT_SCALE.max;
        if (number === null || number < min || number > max) {
          messages[question.key] = `Elige un valor entero de ${min} a ${max}.`;
        } else clean[question.key] = number;
        break;
      }
      case 'texto': {
        if (typeof value !== 'string') {
          messages[question.key] = 'Escribe tu respuesta como texto.';
        } else if (value.length > TEXT_MAX) {
          messages[question.key] =
            `Escribe como máximo ${TEXT_MAX} caracteres (llevas ${value.length}).`;
        } else clean[question.key] = value;
        break;
      }
      default:
        messages[question.key] = 'La pregunta no tiene un tipo válido.';
    }
  }

  const fields = Object.keys(messages);
  return fields.length > 0 ? { ok: false, fields, messages } : { ok: true, answers: clean };
};

/** One Spanish sentence listing what to fix, naming each question by its prompt. */
export const describeAnswerProblems = (
  questions: readonly Question[],
  messages: Record<string, string>
): string => {
  const prompts = new Map(questions.map((q) => [q.key, q.prompt]));
  const parts = Object.entries(messages).map(([key, message]) =>
    key === '' ? message : `«${prompts.get(key) ?? key}»: ${message}`
  );
  return `Revisa tus respuestas. ${parts.join(' ')}`;
};
