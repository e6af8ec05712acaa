import { createHash, randomBytes } from 'node:crypto';

/** A PKCE pair (RFC 7636, method S256). */
export interface PkceCodes {
  codeVerifier: string;
  codeChallenge: string;
}

/** The S256 challenge of a verifier: base64url(SHA-256(verifier)) without padding. */
export function pkceChallenge(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier).digest('base64url');
}

/** A fresh verifier (64 random bytes, base64url: 86 characters) and its challenge. */
export function generatePkce(): PkceCodes {
  const codeVerifier = randomBytes(64).toString('base64url');
  return { codeVerifier, codeChallenge: pkceChallenge(codeVerifier) };
}

/** A random OAuth `state` (32 bytes, base64url). */
export function generateState(): string {
  return randomBytes(32).toString('base64url');
}
