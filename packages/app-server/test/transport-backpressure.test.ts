import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ThreadListPage, ThreadListQuery } from '@codex-ts/core';
import {
  CHANNEL_CAPACITY,
  MessageProcessor,
  OVERLOADED_ERROR_CODE,
  OVERLOADED_ERROR_MESSAGE,
  STDIO_LIMITS,
  WEBSOCKET_LIMITS,
  serveStdio,
  startWebSocketServer,
  type WebSocketServerHandle,
} from '@codex-ts/app-server';
import { makeTempCodexHome, type TempDir } from '@codex-ts/test-support';
import { FakeThreadManager } from './helpers/fake-thread-manager.js';
import { RawWsSocket } from './helpers/raw-ws-socket.js';
import { connectWsPeer, type WsPeer } from './helpers/ws-peer.js';

/**
 * Bounded queues of the real transports (real sockets and streams, default limits), over a
 * fake thread manager whose `thread/list` can be held open so in-flight counts are exact.
 */

/** thread/list waits for `release()`: requests stay in flight as long as the test wants. */
class GatedThreadManager extends FakeThreadManager {
  private gate: Promise<void> = new Promise(() => {});
  private open: () => void = () => {};

  constructor() {
    super();
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open();
  }

  override async listThreads(query: ThreadListQuery): Promise<ThreadListPage> {
    await this.gate;
    return super.listThreads(query);
  }
}

let home: TempDir;
let manager: GatedThreadManager;
let processor: MessageProcessor;
let server: WebSocketServerHandle | undefined;
const peers: WsPeer[] = [];

beforeEach(async () => {
  home = await makeTempCodexHome();
  manager = new GatedThreadManager();
  processor = new MessageProcessor({
    threadManager: manager,
    codexHome: home.path,
    env: { HOME: home.path },
    cliVersion: '0.0.0-test',
  });
});

afterEach(async () => {
  manager.release();
  for (const peer of peers.splice(0)) peer.socket.terminate();
  await server?.close();
  server = undefined;
  await processor.shutdown();
  await home.cleanup();
});

async function connect(url: string): Promise<WsPeer> {
  const peer = await connectWsPeer(url);
  peers.push(peer);
  await peer.peer.initialize();
  return peer;
}

describe('inbound bound: a flooding client', () => {
  it('gets -32001 past 128 requests in flight while another connection keeps working', async () => {
    expect(WEBSOCKET_LIMITS.maxInFlightRequests).toBe(CHANNEL_CAPACITY);
    server = await startWebSocketServer({ processor, host: '127.0.0.1', port: 0 });
    const flooder = await connect(server.url);
    const calm = await connect(server.url);

    const ids = Array.from({ length: 300 }, (_, i) => `flood-${i}`);
    for (const id of ids) flooder.peer.send({ id, method: 'thread/list', params: {} });
    const overloaded = ids.slice(CHANNEL_CAPACITY);
    await Promise.all(
      overloaded.map((id) => flooder.peer.waitFor((m) => m['id'] === id, `overload of ${id}`)),
    );
    for (const id of overloaded) {
      const reply = flooder.peer.messages.find((m) => m['id'] === id);
      expect(reply?.['error']).toEqual({
        code: OVERLOADED_ERROR_CODE,
        message: OVERLOADED_ERROR_MESSAGE,
      });
    }
    expect(
      server
        .connectionStats()
        .map((s) => s.inFlightRequests)
        .sort(),
    ).toEqual([0, CHANNEL_CAPACITY]);

    // The other connection is not affected.
    const started = await calm.peer.call<{ thread: { id: string } }>('thread/start', {});
    expect(started.thread.id).toBeTruthy();

    manager.release();
    const accepted = ids.slice(0, CHANNEL_CAPACITY);
    await Promise.all(
      accepted.map((id) => flooder.peer.waitFor((m) => m['id'] === id, `answer to ${id}`)),
    );
    const answers = flooder.peer.messages.filter((m) => String(m['id']).startsWith('flood-'));
    expect(answers).toHaveLength(ids.length);
    expect(answers.filter((m) => 'result' in m)).toHaveLength(CHANNEL_CAPACITY);
    // Once drained, the flooder is served again.
    await flooder.peer.call('thread/list', {});
    expect(flooder.peer.problems).toEqual([]);
  });
});

describe('message size bound', () => {
  it('closes a WebSocket that sends a message over the limit (1009), like tungstenite', async () => {
    server = await startWebSocketServer({
      processor,
      host: '127.0.0.1',
      port: 0,
      limits: { maxMessageBytes: 4096 },
    });
    const calm = await connect(server.url);
    const big = await connect(server.url);
    big.peer.send({ id: 1, method: 'thread/list', params: { pad: 'x'.repeat(5000) } });
    expect(await big.closed).toBe(1009);
    expect(await calm.peer.call('thread/start', {})).toHaveProperty('thread');
  });

  it('over stdio, answers a line over the limit with an error and keeps the connection', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const stdio = serveStdio({ processor, input, output, limits: { maxMessageBytes: 4096 } });
    const received: Array<Record<string, unknown>> = [];
    let pending = '';
    output.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) received.push(JSON.parse(line) as Record<string, unknown>);
    });
    input.write(
      `{"id":1,"method":"initialize","params":{"clientInfo":{"name":"t","version":"1"}}}\n`,
    );
    input.write(`{"id":2,"method":"thread/list","params":{"pad":"${'x'.repeat(9000)}"}}\n`);
    input.write('{"id":3,"method":"thread/start","params":{}}\n');
    input.end();
    expect(await stdio.stopped).toBe('eof');
    const responses = received.filter((m) => 'id' in m);
    expect(responses.map((m) => m['id'])).toEqual([1, null, 3]);
    expect(responses[1]?.['error']).toMatchObject({ code: -32600 });
    expect(responses[2]).toHaveProperty('result.thread');
  });
});

describe('outbound bound: a client that never reads', () => {
  it('is disconnected once 1024 messages wait, and the server never buffers more', async () => {
    server = await startWebSocketServer({ processor, host: '127.0.0.1', port: 0 });
    const calm = await connect(server.url);
    const raw = await RawWsSocket.connect('127.0.0.1', server.port);
    raw.pause();
    // Each request fails at once with an 8 KiB error (the method name comes back in it).
    const method = `x/${'m'.repeat(8 * 1024)}`;
    let sent = 0;
    let disconnected = false;
    void raw.closed.then(() => (disconnected = true));
    const safetyLimit = 200_000;
    while (!disconnected && sent < safetyLimit) {
      for (let i = 0; i < 100; i += 1) raw.sendText(JSON.stringify({ id: sent++, method }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await raw.closed;
    expect(disconnected).toBe(true);
    const totals = server.totals();
    expect(totals.slowClientDisconnects).toBe(1);
    const messageBytes = JSON.stringify({
      id: sent,
      error: { code: -32601, message: `method not found: ${method}` },
    }).length;
    const bound =
      WEBSOCKET_LIMITS.maxQueuedMessages * messageBytes +
      WEBSOCKET_LIMITS.highWaterBytes +
      messageBytes;
    expect(totals.peakBufferedBytes).toBeGreaterThan(0);
    expect(totals.peakBufferedBytes).toBeLessThanOrEqual(bound);
    // The server keeps serving everyone else.
    expect(await calm.peer.call('thread/start', {})).toHaveProperty('thread');
    expect(server.connectionCount()).toBe(1);
  });

  it('over stdio, a parent that stops reading stdout ends the server with bounded output', async () => {
    const input = new PassThrough();
    const output = new PassThrough({ highWaterMark: 16 * 1024 });
    const stdio = serveStdio({ processor, input, output });
    const method = `x/${'m'.repeat(1024)}`;
    let sent = 0;
    let stopped: string | null = null;
    void stdio.stopped.then((reason) => (stopped = reason));
    while (stopped === null && sent < 100_000) {
      for (let i = 0; i < 100; i += 1) input.write(`${JSON.stringify({ id: sent++, method })}\n`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(stopped).toBe('output-overflow');
    const messageBytes = method.length + 100;
    expect(stdio.outboundStats().peakBufferedBytes).toBeLessThanOrEqual(
      STDIO_LIMITS.maxQueuedMessages * messageBytes + STDIO_LIMITS.highWaterBytes + messageBytes,
    );
  });
});
