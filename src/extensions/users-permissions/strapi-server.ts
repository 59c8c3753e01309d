import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createError from 'http-errors';
import { SESSIONS_VALID_FROM, revokeSessions, unauthorized } from '../../utils/sessions';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
type Factory<T> = (deps: { strapi: Core.Strapi }) => T;

interface JwtService {
  getToken(ctx: Ctx): Promise<TokenPayload | null>;
  issue(payload: Record<string, unknown>, options?: Record<string, unknown>): unknown;
  verify(token: string): Promise<TokenPayload>;
}

interface TokenPayload {
  id?: number;
  iat?: number;
  /** When the token was issued, in milliseconds (`iat` has whole seconds only). */
  iatMs?: number;
}

interface AuthResult {
  authenticated?: boolean;
  credentials?: Record<string, unknown> | null;
  error?: string | null;
}

interface AuthStrategy {
  name: string;
  authenticate(ctx: Ctx): Promise<AuthResult>;
  verify?(auth: unknown, config: unknown): Promise<void>;
}

interface UsersPermissionsPlugin {
  contentTypes: { user: { schema: { attributes: Record<string, unknown> } } };
  services: Record<string, Factory<unknown>>;
  controllers: Record<string, Factory<Record<string, (ctx: Ctx) => unknown>>>;
  register: (deps: { strapi: Core.Strapi }) => unknown;
}

/** An error of the e-mail transport (SMTP down, refused), not a refusal of the request. */
const isMailFailure = (error: unknown) =>
  !(error instanceof errors.ApplicationError) &&
  !(
    typeof (error as { status?: unknown })?.status === 'number' &&
    (error as { status: number }).status < 500
  );

const isRefreshMode = (strapi: Core.Strapi) =>
  strapi.config.get<string>('plugin::users-permissions.jwtManagement', 'legacy-support') ===
  'refresh';

/**
 * A token is refused once the account's sessions were closed after it was issued: logging out
 * or changing the password ends every session opened before, on every device.
 */
const withSessionCheck = (strapi: Core.Strapi, strategy: AuthStrategy): AuthStrategy => ({
  ...strategy,
  async authenticate(ctx) {
    const result = await strategy.authenticate(ctx);
    if (result?.error) {
      // The account behind a valid token no longer exists, is unconfirmed or was blocked.
      throw unauthorized(
        'INVALID_SESSION',
        'La cuenta de esta sesión no existe o está bloqueada. Inicia sesión de nuevo o consulta a la Dirección de Comunicación Social.'
      );
    }
    const validFrom = result?.authenticated ? result.credentials?.[SESSIONS_VALID_FROM] : null;
    if (validFrom) {
      const jwt = strapi.plugin('users-permissions').service('jwt') as JwtService;
      const payload = await jwt.getToken(ctx);
      const issuedAt =
        typeof payload?.iatMs === 'number' ? payload.iatMs : Number(payload?.iat) * 1000;
      if (!(issuedAt >= new Date(validFrom as string).getTime())) {
        throw unauthorized(
          'SESSION_REVOKED',
          'Esta sesión se cerró (cierre de sesión o cambio de contraseña). Inicia sesión de nuevo.'
        );
      }
    }
    return result;
  },
});

/**
 * Users-permissions accounts (requesting areas, Secretaría Técnica): the area an account belongs
 * to, and sessions that end when the account logs out or changes its password.
 */
export default (plugin: UsersPermissionsPlugin) => {
  // A requesting area's account belongs to one area: it files and reads that area's oficios only.
  plugin.contentTypes.user.schema.attributes.area = {
    type: 'relation',
    relation: 'manyToOne',
    target: 'api::area.area',
  };
  // Tokens issued before this instant are refused (see withSessionCheck).
  plugin.contentTypes.user.schema.attributes[SESSIONS_VALID_FROM] = {
    type: 'datetime',
    private: true,
    configurable: false,
    searchable: false,
  };

  // Tokens carry their issue time in milliseconds: a new token issued in the same second as a
  // password change must still be told apart from the old ones.
  const upstreamJwt = plugin.services.jwt as Factory<JwtService>;
  plugin.services.jwt = (deps) => {
    const service = upstreamJwt(deps);
    return {
      ...service,
      issue(
        payload: Record<string, unknown> & { toJSON?: () => Record<string, unknown> },
        options
      ) {
        const plain = typeof payload?.toJSON === 'function' ? payload.toJSON() : payload;
        return service.issue({ ...plain, iatMs: Date.now() }, options);
      },
    } satisfies JwtService;
  };

  // The plugin answers 404 to logout unless refresh tokens are on; with plain tokens, logging
  // out closes the account's sessions.
  const upstreamAuth = plugin.controllers.auth;
  plugin.controllers.auth = (deps) => {
    const controller = upstreamAuth(deps);
    return {
      ...controller,
      // The code is saved before the e-mail is sent; when SMTP fails the area hears it in Spanish
      // and may ask again, instead of a bare 500.
      async forgotPassword(ctx: Ctx) {
        try {
          return await controller.forgotPassword(ctx);
        } catch (error) {
          if (!isMailFailure(error)) throw error;
          deps.strapi.log.error(
            `No se pudo enviar el correo de contraseña olvidada: ${error instanceof Error ? error.message : String(error)}`
          );
          throw createError(
            503,
            'No se pudo enviar el correo en este momento. Intenta de nuevo en unos minutos.',
            { details: { code: 'MAIL_UNAVAILABLE' } }
          );
        }
      },
      async logout(ctx: Ctx) {
        if (isRefreshMode(deps.strapi)) return controller.logout(ctx);
        const user = ctx.state.user as { id: number } | undefined;
        if (!user) {
          throw unauthorized('UNAUTHENTICATED', 'Inicia sesión para cerrarla.');
        }
        await revokeSessions(deps.strapi, user.id);
        ctx.body = { ok: true };
        return undefined;
      },
    };
  };

  // The plugin registers its authentication strategy in its own register(); wrap it there.
  const upstreamRegister = plugin.register;
  plugin.register = (deps) => {
    const auth = deps.strapi.get('auth') as {
      register(type: string, strategy: AuthStrategy): unknown;
    };
    const add = auth.register;
    auth.register = function register(type, strategy) {
      const wrapped =
        type === 'content-api' && strategy.name === 'users-permissions'
          ? withSessionCheck(deps.strapi, strategy)
          : strategy;
      return add.call(this, type, wrapped);
    };
    try {
      return upstreamRegister(deps);
    } finally {
      auth.register = add;
    }
  };

  return plugin;
};
