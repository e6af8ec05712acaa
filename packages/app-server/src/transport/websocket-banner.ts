import { formatHostForUrl, isLoopbackHost } from './websocket-listen-url.js';

export interface BannerOptions {
  host: string;
  port: number;
  tls: boolean;
  /** ANSI colours (stderr is a terminal and NO_COLOR is unset). */
  color: boolean;
}

const STYLES = {
  title: '\u001b[1;36m',
  dim: '\u001b[2m',
  url: '\u001b[32m',
} as const;

/**
 * The start-up lines the Rust server prints on stderr for a WebSocket listener; tools read the
 * bound address from the `listening on:` line.
 */
export function websocketBanner(options: BannerOptions): string {
  const paint = (text: string, style: keyof typeof STYLES): string =>
    options.color ? `${STYLES[style]}${text}\u001b[0m` : text;
  const addr = `${formatHostForUrl(options.host)}:${options.port}`;
  const ws = options.tls ? 'wss' : 'ws';
  const http = options.tls ? 'https' : 'http';
  const note = isLoopbackHost(options.host)
    ? 'binds localhost only (use SSH port-forwarding for remote access)'
    : 'websocket auth is required for non-localhost listeners';
  return [
    paint('codex app-server (WebSockets)', 'title'),
    `  ${paint('listening on:', 'dim')} ${paint(`${ws}://${addr}`, 'url')}`,
    `  ${paint('readyz:', 'dim')} ${paint(`${http}://${addr}/readyz`, 'url')}`,
    `  ${paint('healthz:', 'dim')} ${paint(`${http}://${addr}/healthz`, 'url')}`,
    `  ${paint('note:', 'dim')} ${note}`,
    '',
  ].join('\n');
}
