import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelClient } from '@codex-ts/api';
import type { ModelProviderInfo } from '@codex-ts/config';
import { builtInModelProviders, MissingEnvVarError } from '@codex-ts/config';
import type { ResponsesRequest } from '@codex-ts/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthManager,
  CHATGPT_CODEX_BASE_URL,
  REFRESH_TOKEN_EXPIRED_MESSAGE,
  RefreshTokenFailedError,
  resolveModelAuth,
} from '@codex-ts/providers';
import {
  completed,
  httpError,
  outputTextMessage,
  responseCreated,
  sseResponse,
  startFakeResponsesServer,
  writeChatgptAuthJson,
} from '@codex-ts/test-support';
import type { FakeResponsesServer } from '@codex-ts/test-support';
import { fileAuthConfig, useSignInFixture } from './helpers.js';

const fx = useSignInFixture();

const env = () => ({ CODEX_REFRESH_TOKEN_URL_OVERRIDE: fx.issuer.tokenUrl });

function manager(): AuthManager {
  return new AuthManager({ authConfig: fileAuthConfig(fx.home.path), env: env() });
}

const openai = (baseUrl: string | null = null): ModelProviderInfo =>
  builtInModelProviders({}, baseUrl)['openai']!;

async function signIn(accessExpSec?: number) {
  const tokens = fx.issuer.issueTokens(accessExpSec === undefined ? {} : { accessExpSec });
  await writeChatgptAuthJson(fx.home.path, tokens, {
    accountId: fx.issuer.account.accountId,
    apiKey: 'sk-from-exchange',
  });
  return tokens;
}

describe('resolveModelAuth', () => {
  it('sends ChatGPT tokens to the ChatGPT backend when the base URL is the default', async () => {
    const tokens = await signIn();
    const resolved = await resolveModelAuth({
      provider: openai(),
      env: {},
      authManager: manager(),
    });
    expect(resolved.mode).toBe('chatgpt');
    expect(resolved.provider.baseUrl).toBe(CHATGPT_CODEX_BASE_URL);
    expect(await resolved.auth?.headers()).toEqual({
      authorization: `Bearer ${tokens.access_token}`,
      'chatgpt-account-id': fx.issuer.account.accountId,
    });
  });

  it('keeps an explicit base URL with ChatGPT tokens', async () => {
    await signIn();
    const resolved = await resolveModelAuth({
      provider: openai('http://127.0.0.1:9/v1'),
      env: {},
      authManager: manager(),
    });
    expect(resolved.mode).toBe('chatgpt');
    expect(resolved.provider.baseUrl).toBe('http://127.0.0.1:9/v1');
  });

  it('prefers the bearer token, CODEX_API_KEY and OPENAI_API_KEY over stored credentials', async () => {
    await signIn();
    const m = manager();
    const header = async (r: Awaited<ReturnType<typeof resolveModelAuth>>) =>
      (await r.auth?.headers())?.['authorization'];
    const bearer = await resolveModelAuth({
      provider: { ...openai(), experimentalBearerToken: 'tok' },
      env: { CODEX_API_KEY: 'sk-codex' },
      authManager: m,
    });
    expect(await header(bearer)).toBe('Bearer tok');
    const codexKey = await resolveModelAuth({
      provider: openai(),
      env: { CODEX_API_KEY: 'sk-codex', OPENAI_API_KEY: 'sk-openai' },
      authManager: m,
    });
    expect(await header(codexKey)).toBe('Bearer sk-codex');
    const openaiKey = await resolveModelAuth({
      provider: openai(),
      env: { OPENAI_API_KEY: ' sk-openai ' },
      authManager: m,
    });
    expect([openaiKey.mode, openaiKey.provider.baseUrl]).toEqual(['apikey', openai().baseUrl]);
    expect(await header(openaiKey)).toBe('Bearer sk-openai');
  });

  it('uses a stored API key, and fails like before when there is nothing', async () => {
    const m = manager();
    await expect(resolveModelAuth({ provider: openai(), env: {}, authManager: m })).rejects.toThrow(
      new MissingEnvVarError('OPENAI_API_KEY').message,
    );
    await writeFile(
      join(fx.home.path, 'auth.json'),
      JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-stored' }),
    );
    await m.reload();
    const r = await resolveModelAuth({ provider: openai(), env: {}, authManager: m });
    expect(r.mode).toBe('apikey');
    expect(await r.auth?.headers()).toEqual({ authorization: 'Bearer sk-stored' });
  });

  it('env_key providers need their variable; local providers need nothing', async () => {
    const custom: ModelProviderInfo = {
      ...openai(),
      id: 'x',
      requiresOpenaiAuth: false,
      envKey: 'X_KEY',
    };
    await expect(
      resolveModelAuth({ provider: custom, env: {}, authManager: null }),
    ).rejects.toBeInstanceOf(MissingEnvVarError);
    const ok = await resolveModelAuth({ provider: custom, env: { X_KEY: 'k' }, authManager: null });
    expect(ok.mode).toBe('apikey');
    const local = builtInModelProviders({}, null)['ollama']!;
    expect(await resolveModelAuth({ provider: local, env: {}, authManager: null })).toMatchObject({
      mode: 'none',
      auth: null,
    });
  });
});

describe('ChatGPT credentials on model requests', () => {
  let server: FakeResponsesServer;

  beforeEach(async () => {
    server = await startFakeResponsesServer({ warnOnExhausted: false });
  });

  afterEach(async () => {
    await server.close();
  });

  const request: ResponsesRequest = {
    model: 'gpt-5-codex',
    instructions: 'test',
    input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] }],
    tools: [],
    tool_choice: 'auto',
    parallel_tool_calls: false,
    reasoning: null,
    store: false,
    stream: true,
    include: [],
  };

  async function client(): Promise<ModelClient> {
    const resolved = await resolveModelAuth({
      provider: openai(server.url),
      env: {},
      authManager: manager(),
    });
    return new ModelClient({
      provider: resolved.provider,
      auth: resolved.auth!,
      sleep: () => Promise.resolve(),
    });
  }

  async function drain(c: ModelClient): Promise<string[]> {
    const types: string[] = [];
    for await (const event of c.stream(request)) types.push(event.type);
    return types;
  }

  it('refreshes after a 401 and retries the request with the new token', async () => {
    const old = await signIn();
    server.enqueue(
      httpError(401, 'token expired'),
      sseResponse(responseCreated(), outputTextMessage('ok'), completed()),
    );
    const types = await drain(await client());
    expect(types.at(-1)).toBe('completed');
    const [first, second] = server.modelRequests();
    expect(first?.headers['authorization']).toBe(`Bearer ${old.access_token}`);
    expect(first?.headers['chatgpt-account-id']).toBe(fx.issuer.account.accountId);
    expect(fx.issuer.tokenRequests('refresh_token')).toHaveLength(1);
    const stored = JSON.parse(await readFile(join(fx.home.path, 'auth.json'), 'utf8'));
    expect(second?.headers['authorization']).toBe(`Bearer ${stored.tokens.access_token}`);
    expect(stored.tokens.access_token).not.toBe(old.access_token);
  });

  it('refreshes an expired access token before sending', async () => {
    await signIn(Math.floor(Date.now() / 1000) - 60);
    server.enqueue(sseResponse(responseCreated(), completed()));
    await drain(await client());
    const stored = JSON.parse(await readFile(join(fx.home.path, 'auth.json'), 'utf8'));
    expect(server.modelRequests()[0]?.headers['authorization']).toBe(
      `Bearer ${stored.tokens.access_token}`,
    );
    expect(fx.issuer.tokenRequests('refresh_token')).toHaveLength(1);
  });

  it('ends the request with the sign-in-again message when the refresh token expired', async () => {
    await signIn();
    fx.issuer.setRefreshFailure({
      status: 401,
      body: { error: { code: 'refresh_token_expired', message: 'expired' } },
    });
    server.enqueue(httpError(401, 'token expired'));
    const err = await drain(await client()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefreshTokenFailedError);
    expect((err as Error).message).toBe(REFRESH_TOKEN_EXPIRED_MESSAGE);
    expect(server.modelRequests()).toHaveLength(1);
  });
});
