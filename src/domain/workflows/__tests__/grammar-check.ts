import { WORKFLOW_NOUNS, STATE_WORDS, type Gender } from '../grammar';

const ARTICLE_AGREEMENT: Record<string, { gender: Gender; plural: boolean }> = {
  el: { gender: 'm', plural: false },
  un: { gender: 'm', plural: false },
  del: { gender: 'm', plural: false },
  al: { gender: 'm', plural: false },
  los: { gender: 'm', plural: true },
  unos: { gender: 'm', plural: true },
  la: { gender: 'f', plural: false },
  una: { gender: 'f', plural: false },
  las: { gender: 'f', plural: true },
  unas: { gender: 'f', plural: true },
};

/** Words ending in «s» that are singular: a count of one may precede them. */
const SINGULAR_IN_S = new Set([
  'lunes',
  'martes',
  'miércoles',
  'jueves',
  'viernes',
  'mes',
  'análisis',
]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What is wrong with a generated Spanish text: an article that disagrees with the workflow noun
 * it precedes, «1 …s» with a plural word, or a value that leaked as undefined, null, NaN or
 * [object Object]. With `gender`, also any state participle of the other gender.
 */
export function grammarProblems(text: string, gender?: Gender): string[] {
  const problems: string[] = [];
  const lower = text.toLocaleLowerCase('es-MX');
  if (/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/.test(text)) {
    problems.push(`valor sin texto en «${text}»`);
  }
  for (const match of lower.matchAll(/(?<![\d.,])\b1 ([a-záéíóúñü]+s)\b/g)) {
    if (!SINGULAR_IN_S.has(match[1])) problems.push(`plural con 1: «${match[0]}»`);
  }
  for (const noun of Object.values(WORKFLOW_NOUNS)) {
    for (const [words, plural] of [
      [noun.singular, false],
      [noun.plural, true],
    ] as const) {
      const pattern = new RegExp(`(?:^|[^\\p{L}])(\\p{L}+) ${escape(words)}(?![\\p{L}])`, 'gu');
      for (const match of lower.matchAll(pattern)) {
        const agreement = ARTICLE_AGREEMENT[match[1]];
        if (!agreement) continue;
        if (agreement.gender !== noun.gender || agreement.plural !== plural) {
          problems.push(`artículo «${match[1]}» con «${words}»`);
        }
      }
    }
  }
  if (gender) {
    const wrongForms = new Set<string>();
    for (const word of Object.values(STATE_WORDS)) {
      if (!('agrees' in word) || word.agrees[0] === word.agrees[1]) continue;
      wrongForms.add(word.agrees[gender === 'm' ? 1 : 0]);
    }
    for (const wrong of wrongForms) {
      if (new RegExp(`(?<![\\p{L}])${escape(wrong)}s?(?![\\p{L}])`, 'u').test(lower)) {
        problems.push(`«${wrong}» no concuerda (${gender === 'm' ? 'masculino' : 'femenino'})`);
      }
    }
  }
  return problems;
}
