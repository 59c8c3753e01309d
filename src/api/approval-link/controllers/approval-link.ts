import type { Core } from '@strapi/strapi';
import { errors, yup } from '@strapi/utils';
import { validateInput } from '../../../utils/validation';
import { DECISION_FIELDS, type Decision } from '../../design/services/decision';
import { getService } from '../../../utils/get-service';
import { GONE_CODES } from '../services/approval-link';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const decisionSchema = yup
  .object(DECISION_FIELDS)
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

/** Used, expired and superseded links are gone for good: 410, with the Spanish reason. */
const answering = async (ctx: Ctx, work: () => Promise<unknown>) => {
  try {
    ctx.body = { data: await work() };
  } catch (error) {
    const code = (error as { details?: { code?: string } }).details?.code;
    if (error instanceof errors.ValidationError && code && GONE_CODES.has(code)) {
      ctx.status = 410;
      ctx.body = {
        data: null,
        error: { status: 410, name: 'GoneError', message: error.message, details: { code } },
      };
      return;
    }
    throw error;
  }
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/approvals/:token — the version under review, for the area's contact. */
  async show(ctx: Ctx) {
    await answering(ctx, async () => {
      const { link, design } = await getService('approval-link', strapi).resolve(ctx.params.token);
      const version = design.proposals.find((p) => p.version === link.version);
      return {
        title: design.title,
        eventName: design.eventName ?? null,
        eventDate: design.eventDate ?? null,
        area: design.oficio?.area?.name ?? null,
        version: link.version,
        file: version?.file
          ? { url: version.file.url, name: version.file.name, mime: version.file.mime }
          : null,
        expiresAt: link.expiresAt,
      };
    });
  },

  /** POST /api/approvals/:token — approve or observe, once. */
  async decide(ctx: Ctx) {
    const body = await validateInput<{ decision: Decision; feedback?: string | null }>(
      decisionSchema,
      ctx.request.body
    );
    await answering(ctx, async () => {
      const updated = await getService('approval-link', strapi).use(
        ctx.params.token,
        body.decision,
        body.feedback ?? null
      );
      return { workflowStatus: updated.workflowStatus };
    });
  },
});
