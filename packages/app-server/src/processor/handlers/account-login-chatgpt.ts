import { randomUUID } from 'node:crypto';
import type { ResolvedConfig } from '@codex-ts/config';
import type { LoginAccountResponse } from '@codex-ts/protocol';
import type { AuthManager, BrowserLoginHandle, DeviceCode } from '@codex-ts/providers';
import { InternalRpcError, InvalidRequestError } from '../../errors/rpc-errors.js';
import type { AccountSession } from './account-session.js';
import { accountUpdated } from './account-view.js';

/** The OAuth issuer to sign in with instead of auth.openai.com (the Rust app server's name). */
export const LOGIN_ISSUER_ENV_VAR = 'CODEX_APP_SERVER_LOGIN_ISSUER';
/** Port of the browser sign-in's callback server instead of 1455 (0: any free port). Ours. */
export const LOGIN_PORT_ENV_VAR = 'CODEX_APP_SERVER_LOGIN_PORT';
/** A browser sign-in not finished by then is abandoned. */
export const BROWSER_LOGIN_TIMEOUT_MS = 10 * 60 * 1000;

export interface ChatgptLoginContext {
  session: AccountSession;
  config: ResolvedConfig;
  env: Record<string, string | undefined>;
  respond(result: LoginAccountResponse): void;
}

function refuseUnlessChatgptAllowed(config: ResolvedConfig): void {
  if (config.auth.forcedLoginMethod === 'api') {
    throw new InvalidRequestError('ChatGPT login is disabled. Use API key login instead.');
  }
}

function loginOptions(ctx: ChatgptLoginContext, manager: AuthManager) {
  const issuer = ctx.env[LOGIN_ISSUER_ENV_VAR]?.trim();
  return {
    authStorage: manager.storage,
    forcedChatgptWorkspaceId: ctx.config.auth.forcedChatgptWorkspaceId,
    env: ctx.env,
    ...(issuer ? { issuer } : {}),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `account/login/start {type: "chatgpt"}`: starts the local callback server (the browser is not
 * opened here: the client opens `authUrl`), answers `{type, loginId, authUrl}`, and once the
 * browser comes back sends `account/login/completed` and, on success, `account/updated`.
 */
export async function startBrowserLogin(ctx: ChatgptLoginContext): Promise<void> {
  refuseUnlessChatgptAllowed(ctx.config);
  const { session } = ctx;
  const manager = await session.authManager(ctx.config);
  const providers = await import('@codex-ts/providers');
  const port = Number(ctx.env[LOGIN_PORT_ENV_VAR]?.trim() || NaN);
  // The previous sign-in's server holds the callback port: stop it first.
  session.cancelActive();
  let handle: BrowserLoginHandle;
  try {
    handle = await providers.runBrowserLogin({
      ...loginOptions(ctx, manager),
      openBrowser: false,
      ...(Number.isInteger(port) && port >= 0 ? { port } : {}),
    });
  } catch (error) {
    throw new InternalRpcError(`failed to start login server: ${messageOf(error)}`);
  }
  const loginId = randomUUID();
  session.replaceActive({ id: loginId, cancel: () => handle.cancel() });
  ctx.respond({ type: 'chatgpt', loginId, authUrl: handle.authUrl });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    handle.cancel();
  }, BROWSER_LOGIN_TIMEOUT_MS);
  timer.unref();
  const done = handle.done.finally(() => clearTimeout(timer));
  void completeLogin(session, manager, loginId, done, (error) =>
    timedOut ? 'Login timed out' : `Login server error: ${messageOf(error)}`,
  );
}

/**
 * `account/login/start {type: "chatgptDeviceCode"}`: asks the issuer for a user code, answers
 * `{type, loginId, verificationUrl, userCode}`, then polls until the user entered the code and
 * sends `account/login/completed` (+ `account/updated` on success).
 */
export async function startDeviceCodeLogin(ctx: ChatgptLoginContext): Promise<void> {
  refuseUnlessChatgptAllowed(ctx.config);
  const { session } = ctx;
  const manager = await session.authManager(ctx.config);
  const providers = await import('@codex-ts/providers');
  const options = loginOptions(ctx, manager);
  let code: DeviceCode;
  try {
    code = await providers.requestDeviceCode(options);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'DEVICE_CODE_NOT_ENABLED') {
      throw new InvalidRequestError(messageOf(error));
    }
    throw new InternalRpcError(`failed to request device code: ${messageOf(error)}`);
  }
  const loginId = randomUUID();
  const abort = new AbortController();
  session.replaceActive({ id: loginId, cancel: () => abort.abort() });
  ctx.respond({
    type: 'chatgptDeviceCode',
    loginId,
    verificationUrl: code.verificationUrl,
    userCode: code.userCode,
  });
  const done = providers.completeDeviceCodeLogin({ ...options, signal: abort.signal }, code);
  void completeLogin(session, manager, loginId, done, (error) =>
    abort.signal.aborted ? 'Login was not completed' : messageOf(error),
  );
}

/** Waits for a sign-in and announces how it ended. */
async function completeLogin(
  session: AccountSession,
  manager: AuthManager,
  loginId: string,
  done: Promise<void>,
  describeFailure: (error: unknown) => string,
): Promise<void> {
  let error: string | null = null;
  try {
    await done;
  } catch (failure) {
    error = describeFailure(failure);
  }
  session.finished(loginId);
  session.broadcast({
    method: 'account/login/completed',
    params: { loginId, success: error === null, error },
  });
  if (error !== null) return;
  const auth = await manager.reload().catch(() => null);
  session.broadcast({ method: 'account/updated', params: accountUpdated(auth) });
}
