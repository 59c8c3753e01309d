import type { Core, Modules } from '@strapi/strapi';
import {
  checkAnswers,
  describeAnswerProblems,
  isOpen,
  prepareQuestions,
  toQuestion,
  type Answers,
  type Problem,
  type Question,
  type QuestionInput,
} from '../api/survey/domain/questions';
import { invalid } from '../utils/errors';

export const SURVEY_UID = 'api::survey.survey';
export const SURVEY_RESPONSE_UID = 'api::survey-response.survey-response';

type Params = { documentId?: string; data?: Record<string, unknown> };
interface SurveyRow {
  id: number;
  documentId: string;
  title?: string;
  opensAt?: string | null;
  closesAt?: string | null;
  questions?: QuestionInput[];
  area?: { id: number } | null;
}

const refuse = (problems: Problem[]) =>
  invalid('INVALID_DATA', problems.map((p) => p.message).join(' '), {
    fields: [...new Set(problems.map((p) => p.field))],
  });

const checkDates = (opensAt: unknown, closesAt: unknown): Problem[] =>
  opensAt && closesAt && new Date(String(opensAt)) >= new Date(String(closesAt))
    ? [
        {
          field: 'closesAt',
          message: 'La fecha de cierre de la encuesta debe ser posterior a la de apertura.',
        },
      ]
    : [];

/**
 * The answers cleaned for storage, or a 400 `INVALID_ANSWER` naming the refused question keys in
 * `details.fields` (and a Spanish message for each in `details.messages`).
 */
export const checkedAnswers = (questions: Question[], answers: unknown): Answers => {
  const check = checkAnswers(questions, answers);
  if (!check.ok) {
    throw invalid('INVALID_ANSWER', describeAnswerProblems(questions, check.messages), {
      fields: check.fields,
      messages: check.messages,
    });
  }
  return check.answers;
};

/** The survey a response points at, whichever way the relation was written. */
const relationTarget = (value: unknown): { documentId?: string; id?: number } | null => {
  if (typeof value === 'string' && value) return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (Array.isArray(value)) return value.length === 1 ? relationTarget(value[0]) : null;
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.documentId === 'string') return { documentId: object.documentId };
    if (typeof object.id === 'number') return { id: object.id };
    if ('connect' in object) return relationTarget(object.connect);
    if ('set' in object) return relationTarget(object.set);
  }
  return null;
};

/**
 * Surveys and their responses, at every door:
 * - a survey's questions are valid (unique keys, options for choice questions, a scale whose
 *   minimum is below its maximum), blank keys are generated from the prompt, it closes after it
 *   opens, and it is published with at least one question and the area it is made for
 *   (`INVALID_DATA`);
 * - a response belongs to a published survey that is open now (`SURVEY_CLOSED`), answers every
 *   required question with acceptable values and nothing else (`INVALID_ANSWER`, with the
 *   question keys in `details.fields`); it is stamped with the time it arrived and never edited.
 */
export const surveyRules =
  ({ strapi }: { strapi: Core.Strapi }): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const params = ctx.params as Params;

    if (ctx.uid === SURVEY_UID) {
      if (ctx.action === 'create' || ctx.action === 'update') {
        const data = params.data ?? {};
        const problems: Problem[] = [];
        if (Array.isArray(data.questions)) {
          const prepared = prepareQuestions(data.questions as QuestionInput[]);
          problems.push(...prepared.problems);
          data.questions = prepared.questions;
        }
        if ('opensAt' in data || 'closesAt' in data) {
          let current: Partial<SurveyRow> = {};
          if (ctx.action === 'update' && params.documentId) {
            current =
              ((await strapi.db.query(SURVEY_UID).findOne({
                select: ['opensAt', 'closesAt'],
                where: { documentId: params.documentId, publishedAt: null },
              })) as SurveyRow | null) ?? {};
          }
          problems.push(
            ...checkDates(
              'opensAt' in data ? data.opensAt : current.opensAt,
              'closesAt' in data ? data.closesAt : current.closesAt
            )
          );
        }
        if (problems.length > 0) throw refuse(problems);
        return next();
      }

      if (ctx.action === 'publish' && params.documentId) {
        const draft = (await strapi.db.query(SURVEY_UID).findOne({
          where: { documentId: params.documentId, publishedAt: null },
          populate: { questions: true, area: { select: ['id'] } },
        })) as SurveyRow | null;
        if (draft) {
          const questions = draft.questions ?? [];
          const problems = [
            ...prepareQuestions(questions).problems,
            ...checkDates(draft.opensAt, draft.closesAt),
          ];
          if (!draft.area) {
            problems.unshift({
              field: 'area',
              message:
                'Una encuesta se publica a nombre de un área: indica en «Área que hace la ' +
                'encuesta» para qué dependencia u organismo es.',
            });
          }
          if (questions.length === 0) {
            problems.unshift({
              field: 'questions',
              message: 'Una encuesta necesita al menos una pregunta para publicarse.',
            });
          }
          if (problems.length > 0) throw refuse(problems);
        }
      }
      return next();
    }

    if (ctx.uid !== SURVEY_RESPONSE_UID) return next();

    if (ctx.action === 'update') {
      throw invalid(
        'RESPONSE_READ_ONLY',
        'Las respuestas de una encuesta no se modifican: son las que envió la ciudadanía.'
      );
    }
    if (ctx.action !== 'create') return next();

    const data = params.data ?? {};
    const target = relationTarget(data.survey);
    let documentId = target?.documentId;
    if (!documentId && target?.id !== undefined) {
      const row = (await strapi.db
        .query(SURVEY_UID)
        .findOne({ select: ['documentId'], where: { id: target.id } })) as SurveyRow | null;
      documentId = row?.documentId;
    }
    const survey = documentId
      ? ((await strapi.documents(SURVEY_UID).findOne({
          documentId,
          status: 'published',
          populate: { questions: true },
        } as never)) as unknown as SurveyRow | null)
      : null;
    if (!survey) {
      throw invalid('SURVEY_CLOSED', 'La encuesta no existe o no está publicada.', {
        fields: ['survey'],
      });
    }
    if (!isOpen(survey)) {
      throw invalid('SURVEY_CLOSED', `La encuesta «${survey.title}» no está abierta.`, {
        fields: ['survey'],
      });
    }

    const answers = checkedAnswers((survey.questions ?? []).map(toQuestion), data.answers);
    if (
      data.clientHash !== undefined &&
      data.clientHash !== null &&
      !/^[a-f0-9]{64}$/.test(String(data.clientHash))
    ) {
      // Only the salted hash is kept: never an address or anything else that identifies a person.
      throw invalid('INVALID_DATA', 'El identificador del cliente debe ser un hash, no un dato.', {
        fields: ['clientHash'],
      });
    }
    data.survey = survey.documentId;
    data.answers = answers;
    data.submittedAt = new Date().toISOString();
    params.data = data;
    return next();
  };
