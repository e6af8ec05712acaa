import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AppServerClient,
  AppServerClosedError,
  AppServerRequestError,
  type ServerNotificationMessage,
} from '@codex-ts/app-server-client';
import {
  completed,
  inProcessServerEnv,
  outputTextMessage,
  responseCreated,
  sseResponse,
  startModelTestEnv,
  usage,
  type ModelTestEnv,
} from '@codex-ts/test-support';

/**
 * The client API over a real in-process app server and core, against the fake Responses server.
 * (Wire-level checks, including the official JSON Schema, live in packages/app-server/test.)
 */

let env: ModelTestEnv;
let client: AppServerClient | undefined;

async function connect(
  options: { env?: Record<string, string | undefined>; optOut?: string[] } = {},
): Promise<AppServerClient> {
  client = await AppServerClient.inProcess({
    env: options.env ?? inProcessServerEnv(env),
    codexHome: env.home.path,
    sessionSource: 'exec',
    cliVersion: '0.0.0-test',
    originator: 'codex_exec',
    clientInfo: { name: 'codex_exec', version: '0.0.0-test' },
    ...(options.optOut ? { optOutNotificationMethods: options.optOut } : {}),
  });
  return client;
}

function collect(c: AppServerClient): ServerNotificationMessage[] {
  const seen: ServerNotificationMessage[] = [];
  c.onNotification((n) => seen.push(n));
  return seen;
}

async function until(
  seen: ServerNotificationMessage[],
  method: string,
  timeoutMs = 10_000,
): Promise<ServerNotificationMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = seen.find((n) => n.method === method);
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`no ${method}; saw ${seen.map((n) => n.method).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const text = (t: string) => [{ type: 'text' as const, text: t, text_elements: [] }];

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: { requestMaxRetries: 0, streamMaxRetries: 0 } });
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await env.cleanup();
});

describe('in-process app server with core', () => {
  it('runs a plain message turn with the notification order of the Rust app server', async () => {
    env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        outputTextMessage('Hello from the model', { deltas: 3 }),
        completed('resp_1', usage({ input: 42, output: 7 })),
      ),
    );
    const c = await connect();
    expect(c.serverInfo.userAgent).toMatch(/^codex_exec\/0\.0\.0-test \(/);
    expect(c.serverInfo.codexHome).toBe(env.home.path);
    const seen = collect(c);

    const started = await c.request('thread/start', { cwd: env.work.path, sandbox: 'read-only' });
    expect(started).toMatchObject({
      model: 'gpt-test',
      modelProvider: 'mock',
      cwd: env.work.path,
      sandbox: { type: 'readOnly' },
      approvalsReviewer: 'user',
    });
    const threadId = started.thread.id;
    await until(seen, 'thread/started');
    const before = seen.length;

    const { turn } = await c.request('turn/start', { threadId, input: text('hello') });
    expect(turn.status).toBe('inProgress');
    // The response resolved before any of this turn's notifications were delivered.
    expect(seen.length).toBe(before);

    const done = await until(seen, 'turn/completed');
    expect(done.params).toMatchObject({ threadId, turn: { id: turn.id, status: 'completed' } });
    const methods = seen.slice(before).map((n) => n.method);
    expect(methods).toEqual([
      'thread/status/changed',
      'turn/started',
      'item/started',
      'item/completed',
      'item/started',
      'item/agentMessage/delta',
      'item/agentMessage/delta',
      'item/agentMessage/delta',
      'item/completed',
      'thread/tokenUsage/updated',
      'thread/status/changed',
      'turn/completed',
    ]);
    const turnNotes = seen.slice(before);
    expect(turnNotes[0]?.params).toMatchObject({ status: { type: 'active' } });
    expect(turnNotes[2]?.params).toMatchObject({ item: { type: 'userMessage' } });
    expect(turnNotes[4]?.params).toMatchObject({ item: { type: 'agentMessage' } });
    expect(turnNotes[8]?.params).toMatchObject({
      item: { type: 'agentMessage', text: 'Hello from the model' },
    });
    expect(turnNotes[10]?.params).toMatchObject({ status: { type: 'idle' } });
    expect(turnNotes.every((n) => typeof n.emittedAtMs === 'number')).toBe(true);
    const deltas = turnNotes
      .filter((n) => n.method === 'item/agentMessage/delta')
      .map((n) => (n.params as { delta: string }).delta);
    expect(deltas.join('')).toBe('Hello from the model');

    const [request] = env.server.modelRequests();
    expect(JSON.stringify(request?.body)).toContain('hello');
  });

  it('respects notification opt-outs', async () => {
    env.server.enqueue(
      sseResponse(responseCreated(), outputTextMessage('hi', { deltas: 2 }), completed()),
    );
    const c = await connect({ optOut: ['item/agentMessage/delta', 'thread/tokenUsage/updated'] });
    const seen = collect(c);
    const { thread } = await c.request('thread/start', { cwd: env.work.path });
    await c.request('turn/start', { threadId: thread.id, input: text('hello') });
    await until(seen, 'turn/completed');
    const methods = seen.map((n) => n.method);
    expect(methods).not.toContain('item/agentMessage/delta');
    expect(methods).not.toContain('thread/tokenUsage/updated');
  });

  it('interrupts a turn stuck on a slow stream', async () => {
    env.server.enqueue({ kind: 'hang', events: [responseCreated()] });
    const c = await connect();
    const seen = collect(c);
    const { thread } = await c.request('thread/start', { cwd: env.work.path });
    const { turn } = await c.request('turn/start', { threadId: thread.id, input: text('wait') });
    await until(seen, 'turn/started');
    await env.server.waitForRequests(1);

    await expect(
      c.request('turn/interrupt', { threadId: thread.id, turnId: turn.id }),
    ).resolves.toEqual({});
    // turn/completed (interrupted) was delivered before the interrupt's response.
    const completedNote = seen.find((n) => n.method === 'turn/completed');
    expect(completedNote?.params).toMatchObject({ turn: { id: turn.id, status: 'interrupted' } });
    const lastStatus = seen.filter((n) => n.method === 'thread/status/changed').at(-1);
    expect(lastStatus?.params).toMatchObject({ status: { type: 'idle' } });
  });

  it('reports request errors as AppServerRequestError', async () => {
    const c = await connect();
    const unknownMethod = await c.request('no/such' as 'thread/start', {}).catch((e: unknown) => e);
    expect(unknownMethod).toBeInstanceOf(AppServerRequestError);
    expect(unknownMethod).toMatchObject({ code: -32601, message: 'method not found: no/such' });

    const badParams = await c
      .request('turn/start', { threadId: 'x' } as never)
      .catch((e: unknown) => e);
    expect(badParams).toMatchObject({
      code: -32602,
      message: 'Invalid params for turn/start: input: Required',
      method: 'turn/start',
    });

    const unknownThread = await c
      .request('turn/start', { threadId: 'missing', input: text('x') })
      .catch((e: unknown) => e);
    expect(unknownThread).toMatchObject({ code: -32600, message: 'thread not found: missing' });
  });

  it('fails thread/start with the missing API key message', async () => {
    const c = await connect({ env: inProcessServerEnv(env, { MOCK_KEY: '' }) });
    const error = await c.request('thread/start', { cwd: env.work.path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppServerRequestError);
    expect((error as Error).message).toContain('Missing environment variable: MOCK_KEY');
  });

  it('AppServerClient.inProcess handshakes; close interrupts a running turn and rejects later requests', async () => {
    env.server.enqueue({ kind: 'hang', events: [responseCreated()] });
    const c = await AppServerClient.inProcess({
      env: inProcessServerEnv(env),
      codexHome: env.home.path,
      sessionSource: 'exec',
      cliVersion: '0.0.0-test',
      clientInfo: { name: 'codex_tui', version: '0.0.0-test' },
    });
    expect(c.serverInfo.userAgent).toMatch(
      /^codex_tui\/0\.0\.0-test \(.*\(codex_tui; 0\.0\.0-test\)$/,
    );
    const seen = collect(c);
    const { thread } = await c.request('thread/start', { cwd: env.work.path });
    await c.request('turn/start', { threadId: thread.id, input: text('wait') });
    await until(seen, 'turn/started');
    await env.server.waitForRequests(1);

    const startedAt = Date.now();
    await c.close();
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(seen.find((n) => n.method === 'turn/completed')?.params).toMatchObject({
      turn: { status: 'interrupted' },
    });
    await expect(c.request('thread/start', {})).rejects.toBeInstanceOf(AppServerClosedError);
  });
});
