import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';

export const DEFAULT_DEMO_ADMIN_EMAIL = 'admin@comunicacion.local';

/** A password that satisfies Strapi's admin rules (8+ chars, upper, lower, digit). */
export const generatePassword = () => `Cal${crypto.randomBytes(12).toString('base64url')}7a`;

interface DemoAdminResult {
  created: boolean;
  email?: string;
  password?: string;
  generated?: boolean;
}

/**
 * Creates the development super admin once. Credentials come from ADMIN_EMAIL / ADMIN_PASSWORD or
 * are generated and printed this one time; a restart finds the admin and changes nothing.
 */
export const ensureDemoAdmin = async ({
  strapi,
  env = process.env,
}: {
  strapi: Core.Strapi;
  env?: NodeJS.ProcessEnv;
}): Promise<DemoAdminResult> => {
  const userService = strapi.service('admin::user');
  if (await userService.exists()) {
    return { created: false };
  }

  const email = env.ADMIN_EMAIL?.trim() || DEFAULT_DEMO_ADMIN_EMAIL;
  const givenPassword = env.ADMIN_PASSWORD?.trim();
  const password = givenPassword || generatePassword();

  await userService.createFirstAdmin({
    email: email.toLowerCase(),
    firstname: 'Administración',
    lastname: 'Demo',
    password,
  });

  const shown = givenPassword ? '(la de ADMIN_PASSWORD)' : password;
  strapi.log.info(
    [
      '',
      '┌──────────────────────────────────────────────────────────────┐',
      '  Administrador de demostración creado',
      `  Panel:       ${strapi.config.get('admin.absoluteUrl')}`,
      `  Correo:      ${email.toLowerCase()}`,
      `  Contraseña:  ${shown}`,
      givenPassword ? '' : '  Guárdala: se muestra solo esta vez.',
      '└──────────────────────────────────────────────────────────────┘',
      '',
    ].join('\n')
  );

  return { created: true, email: email.toLowerCase(), password, generated: !givenPassword };
};
