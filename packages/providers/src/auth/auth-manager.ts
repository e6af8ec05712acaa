import type { AuthConfig } from '@codex-ts/config';
import type { CredentialStore } from '@codex-ts/keyring-store';
import type { EnvMap } from './auth-constants.js';
import { TOKEN_REFRESH_INTERVAL_MS } from './auth-constants.js';
import type { AuthDotJson } from './auth-dot-json.js';
import { AuthStorageError, RefreshTokenFailedError } from './auth-errors.js';
import type { AuthStorage } from './auth-storage.js';
import { createAuthStorage } from './auth-storage.js';
import type { CodexAuth } from './codex-auth.js';
import { accountIdOf, codexAuthFromStored, sameCredentials } from './codex-auth.js';
import { parseIdToken, parseJwtExpiration } from './id-token.js';
import {
  REFRESH_TOKEN_ACCOUNT_MISMATCH_MESSAGE,
  REFRESH_TOKEN_UNKNOWN_MESSAGE,
  requestTokenRefresh,
} from './token-refresh.js';
import { revokeStoredTokens } from './token-revoke.js';

export interface AuthManagerOptions {
  authConfig: AuthConfig;
  /** Environment for `CODEX_REFRESH_TOKEN_URL_OVERRIDE` and friends (default `process.env`). */
  env?: EnvMap;
  fetchImpl?: typeof fetch;
  /** Clock used for staleness and `last_refresh` (default: the system clock). */
  now?: () => Date;
  /** Overrides the storage derived from `authConfig`. */
  storage?: AuthStorage;
  keyring?: CredentialStore;
  onWarning?: (message: string) => void;
}

/**
 * The one place a process reads its stored credentials from: loads them once, refreshes ChatGPT
 * tokens when they are stale or the server said 401, and persists refreshed tokens. Refreshes
 * are single-flight; a refresh token the issuer rejected for good is not sent again.
 */
export class AuthManager {
  readonly storage: AuthStorage;
  private readonly env: EnvMap;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => Date;
  private cached: CodexAuth | null = null;
  private loaded = false;
  private inflight: Promise<CodexAuth | null> | null = null;
  private permanentFailure: { refreshToken: string; error: RefreshTokenFailedError } | null = null;

  constructor(opts: AuthManagerOptions) {
    this.env = opts.env ?? process.env;
    this.fetchImpl = opts.fetchImpl ?? fetch;
    this.now = opts.now ?? (() => new Date());
    this.storage =
      opts.storage ??
      createAuthStorage({
        codexHome: opts.authConfig.codexHome,
        mode: opts.authConfig.credentialsStore,
        ...(opts.keyring ? { keyring: opts.keyring } : {}),
        ...(opts.onWarning ? { onWarning: opts.onWarning } : {}),
      });
  }

  /** The stored credentials (loaded on first use, then cached), or null when logged out. */
  async current(): Promise<CodexAuth | null> {
    if (!this.loaded) await this.reload();
    return this.cached;
  }

  /** Reads the storage again (another process may have logged in, out, or refreshed). */
  async reload(): Promise<CodexAuth | null> {
    const stored = await this.storage.load();
    this.setCached(stored === null ? null : codexAuthFromStored(stored));
    return this.cached;
  }

  private setCached(auth: CodexAuth | null): void {
    if (!sameCredentials(this.cached, auth)) this.permanentFailure = null;
    this.cached = auth;
    this.loaded = true;
  }

  /**
   * True when ChatGPT tokens should be refreshed before use: the access token's `exp` has
   * passed, or (for tokens without `exp`) the last refresh is older than 8 days.
   */
  isStale(auth: CodexAuth | null): boolean {
    if (auth?.mode !== 'chatgpt' || auth.tokens === null) return false;
    const now = this.now().getTime();
    let expiresAt: Date | null = null;
    try {
      expiresAt = parseJwtExpiration(auth.tokens.accessToken);
    } catch {
      // Not a JWT: judge by last_refresh.
    }
    if (expiresAt !== null) return expiresAt.getTime() <= now;
    if (auth.lastRefresh === null) return false;
    return auth.lastRefresh.getTime() < now - TOKEN_REFRESH_INTERVAL_MS;
  }

  /** The current credentials, refreshed first when stale. Refresh failures are thrown. */
  async refreshIfStale(): Promise<CodexAuth | null> {
    const auth = await this.current();
    return this.isStale(auth) ? this.refreshToken() : auth;
  }

  /**
   * Gets new ChatGPT tokens. Reloads the storage first: when another process already refreshed,
   * its tokens are used; when the stored account changed, the refresh is refused.
   */
  refreshToken(): Promise<CodexAuth | null> {
    this.inflight ??= this.guardedRefresh().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async guardedRefresh(): Promise<CodexAuth | null> {
    const before = await this.current();
    if (before === null || before.mode === 'apikey') return before;
    const stored = await this.storage.load();
    const fresh = stored === null ? null : codexAuthFromStored(stored);
    if (fresh === null || accountIdOf(fresh) !== accountIdOf(before)) {
      throw new RefreshTokenFailedError('other', REFRESH_TOKEN_ACCOUNT_MISMATCH_MESSAGE);
    }
    if (!sameCredentials(before, fresh)) {
      this.setCached(fresh);
      return fresh;
    }
    return this.refreshFromAuthority(fresh);
  }

  private async refreshFromAuthority(auth: CodexAuth): Promise<CodexAuth | null> {
    if (auth.mode !== 'chatgpt') return auth;
    if (auth.tokens === null) {
      throw new RefreshTokenFailedError('other', REFRESH_TOKEN_UNKNOWN_MESSAGE);
    }
    const refreshToken = auth.tokens.refreshToken;
    if (this.permanentFailure?.refreshToken === refreshToken) throw this.permanentFailure.error;
    let refreshed;
    try {
      refreshed = await requestTokenRefresh({
        refreshToken,
        env: this.env,
        fetchImpl: this.fetchImpl,
      });
    } catch (err) {
      if (err instanceof RefreshTokenFailedError) {
        this.permanentFailure = { refreshToken, error: err };
      }
      throw err;
    }
    if (refreshed.idToken !== null) parseIdToken(refreshed.idToken);
    const latest = await this.storage.load();
    if (latest === null) throw new AuthStorageError('Token data is not available.');
    const previousTokens = latest.tokens ?? {
      id_token: '',
      access_token: '',
      refresh_token: '',
    };
    const updated: AuthDotJson = {
      ...latest,
      tokens: {
        ...previousTokens,
        id_token: refreshed.idToken ?? previousTokens.id_token,
        access_token: refreshed.accessToken ?? previousTokens.access_token,
        refresh_token: refreshed.refreshToken ?? previousTokens.refresh_token,
      },
      last_refresh: this.now().toISOString(),
    };
    await this.storage.save(updated);
    this.setCached(codexAuthFromStored(updated));
    return this.cached;
  }

  /**
   * Logs out: revokes ChatGPT tokens at the issuer (best effort), removes the stored credentials
   * and forgets the cached ones. True when something was removed.
   */
  async logout(): Promise<boolean> {
    let stored: AuthDotJson | null = null;
    try {
      stored = await this.storage.load();
    } catch {
      // Unreadable credentials are removed all the same.
    }
    await revokeStoredTokens(stored, { env: this.env, fetchImpl: this.fetchImpl }).catch(
      () => undefined,
    );
    const removed = await this.storage.delete();
    this.setCached(null);
    return removed;
  }
}
