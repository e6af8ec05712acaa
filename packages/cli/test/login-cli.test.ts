// End-to-end tests of `codex login`, `codex login status` and `codex logout`, run through the
// built `./codex` launcher (`npm run build` first), against a fake OAuth issuer where needed.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOAuthIssuer } from '@codex-ts/test-support';
import type { FakeOAuthIssuer } from '@codex-ts/test-support';
import { baseEnv, CODEX_BIN, makeTempDir, runCodex, type TempDir } from './helpers/codex-cli.js';

let home: TempDir;
let issuer: FakeOAuthIssuer;

beforeEach(async () => {
  home = makeTempDir('login-home');
  issuer = await startFakeOAuthIssuer();
});

afterEach(async () => {
  await issuer.close();
  home.cleanup();
});

const authFile = (): string => join(home.path, 'auth.json');
const env = (extra: Record<string, string> = {}) =>
  baseEnv(home.path, {
    CODEX_REFRESH_TOKEN_URL_OVERRIDE: issuer.tokenUrl,
    CODEX_REVOKE_TOKEN_URL_OVERRIDE: `${issuer.url}/oauth/revoke`,
    ...extra,
  });
/** The content of `path` once it exists (a detached helper process writes it). */
async function waitForFile(path: string): Promise<string> {
  for (let i = 0; i < 200 && !existsSync(path); i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
  return readFileSync(path, 'utf8');
}

const codex = (args: string[], stdin?: string) =>
  runCodex(args, { cwd: home.path, env: env(), ...(stdin === undefined ? {} : { stdin }) });

describe('codex login --with-api-key / login status / logout', () => {
  it('stores a piped key, reports it masked, and logs out', async () => {
    const login = await codex(['login', '--with-api-key'], '  sk-proj-1234567890ABCDE \n');
    expect(login.stderr).toBe('Reading API key from stdin...\nSuccessfully logged in\n');
    expect(login.code).toBe(0);
    expect(JSON.parse(readFileSync(authFile(), 'utf8'))).toEqual({
      auth_mode: 'apikey',
      OPENAI_API_KEY: 'sk-proj-1234567890ABCDE',
    });
    expect(statSync(authFile()).mode & 0o777).toBe(0o600);

    const status = await codex(['login', 'status']);
    expect([status.code, status.stderr]).toEqual([
      0,
      'Logged in using an API key - sk-proj-***ABCDE\n',
    ]);

    const out = await codex(['logout']);
    expect([out.code, out.stderr]).toEqual([0, 'Successfully logged out\n']);
    expect(existsSync(authFile())).toBe(false);
    expect(issuer.requests).toHaveLength(0);

    const again = await codex(['logout']);
    expect([again.code, again.stderr]).toEqual([0, 'Not logged in\n']);
    const none = await codex(['login', 'status']);
    expect([none.code, none.stderr]).toEqual([1, 'Not logged in\n']);
  });

  it('refuses an empty key and the removed --api-key flag', async () => {
    const empty = await codex(['login', '--with-api-key'], '\n');
    expect([empty.code, empty.stderr]).toEqual([
      1,
      'Reading API key from stdin...\nNo API key provided via stdin.\n',
    ]);
    const flag = await codex(['login', '--api-key', 'sk-x']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('--api-key flag is no longer supported');
    expect(flag.stderr).toContain('codex login --with-api-key');
    expect(existsSync(authFile())).toBe(false);
  });

  it('honours forced_login_method', async () => {
    const api = await codex(
      ['-c', 'forced_login_method="chatgpt"', 'login', '--with-api-key'],
      'sk-x',
    );
    expect([api.code, api.stderr]).toEqual([
      1,
      'Reading API key from stdin...\nAPI key login is disabled. Use ChatGPT login instead.\n',
    ]);
    writeFileSync(join(home.path, 'config.toml'), 'forced_login_method = "api"\n');
    const chatgpt = await codex(['login', '--device-auth', '--experimental_issuer', issuer.url]);
    expect([chatgpt.code, chatgpt.stderr]).toEqual([
      1,
      'ChatGPT login is disabled. Use API key login instead.\n',
    ]);
    expect(issuer.requests).toHaveLength(0);
  });

  it('falls back to auth.json with a warning when the keyring cannot be used', async () => {
    const login = await codex(
      ['-c', 'cli_auth_credentials_store="keyring"', 'login', '--with-api-key'],
      'sk-keyring-fallback-1',
    );
    expect(login.code).toBe(0);
    if (login.stderr.includes('Warning:')) {
      // This machine has no usable OS keyring: the credentials went to auth.json.
      expect(login.stderr).toMatch(/Warning: The OS keyring is not available \(.+\); .*auth\.json/);
      expect(JSON.parse(readFileSync(authFile(), 'utf8'))).toMatchObject({
        OPENAI_API_KEY: 'sk-keyring-fallback-1',
      });
    } else {
      expect(existsSync(authFile())).toBe(false);
    }
    const status = await codex(['-c', 'cli_auth_credentials_store="keyring"', 'login', 'status']);
    expect(status.stderr).toContain('Logged in using an API key - sk-keyri***ack-1\n');
    const out = await codex(['-c', 'cli_auth_credentials_store="keyring"', 'logout']);
    expect(out.stderr).toContain('Successfully logged out\n');
    expect(existsSync(authFile())).toBe(false);
  });
});

describe('codex login with ChatGPT', () => {
  it('signs in through the browser: prints and opens the URL, then waits for the callback', async () => {
    // Stand-ins for the desktop's URL openers record the URL instead of opening a browser.
    const bin = join(home.path, 'bin');
    mkdirSync(bin);
    const opened = join(home.path, 'opened-url');
    for (const name of ['xdg-open', 'open']) {
      writeFileSync(join(bin, name), `#!/bin/sh\necho "$1" > '${opened}'\n`);
      chmodSync(join(bin, name), 0o755);
    }
    const child = spawn(CODEX_BIN, ['login', '--experimental_issuer', issuer.url], {
      cwd: home.path,
      env: env({ PATH: `${bin}:${process.env['PATH'] ?? '/usr/bin:/bin'}` }),
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const authUrl = await new Promise<string>((resolve, reject) => {
        child.on('error', reject);
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          const match = /(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\S+)/.exec(stderr);
          if (match) resolve(match[1]!);
        });
      });
      // Act as the browser: the issuer redirects to our callback, which redirects to /success.
      let response = await fetch(authUrl, { redirect: 'manual' });
      while (response.status === 302) {
        response = await fetch(response.headers.get('location')!, { redirect: 'manual' });
      }
      expect(response.status).toBe(200);
      expect(await exited).toBe(0);
      expect(stderr).toMatch(/Successfully logged in\n$/);
      expect(await waitForFile(opened)).toBe(`${authUrl}\n`);
    } finally {
      child.kill('SIGKILL');
    }
    expect(JSON.parse(readFileSync(authFile(), 'utf8'))).toMatchObject({
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: expect.stringMatching(/^sk-fake-/),
    });
  });

  it('signs in with a device code from the issuer given by --experimental_issuer', async () => {
    const login = await codex(['login', '--device-auth', '--experimental_issuer', issuer.url]);
    expect(login.stderr).toBe('Successfully logged in\n');
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`${issuer.url}/codex/device`);
    expect(login.stdout).toContain('ABCD-1234');
    expect(issuer.requestsTo('/api/accounts/deviceauth/token').length).toBeGreaterThan(1);
    expect(JSON.parse(readFileSync(authFile(), 'utf8'))).toMatchObject({
      auth_mode: 'chatgpt',
      tokens: { account_id: issuer.account.accountId },
    });

    const status = await codex(['login', 'status']);
    expect([status.code, status.stderr]).toEqual([0, 'Logged in using ChatGPT\n']);

    const out = await codex(['logout']);
    expect([out.code, out.stderr]).toEqual([0, 'Successfully logged out\n']);
    expect(issuer.requestsTo('/oauth/revoke')).toHaveLength(1);
  });

  it('reports a device-code failure', async () => {
    await issuer.close();
    issuer = await startFakeOAuthIssuer({ deviceAuthEnabled: false });
    const login = await codex(['login', '--device-auth', '--experimental_issuer', issuer.url]);
    expect(login.code).toBe(1);
    expect(login.stderr).toMatch(
      /^Error logging in with device code: device code login is not enabled/,
    );
  });

  it('reports unreadable credentials from login status', async () => {
    writeFileSync(authFile(), '{not json');
    const status = await codex(['login', 'status']);
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/^Error checking login status: .*auth\.json/);
  });
});
