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
import { coreHarness } from './helpers/core-harness.js';
import type { RpcHarness } from './helpers/rpc-harness.js';

/**
 * The stored-thread methods over the real core (rollouts + state DB in a temp CODEX_HOME). Every
 * message is checked against the official schema by the harness.
 */

let env: ModelTestEnv;
let harnesses: RpcHarness[];

function connect(sessionSource: 'exec' | 'appServer' = 'exec'): RpcHarness {
  const harness = coreHarness(env, { sessionSource });
  harnesses.push(harness);
  return harness;
}

interface ThreadShape {
  id: string;
  name: string | null;
  turns: Array<{ id: string; items: Array<{ type: string }> }>;
}

/** Runs one turn on a new thread and closes that server, leaving the thread on disk. */
async function storedThread(
  prompt: string,
  sessionSource: 'exec' | 'appServer' = 'exec',
): Promise<string> {
  env.server.enqueue(
    sseResponse(responseCreated(), outputTextMessage('noted'), completed('r', usage({}))),
  );
  const harness = connect(sessionSource);
  await harness.initialize();
  const { thread } = await harness.call<{ thread: ThreadShape }>('thread/start', {
    cwd: env.work.path,
  });
  await harness.call('turn/start', {
    threadId: thread.id,
    input: [{ type: 'text', text: prompt, text_elements: [] }],
  });
  await harness.waitForNotification('turn/completed');
  await harness.close();
  return thread.id;
}

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: { requestMaxRetries: 0 } });
  harnesses = [];
});

afterEach(async () => {
  for (const harness of harnesses) await harness.close();
  await env.cleanup();
  for (const harness of harnesses) expect(harness.problems).toEqual([]);
});

describe('stored threads over core', () => {
  it('lists, reads, names and resumes by name a thread another server stored', async () => {
    const id = await storedThread('remember kumquat');
    const harness = connect();
    await harness.initialize();

    const listed = await harness.call<{ data: ThreadShape[]; nextCursor: string | null }>(
      'thread/list',
      { sourceKinds: ['exec'], cwd: env.work.path },
    );
    expect(listed.data.map((t) => t.id)).toEqual([id]);

    const read = await harness.call<{ thread: ThreadShape }>('thread/read', {
      threadId: id,
      includeTurns: true,
    });
    expect(read.thread.turns).toHaveLength(1);

    await harness.call('thread/name/set', { threadId: id, name: 'fruit' });
    await harness.waitForNotification('thread/name/updated');
    env.server.enqueue(
      sseResponse(responseCreated(), outputTextMessage('kumquat'), completed('r2', usage({}))),
    );
    const resumed = await harness.call<{ thread: ThreadShape }>('thread/resume', {
      threadId: 'fruit',
    });
    expect(resumed.thread.id).toBe(id);
    expect(resumed.thread.name).toBe('fruit');
    expect(resumed.thread.turns).toHaveLength(1);
    await harness.call('turn/start', {
      threadId: id,
      input: [{ type: 'text', text: 'which fruit?', text_elements: [] }],
    });
    await harness.waitForNotification('turn/completed');
    expect(JSON.stringify(env.server.modelRequests()[1]?.body)).toContain('remember kumquat');
  });

  it('forks, archives and deletes, with their notifications', async () => {
    const id = await storedThread('first');
    const harness = connect();
    await harness.initialize();
    const forked = await harness.call<{ thread: ThreadShape }>('thread/fork', { threadId: id });
    expect(forked.thread.id).not.toBe(id);
    await harness.waitForNotification('thread/started');

    await harness.call('thread/archive', { threadId: id });
    await harness.waitForNotification('thread/archived');
    const archived = await harness.call<{ data: ThreadShape[] }>('thread/list', {
      archived: true,
      sourceKinds: ['exec'],
    });
    expect(archived.data.map((t) => t.id)).toEqual([id]);
    await harness.call('thread/unarchive', { threadId: id });
    await harness.waitForNotification('thread/unarchived');

    await harness.call('thread/delete', { threadId: id });
    await harness.waitForNotification('thread/deleted');
    const error = await harness.callError('thread/read', { threadId: id });
    expect(error).toEqual({ code: -32600, message: `thread not loaded: ${id}` });
  });

  // `sourceKinds` carries v2 names; app-server threads are stored with source `mcp`.
  it('lists app-server threads under the appServer source kind', async () => {
    const id = await storedThread('from an app-server client', 'appServer');
    const harness = connect();
    await harness.initialize();
    const listed = await harness.call<{ data: ThreadShape[] }>('thread/list', {
      sourceKinds: ['appServer'],
    });
    expect(listed.data.map((t) => t.id)).toEqual([id]);
  });

  // Rust answers thread/fork with the copied history as `thread.turns`.
  it('answers thread/fork with the copied turns', async () => {
    const id = await storedThread('first');
    const harness = connect();
    await harness.initialize();
    const forked = await harness.call<{ thread: ThreadShape }>('thread/fork', { threadId: id });
    expect(forked.thread.turns).toHaveLength(1);
  });
});
