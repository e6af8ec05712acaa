import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLocalHttpServer } from './local-http-server.js';
import { readRecordedRequest } from './recorded-request.js';
import type { RecordedRequest } from './recorded-request.js';

/** A JWT with `alg: none`: claims readable by Codex, a signature nobody checks. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.fake-signature`;
}

export interface FakeAccount {
  email: string;
  accountId: string;
  userId: string;
  planType: string;
}

/** Tokens as the issuer returns them. */
export interface FakeTokenSet {
  id_token: string;
  access_token: string;
  refresh_token: string;
}

export interface FakeOAuthIssuerOptions {
  clientId?: string;
  account?: Partial<FakeAccount>;
  /** Lifetime of issued access tokens (`exp` = now + this; default 3600 s). */
  accessTokenTtlSec?: number;
  /** Device-token polls answered "pending" (403) before the grant (default 2). */
  devicePendingPolls?: number;
  /** False: the user-code endpoint answers 404, as an issuer without device login. */
  deviceAuthEnabled?: boolean;
  /** Fail the API-key token exchange (HTTP 400). */
  failApiKeyExchange?: boolean;
}

export interface FakeOAuthIssuer {
  /** Issuer base URL, `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** `{url}/oauth/token`, for `CODEX_REFRESH_TOKEN_URL_OVERRIDE`. */
  readonly tokenUrl: string;
  readonly account: FakeAccount;
  readonly requests: readonly RecordedRequest[];
  /** Requests to one path (e.g. `/oauth/token`). */
  requestsTo(path: string): RecordedRequest[];
  /** Token requests with a given `grant_type`. */
  tokenRequests(grantType: string): RecordedRequest[];
  /** Issues (and registers) a token set; `accessExpSec` sets the access token's `exp`. */
  issueTokens(opts?: { accessExpSec?: number }): FakeTokenSet;
  /** Makes refresh requests fail with this status and JSON body (null: succeed again). */
  setRefreshFailure(failure: { status: number; body: unknown } | null): void;
  close(): Promise<void>;
}

interface PendingCode {
  challenge: string;
  redirectUri: string;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The request body as fields: form-encoded or JSON. */
function fieldsOf(req: RecordedRequest): Record<string, string> {
  if (typeof req.body === 'object' && req.body !== null) {
    return Object.fromEntries(
      Object.entries(req.body as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
  }
  return Object.fromEntries(new URLSearchParams(req.rawBody));
}

const challengeOf = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');
const token = (prefix: string): string => `${prefix}-${randomBytes(12).toString('hex')}`;

/**
 * A local OAuth issuer that behaves like auth.openai.com for Codex: `/oauth/authorize`
 * (redirects back with code and state, checks PKCE parameters), `/oauth/token`
 * (authorization_code with verifier check, refresh_token, API-key token exchange),
 * `/oauth/revoke`, and the device-code endpoints. Issued id/access tokens carry the real claim
 * layout. Every request is recorded.
 */
export async function startFakeOAuthIssuer(
  opts: FakeOAuthIssuerOptions = {},
): Promise<FakeOAuthIssuer> {
  const clientId = opts.clientId ?? 'app_EMoamEEZ73f0CkXaXp7hrann';
  const account: FakeAccount = {
    email: 'user@example.com',
    accountId: 'acct-fake-123',
    userId: 'user-fake-456',
    planType: 'plus',
    ...opts.account,
  };
  const requests: RecordedRequest[] = [];
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Set<string>();
  const devicePolls = new Map<string, number>();
  let refreshFailure: { status: number; body: unknown } | null = null;
  let url = '';

  const authClaims = () => ({
    chatgpt_plan_type: account.planType,
    chatgpt_account_id: account.accountId,
    chatgpt_user_id: account.userId,
    user_id: account.userId,
  });
  const issueTokens = (o: { accessExpSec?: number } = {}): FakeTokenSet => {
    const now = Math.floor(Date.now() / 1000);
    const exp = o.accessExpSec ?? now + (opts.accessTokenTtlSec ?? 3600);
    const profile = { email: account.email, email_verified: true };
    const id_token = fakeJwt({
      iss: url,
      aud: [clientId],
      sub: account.userId,
      iat: now,
      exp: now + 3600,
      email: account.email,
      'https://api.openai.com/profile': profile,
      'https://api.openai.com/auth': { ...authClaims(), organization_id: 'org-fake' },
    });
    const access_token = fakeJwt({
      iss: url,
      aud: ['https://api.openai.com/v1'],
      sub: account.userId,
      iat: now,
      exp,
      jti: token('jti'),
      'https://api.openai.com/profile': profile,
      'https://api.openai.com/auth': authClaims(),
    });
    const refresh_token = token('rt');
    refreshTokens.add(refresh_token);
    return { id_token, access_token, refresh_token };
  };

  const authorize = (req: RecordedRequest, res: ServerResponse): void => {
    const q = req.query;
    const problems: string[] = [];
    if (q['response_type'] !== 'code') problems.push('response_type must be code');
    if (q['client_id'] !== clientId) problems.push('unknown client_id');
    if (q['code_challenge_method'] !== 'S256') problems.push('code_challenge_method must be S256');
    if (!q['code_challenge']) problems.push('code_challenge missing');
    if (!q['redirect_uri']) problems.push('redirect_uri missing');
    if (!q['state']) problems.push('state missing');
    if (problems.length > 0) return send(res, 400, { error: 'invalid_request', problems });
    const code = token('code');
    codes.set(code, { challenge: q['code_challenge']!, redirectUri: q['redirect_uri']! });
    const target = new URL(q['redirect_uri']!);
    target.searchParams.set('code', code);
    target.searchParams.set('state', q['state']!);
    res.writeHead(302, { location: target.toString() });
    res.end();
  };

  const tokenEndpoint = (req: RecordedRequest, res: ServerResponse): void => {
    const f = fieldsOf(req);
    if (f['client_id'] !== clientId) return send(res, 401, { error: 'invalid_client' });
    switch (f['grant_type']) {
      case 'authorization_code': {
        const pending = codes.get(f['code'] ?? '');
        if (!pending) return send(res, 400, { error: 'invalid_grant' });
        if (challengeOf(f['code_verifier'] ?? '') !== pending.challenge) {
          return send(res, 400, { error: 'invalid_grant', error_description: 'PKCE mismatch' });
        }
        if (f['redirect_uri'] !== pending.redirectUri) {
          return send(res, 400, { error: 'invalid_grant', error_description: 'bad redirect' });
        }
        codes.delete(f['code']!);
        return send(res, 200, { ...issueTokens(), token_type: 'Bearer', expires_in: 3600 });
      }
      case 'refresh_token': {
        if (refreshFailure) return send(res, refreshFailure.status, refreshFailure.body);
        const old = f['refresh_token'] ?? '';
        if (!refreshTokens.delete(old)) {
          return send(res, 401, { error: { code: 'refresh_token_invalidated', message: 'no' } });
        }
        return send(res, 200, issueTokens());
      }
      case 'urn:ietf:params:oauth:grant-type:token-exchange':
        if (opts.failApiKeyExchange) return send(res, 400, { error: 'invalid_request' });
        return send(res, 200, { access_token: token('sk-fake'), token_type: 'Bearer' });
      default:
        return send(res, 400, { error: 'unsupported_grant_type' });
    }
  };

  const device = (req: RecordedRequest, res: ServerResponse): void => {
    const f = fieldsOf(req);
    if (req.path.endsWith('/usercode')) {
      if (opts.deviceAuthEnabled === false) return send(res, 404, { error: 'not_found' });
      const id = token('dev');
      devicePolls.set(id, 0);
      return send(res, 200, { device_auth_id: id, user_code: 'ABCD-1234', interval: '0' });
    }
    const polls = devicePolls.get(f['device_auth_id'] ?? '');
    if (polls === undefined || f['user_code'] !== 'ABCD-1234') {
      return send(res, 400, { error: 'bad device code' });
    }
    devicePolls.set(f['device_auth_id']!, polls + 1);
    if (polls < (opts.devicePendingPolls ?? 2)) return send(res, 403, { status: 'pending' });
    const verifier = randomBytes(32).toString('base64url');
    const code = token('devcode');
    codes.set(code, {
      challenge: challengeOf(verifier),
      redirectUri: `${url}/deviceauth/callback`,
    });
    return send(res, 200, {
      authorization_code: code,
      code_challenge: challengeOf(verifier),
      code_verifier: verifier,
    });
  };

  const handle = async (raw: IncomingMessage, res: ServerResponse): Promise<void> => {
    const req = await readRecordedRequest(raw);
    requests.push(req);
    if (req.method === 'GET' && req.path === '/oauth/authorize') return authorize(req, res);
    if (req.method === 'POST' && req.path === '/oauth/token') return tokenEndpoint(req, res);
    if (req.method === 'POST' && req.path === '/oauth/revoke') return send(res, 200, {});
    if (req.method === 'POST' && req.path.startsWith('/api/accounts/deviceauth/')) {
      return device(req, res);
    }
    send(res, 404, { error: 'not_found' });
  };

  const http = await startLocalHttpServer({
    handle,
    onHandlerError: (err) => ({ error: String(err) }),
    sendJson: send,
  });
  url = http.origin;

  return {
    url,
    tokenUrl: `${url}/oauth/token`,
    account,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    tokenRequests: (grantType) =>
      requests.filter((r) => r.path === '/oauth/token' && fieldsOf(r)['grant_type'] === grantType),
    issueTokens,
    setRefreshFailure(failure) {
      refreshFailure = failure;
    },
    close: () => http.close(),
  };
}
