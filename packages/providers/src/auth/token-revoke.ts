import type { EnvMap } from './auth-constants.js';
import {
  CLIENT_ID,
  REFRESH_TOKEN_URL_OVERRIDE_ENV_VAR,
  REVOKE_TOKEN_URL,
  REVOKE_TOKEN_URL_OVERRIDE_ENV_VAR,
} from './auth-constants.js';
import type { AuthDotJson } from './auth-dot-json.js';
import { storedAuthMode } from './auth-dot-json.js';
import { errorMessageOf } from './token-refresh.js';

const REVOKE_TIMEOUT_MS = 10_000;

/**
 * The revocation endpoint: `CODEX_REVOKE_TOKEN_URL_OVERRIDE`, else `/oauth/revoke` next to
 * `CODEX_REFRESH_TOKEN_URL_OVERRIDE`, else auth.openai.com's.
 */
export function revokeTokenUrl(env: EnvMap): string {
  const direct = env[REVOKE_TOKEN_URL_OVERRIDE_ENV_VAR];
  if (direct) return direct;
  const refresh = env[REFRESH_TOKEN_URL_OVERRIDE_ENV_VAR];
  if (refresh) {
    try {
      const url = new URL(refresh);
      url.pathname = '/oauth/revoke';
      url.search = '';
      return url.toString();
    } catch {
      // Not a URL: use the default.
    }
  }
  return REVOKE_TOKEN_URL;
}

/** The token to revoke for stored ChatGPT credentials: the refresh token, else the access token. */
function revocableToken(
  auth: AuthDotJson | null,
): { token: string; kind: 'refresh_token' | 'access_token' } | null {
  if (auth === null || storedAuthMode(auth) !== 'chatgpt' || auth.tokens == null) return null;
  if (auth.tokens.refresh_token !== '') {
    return { token: auth.tokens.refresh_token, kind: 'refresh_token' };
  }
  if (auth.tokens.access_token !== '') {
    return { token: auth.tokens.access_token, kind: 'access_token' };
  }
  return null;
}

/** Whether replacing `previous` by `next` leaves a ChatGPT token behind that should be revoked. */
export function shouldRevokeReplaced(previous: AuthDotJson | null, next: AuthDotJson): boolean {
  const old = revocableToken(previous);
  if (old === null) return false;
  if (storedAuthMode(next) !== 'chatgpt' || next.tokens == null) return true;
  return old.kind === 'refresh_token'
    ? next.tokens.refresh_token !== old.token
    : next.tokens.access_token !== old.token;
}

/**
 * Revokes the OAuth tokens of stored ChatGPT credentials at the issuer, so a copied auth.json
 * stops working once the user logs out. Does nothing for API keys. Rejects on failure; callers
 * treat it as best effort.
 */
export async function revokeStoredTokens(
  auth: AuthDotJson | null,
  opts: { env: EnvMap; fetchImpl: typeof fetch },
): Promise<void> {
  const target = revocableToken(auth);
  if (target === null) return;
  const body: Record<string, string> = { token: target.token, token_type_hint: target.kind };
  if (target.kind === 'refresh_token') body['client_id'] = CLIENT_ID;
  const response = await opts.fetchImpl(revokeTokenUrl(opts.env), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REVOKE_TIMEOUT_MS),
  });
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw new Error(`failed to revoke ${target.kind}: ${response.status}: ${errorMessageOf(text)}`);
  }
}
