import type { EnvMap } from './auth-constants.js';
import { CLIENT_ID, DEFAULT_ISSUER } from './auth-constants.js';
import {
  DeviceCodeError,
  DeviceCodeNotEnabledError,
  DeviceCodeTimeoutError,
  LoginCancelledError,
  TokenExchangeError,
} from './auth-errors.js';
import type { AuthStorage } from './auth-storage.js';
import { exchangeCodeForTokens, statusLine } from './oauth-token-exchange.js';
import { allowedWorkspaces, ensureWorkspaceAllowed, persistLoginTokens } from './persist-login.js';

/** How long a device code stays valid. */
export const DEVICE_CODE_MAX_WAIT_MS = 15 * 60 * 1000;

/** What the user needs to finish a device-code sign-in on another device. */
export interface DeviceCode {
  /** The page where the code is entered (`{issuer}/codex/device`). */
  verificationUrl: string;
  userCode: string;
  deviceAuthId: string;
  /** Seconds between polls, as the issuer asked. */
  intervalSec: number;
}

export interface DeviceCodeLoginOptions {
  authStorage: AuthStorage;
  issuer?: string;
  clientId?: string;
  forcedChatgptWorkspaceId?: string | null;
  env?: EnvMap;
  fetchImpl?: typeof fetch;
  now?: () => Date;
  /** Waits between polls (default setTimeout); tests pass one that returns at once. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Called with the code to show the user before polling starts. */
  onDeviceCode?: (code: DeviceCode) => void;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new LoginCancelledError('Login was not completed'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function issuerOf(opts: DeviceCodeLoginOptions): string {
  return (opts.issuer ?? DEFAULT_ISSUER).replace(/\/+$/, '');
}

async function postJson(
  fetchImpl: typeof fetch,
  url: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<Response> {
  try {
    return await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    if (signal?.aborted) throw new LoginCancelledError('Login was not completed');
    throw new DeviceCodeError(
      `cannot reach ${url}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
}

function parseInterval(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(String(value ?? '0').trim());
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** Step 1: asks `{issuer}/api/accounts/deviceauth/usercode` for a user code. */
export async function requestDeviceCode(opts: DeviceCodeLoginOptions): Promise<DeviceCode> {
  const issuer = issuerOf(opts);
  const response = await postJson(
    opts.fetchImpl ?? fetch,
    `${issuer}/api/accounts/deviceauth/usercode`,
    { client_id: opts.clientId ?? CLIENT_ID },
    opts.signal,
  );
  if (response.status === 404) {
    throw new DeviceCodeNotEnabledError(
      'device code login is not enabled on this server; use the browser login or check the server URL.',
    );
  }
  if (!response.ok) {
    throw new DeviceCodeError(`device code request failed with status ${statusLine(response)}`);
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  const userCode = body?.['user_code'] ?? body?.['usercode'];
  const deviceAuthId = body?.['device_auth_id'];
  if (typeof userCode !== 'string' || typeof deviceAuthId !== 'string') {
    throw new DeviceCodeError('device code response lacks user_code or device_auth_id');
  }
  return {
    verificationUrl: `${issuer}/codex/device`,
    userCode,
    deviceAuthId,
    intervalSec: parseInterval(body?.['interval']),
  };
}

interface CodeGrant {
  authorizationCode: string;
  codeVerifier: string;
}

/** Step 2: polls until the user entered the code (403/404 mean "not yet"). */
async function pollForGrant(opts: DeviceCodeLoginOptions, code: DeviceCode): Promise<CodeGrant> {
  const url = `${issuerOf(opts)}/api/accounts/deviceauth/token`;
  const now = opts.now ?? (() => new Date());
  const sleep = opts.sleep ?? defaultSleep;
  const start = now().getTime();
  for (;;) {
    const response = await postJson(
      opts.fetchImpl ?? fetch,
      url,
      { device_auth_id: code.deviceAuthId, user_code: code.userCode },
      opts.signal,
    );
    if (response.ok) {
      const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
      const authorizationCode = body?.['authorization_code'];
      const codeVerifier = body?.['code_verifier'];
      if (typeof authorizationCode !== 'string' || typeof codeVerifier !== 'string') {
        throw new DeviceCodeError('device auth response lacks authorization_code or code_verifier');
      }
      return { authorizationCode, codeVerifier };
    }
    if (response.status !== 403 && response.status !== 404) {
      throw new DeviceCodeError(`device auth failed with status ${statusLine(response)}`);
    }
    await response.body?.cancel().catch(() => undefined);
    const elapsed = now().getTime() - start;
    if (elapsed >= DEVICE_CODE_MAX_WAIT_MS) {
      throw new DeviceCodeTimeoutError('the device code expired after 15 minutes');
    }
    await sleep(Math.min(code.intervalSec * 1000, DEVICE_CODE_MAX_WAIT_MS - elapsed), opts.signal);
  }
}

/** Steps 2 and 3: waits for the user, exchanges the code and stores the tokens. */
export async function completeDeviceCodeLogin(
  opts: DeviceCodeLoginOptions,
  code: DeviceCode,
): Promise<void> {
  const issuer = issuerOf(opts);
  const fetchImpl = opts.fetchImpl ?? fetch;
  const grant = await pollForGrant(opts, code);
  let tokens;
  try {
    tokens = await exchangeCodeForTokens({
      issuer,
      clientId: opts.clientId ?? CLIENT_ID,
      redirectUri: `${issuer}/deviceauth/callback`,
      codeVerifier: grant.codeVerifier,
      code: grant.authorizationCode,
      fetchImpl,
    });
  } catch (err) {
    throw new TokenExchangeError(`device code exchange failed: ${(err as Error).message}`, {
      cause: err,
    });
  }
  ensureWorkspaceAllowed(allowedWorkspaces(opts.forcedChatgptWorkspaceId), tokens.idToken);
  await persistLoginTokens(
    opts.authStorage,
    { ...tokens, apiKey: null },
    { now: (opts.now ?? (() => new Date()))(), env: opts.env ?? process.env, fetchImpl },
  );
}

/** Device-code sign-in with ChatGPT, for machines without a browser. */
export async function runDeviceCodeLogin(opts: DeviceCodeLoginOptions): Promise<DeviceCode> {
  const code = await requestDeviceCode(opts);
  opts.onDeviceCode?.(code);
  await completeDeviceCodeLogin(opts, code);
  return code;
}
