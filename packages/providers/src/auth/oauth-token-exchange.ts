import { STATUS_CODES } from 'node:http';
import { TokenExchangeError } from './auth-errors.js';

/** Tokens from the authorization-code exchange. */
export interface ExchangedTokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

/** `404 Not Found`: a status with its reason phrase, as error messages show it. */
export function statusLine(response: Response): string {
  const reason = response.statusText || STATUS_CODES[response.status] || '';
  return reason ? `${response.status} ${reason}` : String(response.status);
}

function tokenEndpoint(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/oauth/token`;
}

/** `k=v&...` with every value percent-encoded (spaces as %20). */
function formBody(fields: Array<[string, string]>): string {
  return fields.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/**
 * The most useful text of a token endpoint error body: `error_description`, `error.message`,
 * the `error` code, or the raw body.
 */
export function tokenEndpointErrorDetail(body: string): string {
  const trimmed = body.trim();
  if (trimmed === '') return 'unknown error';
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return trimmed;
  }
  if (typeof json !== 'object' || json === null) return trimmed;
  const record = json as Record<string, unknown>;
  const error = record['error'];
  const description = record['error_description'];
  if (typeof description === 'string' && description.trim() !== '') return description;
  if (typeof error === 'object' && error !== null) {
    const message = (error as Record<string, unknown>)['message'];
    if (typeof message === 'string' && message.trim() !== '') return message;
    const code = (error as Record<string, unknown>)['code'];
    if (typeof code === 'string' && code.trim() !== '') return code;
  }
  if (typeof error === 'string' && error.trim() !== '') return error;
  return trimmed;
}

/**
 * Exchanges an authorization code for tokens at `{issuer}/oauth/token` (form-encoded
 * `grant_type=authorization_code` with the PKCE verifier).
 */
export async function exchangeCodeForTokens(opts: {
  issuer: string;
  clientId: string;
  redirectUri: string;
  codeVerifier: string;
  code: string;
  fetchImpl: typeof fetch;
}): Promise<ExchangedTokens> {
  let response: Response;
  let text: string;
  try {
    response = await opts.fetchImpl(tokenEndpoint(opts.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody([
        ['grant_type', 'authorization_code'],
        ['code', opts.code],
        ['redirect_uri', opts.redirectUri],
        ['client_id', opts.clientId],
        ['code_verifier', opts.codeVerifier],
      ]),
    });
    text = await response.text();
  } catch (err) {
    throw new TokenExchangeError(
      `cannot reach the token endpoint: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  if (!response.ok) {
    throw new TokenExchangeError(
      `token endpoint returned status ${statusLine(response)}: ${tokenEndpointErrorDetail(text)}`,
    );
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new TokenExchangeError('token endpoint returned invalid JSON', { cause: err });
  }
  const { id_token, access_token, refresh_token } = parsed;
  if (
    typeof id_token !== 'string' ||
    typeof access_token !== 'string' ||
    typeof refresh_token !== 'string'
  ) {
    throw new TokenExchangeError(
      'token endpoint response lacks id_token, access_token or refresh_token',
    );
  }
  return { idToken: id_token, accessToken: access_token, refreshToken: refresh_token };
}

/**
 * Trades an id_token for an OpenAI API key (OAuth token exchange with
 * `requested_token=openai-api-key`). Callers treat failure as "no key".
 */
export async function obtainApiKey(opts: {
  issuer: string;
  clientId: string;
  idToken: string;
  fetchImpl: typeof fetch;
}): Promise<string> {
  const response = await opts.fetchImpl(tokenEndpoint(opts.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: formBody([
      ['grant_type', 'urn:ietf:params:oauth:grant-type:token-exchange'],
      ['client_id', opts.clientId],
      ['requested_token', 'openai-api-key'],
      ['subject_token', opts.idToken],
      ['subject_token_type', 'urn:ietf:params:oauth:token-type:id_token'],
    ]),
  });
  if (!response.ok) {
    throw new TokenExchangeError(`api key exchange failed with status ${statusLine(response)}`);
  }
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') {
    throw new TokenExchangeError('api key exchange response lacks access_token');
  }
  return body.access_token;
}
