import type { AuthConfig } from '@codex-ts/config';
import type { EnvMap } from './auth-constants.js';
import { LoginRestrictionError } from './auth-errors.js';
import type { AuthStorage } from './auth-storage.js';
import type { CodexAuth } from './codex-auth.js';
import { codexAuthFromStored } from './codex-auth.js';
import { allowedWorkspaces } from './persist-login.js';
import { revokeStoredTokens } from './token-revoke.js';

/** `sk-proj-***ABCDE`: the first 8 and last 5 characters; `***` for keys of 13 or fewer. */
export function maskApiKey(key: string): string {
  if (key.length <= 13) return '***';
  return `${key.slice(0, 8)}***${key.slice(-5)}`;
}

/** `codex login --with-api-key`: stores `{"auth_mode": "apikey", "OPENAI_API_KEY": key}`. */
export async function loginWithApiKey(storage: AuthStorage, apiKey: string): Promise<void> {
  await storage.save({ auth_mode: 'apikey', OPENAI_API_KEY: apiKey });
}

/** What `codex login status` reports. */
export type LoginStatus =
  | { mode: 'none' }
  | { mode: 'apikey'; apiKey: string; maskedKey: string }
  | {
      mode: 'chatgpt';
      email: string | null;
      planType: string | null;
      accountId: string | null;
    };

/** The stored credentials (environment variables are not consulted). */
export async function loginStatus(storage: AuthStorage): Promise<LoginStatus> {
  const stored = await storage.load();
  if (stored === null) return { mode: 'none' };
  const auth = codexAuthFromStored(stored);
  if (auth.mode === 'apikey') {
    return { mode: 'apikey', apiKey: auth.apiKey, maskedKey: maskApiKey(auth.apiKey) };
  }
  return {
    mode: 'chatgpt',
    email: auth.tokens?.idToken.email ?? null,
    planType: auth.tokens?.idToken.chatgptPlanType ?? null,
    accountId: auth.tokens?.accountId ?? null,
  };
}

/**
 * `codex logout`: revokes ChatGPT tokens (best effort) and removes the stored credentials from
 * every place they may be. True when something was removed.
 */
export async function logout(opts: {
  storage: AuthStorage;
  env?: EnvMap;
  fetchImpl?: typeof fetch;
}): Promise<boolean> {
  let stored = null;
  try {
    stored = await opts.storage.load();
  } catch {
    // Unreadable credentials are removed all the same.
  }
  await revokeStoredTokens(stored, {
    env: opts.env ?? process.env,
    fetchImpl: opts.fetchImpl ?? fetch,
  }).catch(() => undefined);
  return opts.storage.delete();
}

function restrictionViolation(config: AuthConfig, auth: CodexAuth): string | null {
  if (config.forcedLoginMethod === 'api' && auth.mode === 'chatgpt') {
    return 'This configuration requires API key login, but ChatGPT credentials are in use. Logging out.';
  }
  if (config.forcedLoginMethod === 'chatgpt' && auth.mode === 'apikey') {
    return 'This configuration requires ChatGPT login, but an API key is in use. Logging out.';
  }
  const allowed = allowedWorkspaces(config.forcedChatgptWorkspaceId);
  if (allowed === null || auth.mode !== 'chatgpt') return null;
  const actual = auth.tokens?.idToken.chatgptAccountId ?? null;
  if (actual !== null && allowed.includes(actual)) return null;
  const list = allowed.join(', ');
  return actual === null
    ? `Login is limited to workspace(s) ${list}, but the current credentials name no workspace. Logging out.`
    : `Login is limited to workspace(s) ${list}, but the current credentials belong to ${actual}. Logging out.`;
}

/**
 * Applies `forced_login_method` and `forced_chatgpt_workspace_id` to the credentials a session
 * would use (`CODEX_API_KEY` counts as an API key). On a violation the stored credentials are
 * removed and LoginRestrictionError is thrown with the reason.
 */
export async function enforceLoginRestrictions(opts: {
  authConfig: AuthConfig;
  storage: AuthStorage;
  env?: EnvMap;
}): Promise<void> {
  const env = opts.env ?? process.env;
  const envKey = env['CODEX_API_KEY']?.trim();
  let auth: CodexAuth | null;
  if (envKey) {
    auth = { mode: 'apikey', apiKey: envKey };
  } else {
    const stored = await opts.storage.load();
    auth = stored === null ? null : codexAuthFromStored(stored);
  }
  if (auth === null) return;
  const violation = restrictionViolation(opts.authConfig, auth);
  if (violation === null) return;
  try {
    await opts.storage.delete();
  } catch (err) {
    throw new LoginRestrictionError(
      `${violation} Removing the stored credentials failed: ${(err as Error).message}`,
    );
  }
  throw new LoginRestrictionError(violation);
}
