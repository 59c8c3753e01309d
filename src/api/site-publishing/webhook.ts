import crypto from 'node:crypto';

export const WEB_PUBLICATION_UID = 'api::web-publication.web-publication';
export const TRANSPARENCY_UID = 'api::transparency-document.transparency-document';

export type PublishableUid = typeof WEB_PUBLICATION_UID | typeof TRANSPARENCY_UID;
export type SiteEvent = 'publicacion.publicada' | 'publicacion.retirada';
export type DeliveryStatus = 'pendiente' | 'entregado' | 'sin_destino';

export const PUBLISHABLE_UIDS: readonly PublishableUid[] = [WEB_PUBLICATION_UID, TRANSPARENCY_UID];

export const isPublishableUid = (uid: unknown): uid is PublishableUid =>
  PUBLISHABLE_UIDS.includes(uid as PublishableUid);

/** The item type as the site knows it. */
export const itemType = (uid: PublishableUid) =>
  uid === WEB_PUBLICATION_UID ? 'web-publication' : 'transparency-document';

/** The body the site receives; sent byte for byte the same on every attempt. */
export interface SiteNotice {
  id: number;
  event: SiteEvent;
  occurredAt: string;
  item: {
    type: 'web-publication' | 'transparency-document';
    documentId: string;
    slug?: string;
    title: string;
    pageUrl: string | null;
    apiUrl: string;
  };
}

/** First retry after 30 seconds, doubling up to one hour between attempts; never giving up. */
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

/** Delay before the next attempt after `attempts` failed ones (1, 2, …). */
export const retryDelayMs = (attempts: number) =>
  Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(20, Math.max(0, attempts - 1)));

/**
 * `sha256=<hex>`: HMAC-SHA256 with the shared secret of `<timestamp>.<body>`. The site recomputes
 * it from the `X-Calimaya-Timestamp` header and the raw body, and may refuse old timestamps.
 */
export const signNotice = (secret: string, timestamp: number, body: string) =>
  `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** `sha256:<hex>` of a text, as the verification evidence records it. */
export const contentHash = (text: string | Buffer) =>
  `sha256:${crypto.createHash('sha256').update(text).digest('hex')}`;
