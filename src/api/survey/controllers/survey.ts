import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkedAnswers } from '../../../document-middlewares/survey-rules';
import { getService } from '../../../utils/get-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** Surveys open and close by the clock: a cached answer lives at most this long. */
const SURVEY_CACHE_MS = 30_000;

const notFound = () =>
  new errors.NotFoundError('La encuesta no existe, no está publicada o ya cerró.', {
    code: 'NOT_FOUND',
  });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const surveys = () => getService('public-survey', strapi);
  const cache = () => getService('site-cache', strapi);

  return {
    /** GET /api/surveys — published surveys open now. */
    async list(ctx: Ctx) {
      await cache().respondCached(
        ctx,
        async () => ({ json: { data: await surveys().listOpen() } }),
        {
          ttlMs: SURVEY_CACHE_MS,
        }
      );
    },

    /** GET /api/surveys/:slug — an open survey with its questions; 404 NOT_FOUND otherwise. */
    async findOne(ctx: Ctx) {
      await cache().respondCached(
        ctx,
        async () => {
          const survey = await surveys().findOpen(String(ctx.params.slug));
          if (!survey) throw notFound();
          const { documentId: _internal, ...data } = survey;
          return { json: { data } };
        },
        { ttlMs: SURVEY_CACHE_MS }
      );
    },

    /**
     * POST /api/surveys/:slug/responses — one anonymous answer: 201, 400 INVALID_ANSWER,
     * 404 NOT_FOUND, 429 RATE_LIMITED. The limit counts accepted answers per client and survey.
     */
    async respond(ctx: Ctx) {
      const service = surveys();
      const survey = await service.findOpen(String(ctx.params.slug));
      if (!survey) throw notFound();
      const body = (ctx.request as { body?: { answers?: unknown } }).body;
      // Checked before the limit too, so a citizen correcting a mistake does not use up a turn.
      const answers = checkedAnswers(survey.questions, body?.answers);
      await service.limited(ctx, survey.documentId, async () => {
        await service.submit(survey.documentId, answers, ctx.ip);
        ctx.status = 201;
        ctx.body = { data: { received: true } };
      });
    },
  };
};
