import type { Core, UID } from '@strapi/strapi';
import { apiUrlOf, pageUrlOf, siteUrl } from '../locations';
import { contentHash, WEB_PUBLICATION_UID, type PublishableUid } from '../webhook';

const TIMEOUT_MS = 10_000;

export interface EvidenceCheck {
  url: string;
  httpStatus: number;
  contentHash: string;
}

/** What the verification proves (contract `Evidence`), stored in `verificationEvidence`. */
export interface Evidence extends EvidenceCheck {
  checkedAt: string;
  api: EvidenceCheck;
  page: EvidenceCheck | null;
}

export type VerificationOutcome =
  | { ok: true; evidence: Evidence; pageUrl: string | null }
  | { ok: false; reason: string; pageUrl: string | null };

interface Fetched {
  status: number;
  body: Buffer;
}

const get = async (url: string, accept: string): Promise<Fetched | { error: string }> => {
  try {
    const response = await fetch(url, {
      headers: { Accept: accept, 'User-Agent': 'Calimaya-Comunicacion-Social (verificación)' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  } catch (error) {
    const { name, message, cause } = error as {
      name?: string;
      message?: string;
      cause?: { code?: string; message?: string };
    };
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { error: `no respondió en ${TIMEOUT_MS / 1000} s` };
    }
    return { error: cause?.code ?? cause?.message ?? message ?? String(error) };
  }
};

/**
 * Checks over real HTTP that a published item is public: the anonymous content API answers 200
 * with the item, and when a site URL is configured its page on the site answers 200. The
 * evidence keeps each URL, its status and the SHA-256 of what it returned (the API's `data`
 * JSON, the page's body).
 */
export const createSiteVerificationService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(uid: PublishableUid, documentId: string): Promise<VerificationOutcome> {
    const published = (await strapi.db.query(uid as UID.ContentType).findOne({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['documentId', ...(uid === WEB_PUBLICATION_UID ? ['slug'] : [])],
    })) as { documentId: string; slug?: string | null } | null;
    const site = await siteUrl(strapi);
    const pageUrl = pageUrlOf(site, uid, published ?? { documentId });

    const apiUrl = apiUrlOf(strapi, uid, documentId);
    const api = await get(apiUrl, 'application/json');
    if ('error' in api) {
      return { ok: false, pageUrl, reason: `No se pudo consultar ${apiUrl}: ${api.error}.` };
    }
    if (api.status !== 200) {
      return {
        ok: false,
        pageUrl,
        reason: `El contenido público respondió ${api.status} en ${apiUrl}.`,
      };
    }
    let data: unknown;
    try {
      data = (JSON.parse(api.body.toString('utf8')) as { data?: unknown }).data;
    } catch {
      return { ok: false, pageUrl, reason: `El contenido público en ${apiUrl} no es JSON válido.` };
    }
    if (!data || (data as { documentId?: unknown }).documentId !== documentId) {
      return {
        ok: false,
        pageUrl,
        reason: `El contenido público en ${apiUrl} no devolvió este registro.`,
      };
    }
    const apiCheck: EvidenceCheck = {
      url: apiUrl,
      httpStatus: api.status,
      contentHash: contentHash(JSON.stringify(data)),
    };

    let pageCheck: EvidenceCheck | null = null;
    if (site) {
      if (!pageUrl) {
        return {
          ok: false,
          pageUrl,
          reason: 'La publicación no tiene slug: no hay página del sitio que verificar.',
        };
      }
      const page = await get(pageUrl, 'text/html');
      if ('error' in page) {
        return { ok: false, pageUrl, reason: `No se pudo consultar ${pageUrl}: ${page.error}.` };
      }
      if (page.status !== 200) {
        return { ok: false, pageUrl, reason: `El sitio respondió ${page.status} en ${pageUrl}.` };
      }
      pageCheck = { url: pageUrl, httpStatus: page.status, contentHash: contentHash(page.body) };
    }

    const main = pageCheck ?? apiCheck;
    return {
      ok: true,
      pageUrl,
      evidence: {
        checkedAt: new Date().toISOString(),
        url: main.url,
        httpStatus: main.httpStatus,
        contentHash: main.contentHash,
        api: apiCheck,
        page: pageCheck,
      },
    };
  },
});

export type SiteVerificationService = ReturnType<typeof createSiteVerificationService>;

export default createSiteVerificationService;
