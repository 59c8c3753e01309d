import type { Core } from '@strapi/strapi';
import {
  SURVEY_RESPONSE_UID,
  SURVEY_UID,
  isOpen,
  responsesCsv,
  summarize,
  toIso,
  toQuestion,
  type Question,
  type QuestionInput,
  type ResponseRow,
} from '../app';
import type { GetSurveyResults, SurveySummary } from '../../../shared/contracts/surveys';

interface SurveyRow {
  id: number;
  documentId: string;
  title: string;
  slug: string;
  opensAt: string | Date | null;
  closesAt: string | Date | null;
  publishedAt: string | Date | null;
  createdAt: string | Date;
  questions?: QuestionInput[];
  area?: { documentId: string; name: string; shortName: string | null } | null;
}

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

const BATCH = 1000;

const areaOf = (area: SurveyRow['area']): SurveySummary['area'] =>
  area ? { documentId: area.documentId, name: area.name, shortName: area.shortName ?? null } : null;

/**
 * Survey results for staff: response counts, per-question summaries and the raw responses as CSV.
 * Responses are read by the survey's documentId, so answers given before an edit and re-publish
 * still count.
 */
const createSurveyResultsService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Draft and published rows of every survey, or of one. */
  const loadVersions = async (documentId?: string) => {
    const rows = (await strapi.db.query(SURVEY_UID).findMany({
      where: documentId ? { documentId } : {},
      populate: { questions: true, area: { select: ['documentId', 'name', 'shortName'] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    })) as SurveyRow[];
    const byDocument = new Map<string, { draft?: SurveyRow; published?: SurveyRow }>();
    for (const row of rows) {
      const entry = byDocument.get(row.documentId) ?? {};
      if (row.publishedAt) entry.published = row;
      else entry.draft = row;
      byDocument.set(row.documentId, entry);
    }
    return byDocument;
  };

  /** Response count and latest submission per survey documentId, counted in the database. */
  const countResponses = async (documentIds: string[]) => {
    const counts = new Map<string, { count: number; last: string | null }>();
    if (documentIds.length === 0) return counts;
    const responses = strapi.db.metadata.get(SURVEY_RESPONSE_UID);
    const surveys = strapi.db.metadata.get(SURVEY_UID);
    const link = (responses.attributes.survey as unknown as { joinTable: JoinTable }).joinTable;
    const column = (meta: typeof responses, attribute: string) =>
      (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;

    // A response may be linked to both the draft and the published row of its survey. The
    // connection already carries the schema, which applies to the joined tables too.
    const rows = (await strapi.db
      .getConnection()
      .from(`${link.name} as l`)
      .join(`${surveys.tableName} as s`, 's.id', `l.${link.inverseJoinColumn.name}`)
      .join(`${responses.tableName} as r`, 'r.id', `l.${link.joinColumn.name}`)
      .whereIn(`s.${column(surveys, 'documentId')}`, documentIds)
      .groupBy(`s.${column(surveys, 'documentId')}`)
      .select(`s.${column(surveys, 'documentId')} as documentId`)
      .countDistinct({ count: 'r.id' })
      .max({ last: `r.${column(responses, 'submittedAt')}` })) as {
      documentId: string;
      count: number | string;
      last: string | number | Date | null;
    }[];
    for (const row of rows) {
      counts.set(row.documentId, { count: Number(row.count), last: toIso(row.last) });
    }
    return counts;
  };

  /** What respondents saw: the published version, or the draft of a survey never published. */
  const questionsOf = (versions: { draft?: SurveyRow; published?: SurveyRow }): Question[] =>
    ((versions.published ?? versions.draft)?.questions ?? []).map(toQuestion);

  const summaryOf = (
    versions: { draft?: SurveyRow; published?: SurveyRow },
    counts: { count: number; last: string | null } | undefined
  ): SurveySummary => {
    const current = (versions.published ?? versions.draft)!;
    return {
      documentId: current.documentId,
      title: (versions.draft ?? current).title,
      slug: (versions.draft ?? current).slug,
      area: areaOf((versions.draft ?? current).area),
      published: Boolean(versions.published),
      open: Boolean(versions.published) && isOpen(versions.published!),
      opensAt: toIso(current.opensAt),
      closesAt: toIso(current.closesAt),
      questionCount: questionsOf(versions).length,
      responseCount: counts?.count ?? 0,
      lastResponseAt: counts?.last ?? null,
    };
  };

  /** Every response of a survey, oldest first, read in batches. */
  const responsesOf = async (documentId: string): Promise<ResponseRow[]> => {
    const rows: ResponseRow[] = [];
    for (let offset = 0; ; offset += BATCH) {
      const batch = (await strapi.db.query(SURVEY_RESPONSE_UID).findMany({
        select: ['id', 'answers', 'submittedAt'],
        where: { survey: { documentId } },
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        offset,
        limit: BATCH,
      })) as { answers: unknown; submittedAt: string | number | Date | null }[];
      for (const row of batch) {
        const answers = typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers;
        rows.push({
          answers: (answers ?? null) as Record<string, unknown> | null,
          submittedAt: toIso(row.submittedAt),
        });
      }
      if (batch.length < BATCH) return rows;
    }
  };

  return {
    /** Every survey, newest first, with its response count. */
    async list(): Promise<SurveySummary[]> {
      const versions = await loadVersions();
      const counts = await countResponses([...versions.keys()]);
      return [...versions.entries()].map(([documentId, entry]) =>
        summaryOf(entry, counts.get(documentId))
      );
    },

    /** Results per question, or null for an unknown survey. */
    async results(
      documentId: string,
      paging: { textPage: Record<string, number>; textPageSize: number }
    ): Promise<GetSurveyResults.Response['data'] | null> {
      const versions = (await loadVersions(documentId)).get(documentId);
      if (!versions) return null;
      const rows = await responsesOf(documentId);
      const last = rows.reduce<string | null>(
        (latest, row) =>
          row.submittedAt && (!latest || row.submittedAt > latest) ? row.submittedAt : latest,
        null
      );
      return {
        survey: summaryOf(versions, { count: rows.length, last }),
        total: rows.length,
        questions: summarize(questionsOf(versions), rows, paging),
      };
    },

    /** The raw responses as CSV with a file name, or null for an unknown survey. */
    async csv(documentId: string): Promise<{ filename: string; body: string } | null> {
      const versions = (await loadVersions(documentId)).get(documentId);
      if (!versions) return null;
      const slug = (versions.draft ?? versions.published)!.slug;
      return {
        filename: `encuesta-${slug}-respuestas.csv`,
        body: responsesCsv(questionsOf(versions), await responsesOf(documentId)),
      };
    },
  };
};

export type SurveyResultsService = ReturnType<typeof createSurveyResultsService>;

export default createSurveyResultsService;
