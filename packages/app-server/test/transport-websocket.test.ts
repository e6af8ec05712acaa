import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  completed,
  outputTextMessage,
  responseCreated,
  sseResponse,
  startModelTestEnv,
  type ModelTestEnv,
} from '@codex-ts/test-support';
import { spawnWebSocketAppServer, type SpawnedAppServer } from './helpers/spawned-app-server.js';
import { connectWsPeer, httpStatus, refusedUpgrade, type WsPeer } from './helpers/ws-peer.js';

/**
 * `codex app-server --listen ws://...` as clients see it: the built binary, raw `ws` clients
 * (one JSON-RPC message per text frame). Needs `npm run build`.
 */

let env: ModelTestEnv;
let server: (SpawnedAppServer & { url: string }) | undefined;
const peers: WsPeer[] = [];

const text = (t: string) => [{ type: 'text', text: t, text_elements: [] }];
const httpUrl = (wsUrl: string, path: string): string => `${wsUrl.replace(/^ws/, 'http')}${path}`;

async function connect(url: string, options = {}): Promise<WsPeer> {
  const peer = await connectWsPeer(url, options);
  peers.push(peer);
  return peer;
}

/** A non-loopback IPv4 address of this machine, if it has one. */
function nonLoopbackAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) return entry.address;
    }
  }
  return null;
}

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: { requestMaxRetries: 0, streamMaxRetries: 0 } });
});

afterEach(async () => {
  for (const peer of peers.splice(0)) {
    peer.socket.terminate();
    expect(peer.peer.problems).toEqual([]);
  }
  await server?.cleanup();
  server = undefined;
  await env.cleanup();
});

describe('codex app-server over WebSocket', () => {
  it('prints the Rust banner with the bound port and answers readyz/healthz', async () => {
    server = await spawnWebSocketAppServer(env, 'ws://127.0.0.1:0');
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const port = server.url.split(':').pop();
    expect(server.stderr()).toContain('codex app-server (WebSockets)');
    expect(server.stderr()).toContain(`readyz: http://127.0.0.1:${port}/readyz`);
    expect(server.stderr()).toContain(`healthz: http://127.0.0.1:${port}/healthz`);
    expect(server.stderr()).toContain('binds localhost only');
    expect(await httpStatus(httpUrl(server.url, '/readyz'))).toBe(200);
    expect(await httpStatus(httpUrl(server.url, '/healthz'))).toBe(200);
    expect(await httpStatus(httpUrl(server.url, '/'))).toBe(400);
  });

  it('refuses any request with an Origin header (403), upgrades included', async () => {
    server = await spawnWebSocketAppServer(env, 'ws://127.0.0.1:0');
    const refusal = await refusedUpgrade(server.url, { origin: 'https://evil.example' });
    expect(refusal.status).toBe(403);
    const health = await httpStatus(httpUrl(server.url, '/healthz'), {
      origin: 'https://x.example',
    });
    expect(health).toBe(403);
  });

  it('serves several connections over one set of threads, each with its own handshake', async () => {
    env.server.enqueue(
      sseResponse(responseCreated('r1'), outputTextMessage('first answer'), completed('r1')),
      sseResponse(responseCreated('r2'), outputTextMessage('second answer'), completed('r2')),
    );
    server = await spawnWebSocketAppServer(env, 'ws://127.0.0.1:0');
    const a = await connect(server.url);
    const b = await connect(server.url);
    await a.peer.initialize('client_a');
    const early = await b.peer.request('thread/list', {});
    expect(early['error']).toMatchObject({ message: 'Not initialized' });
    await b.peer.initialize('client_b');

    const started = await a.peer.call<{ thread: { id: string } }>('thread/start', {
      cwd: env.work.path,
      sandbox: 'read-only',
      approvalPolicy: 'never',
    });
    const threadId = started.thread.id;
    await a.peer.call('turn/start', { threadId, input: text('one') });
    await a.peer.waitForNotification('turn/completed');

    const list = await b.peer.call<{ data: Array<{ id: string }> }>('thread/list', {});
    expect(list.data.map((t) => t.id)).toContain(threadId);
    const read = await b.peer.call<{ thread: { id: string } }>('thread/read', { threadId });
    expect(read.thread.id).toBe(threadId);

    // B joins the live thread; a turn started by A reaches both.
    await b.peer.call('thread/resume', { threadId });
    const fromA = a.peer.messages.length;
    const fromB = b.peer.messages.length;
    await a.peer.call('turn/start', { threadId, input: text('two') });
    await a.peer.waitForNotification('turn/completed', fromA);
    const seenByB = await b.peer.waitForNotification('turn/completed', fromB);
    expect(seenByB['params']).toMatchObject({ threadId, turn: { status: 'completed' } });
  });

  it('load: 20 connections run 50 concurrent turns; per thread nothing lost, doubled or reordered', async () => {
    const reply = 'one two three four five six seven eight';
    env.server.setDefault(
      sseResponse(responseCreated('r'), outputTextMessage(reply, { deltas: 8 }), completed('r')),
    );
    server = await spawnWebSocketAppServer(env, 'ws://127.0.0.1:0');
    const clients = await Promise.all(Array.from({ length: 20 }, () => connect(server!.url)));
    await Promise.all(clients.map((c, i) => c.peer.initialize(`load_${i}`)));
    // 50 threads spread over the 20 connections (2 or 3 each), all turns started at once.
    const jobs = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const client = clients[i % clients.length] as WsPeer;
        const started = await client.peer.call<{ thread: { id: string } }>('thread/start', {
          cwd: env.work.path,
          sandbox: 'read-only',
          approvalPolicy: 'never',
        });
        return { client, threadId: started.thread.id };
      }),
    );
    await Promise.all(
      jobs.map(({ client, threadId }) =>
        client.peer.call('turn/start', { threadId, input: text('go') }),
      ),
    );
    await Promise.all(
      jobs.map(({ client, threadId }) =>
        client.peer.waitFor(
          (m) =>
            m['method'] === 'turn/completed' &&
            (m['params'] as { threadId: string }).threadId === threadId,
          `turn/completed of ${threadId}`,
        ),
      ),
    );
    for (const { client, threadId } of jobs) {
      const ofThread = client.peer.messages.filter(
        (m) => 'method' in m && (m['params'] as { threadId?: string }).threadId === threadId,
      );
      const methods = ofThread.map((m) => m['method']);
      expect(methods.filter((m) => m === 'turn/started')).toHaveLength(1);
      expect(methods.filter((m) => m === 'turn/completed')).toHaveLength(1);
      expect(methods.indexOf('turn/started')).toBeLessThan(methods.indexOf('item/started'));
      expect(methods.at(-1)).toBe('turn/completed');
      const deltas = ofThread
        .filter((m) => m['method'] === 'item/agentMessage/delta')
        .map((m) => (m['params'] as { delta: string }).delta);
      expect(deltas.join('')).toBe(reply);
      // Each item completes once, after it started (when it has a start).
      const itemId = (m: Record<string, unknown>): string =>
        (m['params'] as { item: { id: string } }).item.id;
      const completedIds = ofThread.filter((m) => m['method'] === 'item/completed').map(itemId);
      expect(new Set(completedIds).size).toBe(completedIds.length);
      ofThread.forEach((m, index) => {
        if (m['method'] !== 'item/started') return;
        const done = ofThread.findIndex(
          (o) => o['method'] === 'item/completed' && itemId(o) === itemId(m),
        );
        expect(done).toBeGreaterThan(index);
      });
    }
    expect(env.server.modelRequests()).toHaveLength(50);
  });

  it('refuses a non-loopback listener without auth, as the Rust server does', async () => {
    await expect(spawnWebSocketAppServer(env, 'ws://0.0.0.0:0')).rejects.toThrow(
      'refusing to start non-loopback websocket listener 0.0.0.0:0 without auth',
    );
  });

  it('requires the bearer token from --ws-token-file off loopback (401 otherwise)', async () => {
    const host = nonLoopbackAddress() ?? '127.0.0.1';
    const tokenFile = join(env.home.path, 'ws-token');
    await writeFile(tokenFile, 'tok-123456\n');
    server = await spawnWebSocketAppServer(env, `ws://${host}:0`, [
      '--ws-auth',
      'capability-token',
      '--ws-token-file',
      tokenFile,
    ]);
    if (host !== '127.0.0.1') {
      expect(server.stderr()).toContain('websocket auth is required for non-localhost listeners');
    }
    expect(await refusedUpgrade(server.url)).toEqual({
      status: 401,
      body: 'missing websocket bearer token',
    });
    expect(
      await refusedUpgrade(server.url, { headers: { authorization: 'Bearer tok-999999' } }),
    ).toEqual({ status: 401, body: 'invalid websocket bearer token' });
    const ok = await connect(server.url, { headers: { authorization: 'Bearer tok-123456' } });
    expect(await ok.peer.initialize()).toMatchObject({ codexHome: env.home.path });
  });

  it('drains on the first SIGTERM and stops on the second, closing connections', async () => {
    env.server.enqueue({ kind: 'hang', events: [responseCreated('r1')] });
    server = await spawnWebSocketAppServer(env, 'ws://127.0.0.1:0', []);
    const a = await connect(server.url);
    await a.peer.initialize();
    const started = await a.peer.call<{ thread: { id: string } }>('thread/start', {
      cwd: env.work.path,
    });
    await a.peer.call('turn/start', { threadId: started.thread.id, input: text('hang') });
    await env.server.waitForRequests(1);
    server.signal('SIGTERM');
    // Still serving while the turn runs: a request on the open connection is answered.
    await a.peer.call('thread/read', { threadId: started.thread.id });
    server.signal('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await a.closed).toBeGreaterThan(0);
  });
});

const OPENSSL = ['/usr/bin/openssl', '/usr/local/bin/openssl', '/opt/homebrew/bin/openssl'].find(
  (p) => existsSync(p),
);

describe.skipIf(OPENSSL === undefined)('codex app-server over wss://', () => {
  it('serves TLS with --tls-cert/--tls-key and a self-signed certificate', async () => {
    const cert = join(env.home.path, 'cert.pem');
    const key = join(env.home.path, 'key.pem');
    execFileSync(
      OPENSSL as string,
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    server = await spawnWebSocketAppServer(env, 'wss://127.0.0.1:0', [
      '--tls-cert',
      cert,
      '--tls-key',
      key,
    ]);
    expect(server.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    expect(server.stderr()).toMatch(/readyz: https:\/\/127\.0\.0\.1:\d+\/readyz/);
    const ca = await readFile(cert);
    const peer = await connect(server.url, { ca });
    expect(await peer.peer.initialize()).toMatchObject({ codexHome: env.home.path });
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpsRequest(`${server!.url.replace('wss', 'https')}/readyz`, { ca }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    await expect(connectWsPeer(server.url)).rejects.toThrow();
  });
});
