import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** The Portal de áreas page where an area chooses a new password with the code of its e-mail. */
export const RESET_PAGE_PATH = '/areas/restablecer.html';

/** Where this server is reached from outside: PUBLIC_URL when set, else its own address. */
export const publicServerUrl = (strapi: Core.Strapi) =>
  String(
    process.env.PUBLIC_URL?.trim() ||
      strapi.config.get('server.url') ||
      strapi.config.get('server.absoluteUrl') ||
      'http://localhost:1337'
  ).replace(/\/+$/, '');

/** The reset page on this server, as the reset e-mail is first configured with. */
export const defaultResetPageUrl = (strapi: Core.Strapi) =>
  `${publicServerUrl(strapi)}${RESET_PAGE_PATH}`;

const advancedStore = (strapi: Core.Strapi) =>
  strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });

/**
 * The reset page the users-permissions settings name (staff may change it in Settings ›
 * Users & Permissions › Advanced settings), else this server's own.
 */
export const resetPageUrl = async (strapi: Core.Strapi) => {
  const settings = (await advancedStore(strapi).get({})) as {
    email_reset_password?: string | null;
  } | null;
  const configured = settings?.email_reset_password?.trim();
  return configured || defaultResetPageUrl(strapi);
};

/** The link an area follows to choose its password: the reset page with the account's code. */
export const passwordLink = (pageUrl: string, token: string) =>
  `${pageUrl}${pageUrl.includes('?') ? '&' : '?'}code=${encodeURIComponent(token)}`;

/** A users-permissions reset code, made as the plugin's own forgot-password makes it. */
export const newResetToken = () => crypto.randomBytes(64).toString('hex');

/**
 * A password nobody knows, strong enough for the password rules: the account cannot be used until
 * the area chooses its own through the invitation's link.
 */
export const unusablePassword = () => `${crypto.randomBytes(32).toString('base64url')}Aa1`;
