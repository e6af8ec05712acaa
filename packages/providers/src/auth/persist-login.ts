import type { EnvMap } from './auth-constants.js';
import type { AuthDotJson } from './auth-dot-json.js';
import { LoginPersistError, WorkspaceRestrictedError } from './auth-errors.js';
import type { AuthStorage } from './auth-storage.js';
import { jwtAuthClaims, parseIdToken } from './id-token.js';
import { revokeStoredTokens, shouldRevokeReplaced } from './token-revoke.js';

/** `forced_chatgpt_workspace_id` as a list (a comma-separated value allows several). */
export function allowedWorkspaces(forced: string | null | undefined): string[] | null {
  if (forced == null) return null;
  const ids = forced
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return ids.length > 0 ? ids : null;
}

/** Throws WorkspaceRestrictedError when the id_token's account is not an allowed workspace. */
export function ensureWorkspaceAllowed(allowed: string[] | null, idToken: string): void {
  if (allowed === null) return;
  const actual = jwtAuthClaims(idToken)['chatgpt_account_id'];
  if (typeof actual !== 'string') {
    throw new WorkspaceRestrictedError(
      'This login is limited to specific workspaces, but the token names no chatgpt_account_id.',
    );
  }
  if (!allowed.includes(actual)) {
    throw new WorkspaceRestrictedError(
      `This login is limited to workspace id(s) ${allowed.join(', ')}.`,
    );
  }
}

export interface LoginTokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  apiKey: string | null;
}

/**
 * Stores a completed ChatGPT sign-in (`auth_mode: "chatgpt"`, the tokens, the account id from
 * the id_token, `last_refresh` = now). Tokens of a previous sign-in that this one replaces are
 * revoked, best effort.
 */
export async function persistLoginTokens(
  storage: AuthStorage,
  tokens: LoginTokens,
  opts: { now: Date; env: EnvMap; fetchImpl: typeof fetch },
): Promise<AuthDotJson> {
  parseIdToken(tokens.idToken);
  const accountId = jwtAuthClaims(tokens.idToken)['chatgpt_account_id'];
  let previous: AuthDotJson | null = null;
  try {
    previous = await storage.load();
  } catch {
    // Unreadable old credentials are simply replaced.
  }
  const auth: AuthDotJson = {
    auth_mode: 'chatgpt',
    OPENAI_API_KEY: tokens.apiKey,
    tokens: {
      id_token: tokens.idToken,
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      account_id: typeof accountId === 'string' ? accountId : null,
    },
    last_refresh: opts.now.toISOString(),
  };
  try {
    await storage.save(auth);
  } catch (err) {
    throw new LoginPersistError(
      `could not save the credentials: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  if (shouldRevokeReplaced(previous, auth)) {
    await revokeStoredTokens(previous, opts).catch(() => undefined);
  }
  return auth;
}
