import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  RemoteConnectError,
  RemoteDisconnectedError,
  RemoteTimeoutError,
  RemoteUnauthorizedError,
  TransportClosedError,
  WebSocketTransport,
} from '@codex-ts/app-server-client';
import { startRawServer, type RawServer } from './websocket-raw-server.js';

/** The WebSocket transport alone, against a raw `ws` server written in the test. */

let server: RawServer | undefined;
let transport: WebSocketTransport | undefined;

afterEach(async () => {
  await transport?.close();
  transport = undefined;
  await server?.close();
  server = undefined;
});

function closeEvent(t: WebSocketTransport): Promise<Error | undefined> {
  return new Promise((resolve) => t.onClose(resolve));
}

describe('WebSocketTransport', () => {
  it('sends one JSON message per text frame, without a jsonrpc field', async () => {
    server = await startRawServer();
    transport = await WebSocketTransport.connect({ url: server.url });
    const peer = await server.nextPeer();
    transport.send({ id: 1, method: 'thread/list', params: {} });
    transport.send({ method: 'initialized' });
    expect(await peer.next()).toEqual({ id: 1, method: 'thread/list', params: {} });
    expect(await peer.next()).toEqual({ method: 'initialized' });
  });

  it('delivers server messages in the order they were sent', async () => {
    server = await startRawServer();
    transport = await WebSocketTransport.connect({ url: server.url });
    const peer = await server.nextPeer();
    const seen: number[] = [];
    const all = new Promise<void>((resolve) => {
      transport?.onMessage((m) => {
        seen.push((m as unknown as { params: { n: number } }).params.n);
        if (seen.length === 500) resolve();
      });
    });
    for (let n = 0; n < 500; n++) {
      peer.send({ method: 'warning', params: { threadId: null, message: 'm', n } });
    }
    await all;
    expect(seen).toEqual(Array.from({ length: 500 }, (_, n) => n));
  });

  it('sends the bearer token on the upgrade request, and no Origin header', async () => {
    server = await startRawServer();
    transport = await WebSocketTransport.connect({ url: server.url, authToken: 's3cret' });
    const peer = await server.nextPeer();
    expect(peer.headers.authorization).toBe('Bearer s3cret');
    expect(peer.headers.origin).toBeUndefined();
  });

  it('sends no Authorization header without a token', async () => {
    server = await startRawServer();
    transport = await WebSocketTransport.connect({ url: server.url });
    const peer = await server.nextPeer();
    expect(peer.headers.authorization).toBeUndefined();
  });

  it('turns a 401 refusal into RemoteUnauthorizedError naming the URL and the reason', async () => {
    server = await startRawServer({
      refuse: { status: 401, reason: 'Unauthorized', body: 'invalid websocket bearer token' },
    });
    const error = await WebSocketTransport.connect({ url: server.url, authToken: 'wrong' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RemoteUnauthorizedError);
    expect(error).toMatchObject({ code: 'REMOTE_UNAUTHORIZED', status: 401, url: server.url });
    expect((error as Error).message).toBe(
      `remote app server at \`${server.url}\` refused the connection (HTTP 401 Unauthorized): invalid websocket bearer token`,
    );
    expect(server.upgrades[0]?.authorization).toBe('Bearer wrong');
  });

  it('turns a 403 refusal into RemoteUnauthorizedError too', async () => {
    server = await startRawServer({ refuse: { status: 403, reason: 'Forbidden', body: '' } });
    const error = await WebSocketTransport.connect({ url: server.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteUnauthorizedError);
    expect((error as Error).message).toBe(
      `remote app server at \`${server.url}\` refused the connection (HTTP 403 Forbidden)`,
    );
  });

  it('reports other HTTP answers as RemoteConnectError with the status', async () => {
    server = await startRawServer({
      refuse: { status: 503, reason: 'Service Unavailable', body: '' },
    });
    const error = await WebSocketTransport.connect({ url: server.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteConnectError);
    expect(error).toMatchObject({ code: 'REMOTE_CONNECT_FAILED', status: 503 });
    expect((error as Error).message).toContain(`at \`${server.url}\`: HTTP 503`);
  });

  it('reports a refused TCP connection as RemoteConnectError', async () => {
    const closed = await startRawServer();
    const url = closed.url;
    await closed.close();
    const error = await WebSocketTransport.connect({ url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteConnectError);
    expect((error as Error).message).toMatch(
      new RegExp(`^failed to connect to remote app server at \`${url}\`: .*ECONNREFUSED`),
    );
  });

  it('gives up on a server that never answers the upgrade', async () => {
    const sockets = new Set<Socket>();
    const silent: NetServer = createNetServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `ws://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const error = await WebSocketTransport.connect({ url, connectTimeoutMs: 50 }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RemoteTimeoutError);
      expect(error).toMatchObject({ code: 'REMOTE_TIMEOUT', phase: 'connect' });
      expect((error as Error).message).toBe(
        `timed out connecting to remote app server at \`${url}\``,
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('reports a server-side close once, with the reason, and refuses later sends', async () => {
    server = await startRawServer();
    transport = await WebSocketTransport.connect({ url: server.url });
    const peer = await server.nextPeer();
    let calls = 0;
    transport.onClose(() => calls++);
    const closed = closeEvent(transport);
    peer.socket.close(1001, 'server shutting down');
    const error = await closed;
    expect(error).toBeInstanceOf(RemoteDisconnectedError);
    expect(error?.message).toBe(
      `remote app server at \`${server.url}\` disconnected: server shutting down (close code 1001)`,
    );
    expect(calls).toBe(1);
    expect(() => transport?.send({ method: 'initialized' })).toThrow(TransportClosedError);
    // A listener added after the end hears about it too.
    await expect(closeEvent(transport)).resolves.toBe(error);
  });

  it('reports a dropped socket (no close frame) as a lost connection', async () => {
    server = await startRawServer();
    transport = await WebSocketTransport.connect({ url: server.url });
    const peer = await server.nextPeer();
    const closed = closeEvent(transport);
    peer.socket.terminate();
    const error = await closed;
    expect(error).toBeInstanceOf(RemoteDisconnectedError);
    expect(error).toMatchObject({ closeCode: 1006 });
    expect(error?.message).toBe(
      `remote app server at \`${server.url}\` disconnected: connection lost`,
    );
  });

  it('drops the connection when the server sends something that is not JSON', async () => {
    server = await startRawServer();
    transport = await WebSocketTransport.connect({ url: server.url });
    const peer = await server.nextPeer();
    const seen: unknown[] = [];
    transport.onMessage((m) => seen.push(m));
    const closed = closeEvent(transport);
    peer.sendText('{not json');
    const error = await closed;
    expect(error).toBeInstanceOf(RemoteDisconnectedError);
    expect(error?.message).toMatch(/disconnected: sent invalid JSON-RPC: /);
    expect(seen).toEqual([]);
  });

  it('closes cleanly on close(): close frame 1000, onClose without an error', async () => {
    server = await startRawServer();
    transport = await WebSocketTransport.connect({ url: server.url });
    const peer = await server.nextPeer();
    const peerClosed = new Promise<number>((resolve) => peer.socket.once('close', resolve));
    const closed = closeEvent(transport);
    await transport.close();
    await expect(closed).resolves.toBeUndefined();
    await expect(peerClosed).resolves.toBe(1000);
    expect(() => transport?.send({ method: 'initialized' })).toThrow(TransportClosedError);
  });
});
