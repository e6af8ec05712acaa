import { InvalidJwtError } from './auth-errors.js';

/** The claims of a ChatGPT id_token that Codex uses. */
export interface IdTokenInfo {
  email: string | null;
  /** `free`, `plus`, `pro`, `team`, `business`, `enterprise`, `edu`, ... (raw value). */
  chatgptPlanType: string | null;
  chatgptUserId: string | null;
  /** The workspace / account the token belongs to. */
  chatgptAccountId: string | null;
  rawJwt: string;
}

/** Namespaced claim holding the ChatGPT account details. */
export const OPENAI_AUTH_CLAIM = 'https://api.openai.com/auth';
const OPENAI_PROFILE_CLAIM = 'https://api.openai.com/profile';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The payload of a JWT, decoded without verifying the signature (the token came straight from
 * the issuer over TLS; Codex only reads its claims).
 */
export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  const [header, payload, signature] = parts;
  if (parts.length < 3 || !header || !payload || !signature) {
    throw new InvalidJwtError('invalid ID token format');
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch (err) {
    throw new InvalidJwtError(`invalid JWT payload: ${(err as Error).message}`, { cause: err });
  }
  if (!isRecord(decoded)) throw new InvalidJwtError('invalid JWT payload: not a JSON object');
  return decoded;
}

/** Email, plan, user and account ids of a ChatGPT id_token. */
export function parseIdToken(jwt: string): IdTokenInfo {
  const claims = decodeJwtPayload(jwt);
  const profile = claims[OPENAI_PROFILE_CLAIM];
  const email =
    stringOrNull(claims['email']) ?? (isRecord(profile) ? stringOrNull(profile['email']) : null);
  const auth = claims[OPENAI_AUTH_CLAIM];
  if (!isRecord(auth)) {
    return {
      email,
      chatgptPlanType: null,
      chatgptUserId: null,
      chatgptAccountId: null,
      rawJwt: jwt,
    };
  }
  return {
    email,
    chatgptPlanType: stringOrNull(auth['chatgpt_plan_type']),
    chatgptUserId: stringOrNull(auth['chatgpt_user_id']) ?? stringOrNull(auth['user_id']),
    chatgptAccountId: stringOrNull(auth['chatgpt_account_id']),
    rawJwt: jwt,
  };
}

/** The `exp` claim of a JWT as a Date, or null when it has none. Throws InvalidJwtError. */
export function parseJwtExpiration(jwt: string): Date | null {
  const exp = decodeJwtPayload(jwt)['exp'];
  return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000) : null;
}

/** The `https://api.openai.com/auth` claim object, or `{}` when the token has none or is bad. */
export function jwtAuthClaims(jwt: string): Record<string, unknown> {
  try {
    const auth = decodeJwtPayload(jwt)[OPENAI_AUTH_CLAIM];
    return isRecord(auth) ? auth : {};
  } catch {
    return {};
  }
}
