import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  completed,
  outputTextMessage,
  responseCreated,
  sseResponse,
  startModelTestEnv,
  usage,
  type ModelTestEnv,
} from '@codex-ts/test-support';
import { spawnStdioAppServer, type StdioAppServer } from './helpers/spawned-app-server.js';

/**
 * `codex app-server` over stdio, as a client process sees it: the built binary, JSON lines on
 * stdin/stdout, the fake Responses server for turns. Needs `npm run build`.
 */

let env: ModelTestEnv;
let server: StdioAppServer | undefined;

const text = (t: string) => [{ type: 'text', text: t, text_elements: [] }];

async function startThread(s: StdioAppServer): Promise<string> {
  const result = await s.peer.call<{ thread: { id: string } }>('thread/start', {
    cwd: env.work.path,
    sandbox: 'read-only',
    approvalPolicy: 'never',
  });
  return result.thread.id;
}

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: { requestMaxRetries: 0, streamMaxRetries: 0 } });
});

afterEach(async () => {
  await server?.cleanup();
  server = undefined;
  await env.cleanup();
});

describe('codex app-server over stdio', () => {
  it('initializes, starts a thread and runs a turn; stdout carries only JSON-RPC lines', async () => {
    env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        outputTextMessage('Hello from the fake model', { deltas: 3 }),
        completed('resp_1', usage({ input: 12, output: 5 })),
      ),
    );
    server = spawnStdioAppServer(env);
    const init = await server.peer.initialize();
    expect(init).toMatchObject({ codexHome: env.home.path });
    const threadId = await startThread(server);
    await server.peer.waitForNotification('thread/started');
    const turn = await server.peer.call<{ turn: { id: string; status: string } }>('turn/start', {
      threadId,
      input: text('hi'),
    });
    expect(turn.turn.status).toBe('inProgress');
    const done = await server.peer.waitForNotification('turn/completed');
    expect(done['params']).toMatchObject({
      threadId,
      turn: { id: turn.turn.id, status: 'completed' },
    });
    const deltas = server.peer
      .notifications('item/agentMessage/delta')
      .map((m) => (m['params'] as { delta: string }).delta)
      .join('');
    expect(deltas).toBe('Hello from the fake model');
    expect(server.peer.problems).toEqual([]);

    server.endStdin();
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.peer.problems).toEqual([]);
  });

  it('answers malformed JSON with a parse error (id null) and stays usable', async () => {
    server = spawnStdioAppServer(env);
    server.writeRaw('{"id": 1, "method": \n');
    const parseError = await server.peer.waitFor((m) => m['id'] === null, 'parse error');
    expect(parseError['error']).toMatchObject({ code: -32700 });
    await server.peer.initialize();
    const unknown = await server.peer.request('no/such/method', {});
    expect(unknown['error']).toMatchObject({ code: -32601 });
    const wrongType = await server.peer.request('thread/list', { limit: 'ten' });
    expect(wrongType['error']).toMatchObject({ code: -32602 });
    const list = await server.peer.call('thread/list', {});
    expect(list).toMatchObject({ data: [] });
    expect(server.stderr()).toContain('Failed to deserialize');
  });

  it('discards a line over 64 MiB with an error and keeps serving', async () => {
    server = spawnStdioAppServer(env);
    await server.peer.initialize();
    const huge = Buffer.alloc(64 * 1024 * 1024 + 10, 0x61);
    server.writeRaw(Buffer.concat([Buffer.from('{"id":"big","method":"thread/list","x":"'), huge]));
    server.writeRaw('"}\n');
    const rejected = await server.peer.waitFor((m) => m['id'] === null, 'oversized error');
    expect(rejected['error']).toMatchObject({ code: -32600 });
    expect(String((rejected['error'] as { message: string }).message)).toContain(
      'exceeds the limit',
    );
    const list = await server.peer.call('thread/list', {});
    expect(list).toMatchObject({ data: [] });
  });

  it('handles requests concurrently and answers each exactly once', async () => {
    server = spawnStdioAppServer(env);
    await server.peer.initialize();
    const ids = Array.from({ length: 40 }, (_, i) => `req-${i}`);
    const answers = await Promise.all(ids.map((id) => server!.peer.request('thread/list', {}, id)));
    expect(answers.every((a) => 'result' in a)).toBe(true);
    const responseIds = server.peer.messages.filter((m) => !('method' in m)).map((m) => m['id']);
    expect(
      responseIds.filter((id) => typeof id === 'string' && id.startsWith('req-')).sort(),
    ).toEqual([...ids].sort());
  });

  it('on stdin EOF answers what it received, interrupts the running turn and exits 0', async () => {
    env.server.enqueue({ kind: 'hang', events: [responseCreated('resp_1')] });
    server = spawnStdioAppServer(env);
    await server.peer.initialize();
    const threadId = await startThread(server);
    const turn = await server.peer.call<{ turn: { id: string } }>('turn/start', {
      threadId,
      input: text('wait forever'),
    });
    await env.server.waitForRequests(1);
    server.peer.send({ id: 'last', method: 'thread/read', params: { threadId } });
    server.endStdin();
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.peer.messages.some((m) => m['id'] === 'last' && 'result' in m)).toBe(true);
    const completion = server.peer
      .notifications('turn/completed')
      .find((m) => (m['params'] as { turn: { id: string } }).turn.id === turn.turn.id);
    expect(completion?.['params']).toMatchObject({ turn: { status: 'interrupted' } });
    expect(server.peer.problems).toEqual([]);
  });

  it('stops on SIGTERM, interrupting the running turn', async () => {
    env.server.enqueue({ kind: 'hang', events: [responseCreated('resp_1')] });
    server = spawnStdioAppServer(env);
    await server.peer.initialize();
    const threadId = await startThread(server);
    await server.peer.call('turn/start', { threadId, input: text('wait') });
    await env.server.waitForRequests(1);
    server.signal('SIGTERM');
    expect(await server.exited).toEqual({ code: 143, signal: null });
    expect(server.peer.notifications('turn/completed')[0]?.['params']).toMatchObject({
      turn: { status: 'interrupted' },
    });
  });
});
