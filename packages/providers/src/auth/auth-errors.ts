/** Stable codes of the auth and login errors; callers branch on `code`, never on text. */
export type AuthErrorCode =
  | 'AUTH_FILE_INVALID'
  | 'AUTH_STORAGE_FAILED'
  | 'INVALID_JWT'
  | 'UNSUPPORTED_AUTH_MODE'
  | 'REFRESH_TOKEN_FAILED'
  | 'TOKEN_REFRESH_UNAVAILABLE'
  | 'LOGIN_CANCELLED'
  | 'OAUTH_CALLBACK_ERROR'
  | 'TOKEN_EXCHANGE_FAILED'
  | 'WORKSPACE_RESTRICTED'
  | 'LOGIN_PORT_IN_USE'
  | 'LOGIN_PERSIST_FAILED'
  | 'DEVICE_CODE_NOT_ENABLED'
  | 'DEVICE_CODE_FAILED'
  | 'DEVICE_CODE_TIMEOUT'
  | 'LOGIN_RESTRICTED';

/** Base class of every auth error this package throws. */
export abstract class AuthError extends Error {
  abstract readonly code: AuthErrorCode;
  readonly retryable: boolean = false;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** auth.json (or the keyring entry) exists but is not valid credentials JSON. */
export class AuthFileInvalidError extends AuthError {
  readonly code = 'AUTH_FILE_INVALID';
}

/** Reading, writing or removing stored credentials failed. */
export class AuthStorageError extends AuthError {
  readonly code = 'AUTH_STORAGE_FAILED';
}

/** A token that should be a JWT (`header.payload.signature`) is not one. */
export class InvalidJwtError extends AuthError {
  readonly code = 'INVALID_JWT';
}

/** Stored credentials use a mode this build does not implement (e.g. agent identity). */
export class UnsupportedAuthModeError extends AuthError {
  readonly code = 'UNSUPPORTED_AUTH_MODE';

  constructor(readonly mode: string) {
    super(`stored credentials use the unsupported auth mode \`${mode}\``);
  }
}

/** Why the token service refused a refresh. */
export type RefreshFailureReason = 'expired' | 'exhausted' | 'revoked' | 'other';

/** The refresh token can no longer be used: the user has to sign in again. */
export class RefreshTokenFailedError extends AuthError {
  readonly code = 'REFRESH_TOKEN_FAILED';

  constructor(
    readonly reason: RefreshFailureReason,
    message: string,
  ) {
    super(message);
  }
}

/** The refresh could not be done right now (network, 5xx); trying later may work. */
export class TokenRefreshUnavailableError extends AuthError {
  readonly code = 'TOKEN_REFRESH_UNAVAILABLE';
  override readonly retryable = true;
}

/** The sign-in was cancelled (`/cancel`, a newer login taking the port, or `cancel()`). */
export class LoginCancelledError extends AuthError {
  readonly code = 'LOGIN_CANCELLED';
}

/** The authorization server sent the browser back with an `error`. */
export class OAuthCallbackError extends AuthError {
  readonly code = 'OAUTH_CALLBACK_ERROR';

  constructor(
    message: string,
    readonly errorCode: string,
    readonly errorDescription: string | null,
  ) {
    super(message);
  }
}

/** Exchanging an authorization code for tokens failed. */
export class TokenExchangeError extends AuthError {
  readonly code = 'TOKEN_EXCHANGE_FAILED';
}

/** The signed-in account is not one of the workspaces `forced_chatgpt_workspace_id` allows. */
export class WorkspaceRestrictedError extends AuthError {
  readonly code = 'WORKSPACE_RESTRICTED';
}

/** The callback server could not bind its port. */
export class LoginPortInUseError extends AuthError {
  readonly code = 'LOGIN_PORT_IN_USE';
}

/** Tokens were obtained but could not be stored. */
export class LoginPersistError extends AuthError {
  readonly code = 'LOGIN_PERSIST_FAILED';
}

/** The issuer does not offer device-code sign-in (HTTP 404 on the user-code endpoint). */
export class DeviceCodeNotEnabledError extends AuthError {
  readonly code = 'DEVICE_CODE_NOT_ENABLED';
}

/** The device-code flow failed (unexpected status or body). */
export class DeviceCodeError extends AuthError {
  readonly code = 'DEVICE_CODE_FAILED';
}

/** Nobody entered the device code in time. */
export class DeviceCodeTimeoutError extends AuthError {
  readonly code = 'DEVICE_CODE_TIMEOUT';
}

/** Stored credentials violate `forced_login_method` / `forced_chatgpt_workspace_id`. */
export class LoginRestrictionError extends AuthError {
  readonly code = 'LOGIN_RESTRICTED';
}
