import type { Core, UID } from '@strapi/strapi';
import { USER_UID } from '../utils/sessions';
import { generatePassword } from './demo-admin';

/** The demo accounts of the Portal de áreas: one dependencia and one organismo auxiliar. */
export const DEMO_AREA_ACCOUNTS = [
  { username: 'cultura', email: 'cultura@areas.calimaya.local', area: 'DC' },
  { username: 'smdif', email: 'smdif@areas.calimaya.local', area: 'SMDIF' },
] as const;

interface DemoAreaAccount {
  email: string;
  username: string;
  areaName: string;
  password: string;
}

/**
 * Creates, once, an area account for the Dirección de Cultura and one for the SMDIF (both have
 * demo oficios), with generated passwords printed this one time, so the Portal de áreas can be
 * tried right after `npm run develop`. A restart finds them and changes nothing.
 */
export const seedDemoAreaAccounts = async ({
  strapi,
}: {
  strapi: Core.Strapi;
}): Promise<DemoAreaAccount[]> => {
  const role = (await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'area-solicitante' }, select: ['id'] })) as { id: number } | null;
  if (!role) return [];

  const created: DemoAreaAccount[] = [];
  for (const demo of DEMO_AREA_ACCOUNTS) {
    const taken = await strapi.db.query(USER_UID).count({
      where: { $or: [{ email: demo.email }, { username: demo.username }] },
    });
    if (taken) continue;
    const area = (await strapi.db
      .query('api::area.area')
      .findOne({ where: { shortName: demo.area }, select: ['id', 'name'] })) as {
      id: number;
      name: string;
    } | null;
    if (!area) continue;
    const password = generatePassword();
    await strapi.documents(USER_UID as UID.ContentType).create({
      data: {
        username: demo.username,
        email: demo.email,
        password,
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
        area: area.id,
      } as never,
    });
    created.push({ email: demo.email, username: demo.username, areaName: area.name, password });
  }
  if (created.length === 0) return created;

  const portal = `${String(strapi.config.get('server.absoluteUrl')).replace(/\/+$/, '')}/areas/`;
  strapi.log.info(
    [
      '',
      '┌──────────────────────────────────────────────────────────────┐',
      '  Cuentas de demostración del Portal de áreas',
      `  Portal:      ${portal}`,
      ...created.flatMap((account) => [
        '',
        `  Área:        ${account.areaName}`,
        `  Correo:      ${account.email}`,
        `  Contraseña:  ${account.password}`,
      ]),
      '',
      '  Guárdalas: se muestran solo esta vez.',
      '└──────────────────────────────────────────────────────────────┘',
      '',
    ].join('\n')
  );
  return created;
};
