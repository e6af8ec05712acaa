import { isIPv4, isIPv6 } from 'node:net';

/** Where `codex app-server --listen URL` serves. */
export type ListenTarget =
  | { kind: 'stdio' }
  | { kind: 'off' }
  | { kind: 'websocket'; host: string; port: number; tls: boolean };

/** `--listen`'s default, as in the Rust CLI. */
export const DEFAULT_LISTEN_URL = 'stdio://';

/** A `--listen` value we cannot serve. */
export class ListenUrlError extends Error {
  readonly code = 'INVALID_LISTEN_URL';
  constructor(message: string) {
    super(message);
    this.name = 'ListenUrlError';
  }
}

/**
 * Parses a `--listen` URL: `stdio://`, `off`, or `ws://IP:PORT` with a literal IPv4 or bracketed
 * IPv6 address (no host names, as in the Rust server), and our `wss://IP:PORT` for TLS.
 */
export function parseListenUrl(url: string): ListenTarget {
  if (url === DEFAULT_LISTEN_URL) {
    return { kind: 'stdio' };
  }
  if (url === 'off') {
    return { kind: 'off' };
  }
  if (url.startsWith('unix://')) {
    throw new ListenUrlError(
      `unsupported --listen URL \`${url}\`: this build does not serve unix sockets; expected \`stdio://\`, \`ws://IP:PORT\`, \`wss://IP:PORT\` or \`off\``,
    );
  }
  const tls = url.startsWith('wss://');
  if (!tls && !url.startsWith('ws://')) {
    throw new ListenUrlError(
      `unsupported --listen URL \`${url}\`; expected \`stdio://\`, \`ws://IP:PORT\`, \`wss://IP:PORT\` or \`off\``,
    );
  }
  const address = parseSocketAddress(url.slice(tls ? 'wss://'.length : 'ws://'.length));
  if (!address) {
    const scheme = tls ? 'wss' : 'ws';
    throw new ListenUrlError(
      `invalid websocket --listen URL \`${url}\`; expected \`${scheme}://IP:PORT\``,
    );
  }
  return { kind: 'websocket', ...address, tls };
}

/** `IP:PORT` or `[IPv6]:PORT`, as Rust's `SocketAddr` parses it. */
function parseSocketAddress(text: string): { host: string; port: number } | null {
  const v6 = /^\[([^\]]+)\]:(\d{1,5})$/.exec(text);
  const v4 = /^([0-9.]+):(\d{1,5})$/.exec(text);
  const host = v6?.[1] ?? v4?.[1];
  const portText = v6?.[2] ?? v4?.[2];
  if (host === undefined || portText === undefined) {
    return null;
  }
  const port = Number(portText);
  if (port > 65535) {
    return null;
  }
  if (v6 ? !isIPv6(host) || host.includes('%') : !isIPv4(host)) {
    return null;
  }
  return { host, port };
}

/** Whether a listen address reaches only this machine (127.0.0.0/8 or ::1), like Rust's check. */
export function isLoopbackHost(host: string): boolean {
  if (isIPv4(host)) {
    return host.split('.')[0] === '127';
  }
  if (isIPv6(host)) {
    // The URL parser prints IPv6 addresses in their canonical compressed form.
    return new URL(`http://[${host}]/`).hostname === '[::1]';
  }
  return false;
}

/** How a host appears in a URL: IPv6 in brackets. */
export function formatHostForUrl(host: string): string {
  return isIPv6(host) ? `[${host}]` : host;
}
