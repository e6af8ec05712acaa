import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAuthStorage,
  DeviceCodeNotEnabledError,
  DeviceCodeTimeoutError,
  requestDeviceCode,
  runDeviceCodeLogin,
  WorkspaceRestrictedError,
} from '@codex-ts/providers';
import type { DeviceCode, DeviceCodeLoginOptions } from '@codex-ts/providers';
import { makeTempCodexHome, startFakeOAuthIssuer } from '@codex-ts/test-support';
import type { FakeOAuthIssuer, FakeOAuthIssuerOptions, TempDir } from '@codex-ts/test-support';

let home: TempDir;
let issuer: FakeOAuthIssuer;

beforeEach(async () => {
  home = await makeTempCodexHome();
});

afterEach(async () => {
  await issuer.close();
  await home.cleanup();
});

async function setup(opts: FakeOAuthIssuerOptions = {}): Promise<DeviceCodeLoginOptions> {
  issuer = await startFakeOAuthIssuer(opts);
  return {
    authStorage: createAuthStorage({ codexHome: home.path, mode: 'file' }),
    issuer: issuer.url,
    env: {},
    sleep: () => Promise.resolve(),
  };
}

describe('device code login against the fake issuer', () => {
  it('shows the code, polls while pending, exchanges the code and stores the tokens', async () => {
    const opts = await setup({ devicePendingPolls: 3 });
    const shown: DeviceCode[] = [];
    await runDeviceCodeLogin({ ...opts, onDeviceCode: (c) => shown.push(c) });

    expect(shown).toEqual([
      expect.objectContaining({
        verificationUrl: `${issuer.url}/codex/device`,
        userCode: 'ABCD-1234',
        intervalSec: 0,
      }),
    ]);
    const [usercode] = issuer.requestsTo('/api/accounts/deviceauth/usercode');
    expect(usercode?.body).toEqual({ client_id: 'app_EMoamEEZ73f0CkXaXp7hrann' });
    const polls = issuer.requestsTo('/api/accounts/deviceauth/token');
    expect(polls).toHaveLength(4);
    expect(polls[0]?.body).toEqual({
      device_auth_id: shown[0]!.deviceAuthId,
      user_code: 'ABCD-1234',
    });

    const [exchange] = issuer.tokenRequests('authorization_code');
    expect(new URLSearchParams(exchange!.rawBody).get('redirect_uri')).toBe(
      `${issuer.url}/deviceauth/callback`,
    );
    // No API-key exchange for device logins.
    expect(issuer.tokenRequests('urn:ietf:params:oauth:grant-type:token-exchange')).toHaveLength(0);

    const file = join(home.path, 'auth.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: null,
      tokens: { account_id: issuer.account.accountId },
    });
  });

  it('waits the interval the issuer asks for between polls', async () => {
    const opts = await setup({ devicePendingPolls: 2 });
    const waits: number[] = [];
    const code = await requestDeviceCode(opts);
    expect(code.intervalSec).toBe(0);
    await runDeviceCodeLogin({
      ...opts,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(waits).toEqual([0, 0]);
  });

  it('says when the issuer has no device-code login', async () => {
    const opts = await setup({ deviceAuthEnabled: false });
    const err = await runDeviceCodeLogin(opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeviceCodeNotEnabledError);
    expect((err as Error).message).toContain('device code login is not enabled');
  });

  it('gives up after 15 minutes of pending polls', async () => {
    const opts = await setup({ devicePendingPolls: 1_000 });
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const err = await runDeviceCodeLogin({
      ...opts,
      now: () => new Date(clock),
      sleep: () => {
        clock += 5 * 60 * 1000;
        return Promise.resolve();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeviceCodeTimeoutError);
    expect(issuer.requestsTo('/api/accounts/deviceauth/token')).toHaveLength(4);
  });

  it('enforces forced_chatgpt_workspace_id', async () => {
    const opts = await setup({ devicePendingPolls: 0 });
    await expect(
      runDeviceCodeLogin({ ...opts, forcedChatgptWorkspaceId: 'ws-other' }),
    ).rejects.toBeInstanceOf(WorkspaceRestrictedError);
    await expect(stat(join(home.path, 'auth.json'))).rejects.toThrow();
    await runDeviceCodeLogin({ ...opts, forcedChatgptWorkspaceId: issuer.account.accountId });
  });

  it('can be aborted while waiting', async () => {
    const opts = await setup({ devicePendingPolls: 1_000 });
    const controller = new AbortController();
    const done = runDeviceCodeLogin({ ...opts, signal: controller.signal, sleep: undefined });
    controller.abort();
    await expect(done).rejects.toMatchObject({ code: 'LOGIN_CANCELLED' });
  });
});
