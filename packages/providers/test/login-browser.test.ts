import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAuthStorage,
  LoginCancelledError,
  OAuthCallbackError,
  pkceChallenge,
  runBrowserLogin,
  WorkspaceRestrictedError,
} from '@codex-ts/providers';
import type { BrowserLoginHandle, BrowserLoginOptions } from '@codex-ts/providers';
import { useSignInFixture } from './helpers.js';

const fx = useSignInFixture();
const handles: BrowserLoginHandle[] = [];

// Registered after the fixture's hooks, so it runs before the issuer closes.
afterEach(() => {
  for (const h of handles.splice(0)) h.cancel();
});

async function start(extra: Partial<BrowserLoginOptions> = {}): Promise<BrowserLoginHandle> {
  const handle = await runBrowserLogin({
    authStorage: createAuthStorage({ codexHome: fx.home.path, mode: 'file' }),
    issuer: fx.issuer.url,
    port: 0,
    openBrowser: false,
    env: { CODEX_REFRESH_TOKEN_URL_OVERRIDE: fx.issuer.tokenUrl },
    ...extra,
  });
  handles.push(handle);
  return handle;
}

/** What a browser does: GET, and follow redirects by hand so each hop can be inspected. */
async function browse(url: string): Promise<{ hops: string[]; final: Response }> {
  const hops = [url];
  let response = await fetch(url, { redirect: 'manual' });
  while (response.status === 302) {
    const next = new URL(response.headers.get('location')!, hops.at(-1)).toString();
    await response.arrayBuffer();
    hops.push(next);
    response = await fetch(next, { redirect: 'manual' });
  }
  return { hops, final: response };
}

describe('browser login against the fake issuer', () => {
  it('authorizes with PKCE, stores the tokens and shows the success page', async () => {
    const login = await start();
    const authorize = new URL(login.authUrl);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${fx.issuer.url}/oauth/authorize`);
    const q = Object.fromEntries(authorize.searchParams);
    expect(q).toMatchObject({
      response_type: 'code',
      client_id: 'app_EMoamEEZ73f0CkXaXp7hrann',
      redirect_uri: `http://localhost:${login.port}/auth/callback`,
      scope: 'openid profile email offline_access api.connectors.read api.connectors.invoke',
      code_challenge_method: 'S256',
      id_token_add_organizations: 'true',
      codex_cli_simplified_flow: 'true',
      originator: 'codex_cli_rs',
    });
    expect(q['state']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(login.authUrl).toContain('scope=openid%20profile');

    const { hops, final } = await browse(login.authUrl);
    expect(hops[1]).toMatch(new RegExp(`^http://localhost:${login.port}/auth/callback\\?code=`));
    expect(hops[2]).toMatch(new RegExp(`^http://localhost:${login.port}/success\\?id_token=`));
    expect(hops[2]).toContain('plan_type=plus');
    expect(final.status).toBe(200);
    expect(await final.text()).toContain('signed in');
    await login.done;

    const [exchange] = fx.issuer.tokenRequests('authorization_code');
    expect(exchange?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(exchange!.rawBody);
    expect(pkceChallenge(form.get('code_verifier')!)).toBe(q['code_challenge']);
    expect(form.get('redirect_uri')).toBe(q['redirect_uri']);
    expect(fx.issuer.tokenRequests('urn:ietf:params:oauth:grant-type:token-exchange')).toHaveLength(
      1,
    );

    const file = join(fx.home.path, 'auth.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored).toMatchObject({
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: expect.stringMatching(/^sk-fake-/),
      tokens: { account_id: fx.issuer.account.accountId },
    });
    expect(Date.parse(stored.last_refresh)).not.toBeNaN();
  });

  it('ignores a callback with the wrong state and keeps waiting', async () => {
    const login = await start();
    const bad = await fetch(`http://localhost:${login.port}/auth/callback?code=x&state=wrong`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('State mismatch');
    await browse(login.authUrl);
    await login.done;
  });

  it('fails with the issuer error, and the entitlement message for a missing Codex entitlement', async () => {
    const login = await start({ state: 'fixed-state' });
    const res = await fetch(
      `http://localhost:${login.port}/auth/callback?state=fixed-state&error=access_denied&error_description=missing_codex_entitlement`,
    );
    expect(await res.text()).toContain('Codex is not enabled for your workspace');
    const err = await login.done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthCallbackError);
    expect(err).toMatchObject({ errorCode: 'access_denied' });

    const second = await start({ state: 's2' });
    await fetch(`http://localhost:${second.port}/auth/callback?state=s2&error=server_error`);
    await expect(second.done).rejects.toThrow('Sign-in failed: server_error');
  });

  it('refuses an account outside forced_chatgpt_workspace_id and stores nothing', async () => {
    const login = await start({ forcedChatgptWorkspaceId: 'ws-allowed' });
    expect(new URL(login.authUrl).searchParams.get('allowed_workspace_id')).toBe('ws-allowed');
    const { final } = await browse(login.authUrl);
    expect(await final.text()).toContain('ws-allowed');
    await expect(login.done).rejects.toBeInstanceOf(WorkspaceRestrictedError);
    await expect(stat(join(fx.home.path, 'auth.json'))).rejects.toThrow();
  });

  it('keeps the login when the API-key exchange fails', async () => {
    await fx.restartIssuer({ failApiKeyExchange: true });
    const login = await start();
    await browse(login.authUrl);
    await login.done;
    const stored = JSON.parse(await readFile(join(fx.home.path, 'auth.json'), 'utf8'));
    expect(stored.OPENAI_API_KEY).toBeNull();
    expect(stored.tokens.refresh_token).toMatch(/^rt-/);
  });

  it('can be cancelled, by the caller or with /cancel', async () => {
    const login = await start();
    login.cancel();
    await expect(login.done).rejects.toBeInstanceOf(LoginCancelledError);
    await expect(fetch(`http://127.0.0.1:${login.port}/`)).rejects.toThrow();

    const other = await start();
    const res = await fetch(`http://127.0.0.1:${other.port}/cancel`);
    expect(await res.text()).toBe('Login cancelled');
    await expect(other.done).rejects.toThrow('Login cancelled');
  });

  it('takes over the port of an earlier login server by cancelling it', async () => {
    const first = await start();
    const second = await start({ port: first.port, bindRetryDelayMs: 10 });
    expect(second.port).toBe(first.port);
    await expect(first.done).rejects.toBeInstanceOf(LoginCancelledError);
    await browse(second.authUrl);
    await second.done;
  });

  it('reports a port held by something else', async () => {
    const { createServer } = await import('node:http');
    const squatter = createServer((_req, res) => res.end('busy'));
    await new Promise<void>((r) => squatter.listen(0, '127.0.0.1', r));
    const port = (squatter.address() as { port: number }).port;
    try {
      await expect(start({ port, bindRetryDelayMs: 1 })).rejects.toMatchObject({
        code: 'LOGIN_PORT_IN_USE',
        message: `Port 127.0.0.1:${port} is already in use`,
      });
    } finally {
      squatter.closeAllConnections();
      await new Promise((r) => squatter.close(r));
    }
  });
});
