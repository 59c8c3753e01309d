/** An account of a requesting area (users-permissions user with the role «Área solicitante»). */
export interface AreaAccountDto {
  documentId: string;
  /** The account's name (its users-permissions username); it may also log in with it. */
  username: string;
  email: string;
  area: { documentId: string; name: string; shortName: string | null; kind: string } | null;
  /** false once deactivated (blocked): it cannot log in and its sessions were closed. */
  active: boolean;
  /** ISO instant. */
  createdAt: string;
}

/** An area an account may be created for (active areas only). */
export interface AreaChoice {
  documentId: string;
  name: string;
  shortName: string | null;
  kind: string;
}

/**
 * GET /comunicacion/area-accounts?area=<documentId>&state=activa|desactivada
 *
 * The area accounts, by area name then account name, with the active areas new accounts may be
 * created for. Permission `area-accounts.manage`. 400 `INVALID_REQUEST` for an unknown state.
 */
export declare namespace ListAreaAccounts {
  export interface Request {
    query: { area?: string; state?: 'activa' | 'desactivada' };
  }
  export interface Response {
    data: AreaAccountDto[];
    meta: { areas: AreaChoice[] };
  }
}

/**
 * POST /comunicacion/area-accounts   { email, username?, area }
 *
 * Creates the account with a random password nobody knows and e-mails the area an invitation
 * whose link (`/areas/restablecer.html?code=…`) lets it choose its password. 400 with
 * `EMAIL_TAKEN`, `USERNAME_TAKEN`, `UNKNOWN_AREA` (no such active area) or `INVALID_REQUEST`.
 */
export declare namespace CreateAreaAccount {
  export interface Request {
    body: {
      email: string;
      /** Defaults to the e-mail address. */
      username?: string | null;
      /** documentId of an active area. */
      area: string;
    };
  }
  export interface Response {
    data: AreaAccountDto;
  }
}

/**
 * POST /comunicacion/area-accounts/:documentId/invitation
 *
 * Sends a new invitation (a new link; the previous one stops working). 400 `ACCOUNT_DEACTIVATED`
 * for a deactivated account; 404 `NOT_FOUND` for anything that is not an area account.
 */
export declare namespace ResendAreaInvitation {
  export interface Request {
    params: { documentId: string };
  }
  export interface Response {
    data: AreaAccountDto;
  }
}

/**
 * POST /comunicacion/area-accounts/:documentId/deactivate
 * POST /comunicacion/area-accounts/:documentId/reactivate
 *
 * Deactivating blocks the account, closes every session it has open at once and voids its
 * pending link; reactivating lets it log in again with its password (older sessions stay closed).
 * Doing it twice changes nothing. 404 `NOT_FOUND` for anything that is not an area account.
 */
export declare namespace SetAreaAccountState {
  export interface Request {
    params: { documentId: string };
  }
  export interface Response {
    data: AreaAccountDto;
  }
}
