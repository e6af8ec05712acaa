import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a signed bearer token was refused; the text is what the 401 response carries. */
export type JwtRejection =
  | 'invalid websocket jwt'
  | 'expired websocket jwt'
  | 'websocket jwt is not valid yet'
  | 'websocket jwt issuer mismatch'
  | 'websocket jwt audience mismatch';

export interface JwtExpectations {
  sharedSecret: Buffer;
  issuer: string | null;
  audience: string | null;
  maxClockSkewSeconds: number;
  /** Seconds since the epoch; defaults to now. */
  nowSeconds?: number;
}

interface Claims {
  exp: number;
  nbf?: number;
  iss?: string;
  aud?: string | string[];
}

/**
 * Verifies an HS256 JWT the way the Rust app server's `signed-bearer-token` mode does: the
 * signature (constant-time), then `exp` (required) and `nbf` with the allowed clock skew, then
 * `iss` and `aud` when expected. Returns null when the token is accepted.
 */
export function verifySignedBearerToken(
  token: string,
  expect: JwtExpectations,
): JwtRejection | null {
  const claims = decodeVerified(token, expect.sharedSecret);
  if (claims === null) {
    return 'invalid websocket jwt';
  }
  const now = expect.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (now > claims.exp + expect.maxClockSkewSeconds) {
    return 'expired websocket jwt';
  }
  if (claims.nbf !== undefined && now < claims.nbf - expect.maxClockSkewSeconds) {
    return 'websocket jwt is not valid yet';
  }
  if (expect.issuer !== null && claims.iss !== expect.issuer) {
    return 'websocket jwt issuer mismatch';
  }
  if (expect.audience !== null) {
    const aud = claims.aud;
    const matches = Array.isArray(aud) ? aud.includes(expect.audience) : aud === expect.audience;
    if (!matches) {
      return 'websocket jwt audience mismatch';
    }
  }
  return null;
}

function decodeVerified(token: string, secret: Buffer): Claims | null {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  const [headerPart, claimsPart, signaturePart] = parts as [string, string, string];
  const header = parseSegment(headerPart);
  if (header === null || header['alg'] !== 'HS256') {
    return null;
  }
  const expected = createHmac('sha256', secret).update(`${headerPart}.${claimsPart}`).digest();
  const actual = decodeBase64Url(signaturePart);
  if (actual === null || actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return null;
  }
  const claims = parseSegment(claimsPart);
  return claims !== null && isClaims(claims) ? claims : null;
}

function isClaims(value: Record<string, unknown>): value is Record<string, unknown> & Claims {
  const { exp, nbf, iss, aud } = value;
  const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);
  return (
    isInt(exp) &&
    (nbf === undefined || nbf === null || isInt(nbf)) &&
    (iss === undefined || iss === null || typeof iss === 'string') &&
    (aud === undefined ||
      aud === null ||
      typeof aud === 'string' ||
      (Array.isArray(aud) && aud.every((a) => typeof a === 'string')))
  );
}

function parseSegment(segment: string): Record<string, unknown> | null {
  const bytes = decodeBase64Url(segment);
  if (bytes === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return null;
    }
    const record = value as Record<string, unknown>;
    // `null` optional claims count as absent.
    for (const key of ['nbf', 'iss', 'aud']) {
      if (record[key] === null) delete record[key];
    }
    return record;
  } catch {
    return null;
  }
}

function decodeBase64Url(segment: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) {
    return null;
  }
  return Buffer.from(segment, 'base64url');
}
