import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeTempCodexHome,
  startFakeOAuthIssuer,
  type FakeOAuthIssuer,
  type TempDir,
} from '@codex-ts/test-support';
import { startEnvServer, type EnvServer } from './helpers/env-server.js';
import type { RpcHarness } from './helpers/rpc-harness.js';

// account/read, account/login/start|cancel and account/logout against a temp CODEX_HOME (auth
// stored in auth.json) and, for ChatGPT sign-ins, the fake OAuth issuer. Every message is
// checked against the official schema by the harness.

let home: TempDir;
let issuer: FakeOAuthIssuer;
let server: EnvServer | undefined;

beforeEach(async () => {
  home = await makeTempCodexHome();
  issuer = await startFakeOAuthIssuer();
});

afterEach(async () => {
  const problems = (await server?.close()) ?? [];
  server = undefined;
  await issuer.close();
  await home.cleanup();
  expect(problems).toEqual([]);
});

async function start(): Promise<RpcHarness> {
  server = await startEnvServer(home.path, {
    CODEX_APP_SERVER_LOGIN_ISSUER: issuer.url,
    CODEX_APP_SERVER_LOGIN_PORT: '0',
    CODEX_REFRESH_TOKEN_URL_OVERRIDE: issuer.tokenUrl,
    CODEX_REVOKE_TOKEN_URL_OVERRIDE: `${issuer.url}/oauth/revoke`,
    OPENAI_API_KEY: 'sk-env-key-does-not-count',
  });
  return server.client;
}

const authFile = (): string => join(home.path, 'auth.json');

/** What a browser does with the authorize URL: follow the redirects to the success page. */
async function browse(url: string): Promise<Response> {
  let at = url;
  let response = await fetch(at, { redirect: 'manual' });
  while (response.status === 302) {
    at = new URL(response.headers.get('location') ?? '', at).toString();
    await response.arrayBuffer();
    response = await fetch(at, { redirect: 'manual' });
  }
  return response;
}

describe('account/read', () => {
  it('reports no account when nothing is stored (environment keys do not count)', async () => {
    const client = await start();
    expect(await client.call('account/read', {})).toEqual({
      account: null,
      requiresOpenaiAuth: true,
      userId: null,
    });
  });

  it('reports no account and no need for OpenAI auth with a provider that does not need it', async () => {
    await writeFile(
      join(home.path, 'config.toml'),
      'model_provider = "local"\n[model_providers.local]\nname = "Local"\nbase_url = "http://127.0.0.1:9/v1"\n',
    );
    await writeFile(authFile(), JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-x' }));
    const client = await start();
    expect(await client.call('account/read')).toEqual({
      account: null,
      requiresOpenaiAuth: false,
      userId: null,
    });
  });

  it('refuses malformed params with the field named', async () => {
    const client = await start();
    const error = await client.callError('account/read', { refreshToken: 'yes' });
    expect(error.code).toBe(-32602);
    expect(error.message).toContain('account/read');
    expect(error.message).toContain('refreshToken');
  });
});

describe('account/login/start with an API key, and account/logout', () => {
  it('stores the key, notifies every connection, and logs out again', async () => {
    const client = await start();
    const other = await server!.connect();
    expect(
      await client.call('account/login/start', { type: 'apiKey', apiKey: 'sk-test-123' }),
    ).toEqual({ type: 'apiKey' });
    for (const harness of [client, other]) {
      const completed = await harness.waitForNotification('account/login/completed');
      expect(completed.params).toEqual({ loginId: null, success: true, error: null });
      const updated = await harness.waitForNotification('account/updated');
      expect(updated.params).toEqual({ authMode: 'apikey', planType: null });
    }
    expect(JSON.parse(await readFile(authFile(), 'utf8'))).toEqual({
      auth_mode: 'apikey',
      OPENAI_API_KEY: 'sk-test-123',
    });
    expect(await client.call('account/read')).toEqual({
      account: { type: 'apiKey' },
      requiresOpenaiAuth: true,
      userId: null,
    });

    const before = client.messages.length;
    expect(await client.call('account/logout')).toEqual({});
    const updated = await client.waitFor(
      (m) => 'method' in m && m.method === 'account/updated' && client.messages.indexOf(m) > before,
      'account/updated after logout',
    );
    expect((updated as { params: unknown }).params).toEqual({ authMode: null, planType: null });
    expect(existsSync(authFile())).toBe(false);
    expect((await client.call<{ account: unknown }>('account/read')).account).toBeNull();
  });

  it('follows forced_login_method', async () => {
    await writeFile(join(home.path, 'config.toml'), 'forced_login_method = "chatgpt"\n');
    const client = await start();
    const error = await client.callError('account/login/start', { type: 'apiKey', apiKey: 'k' });
    expect(error).toMatchObject({
      code: -32600,
      message: 'API key login is disabled. Use ChatGPT login instead.',
    });
    expect(existsSync(authFile())).toBe(false);

    await writeFile(join(home.path, 'config.toml'), 'forced_login_method = "api"\n');
    for (const type of ['chatgpt', 'chatgptDeviceCode']) {
      expect(await client.callError('account/login/start', { type })).toMatchObject({
        code: -32600,
        message: 'ChatGPT login is disabled. Use API key login instead.',
      });
    }
  });

  it('refuses login kinds it does not offer and bad params', async () => {
    const client = await start();
    const tokens = { type: 'chatgptAuthTokens', accessToken: 'a', chatgptAccountId: 'b' };
    expect(await client.callError('account/login/start', tokens)).toMatchObject({
      code: -32600,
      message: 'login type `chatgptAuthTokens` is not supported',
    });
    const missing = await client.callError('account/login/start', { type: 'apiKey' });
    expect(missing.code).toBe(-32602);
    expect(missing.message).toContain('apiKey');
  });
});

describe('account/login/start with ChatGPT', () => {
  it('signs in through the browser flow and reports the account', async () => {
    const client = await start();
    const started = await client.call<{ type: string; loginId: string; authUrl: string }>(
      'account/login/start',
      { type: 'chatgpt' },
    );
    expect(started.type).toBe('chatgpt');
    expect(started.authUrl.startsWith(`${issuer.url}/oauth/authorize?`)).toBe(true);
    expect((await browse(started.authUrl)).status).toBe(200);

    const completed = await client.waitForNotification('account/login/completed');
    expect(completed.params).toEqual({ loginId: started.loginId, success: true, error: null });
    const updated = await client.waitForNotification('account/updated');
    expect(updated.params).toEqual({ authMode: 'chatgpt', planType: 'plus' });
    expect(await client.call('account/read')).toEqual({
      account: { type: 'chatgpt', email: 'user@example.com', planType: 'plus' },
      requiresOpenaiAuth: true,
      userId: issuer.account.userId,
    });
    const stored = JSON.parse(await readFile(authFile(), 'utf8')) as { auth_mode: string };
    expect(stored.auth_mode).toBe('chatgpt');
  });

  it('cancels a sign-in in progress by its id', async () => {
    const client = await start();
    const started = await client.call<{ loginId: string }>('account/login/start', {
      type: 'chatgpt',
    });
    const cancel = { loginId: started.loginId };
    expect(await client.call('account/login/cancel', cancel)).toEqual({ status: 'canceled' });
    const completed = await client.waitForNotification('account/login/completed');
    expect(completed.params).toEqual({
      loginId: started.loginId,
      success: false,
      error: 'Login server error: Login was not completed',
    });
    expect(await client.call('account/login/cancel', cancel)).toEqual({ status: 'notFound' });
    expect(await client.callError('account/login/cancel', { loginId: 'nope' })).toMatchObject({
      code: -32600,
      message: 'invalid login id: nope',
    });
    expect(client.notifications().some((n) => n.method === 'account/updated')).toBe(false);
  });

  it('signs in with a device code', async () => {
    const client = await start();
    const started = await client.call<Record<string, string>>('account/login/start', {
      type: 'chatgptDeviceCode',
    });
    expect(started).toEqual({
      type: 'chatgptDeviceCode',
      loginId: expect.any(String),
      verificationUrl: `${issuer.url}/codex/device`,
      userCode: 'ABCD-1234',
    });
    const completed = await client.waitForNotification('account/login/completed');
    expect(completed.params).toEqual({ loginId: started['loginId'], success: true, error: null });
    expect((await client.waitForNotification('account/updated')).params).toEqual({
      authMode: 'chatgpt',
      planType: 'plus',
    });
  });

  it('refreshes tokens on request and reports no account once the issuer refuses them', async () => {
    const client = await start();
    const started = await client.call<{ authUrl: string }>('account/login/start', {
      type: 'chatgpt',
    });
    await browse(started.authUrl);
    await client.waitForNotification('account/updated');
    const read = await client.call<{ account: unknown }>('account/read', { refreshToken: true });
    expect(read.account).toMatchObject({ type: 'chatgpt' });
    expect(issuer.tokenRequests('refresh_token')).toHaveLength(1);

    issuer.setRefreshFailure({
      status: 401,
      body: { error: { code: 'refresh_token_expired', message: 'expired' } },
    });
    const refused = await client.call<{ account: unknown }>('account/read', {
      refreshToken: true,
    });
    expect(refused.account).toBeNull();
    expect((await client.call<{ account: unknown }>('account/read')).account).toBeNull();
  });
});
