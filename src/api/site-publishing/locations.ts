import type { Core } from '@strapi/strapi';
import { WEB_PUBLICATION_UID, type PublishableUid } from './webhook';

const SETTING_UID = 'api::setting.setting';

const trimmed = (value: unknown) => {
  const text = typeof value === 'string' ? value.trim() : '';
  return text ? text.replace(/\/+$/, '') : null;
};

/** The office's settings for the site, read in the caller's transaction when there is one. */
const siteSettings = async (strapi: Core.Strapi) =>
  ((await strapi.db.query(SETTING_UID).findOne({ select: ['siteUrl', 'siteWebhookUrl'] })) ??
    {}) as { siteUrl?: string | null; siteWebhookUrl?: string | null };

/**
 * Where this server is reached: `PUBLIC_URL` when set (behind a proxy), else the port it listens
 * on locally. The verification reads the anonymous content API through it, as the public would.
 */
export const serverUrl = (strapi: Core.Strapi) => {
  const configured = trimmed(process.env.PUBLIC_URL);
  if (configured) return configured;
  const address = strapi.server?.httpServer?.address();
  const port =
    address && typeof address === 'object' ? address.port : Number(process.env.PORT || 1337);
  return `http://127.0.0.1:${port}`;
};

/**
 * The municipal site's base URL: `SITE_URL`, else the setting `siteUrl`, else in development the
 * reference site this server serves at `/sitio`; null when there is none.
 */
export const siteUrl = async (strapi: Core.Strapi): Promise<string | null> => {
  const fromEnv = trimmed(process.env.SITE_URL);
  if (fromEnv) return fromEnv;
  const fromSettings = trimmed((await siteSettings(strapi)).siteUrl);
  if (fromSettings) return fromSettings;
  if (strapi.config.get('environment') === 'development') return `${serverUrl(strapi)}/sitio`;
  return null;
};

/** The site's webhook: `SITE_WEBHOOK_URL`, else the setting `siteWebhookUrl`; null when none. */
export const webhookUrl = async (strapi: Core.Strapi): Promise<string | null> =>
  trimmed(process.env.SITE_WEBHOOK_URL) ?? trimmed((await siteSettings(strapi)).siteWebhookUrl);

/** The anonymous content API's URL of the item. */
export const apiUrlOf = (strapi: Core.Strapi, uid: PublishableUid, documentId: string) =>
  `${serverUrl(strapi)}/api/${uid === WEB_PUBLICATION_UID ? 'web-publications' : 'transparency-documents'}/${encodeURIComponent(documentId)}`;

/** The item's page on the site, or null without a site URL (or a web publication without slug). */
export const pageUrlOf = (
  site: string | null,
  uid: PublishableUid,
  item: { documentId: string; slug?: unknown }
) => {
  if (!site) return null;
  if (uid === WEB_PUBLICATION_UID) {
    const slug = typeof item.slug === 'string' ? item.slug.trim() : '';
    return slug ? `${site}/publicacion.html?slug=${encodeURIComponent(slug)}` : null;
  }
  return `${site}/documento.html?id=${encodeURIComponent(item.documentId)}`;
};
