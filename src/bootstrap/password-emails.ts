import type { Core } from '@strapi/strapi';
import { defaultResetPageUrl } from '../utils/password-links';

/** The Spanish subject and message of the users-permissions reset e-mail (lodash template). */
export const RESET_PASSWORD_SUBJECT = 'Restablece tu contraseña del Portal de áreas';
export const RESET_PASSWORD_MESSAGE = `<p>Recibimos una solicitud para restablecer la contraseña de tu cuenta del Portal de áreas de la Dirección de Comunicación Social y Gobierno Digital del Ayuntamiento de Calimaya.</p>

<p>Para elegir una contraseña nueva, abre este enlace:</p>
<p><a href="<%= URL %>?code=<%= TOKEN %>"><%= URL %>?code=<%= TOKEN %></a></p>

<p>La contraseña debe tener al menos 10 caracteres, con mayúsculas, minúsculas y números. Al cambiarla se cierran las sesiones abiertas en todos tus equipos.</p>

<p>Si no pediste este cambio, ignora este mensaje: tu contraseña actual sigue funcionando.</p>`;

interface SeedState {
  /** The reset page URL last written by this seed: a value staff changed is never overwritten. */
  resetUrl?: string;
  /** Whether the Spanish template was written (once; staff edits are kept after). */
  template?: boolean;
}

/**
 * The users-permissions reset e-mail for the areas: its link points to the Portal de áreas'
 * `/areas/restablecer.html` on this server's public URL, in Spanish, from the office's sender.
 * Written once; what staff change later in Users & Permissions stays. The link keeps following
 * PUBLIC_URL as long as staff left it as seeded.
 */
export const seedPasswordEmails = async ({ strapi }: { strapi: Core.Strapi }) => {
  const state = strapi.store({ type: 'api', name: 'users-permissions', key: 'password-emails' });
  const seeded = ((await state.get({})) as SeedState | null) ?? {};
  const pluginStore = (key: string) =>
    strapi.store({ type: 'plugin', name: 'users-permissions', key });

  const advanced = pluginStore('advanced');
  const settings = ((await advanced.get({})) as Record<string, unknown> | null) ?? {};
  const current =
    typeof settings.email_reset_password === 'string' ? settings.email_reset_password : '';
  const wanted = defaultResetPageUrl(strapi);
  const untouched = !current.trim() || current === seeded.resetUrl;
  if (untouched && current !== wanted) {
    await advanced.set({ value: { ...settings, email_reset_password: wanted } });
  }
  const resetUrl = untouched ? wanted : seeded.resetUrl;

  let template = seeded.template === true;
  if (!template) {
    const emails = pluginStore('email');
    const templates = ((await emails.get({})) as Record<string, unknown> | null) ?? {};
    const previous = (templates.reset_password ?? {}) as {
      options?: Record<string, unknown>;
    } & Record<string, unknown>;
    // Without a reply-to of its own the e-mail plugin's (SMTP_REPLY_TO) applies.
    const { response_email: _replyTo, ...options } = previous.options ?? {};
    await emails.set({
      value: {
        ...templates,
        reset_password: {
          display: 'Email.template.reset_password',
          icon: 'sync',
          ...previous,
          options: {
            ...options,
            // Empty: the e-mail plugin's sender (SMTP_FROM) applies.
            from: { name: '', email: '' },
            object: RESET_PASSWORD_SUBJECT,
            message: RESET_PASSWORD_MESSAGE,
          },
        },
      },
    });
    template = true;
  }

  if (resetUrl !== seeded.resetUrl || template !== seeded.template) {
    await state.set({ value: { resetUrl, template } satisfies SeedState });
  }
};
