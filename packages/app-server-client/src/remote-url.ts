import { isIP } from 'node:net';
import {
  RemoteAuthTokenEnvError,
  RemoteAuthTokenTransportError,
  RemoteUrlError,
} from './remote-errors.js';

/**
 * Checks a `--remote` address the way the Rust CLI does: `ws://` or `wss://`, a host, an explicit
 * port, no path beyond `/`, no query or fragment. Returns the URL as given (trimmed of a final
 * `/`), or throws `RemoteUrlError`.
 */
export function parseRemoteUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new RemoteUrlError(address);
  }
  const ok =
    (url.protocol === 'ws:' || url.protocol === 'wss:') &&
    url.hostname !== '' &&
    hasExplicitPort(address, url) &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    !address.includes('?') &&
    !address.includes('#');
  if (!ok) {
    throw new RemoteUrlError(address);
  }
  return address.endsWith('/') ? address.slice(0, -1) : address;
}

/** `new URL` drops a default port (`ws://h:80`); look for it in the address itself. */
function hasExplicitPort(address: string, url: URL): boolean {
  if (url.port !== '') return true;
  const rest = address.slice(address.indexOf('//') + 2);
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const defaultPort = url.protocol === 'wss:' ? 443 : 80;
  return hostAndPort === `${url.host}:${defaultPort}`;
}

/**
 * A bearer token may only travel encrypted (`wss://`) or stay on this machine (loopback
 * `ws://`: localhost, 127.0.0.0/8, ::1).
 */
export function urlAllowsAuthToken(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol === 'wss:') return url.hostname !== '';
  if (url.protocol !== 'ws:') return false;
  return isLoopbackHostname(url.hostname);
}

function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (host.toLowerCase() === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/** Throws unless a token may be sent to `address` (see `urlAllowsAuthToken`). */
export function assertAuthTokenAllowed(address: string): void {
  if (!urlAllowsAuthToken(address)) {
    throw new RemoteAuthTokenTransportError(address);
  }
}

/**
 * The bearer token from the environment variable named by `--remote-auth-token-env`, trimmed;
 * throws `RemoteAuthTokenEnvError` when the variable is unset or blank.
 */
export function readRemoteAuthToken(
  variable: string,
  env: Record<string, string | undefined>,
): string {
  const raw = env[variable];
  if (raw === undefined) {
    throw new RemoteAuthTokenEnvError(variable, 'unset');
  }
  const token = raw.trim();
  if (token === '') {
    throw new RemoteAuthTokenEnvError(variable, 'empty');
  }
  return token;
}
