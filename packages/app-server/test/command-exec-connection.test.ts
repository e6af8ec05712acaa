import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startModelTestEnv, type ModelTestEnv } from '@codex-ts/test-support';
import { isGone, isRunning, waitForStdout, waitUntil } from './helpers/command-exec-session.js';
import { useProcessorServer } from './helpers/processor-server.js';
import type { RpcPeer, WireMessage } from './helpers/rpc-peer.js';
import {
  spawnStdioAppServer,
  spawnWebSocketAppServer,
  type SpawnedAppServer,
} from './helpers/spawned-app-server.js';
import { connectWsPeer, type WsPeer } from './helpers/ws-peer.js';

const server = useProcessorServer();
const unsandboxed = { type: 'dangerFullAccess' } as const;
/** Leader and background pids, printed by the command and streamed back. */
const PIDS = /pids (\d+) (\d+)/;
const twoProcesses = ['sh', '-c', 'sleep 60 & echo "pids $$ $!"; wait'];

describe('command/exec: a closing connection kills its processes', () => {
  it('in process: streamed and buffered commands, with their process groups', async () => {
    const client = await server.start();
    const cwd = await server.scratch();
    ignoreAnswer(
      client.request('command/exec', {
        command: twoProcesses,
        processId: 'streamed',
        streamStdoutStderr: true,
        disableTimeout: true,
        cwd,
        sandboxPolicy: unsandboxed,
      }),
    );
    // Buffered (no processId): it has no name the client could use, but belongs to it too.
    ignoreAnswer(
      client.request('command/exec', {
        command: ['sh', '-c', 'sleep 60 & echo "$$ $!" > pids.txt; wait'],
        disableTimeout: true,
        cwd,
        sandboxPolicy: unsandboxed,
      }),
    );
    const [, leader, background] = await waitForStdout(client, 'streamed', PIDS);
    const pidFile = join(cwd, 'pids.txt');
    await waitUntil(() => existsSync(pidFile) && /\d+ \d+\n/.test(readPids(pidFile)), 'pids.txt');
    const buffered = readPids(pidFile).trim().split(' ').map(Number);
    const pids = [Number(leader), Number(background), ...buffered];
    for (const pid of pids) expect(await isRunning(pid)).toBe(true);

    await client.close();
    for (const pid of pids) expect(await isGone(pid)).toBe(true);
  });
});

describe('command/exec: a closing connection of `codex app-server` kills its processes', () => {
  let env: ModelTestEnv | undefined;
  let spawned: SpawnedAppServer | undefined;
  let ws: WsPeer | undefined;

  afterEach(async () => {
    ws?.socket.terminate();
    await spawned?.cleanup();
    await env?.cleanup();
    ws = undefined;
    spawned = undefined;
    env = undefined;
  });

  it('stdio: end of input', async () => {
    env = await startModelTestEnv();
    const stdio = spawnStdioAppServer(env);
    spawned = stdio;
    await stdio.peer.initialize();
    const pids = await startTwoProcesses(stdio.peer, env.work.path);
    stdio.endStdin();
    expect(await stdio.exited).toEqual({ code: 0, signal: null });
    for (const pid of pids) expect(await isGone(pid)).toBe(true);
    expect(stdio.peer.problems).toEqual([]);
  });

  it('WebSocket: the client closes the socket; the server keeps running', async () => {
    env = await startModelTestEnv();
    const wsServer = await spawnWebSocketAppServer(env, 'ws://127.0.0.1:0');
    spawned = wsServer;
    ws = await connectWsPeer(wsServer.url);
    await ws.peer.initialize();
    const pids = await startTwoProcesses(ws.peer, env.work.path);
    await ws.close();
    for (const pid of pids) expect(await isGone(pid)).toBe(true);
    expect(ws.peer.problems).toEqual([]);
    expect(wsServer.child.exitCode).toBeNull();
  });
});

/** Starts a streamed two-process command over `peer`; resolves with both pids once running. */
async function startTwoProcesses(peer: RpcPeer, cwd: string): Promise<number[]> {
  ignoreAnswer(
    peer.request('command/exec', {
      command: twoProcesses,
      processId: 'remote',
      streamStdoutStderr: true,
      disableTimeout: true,
      cwd,
      sandboxPolicy: unsandboxed,
    }),
  );
  const found = await peer.waitFor(() => PIDS.test(decodedStdout(peer.messages)), 'pids');
  expect(found).toBeDefined();
  const match = PIDS.exec(decodedStdout(peer.messages));
  const pids = [Number(match?.[1]), Number(match?.[2])];
  for (const pid of pids) expect(await isRunning(pid)).toBe(true);
  return pids;
}

function decodedStdout(messages: readonly WireMessage[]): string {
  return Buffer.concat(
    messages
      .filter((m) => m['method'] === 'command/exec/outputDelta')
      .map((m) => Buffer.from((m['params'] as { deltaBase64: string }).deltaBase64, 'base64')),
  ).toString('utf8');
}

function readPids(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The command dies with its connection, so its request is never answered. */
function ignoreAnswer(answer: Promise<unknown>): void {
  answer.catch(() => {});
}
