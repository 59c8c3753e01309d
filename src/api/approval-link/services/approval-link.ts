import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { runInternal, writeContext } from '../../../services/write-context';
import { invalid } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { latestSent, type Decision, type DesignUnderReview } from '../../design/services/decision';

const UID = 'api::approval-link.approval-link';
const DAY_MS = 86_400_000;

export interface IssuedLink {
  designDocumentId: string;
  version: number;
  token: string;
  url: string;
  expiresAt: string;
}

interface LinkRow {
  id: number;
  documentId: string;
  version: number;
  expiresAt: string;
  usedAt: string | null;
  design?: { documentId: string } | null;
}

/** A refusal whose link can no longer be used: the answer is 410 Gone. */
export const GONE_CODES = new Set(['LINK_USED', 'LINK_EXPIRED', 'LINK_SUPERSEDED']);

const fecha = (iso: string) =>
  new Intl.DateTimeFormat('es-MX', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'America/Mexico_City',
  }).format(new Date(iso));

/**
 * Approval links for areas without an account: when a proposal version goes to review, the area's
 * contact gets a signed, expiring, single-use link to that version. The token carries the link's
 * id, version and expiry, signed with a key derived from the app keys; the link row records its use.
 */
export const createApprovalLinkService = ({ strapi }: { strapi: Core.Strapi }) => {
  const key = () =>
    createHash('sha256')
      .update(`approval-link:${(strapi.config.get('server.app.keys') as string[])[0]}`)
      .digest();
  const sign = (payload: string) => createHmac('sha256', key()).update(payload).digest('base64url');
  const ttlDays = () => Number(process.env.APPROVAL_LINK_TTL_DAYS || 7);
  const baseUrl = () =>
    String(strapi.config.get('server.absoluteUrl') || 'http://localhost:1337').replace(/\/$/, '');

  const invalidLink = () =>
    invalid(
      'LINK_INVALID',
      'El enlace no es válido: revisa que esté completo o pide uno nuevo a la Dirección.'
    );

  const service = {
    /** Issues the link for the latest sent version of a design (inside the caller's transaction). */
    async issue(designDocumentId: string): Promise<IssuedLink | null> {
      const design = await getService('design-decision', strapi).load(designDocumentId);
      const latest = design ? latestSent(design) : null;
      if (!design || !latest) return null;
      const expiresAt = new Date(Date.now() + ttlDays() * DAY_MS).toISOString();
      const link = (await runInternal(() =>
        strapi.documents(UID).create({
          data: { design: designDocumentId, version: latest.version, expiresAt } as never,
        })
      )) as unknown as { documentId: string };
      const payload = Buffer.from(
        JSON.stringify({
          l: link.documentId,
          v: latest.version,
          e: Math.floor(Date.parse(expiresAt) / 1000),
        })
      ).toString('base64url');
      const token = `${payload}.${sign(payload)}`;
      const issued: IssuedLink = {
        designDocumentId,
        version: latest.version,
        token,
        url: `${baseUrl()}/aprobacion/?t=${encodeURIComponent(token)}`,
        expiresAt,
      };
      writeContext().approvalLinks?.push(issued);
      return issued;
    },

    /** Checks a token: signature, the link it names, expiry, single use and that it is still current. */
    async resolve(token: string): Promise<{ link: LinkRow; design: DesignUnderReview }> {
      const [payload, signature] = String(token).split('.');
      if (!payload || !signature) throw invalidLink();
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given))
        throw invalidLink();
      let claims: { l?: string; v?: number; e?: number };
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw invalidLink();
      }
      const link = (await strapi.db.query(UID).findOne({
        where: { documentId: String(claims.l) },
        populate: { design: { select: ['documentId'] } },
      })) as LinkRow | null;
      if (!link || link.version !== claims.v || !link.design) throw invalidLink();
      if (link.usedAt) {
        throw invalid(
          'LINK_USED',
          `Este enlace ya se usó el ${fecha(link.usedAt)}; la decisión quedó registrada.`
        );
      }
      if (Date.parse(link.expiresAt) <= Date.now()) {
        throw invalid(
          'LINK_EXPIRED',
          `Este enlace venció el ${fecha(link.expiresAt)}. Pide a la Dirección que te envíe uno nuevo.`
        );
      }
      const design = await getService('design-decision', strapi).load(link.design.documentId);
      const latest = design ? latestSent(design) : null;
      if (!design || design.workflowStatus !== 'en_revision' || latest?.version !== link.version) {
        throw invalid(
          'LINK_SUPERSEDED',
          'Esta versión de la propuesta ya no está en revisión: hay una más reciente o ya se decidió. Usa el enlace más reciente.'
        );
      }
      return { link, design };
    },

    /** Records the decision of the link's holder and spends the link, in one transaction. */
    async use(token: string, decision: Decision, feedback: string | null) {
      return strapi.db.transaction(async () => {
        const { link, design } = await service.resolve(token);
        const area = design.oficio?.area?.name ?? 'Área solicitante';
        const updated = await getService('design-decision', strapi).decide({
          design,
          version: link.version,
          decision,
          feedback,
          actor: { kind: 'api', roles: ['area'], id: null, name: `${area} (enlace de aprobación)` },
        });
        await runInternal(() =>
          strapi.documents(UID).update({
            documentId: link.documentId,
            data: { usedAt: new Date().toISOString(), decision } as never,
          })
        );
        return updated;
      });
    },
  };
  return service;
};

export type ApprovalLinkService = ReturnType<typeof createApprovalLinkService>;

export default createApprovalLinkService;
