import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuthConfig } from '@codex-ts/config';
import { describe, expect, it } from 'vitest';
import {
  createAuthStorage,
  enforceLoginRestrictions,
  LoginRestrictionError,
  loginStatus,
  loginWithApiKey,
  logout,
  maskApiKey,
  parseIdToken,
  parseJwtExpiration,
} from '@codex-ts/providers';
import { fakeJwt, writeChatgptAuthJson } from '@codex-ts/test-support';
import { fileAuthConfig, useSignInFixture } from './helpers.js';

const fx = useSignInFixture();

const storage = () => createAuthStorage({ codexHome: fx.home.path, mode: 'file' });

async function writeChatgpt(): Promise<void> {
  await writeChatgptAuthJson(fx.home.path, fx.issuer.issueTokens(), {
    accountId: fx.issuer.account.accountId,
  });
}

describe('id token claims', () => {
  it('reads email, plan, user and account ids without checking the signature', () => {
    const jwt = fakeJwt({
      exp: 2_000_000_000,
      'https://api.openai.com/profile': { email: 'p@x.y' },
      'https://api.openai.com/auth': {
        chatgpt_plan_type: 'pro',
        user_id: 'u-1',
        chatgpt_account_id: 'acct-9',
      },
    });
    expect(parseIdToken(jwt)).toEqual({
      email: 'p@x.y',
      chatgptPlanType: 'pro',
      chatgptUserId: 'u-1',
      chatgptAccountId: 'acct-9',
      rawJwt: jwt,
    });
    expect(parseJwtExpiration(jwt)?.toISOString()).toBe('2033-05-18T03:33:20.000Z');
    expect(() => parseIdToken('not-a-jwt')).toThrow('invalid ID token format');
  });
});

describe('login actions', () => {
  it('masks API keys like the Rust CLI', () => {
    expect(maskApiKey('sk-proj-1234567890ABCDE')).toBe('sk-proj-***ABCDE');
    expect(maskApiKey('sk-proj-12345')).toBe('***');
  });

  it('reports status for API key, ChatGPT and no credentials', async () => {
    expect(await loginStatus(storage())).toEqual({ mode: 'none' });
    await loginWithApiKey(storage(), 'sk-proj-1234567890ABCDE');
    expect(await loginStatus(storage())).toEqual({
      mode: 'apikey',
      apiKey: 'sk-proj-1234567890ABCDE',
      maskedKey: 'sk-proj-***ABCDE',
    });
    await writeChatgpt();
    expect(await loginStatus(storage())).toEqual({
      mode: 'chatgpt',
      email: 'user@example.com',
      planType: 'plus',
      accountId: fx.issuer.account.accountId,
    });
  });

  it('logout revokes ChatGPT tokens best effort and removes the file', async () => {
    await writeChatgpt();
    const env = { CODEX_REVOKE_TOKEN_URL_OVERRIDE: `${fx.issuer.url}/oauth/revoke` };
    expect(await logout({ storage: storage(), env })).toBe(true);
    expect(fx.issuer.requestsTo('/oauth/revoke')).toHaveLength(1);
    expect(await logout({ storage: storage(), env })).toBe(false);

    await writeChatgpt();
    const unreachable = { CODEX_REVOKE_TOKEN_URL_OVERRIDE: 'http://127.0.0.1:9/oauth/revoke' };
    expect(await logout({ storage: storage(), env: unreachable })).toBe(true);
  });

  it('does not call the issuer when logging out an API key', async () => {
    await loginWithApiKey(storage(), 'sk-x');
    const env = { CODEX_REVOKE_TOKEN_URL_OVERRIDE: `${fx.issuer.url}/oauth/revoke` };
    expect(await logout({ storage: storage(), env })).toBe(true);
    expect(fx.issuer.requests).toHaveLength(0);
  });
});

describe('enforceLoginRestrictions', () => {
  const config = (over: Partial<AuthConfig>): AuthConfig => fileAuthConfig(fx.home.path, over);

  it('logs out ChatGPT credentials when API keys are required', async () => {
    await writeChatgpt();
    const err = await enforceLoginRestrictions({
      authConfig: config({ forcedLoginMethod: 'api' }),
      storage: storage(),
      env: {},
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoginRestrictionError);
    await expect(readFile(join(fx.home.path, 'auth.json'))).rejects.toThrow();
  });

  it('accepts a matching workspace and rejects another one', async () => {
    await writeChatgpt();
    await enforceLoginRestrictions({
      authConfig: config({ forcedChatgptWorkspaceId: fx.issuer.account.accountId }),
      storage: storage(),
      env: {},
    });
    await expect(
      enforceLoginRestrictions({
        authConfig: config({ forcedChatgptWorkspaceId: 'ws-other' }),
        storage: storage(),
        env: {},
      }),
    ).rejects.toThrow(/ws-other.*belong to acct-fake-123/);
  });

  it('treats CODEX_API_KEY as API key credentials', async () => {
    await expect(
      enforceLoginRestrictions({
        authConfig: config({ forcedLoginMethod: 'chatgpt' }),
        storage: storage(),
        env: { CODEX_API_KEY: 'sk-env' },
      }),
    ).rejects.toBeInstanceOf(LoginRestrictionError);
  });
});
