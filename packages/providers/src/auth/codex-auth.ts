import type { AuthDotJson } from './auth-dot-json.js';
import { storedAuthMode } from './auth-dot-json.js';
import { AuthFileInvalidError, UnsupportedAuthModeError } from './auth-errors.js';
import type { IdTokenInfo } from './id-token.js';
import { parseIdToken } from './id-token.js';

/** Stored credentials that are an OpenAI API key. */
export interface ApiKeyAuth {
  mode: 'apikey';
  apiKey: string;
}

/** The ChatGPT OAuth tokens of a sign-in, with the id_token's claims decoded. */
export interface ChatgptTokens {
  idToken: IdTokenInfo;
  accessToken: string;
  refreshToken: string;
  /** The `chatgpt-account-id` to send (the workspace the tokens belong to). */
  accountId: string | null;
}

/** Stored credentials from a ChatGPT sign-in. `tokens` is null in a file that lost them. */
export interface ChatgptAuth {
  mode: 'chatgpt';
  tokens: ChatgptTokens | null;
  lastRefresh: Date | null;
  /** The API key obtained at sign-in through the token exchange, when there is one. */
  apiKey: string | null;
  /** The stored JSON this was read from. */
  stored: AuthDotJson;
}

export type CodexAuth = ApiKeyAuth | ChatgptAuth;

/** Interprets stored credentials. Throws for a mode this build cannot use or a missing key. */
export function codexAuthFromStored(stored: AuthDotJson): CodexAuth {
  const mode = storedAuthMode(stored);
  if (mode === 'unsupported') throw new UnsupportedAuthModeError(String(stored.auth_mode));
  if (mode === 'apikey') {
    const key = stored.OPENAI_API_KEY;
    if (key == null) throw new AuthFileInvalidError('API key auth is missing a key.');
    return { mode: 'apikey', apiKey: key };
  }
  const t = stored.tokens;
  const tokens: ChatgptTokens | null = t
    ? {
        idToken: parseIdToken(t.id_token),
        accessToken: t.access_token,
        refreshToken: t.refresh_token,
        accountId: t.account_id ?? null,
      }
    : null;
  return {
    mode: 'chatgpt',
    tokens,
    lastRefresh: stored.last_refresh != null ? new Date(stored.last_refresh) : null,
    apiKey: stored.OPENAI_API_KEY ?? null,
    stored,
  };
}

/** Same credentials (used to tell whether another process refreshed the tokens meanwhile). */
export function sameCredentials(a: CodexAuth | null, b: CodexAuth | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.mode === 'apikey' || b.mode === 'apikey') {
    return a.mode === b.mode && a.mode === 'apikey' && b.mode === 'apikey' && a.apiKey === b.apiKey;
  }
  const x = a.tokens;
  const y = b.tokens;
  if (x === null || y === null) return x === y;
  return (
    x.accessToken === y.accessToken &&
    x.refreshToken === y.refreshToken &&
    x.idToken.rawJwt === y.idToken.rawJwt &&
    x.accountId === y.accountId
  );
}

/** The account id of ChatGPT credentials (null for API keys or when unknown). */
export function accountIdOf(auth: CodexAuth | null): string | null {
  return auth?.mode === 'chatgpt' ? (auth.tokens?.accountId ?? null) : null;
}
