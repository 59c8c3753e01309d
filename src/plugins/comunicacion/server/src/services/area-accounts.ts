import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  USER_UID,
  areaAccountInvitation,
  getService,
  invalid,
  newResetToken,
  passwordLink,
  publicServerUrl,
  resetPageUrl,
  revokeSessions,
  runAs,
  toIso,
  unusablePassword,
  type Actor,
} from '../app';
import type {
  AreaAccountDto,
  AreaChoice,
  CreateAreaAccount,
  ListAreaAccounts,
} from '../../../shared/contracts/area-accounts';

const AREA_UID = 'api::area.area';
const ROLE_UID = 'plugin::users-permissions.role';
/** users-permissions role type of the requesting areas' accounts. */
export const AREA_ROLE_TYPE = 'area-solicitante';

interface AccountRow {
  id: number;
  documentId: string;
  username: string;
  email: string;
  blocked: boolean | number | null;
  createdAt: unknown;
  area?: AreaChoice | null;
}

const AREA_FIELDS = ['documentId', 'name', 'shortName', 'kind'];
const ACCOUNT_QUERY = {
  select: ['id', 'documentId', 'username', 'email', 'blocked', 'createdAt'],
  populate: { area: { select: AREA_FIELDS } },
};

const toDto = (row: AccountRow): AreaAccountDto => ({
  documentId: row.documentId,
  username: row.username,
  email: row.email,
  area: row.area
    ? {
        documentId: row.area.documentId,
        name: row.area.name,
        shortName: row.area.shortName ?? null,
        kind: row.area.kind,
      }
    : null,
  active: !row.blocked,
  createdAt: toIso(row.createdAt as string | Date | null) ?? '',
});

const notFound = () =>
  new errors.NotFoundError('No existe esa cuenta de área.', { code: 'NOT_FOUND' }) as Error;

/**
 * The requesting areas' accounts, as staff manage them from the plugin. Every write goes through
 * the Document Service (password rules, session revocation) inside one transaction with the
 * invitation it queues, so a refused write sends nothing.
 */
export const createAreaAccountsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.documents(USER_UID as UID.ContentType);

  const areaRole = async () => {
    const role = (await strapi.db
      .query(ROLE_UID)
      .findOne({ where: { type: AREA_ROLE_TYPE }, select: ['id'] })) as { id: number } | null;
    if (!role) throw new Error(`Falta el rol de la API «${AREA_ROLE_TYPE}».`);
    return role;
  };

  const activeAreas = async (): Promise<AreaChoice[]> => {
    const rows = (await strapi.db.query(AREA_UID).findMany({
      // Areas seeded before `active` existed have it empty: they are active.
      where: { $or: [{ active: true }, { active: { $null: true } }] },
      select: AREA_FIELDS,
      orderBy: [{ name: 'asc' }],
    })) as AreaChoice[];
    return rows.map((area) => ({ ...area, shortName: area.shortName ?? null }));
  };

  const account = async (documentId: string) => {
    const row = (await strapi.db.query(USER_UID).findOne({
      ...ACCOUNT_QUERY,
      where: { documentId, role: { type: AREA_ROLE_TYPE } },
    })) as AccountRow | null;
    if (!row) throw notFound();
    return row;
  };

  /** Gives the account a new reset code and queues the invitation that carries it. */
  const invite = async (row: AccountRow) => {
    const token = newResetToken();
    await users().update({
      documentId: row.documentId,
      data: { resetPasswordToken: token } as never,
    });
    const message = areaAccountInvitation({
      areaName: row.area?.name ?? 'tu área',
      email: row.email,
      username: row.username,
      link: passwordLink(await resetPageUrl(strapi), token),
      portalUrl: `${publicServerUrl(strapi)}/areas/`,
    });
    await getService('outbox', strapi).enqueue({ to: row.email, toUserId: row.id, ...message });
  };

  return {
    /** The area accounts (optionally of one area, active or deactivated) and the active areas. */
    async list(filters: ListAreaAccounts.Request['query']): Promise<ListAreaAccounts.Response> {
      const where: Record<string, unknown> = { role: { type: AREA_ROLE_TYPE } };
      if (filters.area) where.area = { documentId: filters.area };
      if (filters.state === 'activa')
        where.$or = [{ blocked: false }, { blocked: { $null: true } }];
      if (filters.state === 'desactivada') where.blocked = true;
      const [rows, areas] = await Promise.all([
        strapi.db.query(USER_UID).findMany({
          ...ACCOUNT_QUERY,
          where,
          orderBy: [{ username: 'asc' }],
        }) as Promise<AccountRow[]>,
        activeAreas(),
      ]);
      const byArea = (row: AccountRow) => row.area?.name ?? '\uffff';
      const data = rows
        .map((row) => ({ row, key: byArea(row) }))
        .sort((a, b) => a.key.localeCompare(b.key, 'es'))
        .map(({ row }) => toDto(row));
      return { data, meta: { areas } };
    },

    /**
     * Opens an account for an active area with a password nobody knows, and invites the area to
     * choose its own by e-mail.
     */
    async create(input: CreateAreaAccount.Request['body'], actor: Actor): Promise<AreaAccountDto> {
      const email = input.email.trim().toLowerCase();
      const username = input.username?.trim() || email;
      const area = (await strapi.db.query(AREA_UID).findOne({
        where: { documentId: input.area },
        select: ['id', 'documentId', 'name', 'active'],
      })) as { id: number; name: string; active: boolean | null } | null;
      if (!area || area.active === false) {
        throw invalid('UNKNOWN_AREA', 'Elige un área activa del catálogo para la cuenta.', {
          fields: ['area'],
        });
      }
      if (await strapi.db.query(USER_UID).count({ where: { email: { $eqi: email } } })) {
        throw invalid('EMAIL_TAKEN', `Ya existe una cuenta con el correo ${email}.`, {
          fields: ['email'],
        });
      }
      if (await strapi.db.query(USER_UID).count({ where: { username: { $eqi: username } } })) {
        throw invalid('USERNAME_TAKEN', `Ya existe una cuenta con el nombre «${username}».`, {
          fields: ['username'],
        });
      }
      const role = await areaRole();

      const documentId = await strapi.db.transaction(() =>
        runAs(actor, async () => {
          const created = (await users().create({
            data: {
              username,
              email,
              password: unusablePassword(),
              provider: 'local',
              confirmed: true,
              blocked: false,
              role: role.id,
              area: area.id,
            } as never,
          })) as { documentId: string };
          await invite(await account(created.documentId));
          return created.documentId;
        })
      );
      return toDto(await account(documentId));
    },

    /** A new invitation with a new link; the previous link stops working. */
    async resendInvitation(documentId: string, actor: Actor): Promise<AreaAccountDto> {
      const row = await account(documentId);
      if (row.blocked) {
        throw invalid(
          'ACCOUNT_DEACTIVATED',
          'La cuenta está desactivada: reactívala antes de enviarle otra invitación.'
        );
      }
      await strapi.db.transaction(() => runAs(actor, () => invite(row)));
      return toDto(await account(documentId));
    },

    /**
     * Blocks the account and closes every session it has open, at once; its pending link (an
     * invitation or a reset) stops working too.
     */
    async deactivate(documentId: string, actor: Actor): Promise<AreaAccountDto> {
      const row = await account(documentId);
      await strapi.db.transaction(() =>
        runAs(actor, async () => {
          await users().update({
            documentId,
            data: { blocked: true, resetPasswordToken: null } as never,
          });
          await revokeSessions(strapi, row.id);
        })
      );
      return toDto(await account(documentId));
    },

    /** Lets the account log in again with its password; the sessions closed stay closed. */
    async reactivate(documentId: string, actor: Actor): Promise<AreaAccountDto> {
      const row = await account(documentId);
      if (row.blocked) {
        await strapi.db.transaction(() =>
          runAs(actor, () => users().update({ documentId, data: { blocked: false } as never }))
        );
      }
      return toDto(await account(documentId));
    },
  };
};

export type AreaAccountsService = ReturnType<typeof createAreaAccountsService>;

export default createAreaAccountsService;
