import { compose, type Message } from './templates';

/**
 * To a requesting area: the office opened its account in the Portal de áreas; the link lets it
 * choose its password (the same page and code as a forgotten password).
 */
export function areaAccountInvitation(input: {
  areaName: string;
  email: string;
  username: string;
  link: string;
  portalUrl: string;
}): Message {
  const login =
    input.username && input.username !== input.email
      ? `Inicia sesión con tu correo (${input.email}) o con tu nombre de usuario (${input.username}).`
      : `Inicia sesión con tu correo: ${input.email}.`;
  return compose(`Tu cuenta del Portal de áreas: ${input.areaName}`, [
    `La Dirección de Comunicación Social y Gobierno Digital abrió una cuenta del Portal de áreas para ${input.areaName}. Desde el portal se presentan los oficios con sus archivos, se sigue su avance, se completan los datos que falten, se aprueban los diseños y se descargan las respuestas.`,
    'Para empezar, elige tu contraseña en este enlace (al menos 10 caracteres, con mayúsculas, minúsculas y números):',
    { link: input.link, label: 'Elegir mi contraseña' },
    login,
    `Si el enlace ya no funciona, pide otro en ${input.portalUrl} («¿Olvidaste tu contraseña?») o a la Dirección. Cada enlace sirve una sola vez.`,
  ]);
}
