/** The law, article and fracción that identify an obligation of the catalogue. */
export interface ObligationRef {
  law?: string | null;
  article?: string | null;
  fraccion?: string | null;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** The value of a Roman numeral (XXIII → 23), or null when the text is not one. */
export const romanValue = (text: string): number | null => {
  const value = text.trim().toUpperCase();
  if (!/^[IVXLCDM]+$/.test(value)) return null;
  let total = 0;
  for (let index = 0; index < value.length; index++) {
    const current = ROMAN[value[index]];
    const next = ROMAN[value[index + 1]] ?? 0;
    total += current < next ? -current : current;
  }
  return total > 0 ? total : null;
};

/** Text compared the way staff mean it: no accents, case or repeated spaces. */
const comparable = (value: string | null | undefined) =>
  String(value ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const isBlank = (value: unknown) =>
  value === null || value === undefined || String(value).trim() === '';

/** True when law, article and fracción are all filled in. */
export const isComplete = (ref: ObligationRef) =>
  !isBlank(ref.law) && !isBlank(ref.article) && !isBlank(ref.fraccion);

/** The parts of an obligation reference, in the order staff write them. */
export const REFERENCE_PARTS = ['law', 'article', 'fraccion'] as const;

/**
 * The parts a partial reference lacks: none when it is complete or not given at all. A document
 * names its obligation whole, or the catalogue could not check it.
 */
export const missingReferenceParts = (ref: ObligationRef): (typeof REFERENCE_PARTS)[number][] => {
  const missing = REFERENCE_PARTS.filter((part) => isBlank(ref[part]));
  return missing.length === REFERENCE_PARTS.length ? [] : missing;
};

/** One key per obligation: «Ley de Transparencia…» art. 92 fr. II and «ley de transparencia…» 92 ii match. */
export const obligationKey = (ref: ObligationRef) =>
  [comparable(ref.law), comparable(ref.article), comparable(ref.fraccion)].join('\u0000');

/** The catalogue entry a document's law, article and fracción refer to, if any. */
export const findObligation = <T extends ObligationRef>(
  catalogue: readonly T[],
  ref: ObligationRef
) => {
  const key = obligationKey(ref);
  return catalogue.find((entry) => obligationKey(entry) === key) ?? null;
};

/** Catalogue order: by law, then article and fracción as numbers (II before X, X before XX). */
export const compareObligations = (a: ObligationRef, b: ObligationRef): number => {
  const byLaw = comparable(a.law).localeCompare(comparable(b.law), 'es');
  if (byLaw !== 0) return byLaw;
  const articleA = Number.parseInt(String(a.article ?? ''), 10);
  const articleB = Number.parseInt(String(b.article ?? ''), 10);
  if (articleA !== articleB && !Number.isNaN(articleA) && !Number.isNaN(articleB)) {
    return articleA - articleB;
  }
  const byArticle = comparable(a.article).localeCompare(comparable(b.article), 'es');
  if (byArticle !== 0) return byArticle;
  const fraccionA = romanValue(String(a.fraccion ?? ''));
  const fraccionB = romanValue(String(b.fraccion ?? ''));
  if (fraccionA !== null && fraccionB !== null && fraccionA !== fraccionB) {
    return fraccionA - fraccionB;
  }
  return comparable(a.fraccion).localeCompare(comparable(b.fraccion), 'es');
};
