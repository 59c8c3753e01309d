import type { Core, Modules, UID } from '@strapi/strapi';
import {
  findObligation,
  isComplete,
  metadataProblems,
  missingReferenceParts,
  obligationKey,
  type DocumentMetadata,
  type ObligationRef,
} from '../domain/transparency';
import { invalid } from '../utils/errors';

export const TRANSPARENCY_DOCUMENT_UID: string = 'api::transparency-document.transparency-document';
export const TRANSPARENCY_OBLIGATION_UID: string =
  'api::transparency-obligation.transparency-obligation';

const REF_FIELDS = ['law', 'article', 'fraccion'] as const;
const PART_LABELS: Record<(typeof REF_FIELDS)[number], string> = {
  law: 'la ley',
  article: 'el artículo',
  fraccion: 'la fracción',
};
const DOCUMENT_FIELDS = [
  ...REF_FIELDS,
  'ejercicio',
  'periodStart',
  'periodEnd',
  'updatedOn',
  'validatedOn',
] as const;
const OBLIGATION_FIELDS = [...REF_FIELDS, 'title', 'active'] as const;

type Values = Record<string, unknown>;
type Params = { documentId?: string; data?: Values };

const pick = (data: Values, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((field) => field in data).map((field) => [field, data[field]]));

const touches = (data: Values, fields: readonly string[]) => fields.some((field) => field in data);

/** «fracción II del artículo 92 de la Ley …», as staff read an obligation. */
const obligationName = (ref: ObligationRef) =>
  `fracción ${String(ref.fraccion).trim()} del artículo ${String(ref.article).trim()} de la ${String(ref.law).trim()}`;

/**
 * Transparency metadata at every door (content manager, content API, plugin, scripts):
 * a document's period, ejercicio and dates agree with each other and its law, article and
 * fracción, given together (or not at all while it is analysed), name an active obligation of
 * the catalogue; the catalogue keeps one active obligation
 * per law, article and fracción.
 */
export const transparencyMetadata = ({
  strapi,
}: {
  strapi: Core.Strapi;
}): Modules.Documents.Middleware.Middleware => {
  /** The stored values of a record (the draft, for draft & publish types). */
  const current = async (
    uid: string,
    documentId: string | undefined,
    fields: readonly string[]
  ) => {
    if (!documentId) return {};
    const where: Values = { documentId };
    if (uid === TRANSPARENCY_DOCUMENT_UID) where.publishedAt = null;
    return ((await strapi.db
      .query(uid as UID.ContentType)
      .findOne({ where, select: [...fields] })) ?? {}) as Values;
  };

  const activeObligations = async () =>
    (await strapi.db.query(TRANSPARENCY_OBLIGATION_UID as UID.ContentType).findMany({
      where: { active: true },
      select: ['documentId', ...OBLIGATION_FIELDS],
    })) as (ObligationRef & { documentId: string; title: string })[];

  const checkDocument = async (action: 'create' | 'update', params: Params) => {
    const data = params.data ?? {};
    if (!touches(data, DOCUMENT_FIELDS)) return;
    const before =
      action === 'update'
        ? await current(TRANSPARENCY_DOCUMENT_UID, params.documentId, DOCUMENT_FIELDS)
        : {};
    const after = { ...before, ...pick(data, DOCUMENT_FIELDS) } as DocumentMetadata & ObligationRef;

    const problems = metadataProblems(after);
    if (problems.length > 0) {
      throw invalid('INVALID_DATA', problems.map((problem) => problem.message).join(' '), {
        fields: [...new Set(problems.flatMap((problem) => problem.fields))],
      });
    }

    // A partial reference would skip the catalogue: the law, article and fracción go together.
    const missing = missingReferenceParts(after);
    if (missing.includes('law')) {
      const laws = [...new Set((await activeObligations()).map((entry) => String(entry.law)))];
      throw invalid(
        'TRANSPARENCY_LAW_REQUIRED',
        'Indica la ley de la obligación de transparencia: sin ella el artículo y la fracción no ' +
          `se pueden revisar contra el catálogo.${
            laws.length > 0
              ? ` Leyes del catálogo: ${laws
                  .slice(0, 3)
                  .map((law) => `«${law}»`)
                  .join(', ')}.`
              : ''
          }`,
        { fields: ['law'] }
      );
    }
    if (missing.length > 0) {
      throw invalid(
        'INCOMPLETE_OBLIGATION',
        `Indica ${missing.map((part) => PART_LABELS[part]).join(' y ')} de la obligación de ` +
          'transparencia: un documento se registra con su ley, artículo y fracción completos (o ' +
          'sin ninguno mientras se analiza).',
        { fields: missing }
      );
    }

    // Only a new or changed reference is checked: renumbering the catalogue never blocks edits of
    // documents registered under the old numbering.
    const changed =
      action === 'create' || obligationKey(before as ObligationRef) !== obligationKey(after);
    if (!isComplete(after) || !changed) return;
    if (!findObligation(await activeObligations(), after)) {
      throw invalid(
        'UNKNOWN_OBLIGATION',
        `La ${obligationName(after)} no está en el catálogo de obligaciones de transparencia vigentes. ` +
          'Revisa la fracción o, si la ley la contempla, agrégala al catálogo (Obligación de transparencia) y vuelve a intentarlo.',
        { fields: [...REF_FIELDS] }
      );
    }
  };

  const checkObligation = async (action: 'create' | 'update', params: Params) => {
    const data = params.data ?? {};
    if (!touches(data, [...REF_FIELDS, 'active'])) return;
    const before =
      action === 'update'
        ? await current(TRANSPARENCY_OBLIGATION_UID, params.documentId, OBLIGATION_FIELDS)
        : {};
    const after = { ...before, ...pick(data, OBLIGATION_FIELDS) } as Values & ObligationRef;
    // A new obligation is active unless it says otherwise (the schema's default).
    if (after.active === false || after.active === 'false' || !isComplete(after)) return;

    const key = obligationKey(after);
    const duplicate = (await activeObligations()).find(
      (other) => other.documentId !== params.documentId && obligationKey(other) === key
    );
    if (duplicate) {
      throw invalid(
        'DUPLICATE_OBLIGATION',
        `Ya hay una obligación activa para la ${obligationName(after)}: «${duplicate.title}». ` +
          'Desactiva esa antes de registrar otra con la misma fracción.',
        { fields: [...REF_FIELDS] }
      );
    }
  };

  return async (ctx, next) => {
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();
    if (ctx.uid === TRANSPARENCY_DOCUMENT_UID) {
      await checkDocument(ctx.action, ctx.params as Params);
    } else if (ctx.uid === TRANSPARENCY_OBLIGATION_UID) {
      await checkObligation(ctx.action, ctx.params as Params);
    }
    return next();
  };
};
