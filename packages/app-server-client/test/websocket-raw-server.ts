import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

/**
 * A small WebSocket server written for the client tests, independent of our app server: it
 * records upgrade headers, can refuse upgrades with an HTTP status, and hands each connection
 * to the test as a `RawPeer` that reads and writes raw JSON frames.
 */

export type Json = Record<string, unknown>;

export interface RawPeer {
  socket: WebSocket;
  headers: IncomingHttpHeaders;
  /** Every text frame received, parsed, in order. */
  received: Json[];
  /** The next frame not yet taken by `next()`. */
  next(): Promise<Json>;
  send(message: unknown): void;
  sendText(text: string): void;
}

export interface RawServer {
  url: string;
  /** Headers of every upgrade request, accepted or refused. */
  upgrades: IncomingHttpHeaders[];
  /** The next accepted connection. */
  nextPeer(): Promise<RawPeer>;
  close(): Promise<void>;
}

export interface RawServerOptions {
  /** Refuse every upgrade with this status and body. */
  refuse?: { status: number; reason: string; body: string };
}

export const INITIALIZE_RESULT = {
  userAgent: 'raw_test_server/9.9.9 (Linux; x86_64)',
  codexHome: '/raw/codex-home',
  platformFamily: 'unix',
  platformOs: 'linux',
};

/** Waits for items pushed later, in order. */
class Waiting<T> {
  private readonly items: T[] = [];
  private readonly waiters: Array<(item: T) => void> = [];

  push(item: T): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(item);
    else this.items.push(item);
  }

  take(): Promise<T> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

export async function startRawServer(options: RawServerOptions = {}): Promise<RawServer> {
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  const upgrades: IncomingHttpHeaders[] = [];
  const peers = new Waiting<RawPeer>();
  const sockets = new Set<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    upgrades.push(req.headers);
    if (options.refuse) {
      const { status, reason, body } = options.refuse;
      socket.end(
        `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      peers.push(rawPeer(ws, req.headers));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    upgrades,
    nextPeer: () => peers.take(),
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function rawPeer(socket: WebSocket, headers: IncomingHttpHeaders): RawPeer {
  const received: Json[] = [];
  const queue = new Waiting<Json>();
  socket.on('message', (data: RawData) => {
    const message = JSON.parse(String(data)) as Json;
    received.push(message);
    queue.push(message);
  });
  return {
    socket,
    headers,
    received,
    next: () => queue.take(),
    send: (message) => socket.send(JSON.stringify(message)),
    sendText: (text) => socket.send(text),
  };
}

/** Plays the server side of the handshake: answers `initialize`, then reads `initialized`. */
export async function answerHandshake(peer: RawPeer): Promise<Json> {
  const initialize = await peer.next();
  peer.send({ id: initialize['id'], result: INITIALIZE_RESULT });
  const initialized = await peer.next();
  if (initialized['method'] !== 'initialized') {
    throw new Error(`expected initialized, got ${JSON.stringify(initialized)}`);
  }
  return initialize;
}
