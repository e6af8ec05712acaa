import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { EnvMap } from './auth-constants.js';
import { CLIENT_ID, DEFAULT_ISSUER, DEFAULT_LOGIN_PORT, LOGIN_SCOPES } from './auth-constants.js';
import { LoginCancelledError, OAuthCallbackError } from './auth-errors.js';
import type { AuthStorage } from './auth-storage.js';
import { bindLoginServer } from './login-server-bind.js';
import { callbackErrorMessage, errorPage, successPage, successUrl } from './login-pages.js';
import { exchangeCodeForTokens, obtainApiKey } from './oauth-token-exchange.js';
import { openInBrowser } from './open-browser.js';
import { allowedWorkspaces, ensureWorkspaceAllowed, persistLoginTokens } from './persist-login.js';
import type { PkceCodes } from './pkce.js';
import { generatePkce, generateState } from './pkce.js';
import { originatorFrom } from './token-refresh.js';

export interface BrowserLoginOptions {
  authStorage: AuthStorage;
  issuer?: string;
  clientId?: string;
  /** Callback port (default 1455; 0 picks a free port). */
  port?: number;
  /** Open the authorize URL in the desktop browser (default true). */
  openBrowser?: boolean;
  forcedChatgptWorkspaceId?: string | null;
  /** Fixed `state` (tests); random by default. */
  state?: string;
  env?: EnvMap;
  fetchImpl?: typeof fetch;
  now?: () => Date;
  /** Pause between attempts to bind a busy port (default 200 ms). */
  bindRetryDelayMs?: number;
}

export interface BrowserLoginHandle {
  /** The URL to open in a browser. */
  authUrl: string;
  /** The port the callback server listens on. */
  port: number;
  /** Resolves once the credentials are saved and the browser shown the success page. */
  done: Promise<void>;
  /** Stops waiting; `done` then rejects with LoginCancelledError. */
  cancel(): void;
}

type Outcome = { ok: true } | { ok: false; error: Error };

interface Flow {
  opts: BrowserLoginOptions;
  issuer: string;
  clientId: string;
  redirectUri: string;
  pkce: PkceCodes;
  state: string;
  port: number;
  finish(res: ServerResponse, outcome: Outcome): void;
}

/** The authorize URL: response_type, client, redirect, scopes, PKCE, state, originator. */
export function buildAuthorizeUrl(p: {
  issuer: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  state: string;
  originator: string;
  allowedWorkspaces: string[] | null;
}): string {
  const query: Array<[string, string]> = [
    ['response_type', 'code'],
    ['client_id', p.clientId],
    ['redirect_uri', p.redirectUri],
    ['scope', LOGIN_SCOPES],
    ['code_challenge', p.codeChallenge],
    ['code_challenge_method', 'S256'],
    ['id_token_add_organizations', 'true'],
    ['codex_cli_simplified_flow', 'true'],
    ['state', p.state],
    ['originator', p.originator],
  ];
  if (p.allowedWorkspaces) query.push(['allowed_workspace_id', p.allowedWorkspaces.join(',')]);
  const qs = query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `${p.issuer}/oauth/authorize?${qs}`;
}

function send(res: ServerResponse, status: number, body: string, html = false): void {
  res.writeHead(status, {
    'content-type': html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function fail(flow: Flow, res: ServerResponse, error: Error, code: string, detail: string | null) {
  res.setHeader('connection', 'close');
  send(res, 200, errorPage(error.message, code, detail), true);
  flow.finish(res, { ok: false, error });
}

async function handleCallback(flow: Flow, url: URL, res: ServerResponse): Promise<void> {
  const params = url.searchParams;
  if (params.get('state') !== flow.state) {
    send(res, 400, 'State mismatch');
    return;
  }
  const errorCode = params.get('error');
  if (errorCode !== null) {
    const description = params.get('error_description');
    const message = callbackErrorMessage(errorCode, description);
    fail(
      flow,
      res,
      new OAuthCallbackError(message, errorCode, description),
      errorCode,
      description,
    );
    return;
  }
  const code = params.get('code');
  if (!code) {
    const message = 'The sign-in response had no authorization code.';
    const error = new OAuthCallbackError(message, 'missing_authorization_code', null);
    fail(flow, res, error, 'missing_authorization_code', null);
    return;
  }
  const { opts } = flow;
  const fetchImpl = opts.fetchImpl ?? fetch;
  try {
    const tokens = await exchangeCodeForTokens({
      issuer: flow.issuer,
      clientId: flow.clientId,
      redirectUri: flow.redirectUri,
      codeVerifier: flow.pkce.codeVerifier,
      code,
      fetchImpl,
    });
    ensureWorkspaceAllowed(allowedWorkspaces(opts.forcedChatgptWorkspaceId), tokens.idToken);
    const apiKey = await obtainApiKey({
      issuer: flow.issuer,
      clientId: flow.clientId,
      idToken: tokens.idToken,
      fetchImpl,
    }).catch(() => null);
    await persistLoginTokens(
      opts.authStorage,
      { ...tokens, apiKey },
      { now: (opts.now ?? (() => new Date()))(), env: opts.env ?? process.env, fetchImpl },
    );
    const location = successUrl(flow.port, flow.issuer, tokens.idToken, tokens.accessToken);
    res.writeHead(302, { location, 'content-length': 0 });
    res.end();
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    const code = (error as { code?: unknown }).code;
    fail(flow, res, error, typeof code === 'string' ? code.toLowerCase() : 'login_failed', null);
  }
}

function route(flow: Flow, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  switch (url.pathname) {
    case '/auth/callback':
      void handleCallback(flow, url, res);
      return;
    case '/success':
      res.setHeader('connection', 'close');
      send(res, 200, successPage(), true);
      flow.finish(res, { ok: true });
      return;
    case '/cancel':
      res.setHeader('connection', 'close');
      send(res, 200, 'Login cancelled');
      flow.finish(res, { ok: false, error: new LoginCancelledError('Login cancelled') });
      return;
    default:
      send(res, 404, 'Not Found');
  }
}

/**
 * Browser sign-in with ChatGPT: starts the local callback server, builds the authorize URL
 * (opened in the browser unless `openBrowser` is false) and, when the browser comes back to
 * `/auth/callback`, exchanges the code, stores the tokens and redirects to `/success`.
 */
export async function runBrowserLogin(opts: BrowserLoginOptions): Promise<BrowserLoginHandle> {
  const issuer = (opts.issuer ?? DEFAULT_ISSUER).replace(/\/+$/, '');
  const pkce = generatePkce();
  const state = opts.state ?? generateState();
  let settle: (outcome: Outcome) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    settle = (o) => (o.ok ? resolve() : reject(o.error));
  });
  done.catch(() => undefined);
  let server: Server | null = null;
  let finished = false;
  const finish = (res: ServerResponse | null, outcome: Outcome): void => {
    if (finished) return;
    finished = true;
    const close = (): void => {
      server?.close();
      server?.closeAllConnections();
      settle(outcome);
    };
    if (res && !res.writableFinished) res.once('finish', close);
    else close();
  };
  const flow: Flow = {
    opts,
    issuer,
    clientId: opts.clientId ?? CLIENT_ID,
    redirectUri: '',
    pkce,
    state,
    port: 0,
    finish,
  };
  const bound = await bindLoginServer(
    opts.port ?? DEFAULT_LOGIN_PORT,
    (req, res) => route(flow, req, res),
    opts.bindRetryDelayMs ?? 200,
  );
  server = bound.server;
  flow.port = bound.port;
  flow.redirectUri = `http://localhost:${bound.port}/auth/callback`;
  const authUrl = buildAuthorizeUrl({
    issuer,
    clientId: flow.clientId,
    redirectUri: flow.redirectUri,
    codeChallenge: pkce.codeChallenge,
    state,
    originator: originatorFrom(opts.env ?? process.env),
    allowedWorkspaces: allowedWorkspaces(opts.forcedChatgptWorkspaceId),
  });
  if (opts.openBrowser ?? true) openInBrowser(authUrl);
  return {
    authUrl,
    port: bound.port,
    done,
    cancel: () =>
      finish(null, { ok: false, error: new LoginCancelledError('Login was not completed') }),
  };
}
