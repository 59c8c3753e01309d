import type { WorkflowKey } from './types';

/**
 * Spanish grammar of generated texts: every sentence that names a kind of work, a state or a count
 * takes its article, agreement and plural from these tables, never from a masculine default.
 * A new workflow type or state is one line here; the grammar test fails until it has one.
 */

export type Gender = 'm' | 'f';

/** A noun (or noun phrase) with its gender and both numbers, in lower case. */
export interface Noun {
  gender: Gender;
  singular: string;
  plural: string;
}

const m = (singular: string, plural: string): Noun => ({ gender: 'm', singular, plural });
const f = (singular: string, plural: string): Noun => ({ gender: 'f', singular, plural });

/** Each kind of work as a noun. */
export const WORKFLOW_NOUNS: Readonly<Record<WorkflowKey, Noun>> = Object.freeze({
  oficio: m('oficio', 'oficios'),
  design: m('diseño', 'diseños'),
  'coverage-event': f('cobertura de evento', 'coberturas de evento'),
  'social-post': f('publicación en redes sociales', 'publicaciones en redes sociales'),
  'web-publication': f('publicación en el sitio web', 'publicaciones en el sitio web'),
  'transparency-document': m('documento de transparencia', 'documentos de transparencia'),
  'email-account-request': f(
    'solicitud de cuenta de correo institucional',
    'solicitudes de cuenta de correo institucional'
  ),
  advisory: f('asesoría a organismos auxiliares', 'asesorías a organismos auxiliares'),
});

/** Other nouns that generated texts count. */
export const NOUNS = Object.freeze({
  trabajo: m('trabajo', 'trabajos'),
  ronda: f('ronda', 'rondas'),
  dia: m('día', 'días'),
  documento: m('documento', 'documentos'),
  propuesta: f('propuesta', 'propuestas'),
  persona: f('persona', 'personas'),
  fila: f('fila', 'filas'),
  referencia: f('referencia', 'referencias'),
});

/**
 * How a state reads after «quedó» / «está»: a word that agrees with the noun (`[masculine,
 * feminine]`, plural by adding «s») or an invariable phrase.
 */
export type StateWord = { agrees: readonly [string, string] } | { phrase: string };

const agrees = (masculine: string, feminine: string): StateWord => ({
  agrees: [masculine, feminine],
});
const participle = (stem: string): StateWord => agrees(`${stem}o`, `${stem}a`);
const phrase = (text: string): StateWord => ({ phrase: text });

/** Every state of every workflow, by state key (the same key reads the same in every workflow). */
export const STATE_WORDS: Readonly<Record<string, StateWord>> = Object.freeze({
  abierta: participle('abiert'),
  aprobado: participle('aprobad'),
  atendida: participle('atendid'),
  atendido: participle('atendid'),
  autorizada: participle('autorizad'),
  borrador: phrase('en borrador'),
  cancelada: participle('cancelad'),
  cancelado: participle('cancelad'),
  con_observaciones: phrase('con observaciones'),
  concluida: participle('concluid'),
  creada: participle('cread'),
  cubierta: participle('cubiert'),
  dada_de_baja: agrees('dado de baja', 'dada de baja'),
  en_analisis: phrase('en análisis'),
  en_atencion: phrase('en atención'),
  en_diseno: phrase('en diseño'),
  en_imprenta: phrase('en imprenta'),
  en_postproduccion: phrase('en postproducción'),
  en_revision: phrase('en revisión'),
  en_seguimiento: phrase('en seguimiento'),
  entregada: participle('entregad'),
  entregado: participle('entregad'),
  informacion_incompleta: phrase('con información incompleta'),
  lista: participle('list'),
  pendiente: agrees('pendiente', 'pendiente'),
  programada: participle('programad'),
  publicada: participle('publicad'),
  publicado: participle('publicad'),
  rechazada: participle('rechazad'),
  rechazado: participle('rechazad'),
  recibida: participle('recibid'),
  recibido: participle('recibid'),
  respondida: participle('respondid'),
  retirada: participle('retirad'),
  solicitada: participle('solicitad'),
  verificada: participle('verificad'),
});

/** Whether a state has its entry in {@link STATE_WORDS}. */
export const hasStateWord = (state: string) =>
  Object.prototype.hasOwnProperty.call(STATE_WORDS, state);

const ARTICLES = {
  definite: { m: ['el', 'los'], f: ['la', 'las'] },
  indefinite: { m: ['un', 'unos'], f: ['una', 'unas'] },
} as const;

export type ArticleKind = keyof typeof ARTICLES;

const nounOf = (noun: Noun | WorkflowKey): Noun =>
  typeof noun === 'string' ? WORKFLOW_NOUNS[noun] : noun;

/** «el», «la», «los», «las», «un», «una», «unos», «unas». */
export function article(noun: Noun | WorkflowKey, kind: ArticleKind = 'definite', count = 1) {
  return ARTICLES[kind][nounOf(noun).gender][count === 1 ? 0 : 1];
}

/** «el diseño», «la cobertura de evento», «las publicaciones en el sitio web». */
export function withArticle(noun: Noun | WorkflowKey, kind: ArticleKind = 'definite', count = 1) {
  const n = nounOf(noun);
  return `${article(n, kind, count)} ${count === 1 ? n.singular : n.plural}`;
}

/** «de» + definite article, contracted: «del diseño», «de la cobertura de evento». */
export function ofThe(noun: Noun | WorkflowKey, count = 1) {
  const phrase = withArticle(noun, 'definite', count);
  return phrase.startsWith('el ') ? `del ${phrase.slice(3)}` : `de ${phrase}`;
}

/** «a» + definite article, contracted: «al diseño», «a la asesoría…». */
export function toThe(noun: Noun | WorkflowKey, count = 1) {
  const phrase = withArticle(noun, 'definite', count);
  return phrase.startsWith('el ') ? `al ${phrase.slice(3)}` : `a ${phrase}`;
}

/** An adjective in `[masculine singular, feminine singular]` agreed in gender and number. */
export function agree(forms: readonly [string, string], gender: Gender, count = 1) {
  const word = forms[gender === 'm' ? 0 : 1];
  // The plural is the first word's: «dadas de baja».
  return count === 1 ? word : word.replace(/^(\S+)/, '$1s');
}

/**
 * How `workflow`'s `state` reads in a sentence, agreeing with the noun: «publicado» (diseño),
 * «publicada» (publicación), «en revisión». An unknown state reads as its key.
 */
export function stateWord(workflow: WorkflowKey, state: string, count = 1): string {
  const word = STATE_WORDS[state];
  if (!word) return state.replace(/_/g, ' ');
  if ('phrase' in word) return word.phrase;
  return agree(word.agrees, WORKFLOW_NOUNS[workflow].gender, count);
}

/** «1 trabajo», «2 trabajos», «0 trabajos»; with an adjective: «1 trabajo abierto». */
export function countOf(
  count: number,
  noun: Noun | WorkflowKey,
  adjective?: readonly [string, string]
): string {
  const n = nounOf(noun);
  const words = count === 1 ? n.singular : n.plural;
  return adjective ? `${count} ${words} ${agree(adjective, n.gender, count)}` : `${count} ${words}`;
}

/** A word in singular or plural by count, without the number: «queda» / «quedan». */
export const byCount = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** The first letter in upper case (sentence start). */
export const capitalize = (text: string) =>
  text ? `${text[0].toLocaleUpperCase('es-MX')}${text.slice(1)}` : text;
