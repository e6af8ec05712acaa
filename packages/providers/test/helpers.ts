import { afterEach, beforeEach } from 'vitest';
import type { AuthConfig } from '@codex-ts/config';
import { builtInModelProviders } from '@codex-ts/config';
import type { ModelProviderInfo } from '@codex-ts/protocol';
import { makeTempCodexHome, startFakeOAuthIssuer } from '@codex-ts/test-support';
import type { FakeOAuthIssuer, FakeOAuthIssuerOptions, TempDir } from '@codex-ts/test-support';

/** What every sign-in test needs: its own CODEX_HOME and fake OAuth issuer. */
export interface SignInFixture {
  /** The current test's CODEX_HOME. */
  readonly home: TempDir;
  /** The current test's issuer. */
  readonly issuer: FakeOAuthIssuer;
  /** Closes the issuer and starts another one with `opts` in its place. */
  restartIssuer(opts: FakeOAuthIssuerOptions): Promise<FakeOAuthIssuer>;
}

/**
 * Gives each test of the file a fresh temp CODEX_HOME and fake OAuth issuer (registered as
 * beforeEach/afterEach hooks, so call it at the top level of the file); read them through the
 * returned fixture inside tests.
 */
export function useSignInFixture(): SignInFixture {
  let home: TempDir | undefined;
  let issuer: FakeOAuthIssuer | undefined;

  beforeEach(async () => {
    home = await makeTempCodexHome();
    issuer = await startFakeOAuthIssuer();
  });

  afterEach(async () => {
    await issuer?.close();
    await home?.cleanup();
    issuer = undefined;
    home = undefined;
  });

  const current = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`the sign-in fixture's ${what} is used outside a test`);
    return value;
  };

  return {
    get home() {
      return current(home, 'home');
    },
    get issuer() {
      return current(issuer, 'issuer');
    },
    async restartIssuer(opts) {
      await issuer?.close();
      issuer = await startFakeOAuthIssuer(opts);
      return issuer;
    },
  };
}

/** Auth settings for credentials kept in `<codexHome>/auth.json`, without restrictions. */
export function fileAuthConfig(codexHome: string, over: Partial<AuthConfig> = {}): AuthConfig {
  return {
    codexHome,
    credentialsStore: 'file',
    forcedLoginMethod: null,
    forcedChatgptWorkspaceId: null,
    chatgptBaseUrl: 'https://chatgpt.com/backend-api/',
    ...over,
  };
}

/** A built-in local provider (`ollama`, `lmstudio`) pointed at `baseUrl` via CODEX_OSS_BASE_URL. */
export function ossProvider(id: 'ollama' | 'lmstudio', baseUrl: string): ModelProviderInfo {
  const provider = builtInModelProviders({ CODEX_OSS_BASE_URL: baseUrl }, null)[id];
  if (!provider) throw new Error(`no built-in ${id} provider`);
  return provider;
}

/** What `promise` rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
