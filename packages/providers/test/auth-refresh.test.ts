import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AuthManager,
  REFRESH_TOKEN_ACCOUNT_MISMATCH_MESSAGE,
  REFRESH_TOKEN_EXPIRED_MESSAGE,
  REFRESH_TOKEN_INVALIDATED_MESSAGE,
  REFRESH_TOKEN_REUSED_MESSAGE,
  RefreshTokenFailedError,
  TokenRefreshUnavailableError,
} from '@codex-ts/providers';
import { writeChatgptAuthJson } from '@codex-ts/test-support';
import type { FakeTokenSet } from '@codex-ts/test-support';
import { fileAuthConfig, useSignInFixture } from './helpers.js';

const fx = useSignInFixture();

const NOW = new Date('2030-01-10T00:00:00Z');
const nowSec = NOW.getTime() / 1000;

async function writeChatgptAuth(tokens: FakeTokenSet, lastRefresh: string, extra = {}) {
  await writeChatgptAuthJson(fx.home.path, tokens, {
    accountId: fx.issuer.account.accountId,
    lastRefresh,
    extra,
  });
}

interface StoredAuth {
  tokens: { id_token: string; access_token: string; refresh_token: string; account_id: string };
  last_refresh: string;
  [key: string]: unknown;
}

const readAuth = async (): Promise<StoredAuth> =>
  JSON.parse(await readFile(join(fx.home.path, 'auth.json'), 'utf8')) as StoredAuth;

function manager(): AuthManager {
  return new AuthManager({
    authConfig: fileAuthConfig(fx.home.path),
    env: { CODEX_REFRESH_TOKEN_URL_OVERRIDE: fx.issuer.tokenUrl },
    now: () => NOW,
  });
}

describe('AuthManager: proactive refresh', () => {
  it('does not refresh fresh tokens', async () => {
    await writeChatgptAuth(
      fx.issuer.issueTokens({ accessExpSec: nowSec + 600 }),
      NOW.toISOString(),
    );
    const auth = await manager().refreshIfStale();
    expect(auth?.mode).toBe('chatgpt');
    expect(fx.issuer.tokenRequests('refresh_token')).toHaveLength(0);
  });

  it('refreshes an expired access token and persists the new tokens with unknown fields kept', async () => {
    const old = fx.issuer.issueTokens({ accessExpSec: nowSec - 1 });
    await writeChatgptAuth(old, '2030-01-09T00:00:00Z', { custom_field: { keep: true } });
    const auth = await manager().refreshIfStale();

    const [req] = fx.issuer.tokenRequests('refresh_token');
    expect(req?.headers['content-type']).toContain('application/json');
    expect(req?.body).toEqual({
      client_id: 'app_EMoamEEZ73f0CkXaXp7hrann',
      grant_type: 'refresh_token',
      refresh_token: old.refresh_token,
    });
    const stored = await readAuth();
    expect(stored.tokens.refresh_token).not.toBe(old.refresh_token);
    expect(stored.tokens.access_token).not.toBe(old.access_token);
    expect(stored.tokens.account_id).toBe(fx.issuer.account.accountId);
    expect(stored.last_refresh).toBe(NOW.toISOString());
    expect(stored['custom_field']).toEqual({ keep: true });
    expect(auth?.mode === 'chatgpt' && auth.tokens?.accessToken).toBe(stored.tokens.access_token);
  });

  it('refreshes tokens without exp when last_refresh is older than 8 days', async () => {
    const opaque = {
      id_token: fx.issuer.issueTokens().id_token,
      access_token: 'opaque',
      refresh_token: '',
    };
    const set = fx.issuer.issueTokens();
    opaque.refresh_token = set.refresh_token;
    await writeChatgptAuth(opaque, '2030-01-01T00:00:00Z');
    await manager().refreshIfStale();
    expect(fx.issuer.tokenRequests('refresh_token')).toHaveLength(1);

    await writeChatgptAuth(
      { ...opaque, refresh_token: fx.issuer.issueTokens().refresh_token },
      '2030-01-03T00:00:00Z',
    );
    await manager().refreshIfStale();
    expect(fx.issuer.tokenRequests('refresh_token')).toHaveLength(1);
  });

  it('uses tokens another process already refreshed instead of asking the issuer', async () => {
    await writeChatgptAuth(
      fx.issuer.issueTokens({ accessExpSec: nowSec - 1 }),
      '2030-01-09T00:00:00Z',
    );
    const m = manager();
    await m.current();
    const newer = fx.issuer.issueTokens({ accessExpSec: nowSec + 600 });
    await writeChatgptAuth(newer, NOW.toISOString());
    const auth = await m.refreshIfStale();
    expect(auth?.mode === 'chatgpt' && auth.tokens?.accessToken).toBe(newer.access_token);
    expect(fx.issuer.tokenRequests('refresh_token')).toHaveLength(0);
  });

  it('runs one refresh for concurrent callers', async () => {
    await writeChatgptAuth(
      fx.issuer.issueTokens({ accessExpSec: nowSec - 1 }),
      '2030-01-09T00:00:00Z',
    );
    const m = manager();
    await Promise.all([m.refreshToken(), m.refreshToken(), m.refreshIfStale()]);
    expect(fx.issuer.tokenRequests('refresh_token')).toHaveLength(1);
  });
});

describe('AuthManager: failed refreshes', () => {
  it.each([
    ['refresh_token_expired', REFRESH_TOKEN_EXPIRED_MESSAGE, 'expired'],
    ['refresh_token_reused', REFRESH_TOKEN_REUSED_MESSAGE, 'exhausted'],
    ['refresh_token_invalidated', REFRESH_TOKEN_INVALIDATED_MESSAGE, 'revoked'],
  ])('maps %s to the sign-in-again message', async (code, message, reason) => {
    const old = fx.issuer.issueTokens({ accessExpSec: nowSec - 1 });
    await writeChatgptAuth(old, '2030-01-09T00:00:00Z');
    fx.issuer.setRefreshFailure({ status: 400, body: { error: { code, message: 'nope' } } });
    const m = manager();
    const err = await m.refreshIfStale().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefreshTokenFailedError);
    expect(err).toMatchObject({ code: 'REFRESH_TOKEN_FAILED', reason, message });
    expect((await readAuth()).tokens.refresh_token).toBe(old.refresh_token);

    // The issuer is not asked again for a refresh token it refused for good.
    await expect(m.refreshToken()).rejects.toBeInstanceOf(RefreshTokenFailedError);
    expect(fx.issuer.tokenRequests('refresh_token')).toHaveLength(1);
  });

  it('treats a 5xx as transient (retryable, not cached)', async () => {
    await writeChatgptAuth(
      fx.issuer.issueTokens({ accessExpSec: nowSec - 1 }),
      '2030-01-09T00:00:00Z',
    );
    fx.issuer.setRefreshFailure({ status: 503, body: { error: { message: 'try later' } } });
    const m = manager();
    const err = await m.refreshToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenRefreshUnavailableError);
    expect((err as Error).message).toBe('Failed to refresh token: 503: try later');
    expect((err as TokenRefreshUnavailableError).retryable).toBe(true);
    fx.issuer.setRefreshFailure(null);
    await m.refreshToken();
    expect(fx.issuer.tokenRequests('refresh_token')).toHaveLength(2);
  });

  it('refuses to refresh when the stored account changed meanwhile', async () => {
    await writeChatgptAuth(fx.issuer.issueTokens(), '2030-01-09T00:00:00Z');
    const m = manager();
    await m.current();
    await writeFile(
      join(fx.home.path, 'auth.json'),
      JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-other' }),
    );
    await expect(m.refreshToken()).rejects.toMatchObject({
      message: REFRESH_TOKEN_ACCOUNT_MISMATCH_MESSAGE,
    });
  });
});

describe('AuthManager: logout', () => {
  it('revokes the refresh token and removes auth.json', async () => {
    const tokens = fx.issuer.issueTokens();
    await writeChatgptAuth(tokens, NOW.toISOString());
    const m = manager();
    expect(await m.logout()).toBe(true);
    const [revoke] = fx.issuer.requestsTo('/oauth/revoke');
    expect(revoke?.body).toEqual({
      token: tokens.refresh_token,
      token_type_hint: 'refresh_token',
      client_id: 'app_EMoamEEZ73f0CkXaXp7hrann',
    });
    expect(await m.current()).toBeNull();
    expect(await m.logout()).toBe(false);
  });
});
