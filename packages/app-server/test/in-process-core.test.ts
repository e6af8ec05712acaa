import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerNotificationMessage } from '@codex-ts/app-server';
import {
  completed,
  outputTextMessage,
  responseCreated,
  sseResponse,
  startModelTestEnv,
  usage,
  type ModelTestEnv,
} from '@codex-ts/test-support';
import { coreHarness } from './helpers/core-harness.js';
import type { RpcHarness } from './helpers/rpc-harness.js';

/**
 * The in-process app server over the real core and config, against the fake Responses server.
 * Every message the server sends is checked against the official schema by the harness.
 */

let env: ModelTestEnv;
let harness: RpcHarness;

function startServer(extraEnv: Record<string, string | undefined> = {}): RpcHarness {
  harness = coreHarness(env, { env: extraEnv });
  return harness;
}

async function startThread(): Promise<string> {
  const result = await harness.call<{ thread: { id: string } }>('thread/start', {
    cwd: env.work.path,
    sandbox: 'read-only',
    approvalPolicy: 'never',
  });
  await harness.waitForNotification('thread/started');
  return result.thread.id;
}

const text = (t: string) => [{ type: 'text', text: t, text_elements: [] }];

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: { requestMaxRetries: 0, streamMaxRetries: 0 } });
});

afterEach(async () => {
  await harness.close();
  await env.cleanup();
  expect(harness.problems).toEqual([]);
});

describe('in-process app server over core', () => {
  it('answers thread/start from the config and emits the message order of a plain turn', async () => {
    env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        outputTextMessage('Hi there, friend', { deltas: 2 }),
        completed('resp_1', usage({ input: 30, cached: 10, output: 4 })),
      ),
    );
    startServer();
    await harness.initialize();
    const started = await harness.call<Record<string, unknown>>('thread/start', {
      cwd: env.work.path,
      sandbox: 'read-only',
      approvalPolicy: 'never',
    });
    expect(started).toMatchObject({
      model: 'gpt-test',
      modelProvider: 'mock',
      cwd: env.work.path,
      approvalPolicy: 'never',
      sandbox: { type: 'readOnly' },
    });
    const threadId = (started['thread'] as { id: string }).id;
    await harness.waitForNotification('thread/started');

    const before = harness.messages.length;
    const response = await harness.request('turn/start', { threadId, input: text('hello') });
    await harness.waitForNotification('turn/completed');
    const slice = harness.messages.slice(before);
    expect(slice[0]).toBe(response);
    expect(response).toMatchObject({ result: { turn: { status: 'inProgress', items: [] } } });

    const notes = slice.slice(1) as ServerNotificationMessage[];
    expect(notes.map((n) => n.method)).toEqual([
      'thread/status/changed',
      'turn/started',
      'item/started',
      'item/completed',
      'item/started',
      'item/agentMessage/delta',
      'item/agentMessage/delta',
      'item/completed',
      'thread/tokenUsage/updated',
      'thread/status/changed',
      'turn/completed',
    ]);
    expect(notes[0]?.params).toMatchObject({ threadId, status: { type: 'active' } });
    expect(notes[2]?.params).toMatchObject({ item: { type: 'userMessage' } });
    expect(notes[4]?.params).toMatchObject({ item: { type: 'agentMessage' } });
    expect(notes[7]?.params).toMatchObject({
      item: { type: 'agentMessage', text: 'Hi there, friend' },
    });
    expect(notes[8]?.params).toMatchObject({
      tokenUsage: { last: { inputTokens: 30, cachedInputTokens: 10, outputTokens: 4 } },
    });
    expect(notes[9]?.params).toMatchObject({ status: { type: 'idle' } });
    expect(notes[10]?.params).toMatchObject({ turn: { status: 'completed' } });
  });

  it('refuses requests before initialize, a second initialize and unknown methods', async () => {
    startServer();
    expect(await harness.callError('thread/start', { cwd: env.work.path })).toEqual({
      code: -32600,
      message: 'Not initialized',
    });
    await harness.initialize();
    expect(
      await harness.callError('initialize', { clientInfo: { name: 'a', version: '1' } }),
    ).toEqual({ code: -32600, message: 'Already initialized' });
    expect(await harness.callError('thread/teleport', {})).toEqual({
      code: -32601,
      message: 'method not found: thread/teleport',
    });
  });

  it('names the offending field of bad params and reports unknown threads', async () => {
    startServer();
    await harness.initialize();
    const threadId = await startThread();
    expect(await harness.callError('turn/start', { threadId })).toEqual({
      code: -32602,
      message: 'Invalid params for turn/start: input: Required',
      data: { issues: [{ path: 'input', message: 'Required' }] },
    });
    expect(await harness.callError('turn/start', { threadId: 'nope', input: text('x') })).toEqual({
      code: -32600,
      message: 'thread not found: nope',
    });
  });

  it('fails thread/start with the missing API key message', async () => {
    startServer({ MOCK_KEY: undefined });
    await harness.initialize();
    const error = await harness.callError('thread/start', { cwd: env.work.path });
    expect(error.message).toContain('Missing environment variable: MOCK_KEY');
  });

  it('interrupts a turn stuck on a slow stream', async () => {
    env.server.enqueue({ kind: 'hang', events: [responseCreated()] });
    startServer();
    await harness.initialize();
    const threadId = await startThread();
    const { turn } = await harness.call<{ turn: { id: string } }>('turn/start', {
      threadId,
      input: text('wait'),
    });
    await harness.waitForNotification('turn/started');
    await env.server.waitForRequests(1);

    const response = await harness.request('turn/interrupt', { threadId, turnId: turn.id });
    expect(response).toMatchObject({ result: {} });
    const completedNote = harness.notifications().find((n) => n.method === 'turn/completed');
    expect(completedNote?.params).toMatchObject({ turn: { id: turn.id, status: 'interrupted' } });
    expect(harness.messages.indexOf(completedNote!)).toBeLessThan(
      harness.messages.indexOf(response),
    );
  });

  it('close interrupts a running turn and ends the channel', async () => {
    env.server.enqueue({ kind: 'hang', events: [responseCreated()] });
    startServer();
    await harness.initialize();
    const threadId = await startThread();
    await harness.call('turn/start', { threadId, input: text('wait') });
    await harness.waitForNotification('turn/started');
    await env.server.waitForRequests(1);
    await harness.close();
    expect(harness.server.fromServer.closed).toBe(true);
    const completedNote = harness.notifications().find((n) => n.method === 'turn/completed');
    expect(completedNote?.params).toMatchObject({ turn: { status: 'interrupted' } });
  });
});
