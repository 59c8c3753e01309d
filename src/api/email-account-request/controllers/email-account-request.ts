import { factories } from '@strapi/strapi';
import { errors, yup } from '@strapi/utils';
import { AUTHORIZED_KINDS } from '../../../domain/workflows/definitions/email-account-request';
import { SECRETARIA_TECNICA_READS } from '../../../domain/workflows/staff-access';
import { runAs } from '../../../services/write-context';
import { roleType } from '../../../utils/area-scope';
import { validateInput } from '../../../utils/validation';
import { scopeReads, workItemScope } from '../../workflow/scoped-controller';

const UID = 'api::email-account-request.email-account-request';

const authorizationSchema = yup
  .object({
    decision: yup
      .string()
      .oneOf(['autorizada', 'rechazada'], 'La decisión es «autorizada» o «rechazada».')
      .required('Indica la decisión: «autorizada» o «rechazada».'),
    authorizationReference: yup.string().trim().max(80).nullable(),
    authorizationDate: yup
      .string()
      .matches(/^\d{4}-\d{2}-\d{2}$/, 'La fecha de la autorización va en formato AAAA-MM-DD.')
      .nullable(),
    comment: yup.string().trim().max(2000).nullable(),
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

/** What Secretaría Técnica reads of a request it authorizes: for whom the account is. */
interface ForWhom {
  personName: string | null;
  personPosition: string | null;
  area: { documentId: string; name: string; shortName: string | null; kind: string } | null;
}

type Entry = Record<string, unknown> & { documentId?: string };

export default factories.createCoreController(UID, ({ strapi }) => {
  const scope = scopeReads(strapi, UID, { ...workItemScope(), seeAll: ['secretaria-tecnica'] });

  /**
   * The person's name and position (private to everyone else) and the oficio's area of the
   * requests Secretaría Técnica authorizes (altas and bajas): it must know for whom it signs.
   */
  const forWhom = async (documentIds: string[]): Promise<Map<string, ForWhom>> => {
    const rows = (await strapi.db.query(UID).findMany({
      where: { documentId: { $in: documentIds }, kind: { $in: [...AUTHORIZED_KINDS] } },
      select: ['documentId', ...SECRETARIA_TECNICA_READS],
      populate: {
        oficio: {
          select: ['id'],
          populate: { area: { select: ['documentId', 'name', 'shortName', 'kind'] } },
        },
      },
    })) as {
      documentId: string;
      personName: string | null;
      personPosition: string | null;
      oficio?: { area?: ForWhom['area'] } | null;
    }[];
    return new Map(
      rows.map((row) => [
        row.documentId,
        {
          personName: row.personName ?? null,
          personPosition: row.personPosition ?? null,
          area: row.oficio?.area ?? null,
        },
      ])
    );
  };

  /** The answer with, for Secretaría Técnica only, for whom each request it authorizes is. */
  const withForWhom = async (ctx: Parameters<typeof roleType>[0], body: unknown) => {
    if (roleType(ctx) !== 'secretaria-tecnica') return body;
    const answer = body as { data?: Entry | Entry[] | null };
    const entries = Array.isArray(answer.data) ? answer.data : answer.data ? [answer.data] : [];
    const known = await forWhom(
      entries.map((entry) => entry.documentId).filter((id): id is string => Boolean(id))
    );
    for (const entry of entries) {
      const extra = known.get(String(entry.documentId));
      if (extra) Object.assign(entry, extra);
    }
    return body;
  };

  return {
    async find(ctx) {
      return withForWhom(ctx, await scope.find(this, ctx));
    },
    async findOne(ctx) {
      return withForWhom(ctx, await scope.findOne(this, ctx));
    },

    /**
     * POST /api/email-account-requests/:id/authorization — Secretaría Técnica authorizes (with its
     * oficio number and date) or rejects (with the reason) an institutional e-mail account.
     */
    async authorization(ctx) {
      const body = await validateInput<{
        decision: 'autorizada' | 'rechazada';
        authorizationReference?: string | null;
        authorizationDate?: string | null;
        comment?: string | null;
      }>(authorizationSchema, ctx.request.body);
      const request = (await strapi.db
        .query(UID)
        .findOne({ where: { documentId: String(ctx.params.id) }, select: ['documentId'] })) as {
        documentId: string;
      } | null;
      if (!request)
        throw new errors.NotFoundError('No existe esa solicitud.', { code: 'NOT_FOUND' });

      const user = ctx.state.user as { id: number; username?: string; email?: string };
      const actor = {
        kind: 'api' as const,
        roles: ['secretaria_tecnica' as const],
        id: user.id,
        name: `Secretaría Técnica (${user.username ?? user.email ?? user.id})`,
      };
      const data: Record<string, unknown> = { workflowStatus: body.decision };
      if (body.decision === 'autorizada') {
        data.authorizationReference = body.authorizationReference ?? null;
        data.authorizationDate = body.authorizationDate ?? null;
      }
      const updated = (await runAs(
        actor,
        () => strapi.documents(UID).update({ documentId: request.documentId, data: data as never }),
        body.comment ?? null
      )) as unknown as Record<string, unknown>;
      ctx.body = {
        data: {
          documentId: updated.documentId,
          workflowStatus: updated.workflowStatus,
          authorizationReference: updated.authorizationReference ?? null,
          authorizationDate: updated.authorizationDate ?? null,
          rejectionReason: updated.rejectionReason ?? null,
        },
      };
    },
  };
});
