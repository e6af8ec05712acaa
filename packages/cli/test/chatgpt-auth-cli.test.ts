import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledModels } from '@codex-ts/models-manager';
import {
  baseEnv,
  completed,
  makeTempCodexHome,
  outputTextMessage,
  responseCreated,
  runCodex,
  sseResponse,
  startFakeOAuthIssuer,
  startFakeResponsesServer,
  writeChatgptAuthJson,
  type FakeOAuthIssuer,
  type FakeResponsesServer,
  type FakeTokenSet,
  type TempDir,
} from '@codex-ts/test-support';

/**
 * A ChatGPT sign-in end to end through the built binary: auth.json holds ChatGPT tokens (as
 * `codex login` writes them), no API key is set, and the OpenAI provider points at the fake
 * model server. Refreshes go to the fake OAuth issuer.
 */
let home: TempDir;
let server: FakeResponsesServer;
let issuer: FakeOAuthIssuer;

beforeEach(async () => {
  home = await makeTempCodexHome();
  server = await startFakeResponsesServer();
  issuer = await startFakeOAuthIssuer();
  await writeFile(
    join(home.path, 'config.toml'),
    `model = "gpt-5.4"\nopenai_base_url = "${server.url}"\n`,
  );
});

afterEach(async () => {
  await server.close();
  await issuer.close();
  await home.cleanup();
});

async function signIn(tokens: FakeTokenSet, lastRefresh = new Date()): Promise<void> {
  await writeChatgptAuthJson(home.path, tokens, {
    accountId: issuer.account.accountId,
    lastRefresh,
  });
}

function codex(args: string[]) {
  return runCodex(args, {
    cwd: home.path,
    env: baseEnv(home.path, { CODEX_REFRESH_TOKEN_URL_OVERRIDE: issuer.tokenUrl }),
  });
}

const reply = () => sseResponse(responseCreated(), outputTextMessage('hi'), completed());

describe('ChatGPT sign-in', () => {
  it('sends the access token and the account id with model requests', async () => {
    const tokens = issuer.issueTokens();
    await signIn(tokens);
    server.enqueue(reply());
    const run = await codex(['exec', '--skip-git-repo-check', 'hello']);
    expect(run.stderr).not.toContain('Error');
    expect(run.code).toBe(0);
    const [request] = server.modelRequests();
    expect(request?.headers['authorization']).toBe(`Bearer ${tokens.access_token}`);
    expect(request?.headers['chatgpt-account-id']).toBe(issuer.account.accountId);
    expect(issuer.tokenRequests('refresh_token')).toHaveLength(0);
  });

  it('refreshes an expired access token first and saves the new tokens atomically', async () => {
    const stale = issuer.issueTokens({ accessExpSec: Math.floor(Date.now() / 1000) - 60 });
    await signIn(stale);
    server.enqueue(reply());
    const run = await codex(['exec', '--skip-git-repo-check', 'hello']);
    expect(run.code).toBe(0);
    const refreshes = issuer.tokenRequests('refresh_token');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.body).toMatchObject({ refresh_token: stale.refresh_token });
    const saved = JSON.parse(await readFile(join(home.path, 'auth.json'), 'utf8')) as {
      tokens: { access_token: string; refresh_token: string };
    };
    expect(saved.tokens.refresh_token).not.toBe(stale.refresh_token);
    expect(server.modelRequests()[0]?.headers['authorization']).toBe(
      `Bearer ${saved.tokens.access_token}`,
    );
    expect((await stat(join(home.path, 'auth.json'))).mode & 0o777).toBe(0o600);
  });

  it('debug models refreshes the catalog from /models and caches it', async () => {
    await signIn(issuer.issueTokens());
    const remote = { ...bundledModels()[0]!, slug: 'gpt-remote', display_name: 'Remote' };
    server.setModelsCatalog({ models: [remote], etag: '"v1"' });
    const first = await codex(['debug', 'models']);
    expect(first.code).toBe(0);
    const printed = JSON.parse(first.stdout) as { models: Array<{ slug: string }> };
    expect(printed.models.map((m) => m.slug)).toEqual(['gpt-remote']);
    const fetches = server.requests.filter((r) => r.method === 'GET');
    expect(fetches).toHaveLength(1);
    expect(fetches[0]?.path).toBe('/v1/models');
    expect(fetches[0]?.headers['chatgpt-account-id']).toBe(issuer.account.accountId);
    const cache = JSON.parse(await readFile(join(home.path, 'models_cache.json'), 'utf8')) as {
      etag: string;
    };
    expect(cache.etag).toBe('"v1"');

    // Within the TTL the cache answers; --bundled never asks.
    const second = await codex(['debug', 'models']);
    expect(JSON.parse(second.stdout)).toEqual(printed);
    const bundled = await codex(['debug', 'models', '--bundled']);
    expect((JSON.parse(bundled.stdout) as { models: unknown[] }).models).toHaveLength(
      bundledModels().length,
    );
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
  });

  it('debug models with an API key reads the catalog offline', async () => {
    const run = await runCodex(['debug', 'models'], {
      cwd: home.path,
      env: baseEnv(home.path, { OPENAI_API_KEY: 'sk-test' }),
    });
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { models: Array<{ slug: string }> };
    expect(printed.models.map((m) => m.slug)).toEqual(bundledModels().map((m) => m.slug));
    expect(server.requests).toHaveLength(0);
  });
});
