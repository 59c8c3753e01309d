import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { env } from '@strapi/utils';
import rateLimit from '../../../middlewares/rate-limit';
import { SURVEY_RESPONSE_UID, SURVEY_UID } from '../../../document-middlewares/survey-rules';
import { renderMarkdown } from '../../../utils/markdown';
import { requiredEnvList } from '../../../utils/required-env';
import { isOpen, toQuestion, type Question, type QuestionInput } from '../domain/questions';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

interface SurveyDocument {
  documentId: string;
  slug: string;
  title: string;
  description: string | null;
  opensAt: string | null;
  closesAt: string | null;
  questions?: QuestionInput[];
}

/** A survey as the public site lists it. */
export interface PublicSurvey {
  slug: string;
  title: string;
  description: string | null;
  opensAt: string | null;
  closesAt: string | null;
}

const toIso = (value: string | Date | null | undefined) =>
  value ? new Date(value).toISOString() : null;

const toPublic = (survey: SurveyDocument): PublicSurvey => ({
  slug: survey.slug,
  title: survey.title,
  description: survey.description ?? null,
  opensAt: toIso(survey.opensAt),
  closesAt: toIso(survey.closesAt),
});

/**
 * The public side of surveys: open surveys and their questions, anonymous answers and the limit
 * on how many answers one client may send to one survey.
 */
const createPublicSurveyService = ({ strapi }: { strapi: Core.Strapi }) => {
  const max = env.int('SURVEY_RATE_LIMIT_MAX', 5);
  const windowMs = env.int('SURVEY_RATE_LIMIT_WINDOW_MS', 60 * 60 * 1000);
  // One limiter per survey, each counting per client address: the same fixed window as the
  // log-in limit, so a full survey never blocks another one.
  const limiters = new Map<string, ReturnType<typeof rateLimit>>();
  const limiterFor = (documentId: string) => {
    let limiter = limiters.get(documentId);
    if (!limiter) {
      limiter = rateLimit(
        {
          name: `survey:${documentId}`,
          prefixes: ['/'],
          max,
          windowMs,
          message: (minutes) =>
            `Ya recibimos tus respuestas a esta encuesta desde este equipo. Podrás enviar otras en ${minutes} minuto(s).`,
        },
        { strapi }
      );
      limiters.set(documentId, limiter);
    }
    return limiter;
  };

  // Keyed with a secret of the installation and the survey: the same address gives unrelated
  // values in two surveys, and nobody can recover the address from the stored value.
  const hashKey = crypto
    .createHash('sha256')
    .update(`encuestas:${requiredEnvList('APP_KEYS')[0]}`)
    .digest();
  const clientHash = (surveyDocumentId: string, ip: string) =>
    crypto.createHmac('sha256', hashKey).update(`${surveyDocumentId}|${ip}`).digest('hex');

  return {
    /** Published surveys open now, closing soonest first. */
    async listOpen(now = new Date()): Promise<PublicSurvey[]> {
      const surveys = (await strapi.documents(SURVEY_UID).findMany({
        status: 'published',
        fields: ['slug', 'title', 'description', 'opensAt', 'closesAt'],
        sort: ['closesAt:asc', 'id:asc'],
      } as never)) as unknown as SurveyDocument[];
      return surveys.filter((survey) => isOpen(survey, now)).map(toPublic);
    },

    /** The published survey with this slug if it is open now, with its questions. */
    async findOpen(
      slug: string,
      now = new Date()
    ): Promise<
      (PublicSurvey & { documentId: string; descriptionHtml: string; questions: Question[] }) | null
    > {
      const survey = (await strapi.documents(SURVEY_UID).findFirst({
        status: 'published',
        filters: { slug },
        populate: { questions: true },
      } as never)) as unknown as SurveyDocument | null;
      if (!survey || !isOpen(survey, now)) return null;
      return {
        documentId: survey.documentId,
        ...toPublic(survey),
        // What the site inserts: the description as sanitised HTML.
        descriptionHtml: renderMarkdown(survey.description),
        questions: (survey.questions ?? []).map(toQuestion),
      };
    },

    /** The salted hash kept instead of the client's address. */
    clientHash,

    /**
     * Runs `accept` unless this client already sent the allowed answers to this survey in the
     * current window; then answers 429 `RATE_LIMITED` with Retry-After.
     */
    async limited(ctx: Ctx, surveyDocumentId: string, accept: () => Promise<void>) {
      await limiterFor(surveyDocumentId)(ctx, accept);
    },

    /** Stores one anonymous response; the survey rules check the answers. */
    async submit(surveyDocumentId: string, answers: unknown, ip: string) {
      await strapi.documents(SURVEY_RESPONSE_UID).create({
        data: {
          survey: surveyDocumentId,
          answers,
          clientHash: clientHash(surveyDocumentId, ip),
        },
      } as never);
    },
  };
};

export type PublicSurveyService = ReturnType<typeof createPublicSurveyService>;

export default createPublicSurveyService;
