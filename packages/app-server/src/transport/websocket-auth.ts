import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import { verifySignedBearerToken } from './websocket-jwt.js';

/** `--ws-auth` values, as in the Rust CLI. */
export type WebSocketAuthMode = 'capability-token' | 'signed-bearer-token';
export const WEBSOCKET_AUTH_MODES: readonly WebSocketAuthMode[] = [
  'capability-token',
  'signed-bearer-token',
];

/** The `--ws-*` flags of `codex app-server`. */
export interface WebSocketAuthFlags {
  wsAuth?: WebSocketAuthMode | undefined;
  wsTokenFile?: string | undefined;
  wsTokenSha256?: string | undefined;
  wsSharedSecretFile?: string | undefined;
  wsIssuer?: string | undefined;
  wsAudience?: string | undefined;
  wsMaxClockSkewSeconds?: number | undefined;
}

/** Validated auth settings; null means no auth (allowed only on loopback listeners). */
export type WebSocketAuthSettings =
  | null
  | { mode: 'capability-token'; tokenFile: string }
  | { mode: 'capability-token'; tokenSha256: Buffer }
  | {
      mode: 'signed-bearer-token';
      sharedSecretFile: string;
      issuer: string | null;
      audience: string | null;
      maxClockSkewSeconds: number;
    };

/** A bad combination of `--ws-*` flags or an unreadable secret. */
export class WebSocketAuthConfigError extends Error {
  readonly code = 'WEBSOCKET_AUTH_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'WebSocketAuthConfigError';
  }
}

const DEFAULT_MAX_CLOCK_SKEW_SECONDS = 30;
const MIN_SIGNED_BEARER_SECRET_BYTES = 32;

/** Checks the `--ws-*` flags the way the Rust CLI does (same rules, same flag names in errors). */
export function authSettingsFromFlags(flags: WebSocketAuthFlags): WebSocketAuthSettings {
  const trimmed = (v: string | undefined): string | null => {
    const t = v?.trim() ?? '';
    return t === '' ? null : t;
  };
  const jwtFlagsSet =
    flags.wsSharedSecretFile !== undefined ||
    flags.wsIssuer !== undefined ||
    flags.wsAudience !== undefined ||
    flags.wsMaxClockSkewSeconds !== undefined;
  const tokenFlagsSet = flags.wsTokenFile !== undefined || flags.wsTokenSha256 !== undefined;
  switch (flags.wsAuth) {
    case 'capability-token': {
      if (jwtFlagsSet) {
        throw new WebSocketAuthConfigError(
          '`--ws-shared-secret-file`, `--ws-issuer`, `--ws-audience`, and `--ws-max-clock-skew-seconds` require `--ws-auth signed-bearer-token`',
        );
      }
      if (flags.wsTokenFile !== undefined && flags.wsTokenSha256 !== undefined) {
        throw new WebSocketAuthConfigError(
          '`--ws-token-file` and `--ws-token-sha256` are mutually exclusive',
        );
      }
      if (flags.wsTokenFile !== undefined) {
        return {
          mode: 'capability-token',
          tokenFile: absolutePath('--ws-token-file', flags.wsTokenFile),
        };
      }
      if (flags.wsTokenSha256 !== undefined) {
        return { mode: 'capability-token', tokenSha256: sha256Arg(flags.wsTokenSha256) };
      }
      throw new WebSocketAuthConfigError(
        '`--ws-token-file` or `--ws-token-sha256` is required when `--ws-auth capability-token` is set',
      );
    }
    case 'signed-bearer-token': {
      if (tokenFlagsSet) {
        throw new WebSocketAuthConfigError(
          '`--ws-token-file` and `--ws-token-sha256` require `--ws-auth capability-token`, not `signed-bearer-token`',
        );
      }
      if (flags.wsSharedSecretFile === undefined) {
        throw new WebSocketAuthConfigError(
          '`--ws-shared-secret-file` is required when `--ws-auth signed-bearer-token` is set',
        );
      }
      return {
        mode: 'signed-bearer-token',
        sharedSecretFile: absolutePath('--ws-shared-secret-file', flags.wsSharedSecretFile),
        issuer: trimmed(flags.wsIssuer),
        audience: trimmed(flags.wsAudience),
        maxClockSkewSeconds: flags.wsMaxClockSkewSeconds ?? DEFAULT_MAX_CLOCK_SKEW_SECONDS,
      };
    }
    case undefined:
      if (jwtFlagsSet || tokenFlagsSet) {
        throw new WebSocketAuthConfigError(
          'websocket auth flags require `--ws-auth capability-token` or `--ws-auth signed-bearer-token`',
        );
      }
      return null;
  }
}

/** Refusal of an upgrade request: HTTP status and a short reason for the body. */
export interface AuthRejection {
  status: 401;
  message: string;
}

/** Decides whether an upgrade request may open a connection. */
export interface WebSocketAuthPolicy {
  authorize(headers: IncomingHttpHeaders): AuthRejection | null;
}

/** Reads the secret files named by the settings and builds the policy (null: no auth). */
export async function loadAuthPolicy(
  settings: WebSocketAuthSettings,
): Promise<WebSocketAuthPolicy | null> {
  if (settings === null) {
    return null;
  }
  if (settings.mode === 'capability-token') {
    const digest =
      'tokenSha256' in settings
        ? settings.tokenSha256
        : sha256(Buffer.from(await readTrimmedSecret(settings.tokenFile), 'utf8'));
    return capabilityTokenPolicy(digest);
  }
  const secret = Buffer.from(await readTrimmedSecret(settings.sharedSecretFile), 'utf8');
  if (secret.length < MIN_SIGNED_BEARER_SECRET_BYTES) {
    throw new WebSocketAuthConfigError(
      `signed websocket bearer secret ${settings.sharedSecretFile} must be at least ${MIN_SIGNED_BEARER_SECRET_BYTES} bytes`,
    );
  }
  return {
    authorize(headers) {
      const token = bearerToken(headers);
      if (typeof token !== 'string') {
        return token;
      }
      const rejection = verifySignedBearerToken(token, {
        sharedSecret: secret,
        issuer: settings.issuer,
        audience: settings.audience,
        maxClockSkewSeconds: settings.maxClockSkewSeconds,
      });
      return rejection === null ? null : unauthorized(rejection);
    },
  };
}

/** Accepts `Authorization: Bearer <token>` whose SHA-256 equals `expectedSha256` (constant time). */
export function capabilityTokenPolicy(expectedSha256: Buffer): WebSocketAuthPolicy {
  return {
    authorize(headers) {
      const token = bearerToken(headers);
      if (typeof token !== 'string') {
        return token;
      }
      const actual = sha256(Buffer.from(token, 'utf8'));
      return timingSafeEqual(actual, expectedSha256)
        ? null
        : unauthorized('invalid websocket bearer token');
    },
  };
}

function bearerToken(headers: IncomingHttpHeaders): string | AuthRejection {
  const raw = headers.authorization;
  if (raw === undefined) {
    return unauthorized('missing websocket bearer token');
  }
  const space = raw.indexOf(' ');
  const scheme = space < 0 ? '' : raw.slice(0, space);
  const token = space < 0 ? '' : raw.slice(space + 1).trim();
  if (scheme.toLowerCase() !== 'bearer' || token === '') {
    return unauthorized('invalid authorization header');
  }
  return token;
}

function unauthorized(message: string): AuthRejection {
  return { status: 401, message };
}

function sha256(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

function absolutePath(flag: string, path: string): string {
  if (!isAbsolute(path)) {
    throw new WebSocketAuthConfigError(`${flag} must be an absolute path`);
  }
  return path;
}

function sha256Arg(hex: string): Buffer {
  const text = hex.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text)) {
    throw new WebSocketAuthConfigError('--ws-token-sha256 must be 64 hexadecimal characters');
  }
  return Buffer.from(text, 'hex');
}

async function readTrimmedSecret(path: string): Promise<string> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WebSocketAuthConfigError(`failed to read websocket auth secret ${path}: ${reason}`);
  }
  const secret = raw.trim();
  if (secret === '') {
    throw new WebSocketAuthConfigError(`websocket auth secret ${path} must not be empty`);
  }
  return secret;
}
