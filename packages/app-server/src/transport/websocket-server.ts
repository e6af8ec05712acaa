import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { MessageProcessor } from '../processor/message-processor.js';
import type { WebSocketAuthPolicy } from './websocket-auth.js';
import { WebSocketConnection, type WebSocketConnectionStats } from './websocket-connection.js';
import { formatHostForUrl, isLoopbackHost } from './websocket-listen-url.js';
import { WEBSOCKET_LIMITS, withLimits, type TransportLimits } from './transport-limits.js';
import { SILENT_LOG, type TransportLog } from './transport-log.js';

export interface WebSocketServerOptions {
  processor: MessageProcessor;
  /** A literal IP address. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Serve `wss://` with this certificate chain and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer } | null;
  /** Required for a non-loopback host. */
  auth?: WebSocketAuthPolicy | null;
  limits?: Partial<TransportLimits>;
  log?: TransportLog;
}

export interface WebSocketServerHandle {
  readonly host: string;
  /** The bound port (the real one when 0 was asked). */
  readonly port: number;
  /** `ws://HOST:PORT` (or `wss://`). */
  readonly url: string;
  connectionCount(): number;
  /** What each open connection holds in memory for its client. */
  connectionStats(): WebSocketConnectionStats[];
  /** Totals over every connection so far, closed ones included. */
  totals(): WebSocketServerTotals;
  /** Stops accepting, closes every connection (their threads keep running), stops listening. */
  close(): Promise<void>;
}

export interface WebSocketServerTotals {
  connections: number;
  /** The most bytes any one connection ever buffered for its client (queue + unflushed). */
  peakBufferedBytes: number;
  /** Connections dropped because their client stopped reading. */
  slowClientDisconnects: number;
}

/** A listener that may not start as configured (non-loopback without auth). */
export class WebSocketListenError extends Error {
  readonly code = 'WEBSOCKET_LISTEN';
  constructor(message: string) {
    super(message);
    this.name = 'WebSocketListenError';
  }
}

/**
 * Serves the app server over WebSocket like the Rust `--listen ws://IP:PORT`: every path upgrades
 * to a connection except `GET /readyz` and `GET /healthz`; any request carrying an `Origin`
 * header (a browser page) is refused with 403; with an auth policy, upgrades without a valid
 * bearer token get 401. All connections share `processor` (one set of threads).
 */
export async function startWebSocketServer(
  options: WebSocketServerOptions,
): Promise<WebSocketServerHandle> {
  const { processor, host } = options;
  const auth = options.auth ?? null;
  const log = options.log ?? SILENT_LOG;
  const limits = withLimits(WEBSOCKET_LIMITS, options.limits);
  if (!isLoopbackHost(host) && auth === null) {
    throw new WebSocketListenError(
      `refusing to start non-loopback websocket listener ${formatHostForUrl(host)}:${options.port} without auth; configure \`--ws-auth capability-token\` or \`--ws-auth signed-bearer-token\``,
    );
  }
  // Imported here, not at the top: the in-process server of `codex exec` never loads `ws`.
  const { WebSocketServer } = await import('ws');
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key })
    : createHttpServer();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    clientTracking: false,
  });
  const connections = new Set<WebSocketConnection>();
  let closing = false;
  let counter = 0;
  const totals: WebSocketServerTotals = {
    connections: 0,
    peakBufferedBytes: 0,
    slowClientDisconnects: 0,
  };

  server.on('request', (req, res) => {
    const route = routeOf(req);
    const status =
      route.kind === 'status'
        ? route.status(closing)
        : route.kind === 'refuse'
          ? route.status
          : 400;
    res.writeHead(status, { 'content-length': '0' }).end();
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    const route = routeOf(req);
    if (route.kind !== 'upgrade') {
      const status = route.kind === 'status' ? route.status(closing) : route.status;
      rejectUpgrade(socket, status, '');
      return;
    }
    if (closing) {
      rejectUpgrade(socket, 503, '');
      return;
    }
    const rejection = auth?.authorize(req.headers) ?? null;
    if (rejection) {
      log.warn(`rejecting websocket client during upgrade: ${rejection.message}`);
      rejectUpgrade(socket, rejection.status, rejection.message);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      counter += 1;
      const peer = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
      const label = `connection ${counter} (${peer})`;
      log.info(`websocket client connected: ${label}`);
      const connection = new WebSocketConnection({ processor, socket: ws, limits, log, label });
      connections.add(connection);
      totals.connections += 1;
      void connection.closed.then(() => {
        connections.delete(connection);
        const stats = connection.stats();
        totals.peakBufferedBytes = Math.max(totals.peakBufferedBytes, stats.peakBufferedBytes);
        if (connection.droppedAsSlow) totals.slowClientDisconnects += 1;
      });
      if (closing) {
        void connection.disconnect();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.error(`websocket acceptor failed: ${error.message}`));
  const port = (server.address() as AddressInfo).port;
  const url = `${options.tls ? 'wss' : 'ws'}://${formatHostForUrl(host)}:${port}`;
  log.info(`app-server websocket listening on ${url}`);

  let closed: Promise<void> | null = null;
  return {
    host,
    port,
    url,
    connectionCount: () => connections.size,
    connectionStats: () => [...connections].map((c) => c.stats()),
    totals: () => {
      const live = [...connections].map((c) => c.stats().peakBufferedBytes);
      return { ...totals, peakBufferedBytes: Math.max(totals.peakBufferedBytes, ...live) };
    },
    close() {
      closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([...connections].map((c) => c.disconnect()));
        server.closeAllConnections();
        await stopped;
        wss.close();
        log.info('websocket acceptor shutting down');
      })();
      return closed;
    },
  };
}

type Route =
  | { kind: 'upgrade' }
  | { kind: 'status'; status: (closing: boolean) => number }
  | { kind: 'refuse'; status: number };

/** What a request gets before any WebSocket handling (Origin refusal, health routes, ...). */
function routeOf(req: IncomingMessage): Route {
  if (req.headers.origin !== undefined) {
    return { kind: 'refuse', status: 403 };
  }
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/readyz' || path === '/healthz') {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return { kind: 'refuse', status: 405 };
    }
    return path === '/readyz'
      ? { kind: 'status', status: (closing) => (closing ? 503 : 200) }
      : { kind: 'status', status: () => 200 };
  }
  if (req.headers.upgrade?.toLowerCase() !== 'websocket') {
    // Any other path is the WebSocket endpoint; a plain HTTP request there is malformed.
    return { kind: 'refuse', status: req.method === 'GET' ? 400 : 405 };
  }
  return { kind: 'upgrade' };
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  405: 'Method Not Allowed',
  503: 'Service Unavailable',
};

function rejectUpgrade(socket: Duplex, status: number, body: string): void {
  const length = Buffer.byteLength(body, 'utf8');
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n` +
      'connection: close\r\n' +
      'content-type: text/plain; charset=utf-8\r\n' +
      `content-length: ${length}\r\n\r\n${body}`,
  );
}
