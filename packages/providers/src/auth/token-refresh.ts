import { DEFAULT_ORIGINATOR, ORIGINATOR_OVERRIDE_ENV_VAR } from '@codex-ts/utils';
import type { EnvMap } from './auth-constants.js';
import {
  CLIENT_ID,
  REFRESH_TOKEN_URL,
  REFRESH_TOKEN_URL_OVERRIDE_ENV_VAR,
} from './auth-constants.js';
import type { RefreshFailureReason } from './auth-errors.js';
import { RefreshTokenFailedError, TokenRefreshUnavailableError } from './auth-errors.js';

/** The user-facing messages for a refresh token that can no longer be used. */
export const REFRESH_TOKEN_EXPIRED_MESSAGE =
  'Your access token could not be refreshed because your refresh token has expired. Please log out and sign in again.';
export const REFRESH_TOKEN_REUSED_MESSAGE =
  'Your access token could not be refreshed because your refresh token was already used. Please log out and sign in again.';
export const REFRESH_TOKEN_INVALIDATED_MESSAGE =
  'Your access token could not be refreshed because your refresh token was revoked. Please log out and sign in again.';
export const REFRESH_TOKEN_UNKNOWN_MESSAGE =
  'Your access token could not be refreshed. Please log out and sign in again.';
export const REFRESH_TOKEN_ACCOUNT_MISMATCH_MESSAGE =
  'Your access token could not be refreshed because you have since logged out or signed in to another account. Please sign in again.';

/** New tokens from the token endpoint; any of them may be absent. */
export interface RefreshedTokens {
  idToken: string | null;
  accessToken: string | null;
  refreshToken: string | null;
}

/** The token endpoint used for refreshes (`CODEX_REFRESH_TOKEN_URL_OVERRIDE` wins). */
export function refreshTokenUrl(env: EnvMap): string {
  return env[REFRESH_TOKEN_URL_OVERRIDE_ENV_VAR] || REFRESH_TOKEN_URL;
}

/** The `originator` header value (`CODEX_INTERNAL_ORIGINATOR_OVERRIDE` wins). */
export function originatorFrom(env: EnvMap): string {
  return env[ORIGINATOR_OVERRIDE_ENV_VAR] || DEFAULT_ORIGINATOR;
}

function errorCodeOf(body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  const error = record['error'];
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const code = (error as Record<string, unknown>)['code'];
    if (typeof code === 'string') return code;
  }
  return typeof record['code'] === 'string' ? record['code'] : null;
}

/** `error.message` of an OpenAI-style error body, else the body itself. */
export function errorMessageOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
  } catch {
    // Not JSON.
  }
  return body === '' ? 'Unknown error' : body;
}

const REASONS: Record<string, RefreshFailureReason> = {
  refresh_token_expired: 'expired',
  refresh_token_reused: 'exhausted',
  refresh_token_invalidated: 'revoked',
};

const MESSAGES: Record<RefreshFailureReason, string> = {
  expired: REFRESH_TOKEN_EXPIRED_MESSAGE,
  exhausted: REFRESH_TOKEN_REUSED_MESSAGE,
  revoked: REFRESH_TOKEN_INVALIDATED_MESSAGE,
  other: REFRESH_TOKEN_UNKNOWN_MESSAGE,
};

/** Maps a failed refresh response to the error the user should see. */
export function classifyRefreshFailure(status: number, body: string): Error {
  const code = errorCodeOf(body)?.toLowerCase() ?? null;
  const reason: RefreshFailureReason = (code !== null ? REASONS[code] : undefined) ?? 'other';
  if (status === 401 || reason !== 'other') {
    return new RefreshTokenFailedError(reason, MESSAGES[reason]);
  }
  return new TokenRefreshUnavailableError(
    `Failed to refresh token: ${status}: ${errorMessageOf(body)}`,
  );
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Asks the token endpoint for new tokens:
 * `POST {"client_id", "grant_type": "refresh_token", "refresh_token"}` as JSON.
 * Throws RefreshTokenFailedError (sign in again) or TokenRefreshUnavailableError (try later).
 */
export async function requestTokenRefresh(opts: {
  refreshToken: string;
  env: EnvMap;
  fetchImpl: typeof fetch;
}): Promise<RefreshedTokens> {
  let response: Response;
  let body: string;
  try {
    response = await opts.fetchImpl(refreshTokenUrl(opts.env), {
      method: 'POST',
      headers: { 'content-type': 'application/json', originator: originatorFrom(opts.env) },
      body: JSON.stringify({
        client_id: CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: opts.refreshToken,
      }),
    });
    body = await response.text();
  } catch (err) {
    throw new TokenRefreshUnavailableError(
      `Failed to refresh token: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  if (!response.ok) throw classifyRefreshFailure(response.status, body);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch (err) {
    throw new TokenRefreshUnavailableError('Failed to refresh token: invalid JSON response', {
      cause: err,
    });
  }
  return {
    idToken: optionalString(parsed['id_token']),
    accessToken: optionalString(parsed['access_token']),
    refreshToken: optionalString(parsed['refresh_token']),
  };
}
