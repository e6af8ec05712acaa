import type { RequestAuth } from '@codex-ts/api';
import { staticApiKeyAuth } from '@codex-ts/api';
import type { ModelProviderInfo } from '@codex-ts/config';
import { MissingEnvVarError } from '@codex-ts/config';
import type { EnvMap } from './auth-constants.js';
import { CHATGPT_CODEX_BASE_URL } from './auth-constants.js';
import { RefreshTokenFailedError } from './auth-errors.js';
import type { AuthManager } from './auth-manager.js';
import type { ChatgptAuth, CodexAuth } from './codex-auth.js';

const CODEX_API_KEY_ENV_VAR = 'CODEX_API_KEY';
const OPENAI_API_KEY_ENV_VAR = 'OPENAI_API_KEY';

export type ModelAuthMode = 'apikey' | 'chatgpt' | 'none';

export interface ResolvedModelAuth {
  /** The provider to call; for ChatGPT sign-ins on the default URL, the ChatGPT backend. */
  provider: ModelProviderInfo;
  /** Credentials for the model client, or null when the provider needs none. */
  auth: RequestAuth | null;
  mode: ModelAuthMode;
}

export interface ResolveModelAuthOptions {
  provider: ModelProviderInfo;
  env: EnvMap;
  /** Stored credentials; null skips them (only environment keys are then used). */
  authManager: AuthManager | null;
}

function readEnv(env: EnvMap, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function chatgptHeaders(auth: CodexAuth | null): Record<string, string> {
  if (auth?.mode !== 'chatgpt' || auth.tokens === null) return {};
  const headers: Record<string, string> = { authorization: `Bearer ${auth.tokens.accessToken}` };
  if (auth.tokens.accountId) headers['chatgpt-account-id'] = auth.tokens.accountId;
  return headers;
}

/**
 * RequestAuth for ChatGPT tokens: `Authorization: Bearer <access token>` and
 * `chatgpt-account-id`. Stale tokens are refreshed before a request (a failure there falls back
 * to the tokens at hand, which the server then judges); after a 401 the manager reloads or
 * refreshes once. A refresh token the issuer refused for good ends the request with
 * RefreshTokenFailedError, whose message tells the user to sign in again.
 */
export function chatgptRequestAuth(manager: AuthManager): RequestAuth {
  return {
    async headers() {
      let auth: CodexAuth | null;
      try {
        auth = await manager.refreshIfStale();
      } catch {
        auth = await manager.current();
      }
      return chatgptHeaders(auth);
    },
    async refreshAfterUnauthorized() {
      const before = await manager.current();
      if (before?.mode !== 'chatgpt') return false;
      try {
        await manager.refreshToken();
        return true;
      } catch (err) {
        if (err instanceof RefreshTokenFailedError) throw err;
        return false;
      }
    },
  };
}

function chatgptProvider(provider: ModelProviderInfo): ModelProviderInfo {
  return provider.baseUrlIsDefault ? { ...provider, baseUrl: CHATGPT_CODEX_BASE_URL } : provider;
}

function usableChatgpt(auth: CodexAuth | null): auth is ChatgptAuth {
  return auth?.mode === 'chatgpt' && auth.tokens !== null;
}

/**
 * Credentials for `provider`, in this order:
 * 1. `experimental_bearer_token`;
 * 2. for providers with `requires_openai_auth`: `CODEX_API_KEY`, the provider's `env_key`
 *    (`OPENAI_API_KEY`), then the stored login (API key, or ChatGPT tokens — which also switch a
 *    provider without a configured base URL to the ChatGPT backend);
 * 3. for other providers with an `env_key`: that variable;
 * 4. none (local servers).
 * Throws MissingEnvVarError when a key is needed and there is none.
 */
export async function resolveModelAuth(opts: ResolveModelAuthOptions): Promise<ResolvedModelAuth> {
  const { provider, env } = opts;
  const bearer = provider.experimentalBearerToken?.trim();
  if (bearer) return { provider, auth: staticApiKeyAuth(bearer), mode: 'apikey' };

  if (provider.requiresOpenaiAuth) {
    const envKey = provider.envKey ?? OPENAI_API_KEY_ENV_VAR;
    const key = readEnv(env, CODEX_API_KEY_ENV_VAR) ?? readEnv(env, envKey);
    if (key !== null) return { provider, auth: staticApiKeyAuth(key), mode: 'apikey' };
    const stored = opts.authManager ? await opts.authManager.current() : null;
    if (stored?.mode === 'apikey' && stored.apiKey.trim() !== '') {
      return { provider, auth: staticApiKeyAuth(stored.apiKey.trim()), mode: 'apikey' };
    }
    if (opts.authManager && usableChatgpt(stored)) {
      return {
        provider: chatgptProvider(provider),
        auth: chatgptRequestAuth(opts.authManager),
        mode: 'chatgpt',
      };
    }
    throw new MissingEnvVarError(envKey, provider.envKeyInstructions);
  }

  if (provider.envKey !== null) {
    const key = readEnv(env, provider.envKey);
    if (key !== null) return { provider, auth: staticApiKeyAuth(key), mode: 'apikey' };
    throw new MissingEnvVarError(provider.envKey, provider.envKeyInstructions);
  }
  return { provider, auth: null, mode: 'none' };
}
